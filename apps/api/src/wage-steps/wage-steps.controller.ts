import { Body, Controller, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { WageStep } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { WAGE_STEP_LIST, WageStepsService } from './wage-steps.service';
import { WageStepDto, CreateWageStepDto, UpdateWageStepDto } from './dto/wage-step.dto';

const READ_ONLY = ['id', 'consortiumId', 'organisationId', 'createdAt', 'updatedAt'];

@ApiTags('wage-steps')
@Controller('wage-steps')
export class WageStepsController {
  constructor(private readonly service: WageStepsService) {}

  @Get()
  @RequirePermission('wage-steps.read', "Your firm's wage ladder: credential → hourly increase (the firm's people; staff read every member's) (filters: organisationId, q)")
  @ApiOkResponse({ type: [WageStepDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<WageStep[]> {
    const page = parseListQuery(query, WAGE_STEP_LIST);
    const { rows, total } = await this.service.list(page);
    setContentRange(res, 'wage-steps', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('wage-steps.read', 'One step of a wage ladder')
  @ApiOkResponse({ type: WageStepDto })
  get(@Param('id', IdPipe) id: string): Promise<WageStep> {
    return this.service.get(id);
  }

  @Post()
  @RequirePermission('wage-steps.write', 'Add a step to your wage ladder (the firm admin)')
  @ApiCreatedResponse({ type: WageStepDto })
  create(@Body() dto: CreateWageStepDto): Promise<WageStep> {
    return this.service.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('wage-steps.write', 'Change a step of your wage ladder')
  @ApiOkResponse({ type: WageStepDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateWageStepDto): Promise<WageStep> {
    return this.service.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('wage-steps.write', 'Change some fields of a step')
  @ApiOkResponse({ type: WageStepDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateWageStepDto): Promise<WageStep> {
    return this.service.update(id, dto);
  }
}
