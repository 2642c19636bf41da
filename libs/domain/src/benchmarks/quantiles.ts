import { echelonOf, inRowSpan } from './linear';
import { percentileCont } from './statistics';

/** The quantiles a cell publishes, at their percentile_cont positions. */
export const QUANTILES = [
  ['p10', 0.1],
  ['p25', 0.25],
  ['median', 0.5],
  ['p75', 0.75],
  ['p90', 0.9],
] as const;
export type QuantileName = (typeof QUANTILES)[number][0];

/** Which go first when some must go: the outer ones, so that the median stays longest. */
const DROP_ORDER: readonly QuantileName[] = ['p10', 'p90', 'p25', 'p75', 'median'];

export interface RankedMember {
  organisationId: string;
  value: number;
}

/**
 * Quantiles are order statistics: with percentile_cont, p25 of six values is ¾ of the second
 * smallest plus ¼ of the third, the median of an odd group is one firm's value. So a reader
 * who knows some members' values (a firm knows its own, and its rank tells where it sits), or
 * none, can work single values out of them: the second smallest from p25 and its own, the next
 * from the median, and so on (an outside attack did exactly that), or read one straight off
 * an odd median.
 *
 * This returns the quantiles to withhold from one reader so that no unknown member's value is
 * determined by what it is shown: the published quantiles and the total (n × mean) written as
 * equations over the sorted values, the reader's known values put in, and while any
 * combination of them gives one unknown value exactly, one more quantile goes (the outer ones
 * first). n and the mean stay: the group checks already hold them safe.
 */
export function withheldQuantiles(
  members: readonly RankedMember[],
  present: readonly QuantileName[],
  known: ReadonlySet<string>,
): Set<QuantileName> {
  const sorted = [...members].sort((a, b) => a.value - b.value || (a.organisationId < b.organisationId ? -1 : 1));
  const n = sorted.length;
  const unknown = sorted.map((m, i) => ({ m, i })).filter(({ m }) => !known.has(m.organisationId));
  const column = new Map(unknown.map(({ i }, c) => [i, c]));
  const width = unknown.length;
  const withheld = new Set<QuantileName>();
  if (width === 0) return new Set(present);
  const rowOf = (q: number): number[] => {
    const h = (n - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    const f = h - lo;
    const row = new Array<number>(width).fill(0);
    const add = (i: number, w: number): void => {
      const c = column.get(i);
      if (c !== undefined) row[c] = (row[c] as number) + w;
    };
    if (lo === hi) add(lo, 1);
    else {
      add(lo, 1 - f);
      add(hi, f);
    }
    return row;
  };
  const total = new Array<number>(width).fill(1);
  const units = Array.from({ length: width }, (_, c) => Array.from({ length: width }, (_, j) => (j === c ? 1 : 0)));
  const leaks = (kept: readonly QuantileName[]): number => {
    const rows = [total, ...kept.map((name) => rowOf(QUANTILES.find(([q]) => q === name)?.[1] ?? 0.5))];
    const e = echelonOf(rows, width);
    return units.filter((u) => inRowSpan(e, u)).length;
  };
  let kept = QUANTILES.map(([q]) => q).filter((q) => present.includes(q));
  let count = leaks(kept);
  while (count > 0 && kept.length > 0) {
    // the first in drop order whose removal lowers the count of values told; else the first
    const candidates = DROP_ORDER.filter((q) => kept.includes(q));
    const next = candidates.find((q) => leaks(kept.filter((x) => x !== q)) < count) ?? (candidates[0] as QuantileName);
    withheld.add(next);
    kept = kept.filter((x) => x !== next);
    count = leaks(kept);
  }
  // Order tells what the equations do not: two equal quantiles fix every value between them
  // (p25 ≤ median ≤ p75, so p25 = p75 is the median, and the values at those places). While two
  // kept quantiles are equal, the outer one of them goes.
  const values = sorted.map((m) => m.value);
  const valueAt = (name: QuantileName): number => percentileCont(values, QUANTILES.find(([q]) => q === name)?.[1] ?? 0.5) ?? 0;
  for (;;) {
    const tied = kept.filter((a) => kept.some((b) => b !== a && Math.abs(valueAt(a) - valueAt(b)) < 1e-9));
    const next = DROP_ORDER.find((q) => tied.includes(q));
    if (!next) break;
    withheld.add(next);
    kept = kept.filter((x) => x !== next);
  }
  return withheld;
}
