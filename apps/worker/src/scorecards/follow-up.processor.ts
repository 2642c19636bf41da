import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUES, type JobPayloads, type JobsOfQueue } from '@tandem/contracts';
import { APP_CONFIG, BackgroundJobs, JobProducer, workerOptions, type AppConfig } from '@tandem/server';
import { EvaluateCommitmentsJob } from '../commitments/evaluate-commitments.job';
import { SendRemindersJob } from '../reminders/send-reminders.job';
import { DeriveTrainingMetricsJob } from '../training-figures/derive-training-metrics.job';
import { RecomputeScorecardsJob } from './recompute-scorecards.job';

/** Id of the repeatable reminders job: one schedule, however many workers start. */
export const REMINDERS_SCHEDULER_ID = 'reminders.send';
/** Id of the repeatable commitments evaluation: one schedule, one run per tick across replicas. */
export const COMMITMENTS_SCHEDULER_ID = 'commitments.evaluate';

/** The follow-up queue: scorecard recomputation, due-date reminders, the commitments evaluation and the derived training metrics. */
@Processor(QUEUES.followUp, workerOptions())
export class FollowUpProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(FollowUpProcessor.name);

  constructor(
    private readonly scorecards: RecomputeScorecardsJob,
    private readonly reminders: SendRemindersJob,
    private readonly commitments: EvaluateCommitmentsJob,
    private readonly trainingMetrics: DeriveTrainingMetricsJob,
    private readonly jobs: JobProducer,
    private readonly tracked: BackgroundJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.FOLLOW_UP_CONCURRENCY;
    this.tracked.attach(this.worker, QUEUES.followUp);
    await this.jobs
      .queue(QUEUES.followUp)
      .upsertJobScheduler(REMINDERS_SCHEDULER_ID, { every: this.config.REMINDER_EVERY_MS }, { name: 'reminders.send', data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } });
    await this.jobs
      .queue(QUEUES.followUp)
      .upsertJobScheduler(COMMITMENTS_SCHEDULER_ID, { every: this.config.COMMITMENT_EVALUATION_EVERY_MS }, { name: 'commitments.evaluate', data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } });
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as JobsOfQueue<'follow-up'>;
    switch (name) {
      case 'scorecards.recompute': {
        const data = job.data as JobPayloads['scorecards.recompute'];
        const result = await this.scorecards.run(data);
        this.logger.debug(`scorecards.recompute ${data.consortiumId}/${data.periodId}: ${JSON.stringify(result)}`);
        return result;
      }
      case 'reminders.send':
        return this.reminders.run(new Date(), `${QUEUES.followUp}:${job.id ?? 'reminders'}`);
      case 'commitments.evaluate':
        return this.commitments.run(new Date(), `${QUEUES.followUp}:${job.id ?? 'commitments'}`);
      case 'training-figures.derive':
        return this.trainingMetrics.run(job.data as JobPayloads['training-figures.derive']);
      default: {
        const unknown: never = name;
        throw new Error(`unknown job ${String(unknown)}`);
      }
    }
  }
}
