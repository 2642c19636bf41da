import { Body, Controller, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Consortium } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CONSORTIUM_LIST, ConsortiaService } from './consortia.service';
import { ConsortiumDto, CreateConsortiumDto, ReplaceConsortiumDto, UpdateConsortiumDto } from './dto/consortium.dto';

@ApiTags('consortia')
@Controller('consortia')
export class ConsortiaController {
  constructor(private readonly consortia: ConsortiaService) {}

  @Get()
  @RequirePermission('consortia.read', 'List consortia')
  @ApiOkResponse({ type: [ConsortiumDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<Consortium[]> {
    const page = parseListQuery(query, CONSORTIUM_LIST);
    const { rows, total } = await this.consortia.list(page);
    setContentRange(res, 'consortia', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('consortia.read', 'One consortium')
  @ApiOkResponse({ type: ConsortiumDto })
  get(@Param('id', IdPipe) id: string): Promise<Consortium> {
    return this.consortia.get(id);
  }

  @Post()
  @RequirePermission('consortia.create', 'Create a consortium')
  @ApiCreatedResponse({ type: ConsortiumDto })
  create(@Body() dto: CreateConsortiumDto): Promise<Consortium> {
    return this.consortia.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly()
  @RequirePermission('consortia.update', 'Update a consortium')
  @ApiOkResponse({ type: ConsortiumDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: ReplaceConsortiumDto): Promise<Consortium> {
    return this.consortia.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly()
  @RequirePermission('consortia.update', 'Update some fields of a consortium')
  @ApiOkResponse({ type: ConsortiumDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateConsortiumDto): Promise<Consortium> {
    return this.consortia.update(id, dto);
  }
}
