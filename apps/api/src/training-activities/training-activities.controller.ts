import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { TrainingActivity } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CreateTrainingActivityDto, TrainingActivityDto, UpdateTrainingActivityDto } from './dto/training-activity.dto';
import { TRAINING_ACTIVITY_LIST, TrainingActivitiesService } from './training-activities.service';
import { TrainingRecordsChanged } from '../training-figures/training-figures.trigger';

const READ_ONLY = ['id', 'consortiumId', 'organisationId', 'createdAt', 'updatedAt'];

@ApiTags('training-activities')
@Controller('training-activities')
@UseInterceptors(TrainingRecordsChanged)
export class TrainingActivitiesController {
  constructor(private readonly activities: TrainingActivitiesService) {}

  @Get()
  @RequirePermission('training-activities.read', "Training your firm logged in bulk (staff: every member's) (filters: organisationId, curriculumId, sessionId, frontline, from, to, q)")
  @ApiOkResponse({ type: [TrainingActivityDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<TrainingActivity[]> {
    const page = parseListQuery(query, TRAINING_ACTIVITY_LIST);
    const { rows, total } = await this.activities.list(page);
    setContentRange(res, 'training-activities', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('training-activities.read', 'One training activity')
  @ApiOkResponse({ type: TrainingActivityDto })
  get(@Param('id', IdPipe) id: string): Promise<TrainingActivity> {
    return this.activities.get(id);
  }

  @Post()
  @RequirePermission('training-activities.write', 'Log training in bulk: participants × hours, cost, provider (a session is optional)')
  @ApiCreatedResponse({ type: TrainingActivityDto })
  create(@Body() dto: CreateTrainingActivityDto): Promise<TrainingActivity> {
    return this.activities.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('training-activities.write', 'Change a training activity')
  @ApiOkResponse({ type: TrainingActivityDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateTrainingActivityDto): Promise<TrainingActivity> {
    return this.activities.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('training-activities.write', 'Change some fields of a training activity')
  @ApiOkResponse({ type: TrainingActivityDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateTrainingActivityDto): Promise<TrainingActivity> {
    return this.activities.update(id, dto);
  }

  @Delete(':id')
  @RequirePermission('training-activities.write', 'Remove a training activity logged by mistake')
  @ApiOkResponse({ type: TrainingActivityDto })
  remove(@Param('id', IdPipe) id: string): Promise<TrainingActivity> {
    return this.activities.remove(id);
  }
}
