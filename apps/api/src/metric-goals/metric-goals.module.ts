import { Module } from '@nestjs/common';
import { MetricGoalsController } from './metric-goals.controller';
import { MetricGoalsService } from './metric-goals.service';

@Module({ controllers: [MetricGoalsController], providers: [MetricGoalsService], exports: [MetricGoalsService] })
export class MetricGoalsModule {}
