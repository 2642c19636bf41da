import { Module } from '@nestjs/common';
import { BenchmarkRunsController } from './benchmark-runs.controller';
import { BenchmarkRunsService } from './benchmark-runs.service';

@Module({ controllers: [BenchmarkRunsController], providers: [BenchmarkRunsService] })
export class BenchmarkRunsModule {}
