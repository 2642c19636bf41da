import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Scorecard, ScorecardRecomputeAccepted } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { RecomputeScorecardsDto, ScorecardDto, ScorecardRecomputeAcceptedDto } from './dto/scorecard.dto';
import { ScorecardsService } from './scorecards.service';

@ApiTags('scorecards')
@Controller('scorecards')
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Get()
  @RequirePermission('scorecards.read', 'List scorecards (filters: relationshipId, supplierId, customerId, periodId, templateId, standing, provisional; a buyer neither filters nor sorts by standing, score or provisional, which its view may withhold)')
  @ApiOkResponse({ type: [ScorecardDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<Scorecard[]> {
    const page = parseListQuery(query, this.scorecards.listSpec());
    const { rows, total } = await this.scorecards.list(page);
    setContentRange(res, 'scorecards', page, rows.length, total);
    return rows;
  }

  @Post('recompute')
  @HttpCode(202)
  @RequirePermission('scorecards.recompute', "Recompute every scorecard of a period (in the worker, from the period's validated values)")
  @ApiAcceptedResponse({ type: ScorecardRecomputeAcceptedDto })
  recompute(@Body() dto: RecomputeScorecardsDto): Promise<ScorecardRecomputeAccepted> {
    return this.scorecards.recompute(dto.periodId);
  }

  @Get(':id')
  @RequirePermission('scorecards.read', 'One scorecard with its per-criterion details')
  @ApiOkResponse({ type: ScorecardDto })
  get(@Param('id', IdPipe) id: string): Promise<Scorecard> {
    return this.scorecards.get(id);
  }
}
