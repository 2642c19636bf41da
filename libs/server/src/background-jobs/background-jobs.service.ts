import { Injectable, Logger } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import { Prisma } from '@tandem/db';
import { TRACKED_JOBS } from '@tandem/contracts';
import { PrismaService } from '../database/prisma.service';

/** How a tracked job's result reads to staff: its numeric fields, e.g. "scorecards 412, plans 3". */
export function describeResult(result: unknown): string | null {
  if (result === null || typeof result !== 'object') return null;
  const parts = Object.entries(result as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
    .map(([k, v]) => `${k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} ${String(v)}`);
  return parts.length > 0 ? parts.join(', ').slice(0, 500) : null;
}

/**
 * Background work as its consortium's staff follow it (the `background-jobs` resource): a
 * row when a tracked job is enqueued, kept up to date from the worker's events. Bull Board
 * shows every consortium's jobs and is the platform operator's; this is the scoped view.
 */
@Injectable()
export class BackgroundJobs {
  private readonly logger = new Logger(BackgroundJobs.name);

  constructor(private readonly prisma: PrismaService) {}

  static key(queue: string, jobId: string | undefined): string {
    return `${queue}:${jobId ?? 'unknown'}`;
  }

  /**
   * After an enqueue: who asked. The worker's events may already have written the row (a
   * job can start before its producer is back from `add`); `sync` makes the order not matter.
   */
  async recorded(queue: string, job: Job, requestedById: string | null): Promise<void> {
    await this.sync(queue, job, requestedById ? { requestedById } : {});
  }

  /**
   * Write what is known of one BullMQ job onto its row, whatever order the API's enqueue and
   * the worker's events arrive in. The row's `createdAt` is the job's enqueue time: a row of
   * an older job under the same id (a debounced job enqueued again after BullMQ removed the
   * old one) becomes this job's row; an event of an older job never overwrites a newer row.
   */
  private async sync(queue: string, job: Job, patch: Prisma.BackgroundJobUncheckedUpdateManyInput): Promise<void> {
    const subject = TRACKED_JOBS[job.name as keyof typeof TRACKED_JOBS];
    if (!subject) return;
    const d = (job.data ?? {}) as Record<string, unknown>;
    const queueJobId = BackgroundJobs.key(queue, job.id);
    const enqueuedAt = new Date(job.timestamp);
    const base = {
      name: job.name,
      consortiumId: typeof d['consortiumId'] === 'string' ? d['consortiumId'] : null,
      subjectType: subject.type,
      subjectId: subject.field && typeof d[subject.field] === 'string' ? (d[subject.field] as string) : null,
      runAfter: job.opts.delay ? new Date(job.timestamp + job.opts.delay) : null,
      createdAt: enqueuedAt,
    };
    const rows = this.prisma.system.backgroundJob;
    try {
      await rows.upsert({ where: { queueJobId }, create: { queueJobId, ...base, ...(patch as object) }, update: {} });
    } catch (error) {
      // Two writers created it at once: the row exists now, the updates below apply.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    }
    await rows.updateMany({
      where: { queueJobId, createdAt: { lt: enqueuedAt } },
      data: { ...base, state: 'queued', progress: 0, attempts: 0, summary: null, error: null, startedAt: null, finishedAt: null, requestedById: null },
    });
    if (Object.keys(patch).length > 0) await rows.updateMany({ where: { queueJobId, createdAt: enqueuedAt }, data: patch });
  }

  /** Keep the rows of a worker's jobs up to date. Untracked jobs have no row. */
  attach(worker: Worker, queue: string): void {
    // One job's events are written in the order they happened: 'completed' never lands before 'active'.
    const pending = new Map<string, Promise<void>>();
    const update = (job: Job | undefined, data: Prisma.BackgroundJobUncheckedUpdateManyInput): void => {
      if (!job) return;
      const key = BackgroundJobs.key(queue, job.id);
      const next = (pending.get(key) ?? Promise.resolve())
        .then(() => this.sync(queue, job, data))
        .catch((error: unknown) => this.logger.warn({ err: error, jobId: job.id }, 'background job row not updated'));
      pending.set(key, next);
      void next.finally(() => {
        if (pending.get(key) === next) pending.delete(key);
      });
    };
    const attempts = (job: Job): number => Math.max(job.attemptsStarted ?? 0, job.attemptsMade + 1, 1);
    const startedAt = (job: Job): Date => (job.processedOn ? new Date(job.processedOn) : new Date());
    worker.on('active', (job) => update(job, { state: 'running', startedAt: startedAt(job), attempts: attempts(job), error: null }));
    worker.on('progress', (job, progress) => {
      if (typeof progress === 'number') update(job, { progress: Math.max(0, Math.min(100, Math.round(progress))) });
    });
    worker.on('completed', (job, result) =>
      update(job, { state: 'completed', progress: 100, startedAt: startedAt(job), attempts: Math.max(job.attemptsStarted ?? 0, 1), finishedAt: job.finishedOn ? new Date(job.finishedOn) : new Date(), summary: describeResult(result) }),
    );
    worker.on('failed', (job, error) => {
      const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1);
      // The message only (no stack): staff read it, and a job's errors are written for them.
      update(job, { state: final ? 'failed' : 'queued', error: error.message.slice(0, 500), finishedAt: final ? new Date() : null });
    });
  }

  /** A job that serves several consortia (reminders) records what it did for each one. */
  async recordDone(queueJobId: string, name: string, consortiumId: string, summary: string, subject?: { type: string; id: string }): Promise<void> {
    const now = new Date();
    await this.prisma.system.backgroundJob.upsert({
      where: { queueJobId },
      create: { queueJobId, name, consortiumId, subjectType: subject?.type ?? null, subjectId: subject?.id ?? null, state: 'completed', progress: 100, attempts: 1, summary, startedAt: now, finishedAt: now },
      update: { summary, finishedAt: now },
    });
  }
}
