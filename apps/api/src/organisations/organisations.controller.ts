import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Organisation } from '@tandem/contracts';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CreateOrganisationDto, OrganisationDto, ReplaceOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import type { Principal } from '@tandem/server';
import { CurrentPrincipal, RequirePermission } from '../common/decorators';
import { organisationListFor, OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @RequirePermission('organisations.read', 'List organisations (simple REST: sort, range, filter)')
  @ApiOkResponse({ type: [OrganisationDto] })
  async list(@Query() query: ListQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<Organisation[]> {
    const page = parseListQuery(query, organisationListFor(principal));
    const { rows, total } = await this.organisations.list(page);
    setContentRange(res, 'organisations', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('organisations.read', 'One organisation')
  @ApiOkResponse({ type: OrganisationDto })
  get(@Param('id', IdPipe) id: string): Promise<Organisation> {
    return this.organisations.get(id);
  }

  @Post()
  @RequirePermission('organisations.create', 'Register an organisation')
  @ApiCreatedResponse({ type: OrganisationDto })
  create(@Body() dto: CreateOrganisationDto): Promise<Organisation> {
    return this.organisations.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly()
  @RequirePermission('organisations.update', 'Update an organisation')
  @ApiOkResponse({ type: OrganisationDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: ReplaceOrganisationDto): Promise<Organisation> {
    return this.organisations.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly()
  @RequirePermission('organisations.update', 'Update some fields of an organisation')
  @ApiOkResponse({ type: OrganisationDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateOrganisationDto): Promise<Organisation> {
    return this.organisations.update(id, dto);
  }

  @Delete(':id')
  @RequirePermission('organisations.delete', 'Delete an organisation that never became a member')
  @ApiOkResponse({ type: OrganisationDto })
  remove(@Param('id', IdPipe) id: string): Promise<Organisation> {
    return this.organisations.remove(id);
  }
}
