import { Body, Controller, Get, Param, Patch, Post, Put, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { WorkforceYear } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { WORKFORCE_YEAR_LIST, WorkforceYearsService } from './workforce-years.service';
import { WorkforceYearDto, CreateWorkforceYearDto, UpdateWorkforceYearDto } from './dto/workforce-year.dto';
import { TrainingRecordsChanged } from '../training-figures/training-figures.trigger';

const READ_ONLY = ['id', 'consortiumId', 'organisationId', 'year', 'createdAt', 'updatedAt'];

@ApiTags('workforce-years')
@Controller('workforce-years')
@UseInterceptors(TrainingRecordsChanged)
export class WorkforceYearsController {
  constructor(private readonly service: WorkforceYearsService) {}

  @Get()
  @RequirePermission('workforce-years.read', "Your firm's frontline headcount and payroll per year (staff: every member's) (filters: organisationId, year)")
  @ApiOkResponse({ type: [WorkforceYearDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<WorkforceYear[]> {
    const page = parseListQuery(query, WORKFORCE_YEAR_LIST);
    const { rows, total } = await this.service.list(page);
    setContentRange(res, 'workforce-years', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('workforce-years.read', 'One year of a firm')
  @ApiOkResponse({ type: WorkforceYearDto })
  get(@Param('id', IdPipe) id: string): Promise<WorkforceYear> {
    return this.service.get(id);
  }

  @Post()
  @RequirePermission('workforce-years.write', 'Record a year of frontline headcount and payroll (the firm admin, or staff)')
  @ApiCreatedResponse({ type: WorkforceYearDto })
  create(@Body() dto: CreateWorkforceYearDto): Promise<WorkforceYear> {
    return this.service.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('workforce-years.write', "Change a year's figures")
  @ApiOkResponse({ type: WorkforceYearDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateWorkforceYearDto): Promise<WorkforceYear> {
    return this.service.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('workforce-years.write', "Change some of a year's figures")
  @ApiOkResponse({ type: WorkforceYearDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateWorkforceYearDto): Promise<WorkforceYear> {
    return this.service.update(id, dto);
  }
}
