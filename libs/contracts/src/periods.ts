import type { PeriodKind, PeriodState } from './enums';

/** Reporting periods of a consortium's calendar, their completeness and staff's reminders to late firms. */
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
  /** one firm only */
  organisationId?: string;
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
