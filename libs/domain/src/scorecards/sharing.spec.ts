import type { MetricCategory, ScorecardCriterionResult } from '@tandem/contracts';
import { scorecardForCustomer, type ScorecardFigures } from './sharing';

const CATEGORY: Record<string, MetricCategory | null> = { otd: 'delivery', ppm: 'quality', cost: 'cost', own: null };
const categoryOf = (id: string) => CATEGORY[id] ?? null;

function line(metricId: string, value: number | null, source: ScorecardCriterionResult['source']): ScorecardCriterionResult {
  return { criterionId: `c-${metricId}`, metricId, metricCode: metricId.toUpperCase(), weight: 1, value, score: value === null ? null : 50, source };
}

function card(details: ScorecardCriterionResult[]): ScorecardFigures {
  return { score: 50, standing: 'approved', coverage: 1, provisional: false, details };
}

describe('scorecardForCustomer', () => {
  it('leaves a scorecard whose every criterion is shared as it is', () => {
    const c = card([line('otd', 96, 'self'), line('ppm', 120, 'self')]);
    expect(scorecardForCustomer(c, categoryOf, ['delivery', 'quality'])).toEqual({ ...c, withheld: null });
  });

  it('withholds a criterion of a category not shared, and every overall figure with it', () => {
    const out = scorecardForCustomer(card([line('otd', 96, 'self'), line('cost', 101, 'self')]), categoryOf, ['delivery', 'quality']);
    expect(out.details).toEqual([line('otd', 96, 'self'), { ...line('cost', null, null), withheld: true }]);
    expect([out.score, out.standing, out.coverage, out.provisional]).toEqual([null, null, null, null]);
    expect(out.withheld).toContain('(cost)');
  });

  it("withholds a criterion without a value too: that a firm has no figure of a category it keeps is the firm's to tell", () => {
    const out = scorecardForCustomer(card([line('otd', 96, 'self'), line('ppm', null, null)]), categoryOf, ['delivery']);
    expect(out.details[1]).toEqual({ ...line('ppm', null, null), withheld: true });
    expect(out.score).toBeNull();
  });

  it("shows the customer's own report whatever the setting", () => {
    const c = card([line('otd', 96, 'customer'), line('ppm', 300, 'customer')]);
    expect(scorecardForCustomer(c, categoryOf, [])).toEqual({ ...c, withheld: null });
  });

  it('never shares a metric without a category', () => {
    const out = scorecardForCustomer(card([line('own', 5, 'self')]), categoryOf, ['delivery', 'quality', 'cost', 'productivity', 'safety', 'workforce']);
    expect(out.details[0]?.withheld).toBe(true);
    expect(out.withheld).toContain('uncategorised');
  });
});
