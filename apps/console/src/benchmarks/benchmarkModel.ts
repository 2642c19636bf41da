import type { BenchmarkCell, MetricDefinition, PeerGroup, PeerGroupKind } from '@tandem/contracts';
import { formatFigure, withUnit } from '../common/figures';

/**
 * Plain helpers of the benchmark pages (no React): how groups are named and ordered, and how a
 * member's value reads against its peers. Nothing here computes a statistic: every figure is
 * the API's, already through disclosure control.
 */

/** The order a member meets its groups in: the widest first, as the spec lists them. */
const KIND_ORDER: readonly PeerGroupKind[] = ['consortium', 'naics', 'size_band', 'region', 'supply_base', 'custom'];

const KIND_LABELS: Record<PeerGroupKind, string> = {
  consortium: 'Consortium',
  naics: 'Industry (NAICS)',
  size_band: 'Size band',
  region: 'Region',
  supply_base: 'Supply base',
  custom: 'Custom',
};

export function kindLabel(kind: PeerGroupKind): string {
  return KIND_LABELS[kind];
}

export function sortGroups<G extends Pick<PeerGroup, 'kind' | 'name'>>(groups: readonly G[]): G[] {
  return [...groups].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
}

/** "Q1 · best quarter" … "Q4"; the API's quartile is oriented so that 1 is best whatever the direction. */
export function quartileText(quartile: number): string {
  return quartile === 1 ? 'Q1 · top quarter' : quartile === 4 ? 'Q4 · bottom quarter' : `Q${quartile}`;
}

/** "45th percentile" (100 = best). */
export function percentileText(rank: number | null): string {
  if (rank === null) return '—';
  const whole = Math.round(rank);
  const suffix = whole % 100 >= 11 && whole % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][whole % 10] ?? 'th');
  return `${whole}${suffix} percentile`;
}

/**
 * The member's value against the peer median, in words and oriented by the metric's direction:
 * "0.3 % below the median (better)" for a lower-is-better metric. The difference is of two
 * figures the reader already holds (its own value and the published median).
 */
export function vsMedianText(value: number, median: number | null, metric: Pick<MetricDefinition, 'direction' | 'unit'> | undefined): string {
  if (median === null) return 'median withheld';
  const difference = value - median;
  if (Math.abs(difference) < 1e-9) return 'at the median';
  const better = metric ? (metric.direction === 'higher' ? difference > 0 : difference < 0) : undefined;
  const side = difference > 0 ? 'above' : 'below';
  return `${benchmarkFigure(Math.abs(difference), metric?.unit)} ${side} the median${better === undefined ? '' : better ? ' (better)' : ' (worse)'}`;
}

/** The statistics a cell shows, in one line ("n 34 · p25 95.3 · median 96.5 · p75 97.6"), or its reason. */
export function cellSummary(cell: BenchmarkCell | undefined, unit?: string): string {
  if (!cell) return 'not computed';
  if (cell.suppressed && cell.n === null) return `withheld: ${cell.reason ?? 'not shown'}`;
  const parts = [
    `n ${formatFigure(cell.n)}`,
    cell.p25 !== null ? `p25 ${formatFigure(cell.p25, 2)}` : null,
    `median ${benchmarkFigure(cell.median, unit)}`,
    cell.p75 !== null ? `p75 ${formatFigure(cell.p75, 2)}` : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** A cell the reader may not read the figures of (staff read them, marked withheld). */
export function withheld(cell: BenchmarkCell | undefined): boolean {
  return !cell || cell.suppressed;
}

/** A unit short enough for a sentence: "index, baseline = 100" reads "index". */
export function shortUnit(unit: string | undefined): string | undefined {
  return unit?.split(', ')[0]?.trim();
}

/** A benchmark figure as the pages print it: two decimals at most, with its short unit. */
export function benchmarkFigure(value: number | null | undefined, unit: string | undefined): string {
  return withUnit(value, shortUnit(unit), 2);
}

/** "fewer than 5 peers" → "Withheld: fewer than 5 peers" */
export function reasonText(reason: string | null): string {
  return `Withheld: ${reason ?? 'not shown to you'}`;
}

/** Index of rows by a key, for joining cells, standings and metrics the API sent separately. */
export function byKey<T>(rows: readonly T[] | undefined, key: (row: T) => string): Map<string, T> {
  return new Map((rows ?? []).map((row) => [key(row), row]));
}
