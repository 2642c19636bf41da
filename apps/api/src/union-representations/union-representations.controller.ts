import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { UnionRepresentation } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { CreateUnionRepresentationDto, UnionRepresentationDto } from './dto/union-representation.dto';
import { UNION_REPRESENTATION_LIST, UnionRepresentationsService } from './union-representations.service';

@ApiTags('union-representations')
@Controller('union-representations')
export class UnionRepresentationsController {
  constructor(private readonly representations: UnionRepresentationsService) {}

  @Get()
  @RequirePermission('union-representations.read', 'Which union represents which member firm (staff: all; a union: whom it represents; a firm: who represents it)')
  @ApiOkResponse({ type: [UnionRepresentationDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<UnionRepresentation[]> {
    const page = parseListQuery(query, UNION_REPRESENTATION_LIST);
    const { rows, total } = await this.representations.list(page);
    setContentRange(res, 'union-representations', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('union-representations.read', 'One representation')
  @ApiOkResponse({ type: UnionRepresentationDto })
  get(@Param('id', IdPipe) id: string): Promise<UnionRepresentation> {
    return this.representations.get(id);
  }

  @Post()
  @RequirePermission('union-representations.write', 'Record that a union organisation represents a member firm')
  @ApiCreatedResponse({ type: UnionRepresentationDto })
  @ApiConflictResponse({ description: 'the union represents this firm already' })
  create(@Body() dto: CreateUnionRepresentationDto): Promise<UnionRepresentation> {
    return this.representations.create(dto);
  }

  @Delete(':id')
  @RequirePermission('union-representations.write', 'End a representation')
  @ApiOkResponse({ type: UnionRepresentationDto })
  remove(@Param('id', IdPipe) id: string): Promise<UnionRepresentation> {
    return this.representations.remove(id);
  }
}
