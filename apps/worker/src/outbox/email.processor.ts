import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUES, type JobPayloads, type JobsOfQueue } from '@tandem/contracts';
import { APP_CONFIG, JobProducer, workerOptions, type AppConfig } from '@tandem/server';
import { RelayOutboxJob } from './relay-outbox.job';
import { SendEmailJob } from './send-email.job';

/** The `email` queue: routes each job name to its handler. */
@Processor(QUEUES.email, workerOptions())
export class EmailProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(EmailProcessor.name);

  constructor(
    private readonly sendEmail: SendEmailJob,
    private readonly relay: RelayOutboxJob,
    private readonly jobs: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Concurrency comes from validated config, not from the decorator (read before config exists).
    this.worker.concurrency = this.config.EMAIL_CONCURRENCY;
    await this.jobs.queue(QUEUES.email).upsertJobScheduler('email.relay', { every: this.config.OUTBOX_RELAY_EVERY_MS }, { name: 'email.relay', data: {} });
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as JobsOfQueue<'email'>;
    switch (name) {
      case 'email.send': {
        const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        const result = await this.sendEmail.run(job.data as JobPayloads['email.send'], finalAttempt);
        this.logger.debug(`email ${(job.data as JobPayloads['email.send']).outboxMessageId}: ${result}`);
        return result;
      }
      case 'email.relay': {
        // One tick relays both: e-mails whose enqueue was lost, and jobs kept while Redis was away.
        const emails = await this.relay.run();
        const jobs = await this.jobs.relayPending();
        return { emails, jobs };
      }
      default: {
        const unknown: never = name;
        throw new Error(`unknown job ${String(unknown)}`);
      }
    }
  }
}
