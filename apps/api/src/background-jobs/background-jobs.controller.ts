import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BACKGROUND_JOB_STATES, type BackgroundJob } from '@tandem/contracts';
import type { BackgroundJob as BackgroundJobRow } from '@tandem/db';
import { DomainError, PrismaService } from '@tandem/server';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, listPage, parseListQuery, setContentRange, type ListSpec } from '../common/list-query';
import { iso } from '../common/serialize';

export const BACKGROUND_JOB_LIST: ListSpec = {
  sortable: ['createdAt', 'startedAt', 'finishedAt', 'state', 'name'],
  defaultSort: ['createdAt', 'desc'],
  filters: { state: { type: 'enum', values: BACKGROUND_JOB_STATES }, name: { type: 'string' }, subjectId: { type: 'uuid' } },
};

class BackgroundJobDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'scorecards.recompute' }) name: string;
  @ApiProperty({ nullable: true, type: String }) consortiumId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Period' }) subjectType: string | null;
  @ApiProperty({ nullable: true, type: String }) subjectId: string | null;
  @ApiProperty({ enum: BACKGROUND_JOB_STATES }) state: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ nullable: true, type: String }) requestedById: string | null;
  @ApiProperty({ nullable: true, type: String }) runAfter: string | null;
  @ApiProperty({ nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

function toBackgroundJob(r: BackgroundJobRow): BackgroundJob {
  const { queueJobId: _queueJobId, ...rest } = r;
  return {
    ...rest,
    runAfter: iso(r.runAfter),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * The background work of a consortium (scorecard and benchmark recomputes, reminder runs…)
 * with its state and progress, for its staff. Bull Board, which spans consortia, is the
 * platform operator's; imports show their own progress on the import.
 */
@ApiTags('background-jobs')
@Controller('background-jobs')
export class BackgroundJobsController {
  constructor(private readonly prisma: PrismaService) {}

  @Get()
  @RequirePermission('background-jobs.read', 'List the background work of your consortium, newest first')
  @ApiOkResponse({ type: [BackgroundJobDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<BackgroundJob[]> {
    const page = parseListQuery(query, BACKGROUND_JOB_LIST);
    const { rows, total } = await listPage(this.prisma.read.backgroundJob, page);
    setContentRange(res, 'background-jobs', page, rows.length, total);
    return rows.map(toBackgroundJob);
  }

  @Get(':id')
  @RequirePermission('background-jobs.read', 'One background job')
  @ApiOkResponse({ type: BackgroundJobDto })
  async get(@Param('id', IdPipe) id: string): Promise<BackgroundJob> {
    const row = await this.prisma.scoped.backgroundJob.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Background job');
    return toBackgroundJob(row);
  }
}
