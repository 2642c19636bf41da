import { Module } from '@nestjs/common';
import { DeriveTrainingMetricsJob } from './derive-training-metrics.job';

/** The derived training metrics; the follow-up queue's processor (scorecards/follow-up.processor.ts) runs them. */
@Module({ providers: [DeriveTrainingMetricsJob], exports: [DeriveTrainingMetricsJob] })
export class TrainingFiguresWorkerModule {}
