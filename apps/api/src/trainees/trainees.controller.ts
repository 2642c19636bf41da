import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Trainee } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { ChangeEmployerDto, CreateTraineeDto, TraineeDto, UpdateTraineeDto } from './dto/trainee.dto';
import { TRAINEE_LIST, TraineesService } from './trainees.service';

const READ_ONLY = ['id', 'consortiumId', 'employerOrganisationId', 'employerName', 'employments', 'createdAt', 'updatedAt'];

@ApiTags('trainees')
@Controller('trainees')
export class TraineesController {
  constructor(private readonly trainees: TraineesService) {}

  @Get()
  @RequirePermission('trainees.read', "Your firm's workers in training (staff: every member's) (filters: employerOrganisationId, socCode, frontline, q = name)")
  @ApiOkResponse({ type: [TraineeDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<Trainee[]> {
    const page = parseListQuery(query, TRAINEE_LIST);
    const { rows, total } = await this.trainees.list(page);
    setContentRange(res, 'trainees', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('trainees.read', 'One trainee with the employment history')
  @ApiOkResponse({ type: TraineeDto })
  get(@Param('id', IdPipe) id: string): Promise<Trainee> {
    return this.trainees.get(id);
  }

  @Post()
  @RequirePermission('trainees.write', 'Record a worker of your firm (staff: of a member); the employment history opens at the hire date')
  @ApiCreatedResponse({ type: TraineeDto })
  create(@Body() dto: CreateTraineeDto): Promise<Trainee> {
    return this.trainees.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('trainees.write', "Change a trainee's details (the employer changes through /employer)")
  @ApiOkResponse({ type: TraineeDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateTraineeDto): Promise<Trainee> {
    return this.trainees.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('trainees.write', "Change some of a trainee's details")
  @ApiOkResponse({ type: TraineeDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateTraineeDto): Promise<Trainee> {
    return this.trainees.update(id, dto);
  }

  @Post(':id/employer')
  @HttpCode(200)
  @RequirePermission('trainees.write', 'The worker moved to another member: the open employment closes the day before startsOn and the new one opens (staff, or the firm the worker leaves)')
  @ApiOkResponse({ type: TraineeDto })
  changeEmployer(@Param('id', IdPipe) id: string, @Body() dto: ChangeEmployerDto): Promise<Trainee> {
    return this.trainees.changeEmployer(id, dto);
  }
}
