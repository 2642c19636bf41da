import { Module } from '@nestjs/common';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { TrainingFiguresModule } from '../training-figures/training-figures.module';
import { PeriodsController } from './periods.controller';
import { PeriodsService } from './periods.service';

/** Imports ScorecardsModule and TrainingFiguresModule: closing a period recomputes its scorecards and its derived training metrics. */
@Module({ imports: [ScorecardsModule, TrainingFiguresModule], controllers: [PeriodsController], providers: [PeriodsService], exports: [PeriodsService] })
export class PeriodsModule {}
