import { Module } from '@nestjs/common';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { MetricValueRevisionsService } from './metric-value-revisions.service';
import { MetricValuesBulkService } from './metric-values-bulk.service';
import { MetricValuesController } from './metric-values.controller';
import { MetricValuesService } from './metric-values.service';

@Module({ imports: [ScorecardsModule], controllers: [MetricValuesController], providers: [MetricValuesService, MetricValueRevisionsService, MetricValuesBulkService], exports: [MetricValuesService, MetricValuesBulkService] })
export class MetricValuesModule {}
