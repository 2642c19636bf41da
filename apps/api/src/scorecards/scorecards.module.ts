import { Module } from '@nestjs/common';
import { SharingSettingsModule } from '../sharing-settings/sharing-settings.module';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsService } from './scorecards.service';
import { ScorecardsTrigger } from './scorecards.trigger';

/** Exports ScorecardsTrigger: metric-values calls valuesValidated() after a validation commits. */
@Module({ imports: [SharingSettingsModule], controllers: [ScorecardsController], providers: [ScorecardsService, ScorecardsTrigger], exports: [ScorecardsService, ScorecardsTrigger] })
export class ScorecardsModule {}
