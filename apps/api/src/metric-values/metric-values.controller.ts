import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { BulkRowResult, MetricValue, MetricValueRevision, ValidateManyResult } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import {
  BulkMetricValuesDto,
  BulkRowResultDto,
  CreateMetricValueDto,
  DeclineRevisionDto,
  MetricValueDto,
  MetricValueRevisionDto,
  RejectMetricValueDto,
  UpdateMetricValueDto,
  ValidateManyDto,
  ValidateManyResultDto,
} from './dto/metric-value.dto';
import { MetricValuesBulkService } from './metric-values-bulk.service';
import { MetricValueRevisionsService, parseRevision } from './metric-value-revisions.service';
import { MetricValuesService } from './metric-values.service';

/** react-admin PUTs the whole record back: everything but the figures, note and revision is read-only. */
const READ_ONLY = [
  'consortiumId',
  'organisationId',
  'metricId',
  'metricCode',
  'periodId',
  'periodCode',
  'periodStartsOn',
  'customerId',
  'subjectKey',
  'source',
  'status',
  'rejectionReason',
  'outlier',
  'outlierNote',
  'pendingRevision',
  'submittedAt',
  'validatedAt',
  'validatedById',
  'baselineValue',
  'goalValue',
  'improvementSinceBaseline',
  'distanceToGoal',
];

@ApiTags('metric-values')
@Controller('metric-values')
export class MetricValuesController {
  constructor(
    private readonly values: MetricValuesService,
    private readonly revisionWorkflow: MetricValueRevisionsService,
    private readonly bulkValues: MetricValuesBulkService,
  ) {}

  @Get()
  @RequirePermission('metric-values.read', 'List reported values with improvement since baseline and distance to goal (filter by status, outlier, …)')
  @ApiOkResponse({ type: [MetricValueDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<MetricValue[]> {
    const page = parseListQuery(query, this.values.listSpec());
    const { rows, total } = await this.values.list(page);
    setContentRange(res, 'metric-values', page, rows.length, total);
    return rows;
  }

  @Post('bulk')
  @HttpCode(200)
  @RequirePermission('metric-values.write', 'Push values from an ERP export (API key); one result per row, idempotent')
  @ApiOkResponse({ type: [BulkRowResultDto] })
  bulk(@Body() dto: BulkMetricValuesDto): Promise<BulkRowResult[]> {
    return this.bulkValues.push(dto.rows);
  }

  @Post('validate-many')
  @HttpCode(200)
  @RequirePermission('metric-values.validate', 'Validate many submitted values at once (staff validation queue)')
  @ApiOkResponse({ type: ValidateManyResultDto })
  validateMany(@Body() dto: ValidateManyDto): Promise<ValidateManyResult> {
    return this.values.validateMany(dto.ids);
  }

  @Get(':id')
  @RequirePermission('metric-values.read', 'One reported value')
  @ApiOkResponse({ type: MetricValueDto })
  get(@Param('id', IdPipe) id: string): Promise<MetricValue> {
    return this.values.get(id);
  }

  @Post()
  @RequirePermission('metric-values.write', 'Report a value (draft, or submitted with submit: true)')
  @ApiCreatedResponse({ type: MetricValueDto })
  @ApiBadRequestResponse({ description: 'a rule of metrics.md is broken (range, ratio, reporter, …); the message names metric, range and value' })
  @ApiConflictResponse({ description: 'already reported, or the period is closed' })
  create(@Body() dto: CreateMetricValueDto): Promise<MetricValue> {
    return this.values.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('metric-values.write', 'Change a value (send the current revision); in a closed period the change needs a reason and staff approval')
  @ApiOkResponse({ type: MetricValueDto })
  @ApiConflictResponse({ description: 'stale revision, or a revision awaits approval' })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateMetricValueDto): Promise<MetricValue> {
    return this.values.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('metric-values.write', 'Change some fields of a value (send the current revision)')
  @ApiOkResponse({ type: MetricValueDto })
  @ApiConflictResponse({ description: 'stale revision, or a revision awaits approval' })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateMetricValueDto): Promise<MetricValue> {
    return this.values.update(id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission('metric-values.write', 'Submit a draft (or a rejected value after fixing it)')
  @ApiOkResponse({ type: MetricValueDto })
  @ApiConflictResponse({ description: 'not a draft or rejected value' })
  submit(@Param('id', IdPipe) id: string): Promise<MetricValue> {
    return this.values.act(id, 'submit');
  }

  @Post(':id/validate')
  @HttpCode(200)
  @RequirePermission('metric-values.validate', 'Validate a submitted value')
  @ApiOkResponse({ type: MetricValueDto })
  @ApiConflictResponse({ description: 'not a submitted value' })
  validate(@Param('id', IdPipe) id: string): Promise<MetricValue> {
    return this.values.act(id, 'validate');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission('metric-values.validate', 'Reject a submitted (or validated) value, with a reason')
  @ApiOkResponse({ type: MetricValueDto })
  @ApiConflictResponse({ description: 'not a submitted or validated value' })
  reject(@Param('id', IdPipe) id: string, @Body() dto: RejectMetricValueDto): Promise<MetricValue> {
    return this.values.act(id, 'reject', dto.reason);
  }

  @Get(':id/revisions')
  @RequirePermission('metric-values.read', 'Revision history of a value, each with before and after, who, when and why')
  @ApiOkResponse({ type: [MetricValueRevisionDto] })
  revisions(@Param('id', IdPipe) id: string): Promise<MetricValueRevision[]> {
    return this.revisionWorkflow.list(id);
  }

  @Post(':id/revisions/:revision/approve')
  @HttpCode(200)
  @RequirePermission('metric-values.approve-revision', 'Approve a pending change of a closed period: it becomes the current value')
  @ApiOkResponse({ type: MetricValueDto })
  @ApiConflictResponse({ description: 'the revision is not pending' })
  approve(@Param('id', IdPipe) id: string, @Param('revision') revision: string): Promise<MetricValue> {
    return this.revisionWorkflow.decide(id, parseRevision(revision), true);
  }

  @Post(':id/revisions/:revision/decline')
  @HttpCode(200)
  @RequirePermission('metric-values.approve-revision', 'Decline a pending change of a closed period; the value stays as it is')
  @ApiOkResponse({ type: MetricValueDto })
  @ApiConflictResponse({ description: 'the revision is not pending' })
  decline(@Param('id', IdPipe) id: string, @Param('revision') revision: string, @Body() dto: DeclineRevisionDto): Promise<MetricValue> {
    return this.revisionWorkflow.decide(id, parseRevision(revision), false, dto.reason);
  }
}
