import { Module } from '@nestjs/common';
import { BenchmarkReportsProcessor } from './benchmark-reports.processor';
import { GeneratePeriodReportsJob } from './generate-period-reports.job';
import { GenerateReportJob } from './generate-report.job';
import { BenchmarkReportSnapshots } from './report-snapshot';

/** Members' benchmark reports in the worker: `benchmark-reports.generate` and `.generate-period`. */
@Module({
  providers: [BenchmarkReportSnapshots, GenerateReportJob, GeneratePeriodReportsJob, BenchmarkReportsProcessor],
  exports: [GenerateReportJob, GeneratePeriodReportsJob, BenchmarkReportSnapshots],
})
export class BenchmarkReportsWorkerModule {}
