import { Module } from '@nestjs/common';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { SupplyRelationshipsController } from './supply-relationships.controller';
import { SupplyRelationshipsService } from './supply-relationships.service';

@Module({ imports: [ScorecardsModule], controllers: [SupplyRelationshipsController], providers: [SupplyRelationshipsService], exports: [SupplyRelationshipsService] })
export class SupplyRelationshipsModule {}
