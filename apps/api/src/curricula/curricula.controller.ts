import { Body, Controller, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Curriculum } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CURRICULUM_LIST, CurriculaService } from './curricula.service';
import { CreateCurriculumDto, CurriculumDto, UpdateCurriculumDto } from './dto/curriculum.dto';

const READ_ONLY = ['id', 'consortiumId', 'ownerOrganisationId', 'ownerName', 'version', 'previousVersionId', 'reuseCount', 'createdAt', 'updatedAt'];

@ApiTags('curricula')
@Controller('curricula')
export class CurriculaController {
  constructor(private readonly curricula: CurriculaService) {}

  @Get()
  @RequirePermission('curricula.read', 'The curricula library: shared curricula of the consortium and your own (filters: q = title, skill area or SOC code; skillArea, socCode, shared, ownerOrganisationId, level, previousVersionId)')
  @ApiOkResponse({ type: [CurriculumDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<Curriculum[]> {
    const page = parseListQuery(query, CURRICULUM_LIST);
    const { rows, total } = await this.curricula.list(page);
    setContentRange(res, 'curricula', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('curricula.read', 'One curriculum with its reuse count')
  @ApiOkResponse({ type: CurriculumDto })
  get(@Param('id', IdPipe) id: string): Promise<Curriculum> {
    return this.curricula.get(id);
  }

  @Post()
  @RequirePermission('curricula.write', 'Publish a curriculum, or a new version of one (previousVersionId); a union representative proposes one (never shared by it)')
  @ApiCreatedResponse({ type: CurriculumDto })
  create(@Body() dto: CreateCurriculumDto): Promise<Curriculum> {
    return this.curricula.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('curricula.write', "Change a curriculum (its owner or staff)")
  @ApiOkResponse({ type: CurriculumDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateCurriculumDto): Promise<Curriculum> {
    return this.curricula.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('curricula.write', 'Change some fields of a curriculum (its owner or staff)')
  @ApiOkResponse({ type: CurriculumDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateCurriculumDto): Promise<Curriculum> {
    return this.curricula.update(id, dto);
  }
}
