import { Module } from '@nestjs/common';
import { RemindersWorkerModule } from '../reminders/reminders.module';
import { MetricsProcessor } from './metrics.processor';
import { RecomputeScorecardsJob } from './recompute-scorecards.job';

/** Scorecards (and, through the shared metrics queue, reminders) in the worker. */
@Module({ imports: [RemindersWorkerModule], providers: [RecomputeScorecardsJob, MetricsProcessor], exports: [RecomputeScorecardsJob] })
export class ScorecardsWorkerModule {}
