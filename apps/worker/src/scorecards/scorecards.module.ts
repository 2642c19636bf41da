import { Module } from '@nestjs/common';
import { CommitmentsWorkerModule } from '../commitments/commitments.module';
import { RemindersWorkerModule } from '../reminders/reminders.module';
import { TrainingFiguresWorkerModule } from '../training-figures/training-figures.module';
import { FollowUpProcessor } from './follow-up.processor';
import { RecomputeScorecardsJob } from './recompute-scorecards.job';

/** Scorecards (and, through the shared metrics queue, reminders) in the worker. */
@Module({ imports: [RemindersWorkerModule, CommitmentsWorkerModule, TrainingFiguresWorkerModule], providers: [RecomputeScorecardsJob, FollowUpProcessor], exports: [RecomputeScorecardsJob] })
export class ScorecardsWorkerModule {}
