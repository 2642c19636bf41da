import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JOB_QUEUE, QUEUES, type JobName, type JobPayloads, type QueueName } from '@tandem/contracts';
import type { Queue } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { BackgroundJobs } from '../background-jobs/background-jobs.service';
import { RequestContext } from '../context/request-context';

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
    @InjectQueue(QUEUES.metrics) metrics: Queue,
    @InjectQueue(QUEUES.imports) imports: Queue,
    @InjectQueue(QUEUES.benchmarks) benchmarks: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tracked: BackgroundJobs,
    private readonly context: RequestContext,
  ) {
    this.queues = { email, metrics, imports, benchmarks };
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  allQueues(): Queue[] {
    return Object.values(this.queues);
  }

  async enqueue<J extends JobName>(name: J, data: JobPayloads[J], opts: EnqueueOptions = {}): Promise<void> {
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
      .recorded(queue.name, job, fresh ? (this.context.principal?.userId ?? null) : null)
      .catch((error: unknown) => this.logger.warn({ err: error, job: name }, 'background job row not recorded'));
  }
}
