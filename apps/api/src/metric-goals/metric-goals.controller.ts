import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { MetricGoal } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CreateMetricGoalDto, MetricGoalDto, UpdateMetricGoalDto } from './dto/metric-goal.dto';
import { METRIC_GOAL_LIST, MetricGoalsService } from './metric-goals.service';

const READ_ONLY = ['consortiumId', 'organisationId', 'metricId'];

@ApiTags('metric-goals')
@Controller('metric-goals')
export class MetricGoalsController {
  constructor(private readonly goals: MetricGoalsService) {}

  @Get()
  @RequirePermission('metric-goals.read', 'List baselines and goals per organisation and metric')
  @ApiOkResponse({ type: [MetricGoalDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<MetricGoal[]> {
    const page = parseListQuery(query, METRIC_GOAL_LIST);
    const { rows, total } = await this.goals.list(page);
    setContentRange(res, 'metric-goals', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('metric-goals.read', 'One baseline and goal')
  @ApiOkResponse({ type: MetricGoalDto })
  get(@Param('id', IdPipe) id: string): Promise<MetricGoal> {
    return this.goals.get(id);
  }

  @Post()
  @RequirePermission('metric-goals.write', "Set a firm's baseline and goal for a metric (baseline defaults to its first validated period)")
  @ApiCreatedResponse({ type: MetricGoalDto })
  @ApiConflictResponse({ description: 'the firm has a goal for this metric already' })
  create(@Body() dto: CreateMetricGoalDto): Promise<MetricGoal> {
    return this.goals.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('metric-goals.write', 'Change a baseline or goal')
  @ApiOkResponse({ type: MetricGoalDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateMetricGoalDto): Promise<MetricGoal> {
    return this.goals.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('metric-goals.write', 'Change some fields of a baseline or goal')
  @ApiOkResponse({ type: MetricGoalDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateMetricGoalDto): Promise<MetricGoal> {
    return this.goals.update(id, dto);
  }

  @Delete(':id')
  @RequirePermission('metric-goals.write', 'Remove a baseline and goal')
  @ApiOkResponse({ type: MetricGoalDto })
  remove(@Param('id', IdPipe) id: string): Promise<MetricGoal> {
    return this.goals.remove(id);
  }
}
