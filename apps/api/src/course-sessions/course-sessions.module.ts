import { Module } from '@nestjs/common';
import { TrainingFiguresModule } from '../training-figures/training-figures.module';
import { CourseSessionsController } from './course-sessions.controller';
import { CourseSessionsService } from './course-sessions.service';

/** Imports TrainingFiguresModule: a write of a training record recomputes the derived training metrics. */
@Module({ imports: [TrainingFiguresModule], controllers: [CourseSessionsController], providers: [CourseSessionsService] })
export class CourseSessionsModule {}
