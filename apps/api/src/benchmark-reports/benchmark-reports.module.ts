import { Module } from '@nestjs/common';
import { BenchmarkReportsController } from './benchmark-reports.controller';
import { BenchmarkReportsService } from './benchmark-reports.service';

/** Members' benchmark reports (PDF): built by the worker, downloaded here. */
@Module({ controllers: [BenchmarkReportsController], providers: [BenchmarkReportsService] })
export class BenchmarkReportsModule {}
