import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { BenchmarkStanding } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { BenchmarkStandingDto } from './dto/standing.dto';
import { STANDING_LIST, StandingsService } from './standings.service';

@ApiTags('standings')
@Controller('standings')
export class StandingsController {
  constructor(private readonly standings: StandingsService) {}

  @Get()
  @RequirePermission('standings.read', "Your firm's positions in its peer groups (filters: periodId, metricId, peerGroupId); a rank only where the group's statistics are shown to you")
  @ApiOkResponse({ type: [BenchmarkStandingDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<BenchmarkStanding[]> {
    const page = parseListQuery(query, STANDING_LIST);
    const { rows, total } = await this.standings.list(page);
    setContentRange(res, 'standings', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('standings.read', 'One position of your firm')
  @ApiOkResponse({ type: BenchmarkStandingDto })
  get(@Param('id', IdPipe) id: string): Promise<BenchmarkStanding> {
    return this.standings.get(id);
  }
}
