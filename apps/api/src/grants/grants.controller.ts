import { Body, Controller, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Grant } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { GRANT_LIST, GrantsService } from './grants.service';
import { CreateGrantDto, GrantDto, UpdateGrantDto } from './dto/grant.dto';

const READ_ONLY = ['id', 'consortiumId', 'funderOrganisationId', 'funderName', 'createdAt', 'updatedAt'];

@ApiTags('grants')
@Controller('grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Get()
  @RequirePermission('grants.read', 'Grants that fund training (staff; a funder its own; a trainer those it may name on a session) (filters: q, funderOrganisationId)')
  @ApiOkResponse({ type: [GrantDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<Grant[]> {
    const page = parseListQuery(query, GRANT_LIST);
    const { rows, total } = await this.grants.list(page);
    setContentRange(res, 'grants', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('grants.read', 'One grant')
  @ApiOkResponse({ type: GrantDto })
  get(@Param('id', IdPipe) id: string): Promise<Grant> {
    return this.grants.get(id);
  }

  @Post()
  @RequirePermission('grants.write', 'Record a grant (staff)')
  @ApiCreatedResponse({ type: GrantDto })
  create(@Body() dto: CreateGrantDto): Promise<Grant> {
    return this.grants.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('grants.write', 'Change a grant (staff)')
  @ApiOkResponse({ type: GrantDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateGrantDto): Promise<Grant> {
    return this.grants.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('grants.write', 'Change some fields of a grant (staff)')
  @ApiOkResponse({ type: GrantDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateGrantDto): Promise<Grant> {
    return this.grants.update(id, dto);
  }
}
