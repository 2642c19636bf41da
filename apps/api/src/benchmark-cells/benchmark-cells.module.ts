import { Module } from '@nestjs/common';
import { BenchmarkCellsController } from './benchmark-cells.controller';
import { BenchmarkCellsService } from './benchmark-cells.service';

/** Cells through BenchmarkDisclosure (libs/server: the worker's reports take the same decision). */
@Module({ controllers: [BenchmarkCellsController], providers: [BenchmarkCellsService] })
export class BenchmarkCellsModule {}
