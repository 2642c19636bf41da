import { Module } from '@nestjs/common';
import { BenchmarkCellsController } from './benchmark-cells.controller';
import { BenchmarkCellsService } from './benchmark-cells.service';
import { BenchmarkDisclosure } from './benchmark-disclosure';
import { SharingSettingsModule } from '../sharing-settings/sharing-settings.module';

/** Exports BenchmarkDisclosure: standings show a rank only where the cell is shown to the reader. */
@Module({ imports: [SharingSettingsModule], controllers: [BenchmarkCellsController], providers: [BenchmarkCellsService, BenchmarkDisclosure], exports: [BenchmarkDisclosure] })
export class BenchmarkCellsModule {}
