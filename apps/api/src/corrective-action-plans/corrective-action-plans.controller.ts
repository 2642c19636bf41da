import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CorrectiveActionPlan, CorrectiveActionTask } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CORRECTIVE_ACTION_PLAN_LIST, CorrectiveActionPlansService } from './corrective-action-plans.service';
import { CorrectiveActionPlanDto, CorrectiveActionTaskDto, CreateTaskDto, UpdateCorrectiveActionPlanDto, UpdateTaskDto, UpdateTaskStatusDto } from './dto/corrective-action-plan.dto';

const READ_ONLY = ['consortiumId', 'relationshipId', 'scorecardId', 'supplierId', 'customerId', 'standing'];

@ApiTags('corrective-action-plans')
@Controller('corrective-action-plans')
export class CorrectiveActionPlansController {
  constructor(private readonly plans: CorrectiveActionPlansService) {}

  @Get()
  @RequirePermission('corrective-action-plans.read', 'List corrective action plans (filters: relationshipId, supplierId, customerId, status, standing, dueBefore (YYYY-MM-DD), taskOwnerUserId)')
  @ApiOkResponse({ type: [CorrectiveActionPlanDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<CorrectiveActionPlan[]> {
    const page = parseListQuery(query, CORRECTIVE_ACTION_PLAN_LIST);
    const { rows, total } = await this.plans.list(page);
    setContentRange(res, 'corrective-action-plans', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('corrective-action-plans.read', 'One plan with its tasks')
  @ApiOkResponse({ type: CorrectiveActionPlanDto })
  get(@Param('id', IdPipe) id: string): Promise<CorrectiveActionPlan> {
    return this.plans.get(id);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('corrective-action-plans.write', 'Update a plan; `tasks` is the whole task list (tasks left out are removed)')
  @ApiOkResponse({ type: CorrectiveActionPlanDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateCorrectiveActionPlanDto): Promise<CorrectiveActionPlan> {
    return this.plans.update(id, dto, true);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('corrective-action-plans.write', 'Update status, owner, due date; `tasks` adds (no id) or changes (id) tasks')
  @ApiOkResponse({ type: CorrectiveActionPlanDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateCorrectiveActionPlanDto): Promise<CorrectiveActionPlan> {
    return this.plans.update(id, dto, false);
  }

  @Post(':id/tasks')
  @RequirePermission('corrective-action-plans.write', 'Add a task to a plan')
  @ApiCreatedResponse({ type: CorrectiveActionTaskDto })
  addTask(@Param('id', IdPipe) id: string, @Body() dto: CreateTaskDto): Promise<CorrectiveActionTask> {
    return this.plans.addTask(id, dto);
  }

  @Patch(':id/tasks/:taskId')
  @IgnoreReadOnly('planId')
  @RequirePermission('corrective-action-plans.write', "Update a plan's task")
  @ApiOkResponse({ type: CorrectiveActionTaskDto })
  updateTask(@Param('id', IdPipe) id: string, @Param('taskId', IdPipe) taskId: string, @Body() dto: UpdateTaskDto): Promise<CorrectiveActionTask> {
    return this.plans.updateTask(id, taskId, dto);
  }

  @Patch(':id/tasks/:taskId/status')
  @RequirePermission('corrective-action-tasks.update-status', "Change a task's status: its assignee (a firm contributor, say) or anyone who edits the plan")
  @ApiOkResponse({ type: CorrectiveActionTaskDto })
  updateTaskStatus(@Param('id', IdPipe) id: string, @Param('taskId', IdPipe) taskId: string, @Body() dto: UpdateTaskStatusDto): Promise<CorrectiveActionTask> {
    return this.plans.updateTaskStatus(id, taskId, dto);
  }

  @Delete(':id/tasks/:taskId')
  @RequirePermission('corrective-action-plans.write', "Remove a plan's task")
  @ApiOkResponse({ type: CorrectiveActionTaskDto })
  removeTask(@Param('id', IdPipe) id: string, @Param('taskId', IdPipe) taskId: string): Promise<CorrectiveActionTask> {
    return this.plans.removeTask(id, taskId);
  }
}
