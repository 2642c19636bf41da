import { Module } from '@nestjs/common';
import { EvaluateCommitmentsJob } from './evaluate-commitments.job';

/** The commitments evaluation; the follow-up queue's processor (scorecards/follow-up.processor.ts) runs it on a schedule. */
@Module({ providers: [EvaluateCommitmentsJob], exports: [EvaluateCommitmentsJob] })
export class CommitmentsWorkerModule {}
