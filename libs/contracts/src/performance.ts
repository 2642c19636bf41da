import type {
  MetricDirection,
  MetricFrequency,
  MetricReporter,
  MetricValueSource,
  MetricValueStatus,
  PeriodKind,
  PeriodState,
  RevisionApproval,
} from './enums';

/** Supplier performance resources: metric-definitions, periods, metric-values, metric-goals. */
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
  /** part of the standard catalogue (metrics.md) */
  standard: boolean;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Period {
  id: string;
  consortiumId: string;
  /** 2026-Q1 or 2026-03 */
  code: string;
  kind: PeriodKind;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  state: PeriodState;
  closedAt: string | null;
  publishedAt: string | null;
  /** how often staff reopened it after a close */
  reopenCount: number;
  reopenedAt: string | null;
  /** the reason given at the latest reopening */
  reopenReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Where a firm stands with the figures it owes for a period. */
export type SubmissionStatus = 'complete' | 'partial' | 'missing';
export const SUBMISSION_STATUSES = ['complete', 'partial', 'missing'] as const satisfies readonly SubmissionStatus[];

/** One firm's row of a period's completeness: its own (self-reported) figures only. */
export interface PeriodCompletenessFirm {
  organisationId: string;
  organisationName: string;
  /** metrics it owes for the period */
  expected: number;
  /** of those, submitted or validated */
  submitted: number;
  /** of those, validated */
  validated: number;
  /** codes of the metrics owed with no submitted or validated value (drafts and rejected ones included) */
  missingMetrics: string[];
  status: SubmissionStatus;
  /** the due date has passed and metrics are still missing */
  late: boolean;
  lastSubmittedAt: string | null;
}

/**
 * GET /api/periods/{id}/completeness: which reporting firms (active supplier members) have
 * submitted the period's figures. Staff see every firm of the consortium, a firm only itself.
 * The totals count every firm; `firms` is one page of the firms matching the query's filters
 * (late first, then missing, partial, complete, by name), `matching` how many match.
 */
export interface PeriodCompleteness {
  /** the period's id */
  id: string;
  consortiumId: string;
  code: string;
  kind: PeriodKind;
  state: PeriodState;
  dueOn: string;
  /** the day "late" was judged on (YYYY-MM-DD, UTC) */
  asOf: string;
  /** codes of the metrics each reporting firm owes: enabled, reported by suppliers, collected in this kind of period */
  expectedMetrics: string[];
  totals: { firms: number; complete: number; partial: number; missing: number; late: number };
  /** firms matching the query's filters (`firms` holds one page of them) */
  matching: number;
  offset: number;
  limit: number;
  firms: PeriodCompletenessFirm[];
}

/** Query of GET /api/periods/{id}/completeness. */
export interface PeriodCompletenessQuery {
  /** 'true': late firms only; 'false': firms not late */
  late?: 'true' | 'false';
  status?: SubmissionStatus;
  /** page size, 1..MAX_PAGE_SIZE (default 100) */
  limit?: number;
  offset?: number;
}

/** POST /api/periods/{id}/remind-late: what staff's reminder to the late firms did. */
export interface LateReminderResult {
  periodId: string;
  code: string;
  /** late firms e-mailed now */
  reminded: number;
  /** late firms already reminded by staff today (not e-mailed again) */
  alreadyReminded: number;
  /** late firms with nobody to e-mail (no firm admin or contributor) */
  withoutRecipients: number;
}

export interface PeriodGenerateResult {
  created: Period[];
  /** codes that already existed and were left as they are */
  skipped: string[];
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
