import { Injectable, Logger } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import { TRACKED_JOBS, type JobName, type JobPayloads } from '@tandem/contracts';
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
   * After an enqueue. `fresh` is false when BullMQ kept an existing job of the same id (a
   * debounced recompute asked again): its row already says how it is doing.
   */
  async recorded<J extends JobName>(queue: string, job: Job, name: J, data: JobPayloads[J], fresh: boolean, requestedById: string | null): Promise<void> {
    const subject = TRACKED_JOBS[name as keyof typeof TRACKED_JOBS];
    if (!subject) return;
    const d = data as Record<string, unknown>;
    const consortiumId = typeof d['consortiumId'] === 'string' ? d['consortiumId'] : null;
    const subjectId = subject.field && typeof d[subject.field] === 'string' ? (d[subject.field] as string) : null;
    const runAfter = job.opts.delay ? new Date(job.timestamp + job.opts.delay) : null;
    const queueJobId = BackgroundJobs.key(queue, job.id);
    const row = { name, consortiumId, subjectType: subject.type, subjectId, requestedById, runAfter };
    await this.prisma.system.backgroundJob.upsert({
      where: { queueJobId },
      create: { queueJobId, ...row },
      update: fresh ? { ...row, state: 'queued', progress: 0, attempts: 0, summary: null, error: null, startedAt: null, finishedAt: null } : {},
    });
  }

  /** Keep the rows of a worker's jobs up to date. Untracked jobs have no row: the updates match nothing. */
  attach(worker: Worker, queue: string): void {
    const update = (job: Job | undefined, data: Parameters<PrismaService['system']['backgroundJob']['updateMany']>[0]['data']): void => {
      if (!job) return;
      this.prisma.system.backgroundJob
        .updateMany({ where: { queueJobId: BackgroundJobs.key(queue, job.id) }, data })
        .catch((error: unknown) => this.logger.warn({ err: error, jobId: job.id }, 'background job row not updated'));
    };
    worker.on('active', (job) => update(job, { state: 'running', startedAt: new Date(), attempts: job.attemptsMade + 1, error: null }));
    worker.on('progress', (job, progress) => update(job, { progress: typeof progress === 'number' ? Math.max(0, Math.min(100, Math.round(progress))) : undefined }));
    worker.on('completed', (job, result) => update(job, { state: 'completed', progress: 100, finishedAt: new Date(), summary: describeResult(result) }));
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
