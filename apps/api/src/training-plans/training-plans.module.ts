import { Module } from '@nestjs/common';
import { TrainingPlansController } from './training-plans.controller';
import { TrainingPlansService } from './training-plans.service';

@Module({ controllers: [TrainingPlansController], providers: [TrainingPlansService] })
export class TrainingPlansModule {}
