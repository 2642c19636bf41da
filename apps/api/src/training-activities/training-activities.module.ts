import { Module } from '@nestjs/common';
import { TrainingActivitiesController } from './training-activities.controller';
import { TrainingActivitiesService } from './training-activities.service';

@Module({ controllers: [TrainingActivitiesController], providers: [TrainingActivitiesService] })
export class TrainingActivitiesModule {}
