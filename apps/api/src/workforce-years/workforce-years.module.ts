import { Module } from '@nestjs/common';
import { WorkforceYearsController } from './workforce-years.controller';
import { WorkforceYearsService } from './workforce-years.service';

@Module({ controllers: [WorkforceYearsController], providers: [WorkforceYearsService] })
export class WorkforceYearsModule {}
