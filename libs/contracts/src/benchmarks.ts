/** Benchmarks under disclosure control (benchmarks.md): resource shapes shared by api, worker and console. */

export const PEER_GROUP_KINDS = ['consortium', 'naics', 'size_band', 'region', 'supply_base', 'custom'] as const;
export type PeerGroupKind = (typeof PEER_GROUP_KINDS)[number];

export const BENCHMARK_RUN_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type BenchmarkRunState = (typeof BENCHMARK_RUN_STATES)[number];

export const BENCHMARK_RUN_REASONS = ['period_closed', 'period_published', 'values_validated', 'on_demand'] as const;
export type BenchmarkRunReason = (typeof BENCHMARK_RUN_REASONS)[number];

export const SUPPRESSION_REASON_CODES = ['fewer_than_k', 'dominated', 'differencing'] as const;
export type SuppressionReasonCode = (typeof SUPPRESSION_REASON_CODES)[number];

/** Categories a supplier shares per customer (benchmarks.md rule 8). */
export const METRIC_CATEGORIES = ['delivery', 'quality', 'cost', 'productivity', 'safety', 'workforce'] as const;
export type MetricCategory = (typeof METRIC_CATEGORIES)[number];
/** Shared with a customer that has a relationship unless the supplier says otherwise. */
export const DEFAULT_SHARED_CATEGORIES: readonly MetricCategory[] = ['delivery', 'quality'];

export interface PeerGroup {
  id: string;
  consortiumId: string;
  kind: PeerGroupKind;
  /** NAICS 3-digit code, size band code, region, customer id, or the custom group's id */
  key: string;
  name: string;
  /** supply_base only */
  customerId: string | null;
  /** custom groups only, and to staff only */
  organisationIds?: string[];
  /** custom groups saved as a filter (members with one of these codes, bands, regions), to staff only */
  filterNaics?: string[];
  filterSizeBands?: string[];
  filterRegions?: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface BenchmarkRun {
  id: string;
  consortiumId: string;
  periodId: string;
  reason: BenchmarkRunReason;
  state: BenchmarkRunState;
  /** 0–100 */
  progress: number;
  /** fingerprint of the validated values the run used */
  inputRevision: string | null;
  /** disclosure threshold k the run applied */
  threshold: number | null;
  cells: number;
  /** nothing the run reads had changed since the last completed run: it kept that run's results */
  reusedResults: boolean;
  computedAt: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BenchmarkExclusions {
  /** reported but not (yet) validated */
  notValidated: number;
  /** validated but flagged as an outlier that staff have not confirmed */
  unconfirmedOutlier: number;
}

/**
 * One statistic cell (period × metric × peer group) as one viewer may read it. A suppressed
 * cell carries the reason and no figure at all; staff read the figures of every cell, with
 * the reason it is suppressed for others, and the exclusions.
 */
export interface BenchmarkCell {
  id: string;
  periodId: string;
  metricId: string;
  peerGroupId: string;
  suppressed: boolean;
  /** why the cell is withheld, in words ("fewer than 5 peers", "dominated", "would disclose by difference") */
  reason: string | null;
  reasonCode: SuppressionReasonCode | null;
  /**
   * Quantiles left out for this reader although the cell is shown: with what it knows they
   * would give a single firm's value (an odd group's median is one firm's value; p25 of six
   * and the firm's own value give its neighbour's). Empty for staff.
   */
  withheldStatistics: string[];
  n: number | null;
  median: number | null;
  p25: number | null;
  p75: number | null;
  p10: number | null;
  p90: number | null;
  mean: number | null;
  pooled: number | null;
  /** staff only */
  exclusions?: BenchmarkExclusions;
  computedAt: string;
}

/** A member's own position in one cell. The statistics of the cell follow the cell's disclosure. */
export interface BenchmarkStanding {
  id: string;
  organisationId: string;
  periodId: string;
  metricId: string;
  peerGroupId: string;
  value: number;
  /** null when the cell is suppressed for the reader: a rank would describe the peers */
  percentileRank: number | null;
  quartile: number | null;
  changeSincePrevious: number | null;
  changeSinceBaseline: number | null;
  distanceToGoal: number | null;
  suppressed: boolean;
  reason: string | null;
  computedAt: string;
}

export interface SharingSetting {
  id: string;
  supplierId: string;
  customerId: string;
  categories: MetricCategory[];
  createdAt: string;
  updatedAt: string;
}

export const BENCHMARK_REPORT_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type BenchmarkReportState = (typeof BENCHMARK_REPORT_STATES)[number];

/** Whose view a report prints: a firm's own positions, or a customer's supply base and the public groups. */
export type BenchmarkReportAudience = 'firm' | 'customer';

/** The answer while a report is being built (202): poll again after Retry-After. */
export interface BenchmarkReportPending {
  state: 'queued' | 'running';
  /** 0–100 */
  progress: number;
}

/** A group's statistics as printed: figures only where the member may read them, else the reason alone. */
export type BenchmarkReportCell =
  | { shown: true; n: number; p10: number | null; p25: number | null; median: number | null; p75: number | null; p90: number | null; mean: number | null; pooled: number | null }
  | { shown: false; reason: string; reasonCode: SuppressionReasonCode };

export interface BenchmarkReportGroup {
  peerGroupId: string;
  name: string;
  kind: PeerGroupKind;
  cell: BenchmarkReportCell;
  /** the member's own position (firms): its value always; rank and quartile only where the cell is shown */
  own: { value: number; percentileRank: number | null; quartile: number | null; changeSincePrevious: number | null } | null;
}

export interface BenchmarkReportTrendPoint {
  periodId: string;
  code: string;
  /** the member's own value in the whole-consortium group, when it has one */
  own: number | null;
  /** the whole consortium's median where shown to the member */
  median: number | null;
  /** why the median is not printed */
  reason: string | null;
}

export interface BenchmarkReportMetric {
  id: string;
  code: string;
  name: string;
  unit: string | null;
  direction: string;
  groups: BenchmarkReportGroup[];
  trend: BenchmarkReportTrendPoint[];
}

/**
 * Exactly what a benchmark report prints, stored with the PDF: rendering it again gives the
 * same document, whatever was revised since.
 */
export interface BenchmarkReportSnapshot {
  version: 1;
  audience: BenchmarkReportAudience;
  consortium: { id: string; name: string };
  organisation: { id: string; code: string; name: string };
  period: { id: string; code: string; startsOn: string; endsOn: string };
  /** disclosure threshold k the decisions used */
  threshold: number;
  inputRevision: string | null;
  /** when the figures were computed (the newest cell used) */
  computedAt: string | null;
  metrics: BenchmarkReportMetric[];
}
