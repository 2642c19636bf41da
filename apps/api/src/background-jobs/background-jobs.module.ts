import { Module } from '@nestjs/common';
import { BackgroundJobsController } from './background-jobs.controller';

@Module({ controllers: [BackgroundJobsController] })
export class BackgroundJobsModule {}
