import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUES, type JobPayloads, type JobsOfQueue } from '@tandem/contracts';
import { BackgroundJobs, workerOptions } from '@tandem/server';
import { GeneratePeriodReportsJob } from './generate-period-reports.job';
import { GenerateReportJob } from './generate-report.job';

/** The `benchmark-reports` queue: members' PDF reports, one at a time or a published period's batch. */
@Processor(QUEUES.benchmarkReports, workerOptions())
export class BenchmarkReportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(BenchmarkReportsProcessor.name);

  constructor(
    private readonly one: GenerateReportJob,
    private readonly period: GeneratePeriodReportsJob,
    private readonly tracked: BackgroundJobs,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.tracked.attach(this.worker, QUEUES.benchmarkReports);
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as JobsOfQueue<'benchmark-reports'>;
    switch (name) {
      case 'benchmark-reports.generate': {
        const data = job.data as JobPayloads['benchmark-reports.generate'];
        return this.one.run(data, (p) => job.updateProgress(p));
      }
      case 'benchmark-reports.generate-period': {
        const data = job.data as JobPayloads['benchmark-reports.generate-period'];
        const result = await this.period.run(data, (p) => job.updateProgress(p));
        this.logger.debug(`benchmark-reports.generate-period ${data.consortiumId}/${data.periodId}: ${JSON.stringify(result)}`);
        return result;
      }
      default: {
        const unknown: never = name;
        throw new Error(`unknown job ${String(unknown)}`);
      }
    }
  }
}
