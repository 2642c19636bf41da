import { Body, Controller, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { MetricDefinition } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CreateMetricDefinitionDto, MetricDefinitionDto, UpdateMetricDefinitionDto } from './dto/metric-definition.dto';
import { METRIC_DEFINITION_LIST, MetricDefinitionsService } from './metric-definitions.service';

const READ_ONLY = ['consortiumId', 'code', 'standard', 'collectionFrequency'];

@ApiTags('metric-definitions')
@Controller('metric-definitions')
export class MetricDefinitionsController {
  constructor(private readonly definitions: MetricDefinitionsService) {}

  @Get()
  @RequirePermission('metric-definitions.read', "List the consortium's metric catalogue")
  @ApiOkResponse({ type: [MetricDefinitionDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<MetricDefinition[]> {
    const page = parseListQuery(query, METRIC_DEFINITION_LIST);
    const { rows, total } = await this.definitions.list(page);
    setContentRange(res, 'metric-definitions', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('metric-definitions.read', 'One metric definition')
  @ApiOkResponse({ type: MetricDefinitionDto })
  get(@Param('id', IdPipe) id: string): Promise<MetricDefinition> {
    return this.definitions.get(id);
  }

  @Post()
  @RequirePermission('metric-definitions.create', "Add a metric of the consortium's own to its catalogue")
  @ApiCreatedResponse({ type: MetricDefinitionDto })
  create(@Body() dto: CreateMetricDefinitionDto): Promise<MetricDefinition> {
    return this.definitions.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('metric-definitions.update', 'Update a metric (standard entries: enabled and outlierFactor only)')
  @ApiOkResponse({ type: MetricDefinitionDto })
  @ApiConflictResponse({ description: 'ratio definition of a metric that has values' })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateMetricDefinitionDto): Promise<MetricDefinition> {
    return this.definitions.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('metric-definitions.update', 'Update some fields of a metric, e.g. {"enabled": false}')
  @ApiOkResponse({ type: MetricDefinitionDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateMetricDefinitionDto): Promise<MetricDefinition> {
    return this.definitions.update(id, dto);
  }
}
