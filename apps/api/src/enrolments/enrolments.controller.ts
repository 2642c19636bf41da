import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Enrolment } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { ConfirmWageStepDto, CreateEnrolmentDto, EnrolmentDto, RecordEnrolmentDto } from './dto/enrolment.dto';
import { ENROLMENT_LIST, EnrolmentsService } from './enrolments.service';
import { TrainingRecordsChanged } from '../training-figures/training-figures.trigger';

const READ_ONLY = [
  'id',
  'consortiumId',
  'sessionId',
  'sessionStartsOn',
  'curriculumTitle',
  'traineeId',
  'traineeName',
  'organisationId',
  'completedAt',
  'withdrawnAt',
  'wageStep',
  'wageStepConfirmedAt',
  'wageBefore',
  'wageAfter',
  'createdAt',
  'updatedAt',
];

@ApiTags('enrolments')
@Controller('enrolments')
@UseInterceptors(TrainingRecordsChanged)
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @Get()
  @RequirePermission('enrolments.read', "Enrolments: your firm's (wages included), a trainer's sessions' (no wages), staff every one (no wages) (filters: sessionId, traineeId, organisationId, status, wageStepPending, q)")
  @ApiOkResponse({ type: [EnrolmentDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<Enrolment[]> {
    const page = parseListQuery(query, ENROLMENT_LIST);
    const { rows, total } = await this.enrolments.list(page);
    setContentRange(res, 'enrolments', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('enrolments.read', 'One enrolment')
  @ApiOkResponse({ type: EnrolmentDto })
  get(@Param('id', IdPipe) id: string): Promise<Enrolment> {
    return this.enrolments.get(id);
  }

  @Post()
  @RequirePermission('enrolments.write', "Enrol one of your firm's trainees in a session with a seat left")
  @ApiCreatedResponse({ type: EnrolmentDto })
  @ApiConflictResponse({ description: 'the session is full, or the trainee is enrolled already' })
  create(@Body() dto: CreateEnrolmentDto): Promise<Enrolment> {
    return this.enrolments.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('enrolments.record', "Record attendance, completion and the credential (the session's trainer, or staff)")
  @ApiOkResponse({ type: EnrolmentDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: RecordEnrolmentDto): Promise<Enrolment> {
    return this.enrolments.record(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('enrolments.record', "Record attendance, completion and the credential (the session's trainer, or staff)")
  @ApiOkResponse({ type: EnrolmentDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: RecordEnrolmentDto): Promise<Enrolment> {
    return this.enrolments.record(id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission('enrolments.write', 'Take the trainee out of the session before completion (the seat is free again)')
  @ApiOkResponse({ type: EnrolmentDto })
  withdraw(@Param('id', IdPipe) id: string): Promise<Enrolment> {
    return this.enrolments.withdraw(id);
  }

  @Post(':id/confirm-wage-step')
  @HttpCode(200)
  @RequirePermission('enrolments.confirm-wage-step', "Confirm the wage step the enrolment's credential proposes, with the wages before and after (the firm admin)")
  @ApiOkResponse({ type: EnrolmentDto })
  confirmWageStep(@Param('id', IdPipe) id: string, @Body() dto: ConfirmWageStepDto): Promise<Enrolment> {
    return this.enrolments.confirmWageStep(id, dto);
  }
}
