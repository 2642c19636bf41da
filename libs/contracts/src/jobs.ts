/**
 * Queues and jobs as one typed map: enqueuing the wrong payload for a job name is a
 * compile error. Names are explicit strings so renaming a class changes nothing on Redis.
 */
export const QUEUES = {
  email: 'email',
  /** scorecard recomputes and reminders: following up what members reported */
  followUp: 'follow-up',
  imports: 'imports',
  /** benchmark recomputes (apps/worker/src/benchmarks) */
  benchmarks: 'benchmarks',
  /** members' benchmark reports (PDF): apart from recomputes, so a period's batch never holds one up */
  benchmarkReports: 'benchmark-reports',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** deliver one outbox message (idempotent: a message already sent or recorded is skipped) */
  'email.send': { outboxMessageId: string };
  /** re-enqueue outbox messages whose enqueue was lost (repeatable) */
  'email.relay': Record<string, never>;
  /** recompute benchmarks of one consortium and period (idempotent; a retried job continues its run) */
  'benchmarks.recompute': { consortiumId: string; periodId: string; reason: 'period_closed' | 'period_published' | 'values_validated' | 'on_demand' };
  /**
   * build one member's benchmark report of a published period (idempotent: the report of that
   * revision is written once; a job of a revision that moved on builds the current one)
   */
  'benchmark-reports.generate': { consortiumId: string; organisationId: string; periodId: string; revision: string };
  /** every member's report of a period just published, in chunks, with progress (idempotent: done reports are skipped) */
  'benchmark-reports.generate-period': { consortiumId: string; periodId: string };
  /** parse and check an uploaded CSV into the staging table (idempotent: restarts from scratch) */
  'imports.parse': { importId: string };
  /** move the valid staged rows of an import into metric values (idempotent on the natural key); who asked is on the import */
  'imports.commit': { importId: string };
  /** delete the error rows of imports cancelled or failed more than IMPORT_ERROR_RETENTION_DAYS ago (repeatable; idempotent) */
  'imports.purge-errors': Record<string, never>;
  /** recompute scorecards of one consortium and period in SQL */
  'scorecards.recompute': { consortiumId: string; periodId: string };
  /** email firms that have not submitted a due metric (repeatable; once per firm and period) */
  'reminders.send': Record<string, never>;
  /** re-evaluate commitments, record transitions, notify at_risk/missed once, open reviews (repeatable) */
  'commitments.evaluate': Record<string, never>;
  /** compute the derived training metrics (TRAIN_HRS, TRAIN_SPEND) of a consortium's members from training records, for one period or all (idempotent) */
  'training-figures.derive': { consortiumId: string; periodId: string | null };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE = {
  'email.send': QUEUES.email,
  'email.relay': QUEUES.email,
  'benchmarks.recompute': QUEUES.benchmarks,
  'benchmark-reports.generate': QUEUES.benchmarkReports,
  'benchmark-reports.generate-period': QUEUES.benchmarkReports,
  'imports.parse': QUEUES.imports,
  'imports.commit': QUEUES.imports,
  'imports.purge-errors': QUEUES.imports,
  'scorecards.recompute': QUEUES.followUp,
  'reminders.send': QUEUES.followUp,
  'commitments.evaluate': QUEUES.followUp,
  'training-figures.derive': QUEUES.followUp,
} as const satisfies { [J in JobName]: QueueName };

/**
 * Jobs consortium staff follow as background jobs (the `background-jobs` resource), with
 * what each works on. Others are followed elsewhere: imports on the import, e-mails in the
 * outbox; reminders record a row per consortium they served.
 */
export const TRACKED_JOBS: Partial<Record<JobName, { type: string; field: string | null }>> = {
  'scorecards.recompute': { type: 'Period', field: 'periodId' },
  'benchmarks.recompute': { type: 'Period', field: 'periodId' },
  'benchmark-reports.generate-period': { type: 'Period', field: 'periodId' },
  'training-figures.derive': { type: 'Period', field: 'periodId' },
};

export const BACKGROUND_JOB_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type BackgroundJobState = (typeof BACKGROUND_JOB_STATES)[number];

export interface BackgroundJob {
  id: string;
  name: string;
  consortiumId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  state: BackgroundJobState;
  progress: number;
  attempts: number;
  summary: string | null;
  error: string | null;
  requestedById: string | null;
  runAfter: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type JobOf<J extends JobName> = { name: J; data: JobPayloads[J] };

/** The jobs one queue carries, for exhaustive switches in its processor. */
export type JobsOfQueue<Q extends QueueName> = { [J in JobName]: (typeof JOB_QUEUE)[J] extends Q ? J : never }[JobName];
