import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JOB_QUEUE, QUEUES, type JobName, type JobPayloads, type QueueName } from '@tandem/contracts';
import type { Queue } from 'bullmq';
import type { Prisma } from '@tandem/db';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { BackgroundJobs } from '../background-jobs/background-jobs.service';
import { RequestContext } from '../context/request-context';
import { PrismaService } from '../database/prisma.service';
import { failedDependency, isUnavailable, withDeadline } from '../errors/dependency';

export interface EnqueueOptions {
  /** same id, same job: BullMQ ignores a second add while the first is kept */
  jobId?: string;
  delay?: number;
}

/** The only way to enqueue: the job name fixes the payload type at compile time. */
@Injectable()
export class JobProducer {
  private readonly logger = new Logger(JobProducer.name);
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QUEUES.email) email: Queue,
    @InjectQueue(QUEUES.followUp) followUp: Queue,
    @InjectQueue(QUEUES.imports) imports: Queue,
    @InjectQueue(QUEUES.benchmarks) benchmarks: Queue,
    @InjectQueue(QUEUES.benchmarkReports) benchmarkReports: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tracked: BackgroundJobs,
    private readonly context: RequestContext,
    private readonly prisma: PrismaService,
  ) {
    this.queues = { email, 'follow-up': followUp, imports, benchmarks, 'benchmark-reports': benchmarkReports };
    // BullMQ re-emits its connection's errors on each queue: unheard, one lost Redis would end the process.
    for (const queue of Object.values(this.queues)) {
      queue.on('error', (error: Error) => this.logger.warn({ err: error, queue: queue.name }, 'queue connection error'));
    }
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  allQueues(): Queue[] {
    return Object.values(this.queues);
  }

  /**
   * Hand a job to its queue. When Redis does not answer within REDIS_COMMAND_TIMEOUT_MS the
   * job is kept in PostgreSQL (`PendingJob`) and the worker's relay enqueues it once Redis is
   * back: the caller's work is done either way, and a request never hangs on Redis. Only when
   * PostgreSQL cannot keep it either does the caller get the 503.
   */
  async enqueue<J extends JobName>(name: J, data: JobPayloads[J], opts: EnqueueOptions = {}): Promise<void> {
    const requestedById = this.context.principal?.userId ?? null;
    try {
      await withDeadline(this.add(name, data, opts, requestedById), this.config.REDIS_COMMAND_TIMEOUT_MS, 'redis');
    } catch (error) {
      if (!isUnavailable(error) && failedDependency(error) !== 'redis') throw error;
      await this.prisma.system.pendingJob.create({
        data: {
          name,
          data: data as unknown as Prisma.InputJsonValue,
          jobId: opts.jobId ?? null,
          runAfter: opts.delay ? new Date(Date.now() + opts.delay) : null,
          requestedById,
        },
      });
      this.logger.warn({ job: name, jobId: opts.jobId }, 'Redis did not answer: job kept in PendingJob for the relay');
    }
  }

  /**
   * Enqueue the jobs kept while Redis was away, oldest first; the worker's relay calls this
   * on every tick. Rows are locked (SKIP LOCKED) so two workers never relay one job; a relay
   * that fails part-way leaves its rows for the next tick (jobs with an id are not doubled).
   */
  async relayPending(limit = 500): Promise<number> {
    return this.prisma.system.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ id: string; name: string; data: unknown; jobId: string | null; runAfter: Date | null; requestedById: string | null }[]>`
          SELECT id, name, data, "jobId", "runAfter", "requestedById" FROM "PendingJob"
           ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
        for (const r of rows) {
          if (!(r.name in JOB_QUEUE)) {
            this.logger.error({ job: r.name }, 'pending job of an unknown name dropped');
            continue;
          }
          const delay = r.runAfter ? Math.max(0, r.runAfter.getTime() - Date.now()) : undefined;
          await this.add(r.name as JobName, r.data as JobPayloads[JobName], { jobId: r.jobId ?? undefined, delay }, r.requestedById);
        }
        if (rows.length > 0) await tx.pendingJob.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
        return rows.length;
      },
      { timeout: 120_000 },
    );
  }

  private async add<J extends JobName>(name: J, data: JobPayloads[J], opts: EnqueueOptions, requestedById: string | null): Promise<void> {
    const asked = Date.now();
    const queue = this.queues[JOB_QUEUE[name]];
    const job = await queue.add(name, data, {
      jobId: opts.jobId,
      delay: opts.delay,
      attempts: this.config.QUEUE_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.QUEUE_BACKOFF_MS },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    // BullMQ answers an add under an existing id with the job it already holds (a debounced
    // recompute asked again): that job's row already says who asked first.
    const fresh = job.timestamp >= asked;
    // The work is queued either way; a row staff cannot see yet is repaired by the worker's events.
    await this.tracked
      .recorded(queue.name, job, fresh ? requestedById : null)
      .catch((error: unknown) => this.logger.warn({ err: error, job: name }, 'background job row not recorded'));
  }
}
