import { Module } from '@nestjs/common';
import { TrainingFiguresModule } from '../training-figures/training-figures.module';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';

/** Imports TrainingFiguresModule: a write of a training record recomputes the derived training metrics. */
@Module({ imports: [TrainingFiguresModule], controllers: [EnrolmentsController], providers: [EnrolmentsService] })
export class EnrolmentsModule {}
