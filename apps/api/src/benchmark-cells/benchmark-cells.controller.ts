import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { BenchmarkCell } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { BENCHMARK_CELL_LIST, BenchmarkCellsService } from './benchmark-cells.service';
import { BenchmarkCellDto } from './dto/benchmark-cell.dto';

@ApiTags('benchmark-cells')
@Controller('benchmark-cells')
export class BenchmarkCellsController {
  constructor(private readonly cells: BenchmarkCellsService) {}

  @Get()
  @RequirePermission('benchmark-cells.read', 'List benchmark statistics (filters: periodId, metricId, peerGroupId); a cell withheld from you says why and carries no figure')
  @ApiOkResponse({ type: [BenchmarkCellDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<BenchmarkCell[]> {
    const page = parseListQuery(query, BENCHMARK_CELL_LIST);
    const { rows, total } = await this.cells.list(page);
    setContentRange(res, 'benchmark-cells', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('benchmark-cells.read', 'One benchmark cell, under disclosure control')
  @ApiOkResponse({ type: BenchmarkCellDto })
  get(@Param('id', IdPipe) id: string): Promise<BenchmarkCell> {
    return this.cells.get(id);
  }
}
