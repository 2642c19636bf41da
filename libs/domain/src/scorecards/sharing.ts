import type { MetricCategory, ScorecardCriterionResult, Standing } from '@tandem/contracts';

/** The figures of a scorecard a reader may or may not be shown. */
export interface ScorecardFigures {
  score: number | null;
  standing: Standing | null;
  coverage: number | null;
  provisional: boolean | null;
  details: ScorecardCriterionResult[];
}

/**
 * A scorecard as the customer of its relationship may read it (benchmarks.md rules 8 and 9).
 *
 * A criterion whose metric is in a category the supplier does not share with this customer
 * is withheld — value, score and source cleared — unless its value is the customer's own
 * report. It is withheld when it has no value too: that the supplier has no validated figure
 * of a category it keeps to itself is a fact about that category as well.
 *
 * When a criterion is withheld, so are score, standing, coverage and provisional: every one
 * of them is computed over all criteria, and with the visible ones and the weights the
 * customer could solve for the withheld ones (or for whether they have a value). Whether a
 * criterion is withheld depends only on what the customer knows already (the supplier's
 * setting towards it, its own reports), so the `withheld` reason discloses nothing itself.
 *
 * `categoryOf` answers null for a metric without a category: never shared.
 */
export function scorecardForCustomer<T extends ScorecardFigures>(
  card: T,
  categoryOf: (metricId: string) => MetricCategory | null,
  shared: readonly MetricCategory[],
): T & { withheld: string | null } {
  const hidden = new Set<string>();
  const details = card.details.map((d) => {
    const category = categoryOf(d.metricId);
    if (d.source === 'customer' || (category !== null && shared.includes(category))) return d;
    hidden.add(category ?? 'uncategorised');
    return { ...d, value: null, score: null, source: null, withheld: true as const };
  });
  if (hidden.size === 0) return { ...card, withheld: null };
  return {
    ...card,
    details,
    score: null,
    standing: null,
    coverage: null,
    provisional: null,
    withheld: `score, standing, coverage and provisional withheld: they are computed with figures the supplier does not share with your firm (${[...hidden].sort().join(', ')})`,
  };
}
