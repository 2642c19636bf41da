import { Module } from '@nestjs/common';
import { TrainingFiguresModule } from '../training-figures/training-figures.module';
import { WorkforceYearsController } from './workforce-years.controller';
import { WorkforceYearsService } from './workforce-years.service';

/** Imports TrainingFiguresModule: a write of a training record recomputes the derived training metrics. */
@Module({ imports: [TrainingFiguresModule], controllers: [WorkforceYearsController], providers: [WorkforceYearsService] })
export class WorkforceYearsModule {}
