import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { BenchmarkRun } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { BENCHMARK_RUN_LIST, BenchmarkRunsService } from './benchmark-runs.service';
import { BenchmarkRunDto, StartBenchmarkRunDto } from './dto/benchmark-run.dto';

@ApiTags('benchmark-runs')
@Controller('benchmark-runs')
export class BenchmarkRunsController {
  constructor(private readonly runs: BenchmarkRunsService) {}

  @Get()
  @RequirePermission('benchmark-runs.read', 'List benchmark recomputes with state and progress (filters: periodId, state)')
  @ApiOkResponse({ type: [BenchmarkRunDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<BenchmarkRun[]> {
    const page = parseListQuery(query, BENCHMARK_RUN_LIST);
    const { rows, total } = await this.runs.list(page);
    setContentRange(res, 'benchmark-runs', page, rows.length, total);
    return rows;
  }

  @Post()
  @HttpCode(202)
  @RequirePermission('benchmark-runs.create', 'Recompute the benchmarks of a closed period (in the worker; follow its progress here)')
  @ApiAcceptedResponse({ type: BenchmarkRunDto })
  start(@Body() dto: StartBenchmarkRunDto): Promise<BenchmarkRun> {
    return this.runs.start(dto.periodId);
  }

  @Get(':id')
  @RequirePermission('benchmark-runs.read', 'One benchmark recompute: state, progress, input revision')
  @ApiOkResponse({ type: BenchmarkRunDto })
  get(@Param('id', IdPipe) id: string): Promise<BenchmarkRun> {
    return this.runs.get(id);
  }
}
