import type {
  MetricDirection,
  MetricFrequency,
  MetricReporter,
  MetricValueSource,
  MetricValueStatus,
  RevisionApproval,
} from './enums';
import type { MetricCategory } from './benchmarks';

/** Supplier performance resources: metric-definitions, metric-values, metric-goals. */
export interface MetricDefinition {
  id: string;
  consortiumId: string;
  code: string;
  name: string;
  unit: string;
  direction: MetricDirection;
  minValue: number | null;
  maxValue: number | null;
  /** the metric's own frequency (metrics.md) */
  frequency: MetricFrequency;
  /**
   * the frequency it is collected at in this consortium's reporting calendar: in a quarterly
   * calendar every metric is reported per quarter (a monthly one as the quarter's figure,
   * pooled over its months); in a monthly calendar each at its own frequency
   */
  collectionFrequency: MetricFrequency;
  reporters: MetricReporter[];
  isRatio: boolean;
  /** value = numerator ÷ denominator × ratioScale */
  ratioScale: number | null;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  outlierFactor: number;
  /**
   * the category a supplier's sharing settings name (benchmarks.md rule 8); null: a
   * consortium's own metric staff have not categorised, which no customer sees of a supplier
   */
  category: MetricCategory | null;
  /** part of the standard catalogue (metrics.md) */
  standard: boolean;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MetricValue {
  id: string;
  consortiumId: string;
  /** the organisation the figure is about (the supplier) */
  organisationId: string;
  metricId: string;
  metricCode: string;
  periodId: string;
  periodCode: string;
  /** first day of the period (YYYY-MM-DD): values sort by it (`periodStartsOn`) */
  periodStartsOn: string;
  /** the customer who reported it; null when the firm reports about itself */
  customerId: string | null;
  /** customerId, or 'self' */
  subjectKey: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  source: MetricValueSource;
  status: MetricValueStatus;
  rejectionReason: string | null;
  outlier: boolean;
  outlierNote: string | null;
  /** the current revision; updates must send it back (optimistic concurrency) */
  revision: number;
  /** a change of a closed period awaiting staff approval */
  pendingRevision: number | null;
  submittedAt: string | null;
  validatedAt: string | null;
  validatedById: string | null;
  /** baseline of the firm for this metric: the goal's, else its first validated period's value */
  baselineValue: number | null;
  goalValue: number | null;
  /** signed %: (value − baseline) ÷ |baseline| × 100, oriented so that positive is better */
  improvementSinceBaseline: number | null;
  /** in the metric's unit, oriented: positive = still short of the goal, ≤ 0 = goal reached */
  distanceToGoal: number | null;
  createdAt: string;
  updatedAt: string;
}

/** The figures of a value at one revision. */
export interface MetricValueState {
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  status: MetricValueStatus;
  source: MetricValueSource;
}

export interface MetricValueRevision {
  id: string;
  metricValueId: string;
  revision: number;
  /** the applied state this revision started from; null for the first */
  before: MetricValueState | null;
  after: MetricValueState;
  reason: string | null;
  approval: RevisionApproval;
  decidedById: string | null;
  decidedAt: string | null;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  createdAt: string;
}

export interface ValidateManyResult {
  validated: string[];
  skipped: { id: string; reason: string }[];
}

/** One row of POST /api/metric-values/bulk (an ERP export). */
export interface BulkMetricValueRow {
  /** the organisation the figure is about; defaults to the API key's organisation */
  orgCode?: string;
  /** period code, e.g. 2026-Q1 */
  period: string;
  /** metric code, e.g. OTD */
  metric: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  /** for customer-reported values (a buyer's own organisation when it pushes) */
  customerCode?: string;
  note?: string;
  /** the revision this row changes; absent for a new value */
  revision?: number;
}

export type BulkRowStatus = 'created' | 'updated' | 'unchanged' | 'error';

export interface BulkRowResult {
  /** 1-based position in `rows` */
  row: number;
  status: BulkRowStatus;
  id?: string;
  revision?: number;
  errors?: { path: string; message: string }[];
}

export interface MetricGoal {
  id: string;
  consortiumId: string;
  organisationId: string;
  metricId: string;
  baselinePeriodId: string | null;
  baselineValue: number | null;
  goalValue: number | null;
  goalDate: string | null;
  createdAt: string;
  updatedAt: string;
}
