import { sideApplies, templateErrors } from './templates';

describe('charter templates', () => {
  it('accepts a consistent set', () => {
    expect(
      templateErrors([
        { kind: 'training_hours_per_frontline_worker', side: 'supplier', target: 24 },
        { kind: 'training_hours_per_frontline_worker', side: 'customer', target: 16 },
        { kind: 'payment_within_days', side: 'customer', target: 45 },
      ]),
    ).toEqual([]);
  });
  it('names each bad field', () => {
    expect(
      templateErrors([
        { kind: 'payment_within_days', side: 'supplier', target: 0 },
        { kind: 'metrics_submitted_on_time', side: 'supplier', target: 120 },
        { kind: 'metrics_submitted_on_time', side: 'supplier', target: 100 },
      ]).map((e) => e.path),
    ).toEqual(['templates.0.side', 'templates.0.target', 'templates.1.target', 'templates.2.kind']);
  });
  it('applies a side to the right members', () => {
    expect(sideApplies('supplier', 'supplier')).toBe(true);
    expect(sideApplies('supplier', 'customer')).toBe(false);
    expect(sideApplies('any_member', 'customer')).toBe(true);
    expect(sideApplies('any_member', 'union')).toBe(false);
  });
});
