/**
 * The statistics of a benchmark cell, as pure functions: the worker computes them in SQL
 * (percentile_cont, window functions) and these are their twins, used by tests and the seed.
 */
export type Direction = 'higher' | 'lower';

/**
 * PostgreSQL's percentile_cont (R type 7, NumPy's default): linear interpolation between
 * order statistics at position p·(n − 1). `values` need not be sorted. null for no values.
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (p < 0 || p > 1) throw new RangeError(`percentile ${p} is outside 0–1`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = p * (sorted.length - 1);
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/** Σnumerator / Σdenominator × scale (a pooled ratio, never an average of ratios); null when Σdenominator is 0. */
export function pooledRatio(parts: readonly { numerator: number; denominator: number }[], scale = 1): number | null {
  const num = parts.reduce((s, p) => s + p.numerator, 0);
  const den = parts.reduce((s, p) => s + p.denominator, 0);
  return den === 0 ? null : (num / den) * scale;
}

/**
 * Percentile rank oriented so that 100 is best whatever the direction: the share of the
 * group strictly worse plus half the share tied (the member itself included), × 100.
 */
export function percentileRank(value: number, group: readonly number[], direction: Direction): number {
  if (group.length === 0) throw new RangeError('a percentile rank needs a group');
  let worse = 0;
  let tied = 0;
  for (const v of group) {
    if (v === value) tied += 1;
    else if (direction === 'higher' ? v < value : v > value) worse += 1;
  }
  return ((worse + 0.5 * tied) / group.length) * 100;
}

/**
 * The rank a member reads once its group is released: peers with exactly its value count as
 * better ((strictly worse + ½ for itself) ÷ n × 100). The rank of the formula above gives half
 * a place to each tie, so its fraction tells how many peers reported exactly the member's own
 * value (an outside attack read "another firm reported exactly 90.4 h" off a rank of 72.73 in
 * a group of 11); staff read that one.
 */
export function releasedRank(value: number, group: readonly number[], direction: Direction): number {
  if (group.length === 0) throw new RangeError('a percentile rank needs a group');
  const worse = group.filter((v) => v !== value && (direction === 'higher' ? v < value : v > value)).length;
  return ((worse + 0.5) / group.length) * 100;
}

/** Quartile from an oriented percentile rank: 1 = best (rank ≥ 75) … 4 = worst (rank < 25). */
export function quartileOf(rank: number): 1 | 2 | 3 | 4 {
  if (rank >= 75) return 1;
  if (rank >= 50) return 2;
  if (rank >= 25) return 3;
  return 4;
}

export interface CellStatistics {
  n: number;
  median: number | null;
  p25: number | null;
  p75: number | null;
  /** only when n ≥ 10 (benchmarks.md rule 2): below, they equal a single firm's value */
  p10: number | null;
  p90: number | null;
  mean: number | null;
}

/** Groups smaller than this never publish p10 and p90. */
export const DECILES_MIN_N = 10;

export function cellStatistics(values: readonly number[]): CellStatistics {
  const n = values.length;
  const deciles = n >= DECILES_MIN_N;
  return {
    n,
    median: percentileCont(values, 0.5),
    p25: percentileCont(values, 0.25),
    p75: percentileCont(values, 0.75),
    p10: deciles ? percentileCont(values, 0.1) : null,
    p90: deciles ? percentileCont(values, 0.9) : null,
    mean: mean(values),
  };
}
