import { allowedTransitions, canTransition, transitionDates } from './lifecycle';

describe('membership lifecycle', () => {
  it('allows the documented path and reinstatement', () => {
    expect(canTransition('applicant', 'active')).toBe(true);
    expect(canTransition('active', 'suspended')).toBe(true);
    expect(canTransition('suspended', 'active')).toBe(true);
    expect(canTransition('suspended', 'exited')).toBe(true);
  });
  it('refuses skipping and leaving exit', () => {
    expect(canTransition('applicant', 'suspended')).toBe(false);
    expect(canTransition('exited', 'active')).toBe(false);
    expect(allowedTransitions('exited')).toEqual([]);
    expect(canTransition('active', 'active')).toBe(false);
  });
  it('sets joined on first activation and exited on exit', () => {
    const d = new Date('2026-03-01');
    expect(transitionDates('applicant', 'active', d, { joinedAt: null })).toEqual({ joinedAt: d });
    expect(transitionDates('suspended', 'active', d, { joinedAt: new Date('2025-01-01') })).toEqual({});
    expect(transitionDates('active', 'exited', d, { joinedAt: d })).toEqual({ exitedAt: d });
  });
});
