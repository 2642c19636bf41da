import { Module } from '@nestjs/common';
import { BenchmarksProcessor } from './benchmarks.processor';
import { RecomputeBenchmarksJob } from './recompute-benchmarks.job';

/** Benchmarks in the worker: `benchmarks.recompute`. */
@Module({ providers: [RecomputeBenchmarksJob, BenchmarksProcessor], exports: [RecomputeBenchmarksJob] })
export class BenchmarksWorkerModule {}
