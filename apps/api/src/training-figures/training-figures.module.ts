import { Module } from '@nestjs/common';
import { TrainingFiguresController } from './training-figures.controller';
import { TrainingFiguresService } from './training-figures.service';
import { TrainingFiguresTrigger, TrainingRecordsChanged } from './training-figures.trigger';

/** Exports the trigger: training-record modules recompute the derived metrics after a write (TrainingRecordsChanged), periods on close. */
@Module({ controllers: [TrainingFiguresController], providers: [TrainingFiguresService, TrainingFiguresTrigger, TrainingRecordsChanged], exports: [TrainingFiguresTrigger, TrainingRecordsChanged] })
export class TrainingFiguresModule {}
