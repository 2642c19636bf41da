import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { LateReminderResult, Period, PeriodCompleteness, PeriodGenerateResult } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CreatePeriodDto, GeneratePeriodsDto, LateReminderResultDto, PeriodCompletenessDto, PeriodCompletenessQueryDto, PeriodDto, PeriodGenerateResultDto, ReopenPeriodDto, UpdatePeriodDto } from './dto/period.dto';
import { PERIOD_LIST, PeriodsService } from './periods.service';

const READ_ONLY = ['consortiumId', 'code', 'kind', 'state', 'closedAt', 'publishedAt', 'reopenCount', 'reopenedAt', 'reopenReason'];

@ApiTags('periods')
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Get()
  @RequirePermission('periods.read', "List the consortium's reporting periods")
  @ApiOkResponse({ type: [PeriodDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<Period[]> {
    const page = parseListQuery(query, PERIOD_LIST);
    const { rows, total } = await this.periods.list(page);
    setContentRange(res, 'periods', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('periods.read', 'One reporting period')
  @ApiOkResponse({ type: PeriodDto })
  get(@Param('id', IdPipe) id: string): Promise<Period> {
    return this.periods.get(id);
  }

  @Get(':id/completeness')
  @RequirePermission('periods.completeness', 'Which reporting firms have submitted the figures they owe for the period, which are missing and which are late (staff: every firm; a firm: itself)')
  @ApiOkResponse({ type: PeriodCompletenessDto })
  completeness(@Param('id', IdPipe) id: string, @Query() query: PeriodCompletenessQueryDto): Promise<PeriodCompleteness> {
    return this.periods.completeness(id, query);
  }

  @Post()
  @RequirePermission('periods.create', 'Create one reporting period (kind and default dates follow from the code)')
  @ApiCreatedResponse({ type: PeriodDto })
  @ApiConflictResponse({ description: 'the code exists already' })
  create(@Body() dto: CreatePeriodDto): Promise<Period> {
    return this.periods.create(dto);
  }

  @Post('generate')
  @RequirePermission('periods.create', 'Generate the quarters or months of a year, skipping codes that exist')
  @ApiCreatedResponse({ type: PeriodGenerateResultDto })
  generate(@Body() dto: GeneratePeriodsDto): Promise<PeriodGenerateResult> {
    return this.periods.generate(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('periods.update', 'Change the dates of a period (start and end only while open)')
  @ApiOkResponse({ type: PeriodDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdatePeriodDto): Promise<Period> {
    return this.periods.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('periods.update', 'Change some dates of a period')
  @ApiOkResponse({ type: PeriodDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdatePeriodDto): Promise<Period> {
    return this.periods.update(id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission('periods.close', 'Close an open period: its values lock, its scorecards become final where every criterion has a value, and benchmarks are recomputed')
  @ApiOkResponse({ type: PeriodDto })
  @ApiConflictResponse({ description: 'the period is not open' })
  close(@Param('id', IdPipe) id: string): Promise<Period> {
    return this.periods.close(id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @RequirePermission('periods.reopen', 'Reopen a closed (not yet published) period, with a reason: its values can change again until the next close')
  @ApiOkResponse({ type: PeriodDto })
  @ApiConflictResponse({ description: 'the period is open or published' })
  reopen(@Param('id', IdPipe) id: string, @Body() dto: ReopenPeriodDto): Promise<Period> {
    return this.periods.reopen(id, dto);
  }

  @Post(':id/remind-late')
  @HttpCode(200)
  @RequirePermission('periods.remind', 'E-mail the firms late for an open period (due date passed, metrics missing) what they still owe; a firm is reminded this way at most once a day')
  @ApiOkResponse({ type: LateReminderResultDto })
  @ApiConflictResponse({ description: 'the period is not open' })
  remindLate(@Param('id', IdPipe) id: string): Promise<LateReminderResult> {
    return this.periods.remindLate(id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequirePermission('periods.publish', 'Publish a closed period')
  @ApiOkResponse({ type: PeriodDto })
  @ApiConflictResponse({ description: 'the period is not closed' })
  publish(@Param('id', IdPipe) id: string): Promise<Period> {
    return this.periods.publish(id);
  }
}
