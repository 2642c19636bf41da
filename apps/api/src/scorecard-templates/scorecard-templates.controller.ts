import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ScorecardTemplate } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CreateScorecardTemplateDto, ScorecardTemplateDto, UpdateScorecardTemplateDto } from './dto/scorecard-template.dto';
import { SCORECARD_TEMPLATE_LIST, ScorecardTemplatesService } from './scorecard-templates.service';

const READ_ONLY = ['consortiumId', 'customerId'];

@ApiTags('scorecard-templates')
@Controller('scorecard-templates')
export class ScorecardTemplatesController {
  constructor(private readonly templates: ScorecardTemplatesService) {}

  @Get()
  @RequirePermission('scorecard-templates.read', "List scorecard templates (the consortium's and customers' own)")
  @ApiOkResponse({ type: [ScorecardTemplateDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<ScorecardTemplate[]> {
    const page = parseListQuery(query, SCORECARD_TEMPLATE_LIST);
    const { rows, total } = await this.templates.list(page);
    setContentRange(res, 'scorecard-templates', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('scorecard-templates.read', 'One scorecard template with its criteria')
  @ApiOkResponse({ type: ScorecardTemplateDto })
  get(@Param('id', IdPipe) id: string): Promise<ScorecardTemplate> {
    return this.templates.get(id);
  }

  @Post()
  @RequirePermission('scorecard-templates.write', 'Create a template with its criteria (a buyer: its own customer\'s)')
  @ApiCreatedResponse({ type: ScorecardTemplateDto })
  create(@Body() dto: CreateScorecardTemplateDto): Promise<ScorecardTemplate> {
    return this.templates.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('scorecard-templates.write', 'Update a template; `criteria` replaces the set (matched by metricId)')
  @ApiOkResponse({ type: ScorecardTemplateDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateScorecardTemplateDto): Promise<ScorecardTemplate> {
    return this.templates.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('scorecard-templates.write', 'Update some fields of a template')
  @ApiOkResponse({ type: ScorecardTemplateDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateScorecardTemplateDto): Promise<ScorecardTemplate> {
    return this.templates.update(id, dto);
  }

  @Delete(':id')
  @RequirePermission('scorecard-templates.write', 'Delete a template no scorecard was computed with')
  @ApiOkResponse({ type: ScorecardTemplateDto })
  remove(@Param('id', IdPipe) id: string): Promise<ScorecardTemplate> {
    return this.templates.remove(id);
  }
}
