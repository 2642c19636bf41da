import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { TrainingPlan, TrainingPlanEvent } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { ApproveTrainingPlanDto, CreateTrainingPlanDto, ReplaceTrainingPlanDto, ReturnTrainingPlanDto, TrainingPlanDto, TrainingPlanEventDto, UpdateTrainingPlanDto } from './dto/training-plan.dto';
import { TRAINING_PLAN_LIST, TrainingPlansService } from './training-plans.service';

const READ_ONLY = ['consortiumId', 'organisationId', 'organisationName', 'year', 'status', 'coGoverned', 'firmApprovedAt', 'unionApprovedAt', 'approvedAt', 'awaiting', 'actions'];

@ApiTags('training-plans')
@Controller('training-plans')
export class TrainingPlansController {
  constructor(private readonly plans: TrainingPlansService) {}

  @Get()
  @RequirePermission('training-plans.read', "Training plans: staff every member's, a firm its own, a union representative those of the firms its union represents")
  @ApiOkResponse({ type: [TrainingPlanDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<TrainingPlan[]> {
    const page = parseListQuery(query, TRAINING_PLAN_LIST);
    const { rows, total } = await this.plans.list(page);
    setContentRange(res, 'training-plans', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('training-plans.read', 'One training plan, with what the reader may do to it now')
  @ApiOkResponse({ type: TrainingPlanDto })
  get(@Param('id', IdPipe) id: string): Promise<TrainingPlan> {
    return this.plans.get(id);
  }

  @Get(':id/events')
  @RequirePermission('training-plans.read', "A plan's history: every edit, submission, approval and return (with comments), oldest first")
  @ApiOkResponse({ type: [TrainingPlanEventDto] })
  events(@Param('id', IdPipe) id: string): Promise<TrainingPlanEvent[]> {
    return this.plans.events(id);
  }

  @Post()
  @RequirePermission('training-plans.write', "Draft your firm's training plan for a year (one per year)")
  @ApiCreatedResponse({ type: TrainingPlanDto })
  @ApiConflictResponse({ description: 'your firm has a plan for this year already' })
  create(@Body() dto: CreateTrainingPlanDto): Promise<TrainingPlan> {
    return this.plans.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('training-plans.write', 'Edit a draft or returned plan')
  @ApiOkResponse({ type: TrainingPlanDto })
  @ApiConflictResponse({ description: 'the plan is submitted or approved: not editable' })
  replace(@Param('id', IdPipe) id: string, @Body() dto: ReplaceTrainingPlanDto): Promise<TrainingPlan> {
    return this.plans.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('training-plans.write', 'Edit some fields of a draft or returned plan')
  @ApiOkResponse({ type: TrainingPlanDto })
  @ApiConflictResponse({ description: 'the plan is submitted or approved: not editable' })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateTrainingPlanDto): Promise<TrainingPlan> {
    return this.plans.update(id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission('training-plans.submit', 'Send a draft or returned plan for approval (a unionised firm: to the firm admin and the union representative)')
  @ApiOkResponse({ type: TrainingPlanDto })
  @ApiConflictResponse({ description: 'not a draft or returned plan' })
  submit(@Param('id', IdPipe) id: string): Promise<TrainingPlan> {
    return this.plans.act(id, 'submit');
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('training-plans.decide', "Approve a submitted plan for your side; the last approval needed approves it and sets the firm's training commitment targets")
  @ApiOkResponse({ type: TrainingPlanDto })
  @ApiConflictResponse({ description: 'not submitted, or your side approved it already' })
  approve(@Param('id', IdPipe) id: string, @Body() dto: ApproveTrainingPlanDto): Promise<TrainingPlan> {
    return this.plans.act(id, 'approve', dto.comment);
  }

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission('training-plans.decide', 'Return a submitted plan to the firm with a comment (clears both approvals)')
  @ApiOkResponse({ type: TrainingPlanDto })
  @ApiConflictResponse({ description: 'not submitted' })
  giveBack(@Param('id', IdPipe) id: string, @Body() dto: ReturnTrainingPlanDto): Promise<TrainingPlan> {
    return this.plans.act(id, 'return', dto.comment);
  }
}
