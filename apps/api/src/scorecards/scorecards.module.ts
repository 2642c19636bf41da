import { Module } from '@nestjs/common';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsService } from './scorecards.service';
import { ScorecardsTrigger } from './scorecards.trigger';

/** Exports ScorecardsTrigger: metric-values calls valuesValidated() after a validation commits. */
@Module({ controllers: [ScorecardsController], providers: [ScorecardsService, ScorecardsTrigger], exports: [ScorecardsService, ScorecardsTrigger] })
export class ScorecardsModule {}
