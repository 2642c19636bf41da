import { Module } from '@nestjs/common';
import { DemandSurveysController } from './demand-surveys.controller';
import { DemandSurveysService } from './demand-surveys.service';

@Module({ controllers: [DemandSurveysController], providers: [DemandSurveysService] })
export class DemandSurveysModule {}
