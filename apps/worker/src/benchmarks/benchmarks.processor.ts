import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUES, type JobPayloads, type JobsOfQueue } from '@tandem/contracts';
import { BackgroundJobs, JobProducer } from '@tandem/server';
import { RecomputeBenchmarksJob } from './recompute-benchmarks.job';

/** The `benchmarks` queue: recomputation of a consortium's benchmarks for one period. */
@Processor(QUEUES.benchmarks)
export class BenchmarksProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(BenchmarksProcessor.name);

  constructor(
    private readonly recompute: RecomputeBenchmarksJob,
    private readonly tracked: BackgroundJobs,
    private readonly jobs: JobProducer,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.tracked.attach(this.worker, QUEUES.benchmarks);
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as JobsOfQueue<'benchmarks'>;
    switch (name) {
      case 'benchmarks.recompute': {
        const data = job.data as JobPayloads['benchmarks.recompute'];
        const result = await this.recompute.run(data, BackgroundJobs.key(QUEUES.benchmarks, job.id), (p) => job.updateProgress(p));
        this.logger.debug(`benchmarks.recompute ${data.consortiumId}/${data.periodId}: ${JSON.stringify(result)}`);
        // the publication's run has released the cells: every member's report can now be built
        // (one batch per period: a redelivered recompute finds the batch job already there)
        if (data.reason === 'period_published' && result !== 'skipped') {
          await this.jobs.enqueue('benchmark-reports.generate-period', { consortiumId: data.consortiumId, periodId: data.periodId }, { jobId: `benchmark-reports-period-${data.periodId}` });
        }
        return result;
      }
      default: {
        const unknown: never = name;
        throw new Error(`unknown job ${String(unknown)}`);
      }
    }
  }
}
