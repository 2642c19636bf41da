import { Module } from '@nestjs/common';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { PeriodsController } from './periods.controller';
import { PeriodsService } from './periods.service';

/** Imports ScorecardsModule: closing a period recomputes its scorecards (ScorecardsTrigger.periodClosed). */
@Module({ imports: [ScorecardsModule], controllers: [PeriodsController], providers: [PeriodsService], exports: [PeriodsService] })
export class PeriodsModule {}
