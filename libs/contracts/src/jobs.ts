/**
 * Queues and jobs as one typed map: enqueuing the wrong payload for a job name is a
 * compile error. Names are explicit strings so renaming a class changes nothing on Redis.
 */
export const QUEUES = {
  email: 'email',
  metrics: 'metrics',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** deliver one outbox message (idempotent: a message already sent or recorded is skipped) */
  'email.send': { outboxMessageId: string };
  /** re-enqueue outbox messages whose enqueue was lost (repeatable) */
  'email.relay': Record<string, never>;
  /** recompute benchmarks of one consortium and period (processor arrives with benchmarks) */
  'benchmarks.recompute': { consortiumId: string; periodId: string; reason: 'period_closed' | 'values_validated' | 'on_demand' };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  'email.send': QUEUES.email,
  'email.relay': QUEUES.email,
  'benchmarks.recompute': QUEUES.metrics,
};

export type JobOf<J extends JobName> = { name: J; data: JobPayloads[J] };
