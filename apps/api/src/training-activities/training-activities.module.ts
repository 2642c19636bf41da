import { Module } from '@nestjs/common';
import { TrainingFiguresModule } from '../training-figures/training-figures.module';
import { TrainingActivitiesController } from './training-activities.controller';
import { TrainingActivitiesService } from './training-activities.service';

/** Imports TrainingFiguresModule: a write of a training record recomputes the derived training metrics. */
@Module({ imports: [TrainingFiguresModule], controllers: [TrainingActivitiesController], providers: [TrainingActivitiesService] })
export class TrainingActivitiesModule {}
