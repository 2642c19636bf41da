import { Module } from '@nestjs/common';
import { BenchmarkCellsModule } from '../benchmark-cells/benchmark-cells.module';
import { StandingsController } from './standings.controller';
import { StandingsService } from './standings.service';

@Module({ imports: [BenchmarkCellsModule], controllers: [StandingsController], providers: [StandingsService] })
export class StandingsModule {}
