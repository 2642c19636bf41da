import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { PeerGroup } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CreatePeerGroupDto, PeerGroupDto, UpdatePeerGroupDto } from './dto/peer-group.dto';
import { PEER_GROUP_LIST, PeerGroupsService } from './peer-groups.service';

const READ_ONLY = ['consortiumId', 'kind', 'key', 'customerId'];

@ApiTags('peer-groups')
@Controller('peer-groups')
export class PeerGroupsController {
  constructor(private readonly groups: PeerGroupsService) {}

  @Get()
  @RequirePermission('peer-groups.read', 'List peer groups (filters: kind, active, customerId, q); a supply base only to its customer')
  @ApiOkResponse({ type: [PeerGroupDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<PeerGroup[]> {
    const page = parseListQuery(query, PEER_GROUP_LIST);
    const { rows, total } = await this.groups.list(page);
    setContentRange(res, 'peer-groups', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('peer-groups.read', 'One peer group')
  @ApiOkResponse({ type: PeerGroupDto })
  get(@Param('id', IdPipe) id: string): Promise<PeerGroup> {
    return this.groups.get(id);
  }

  @Post()
  @RequirePermission('peer-groups.write', 'Save a custom peer group (a named list of member organisations)')
  @ApiCreatedResponse({ type: PeerGroupDto })
  create(@Body() dto: CreatePeerGroupDto): Promise<PeerGroup> {
    return this.groups.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('peer-groups.write', 'Change a custom peer group')
  @ApiOkResponse({ type: PeerGroupDto })
  @ApiConflictResponse({ description: 'the group is kept by the recompute' })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdatePeerGroupDto): Promise<PeerGroup> {
    return this.groups.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('peer-groups.write', 'Change some fields of a custom peer group')
  @ApiOkResponse({ type: PeerGroupDto })
  @ApiConflictResponse({ description: 'the group is kept by the recompute' })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdatePeerGroupDto): Promise<PeerGroup> {
    return this.groups.update(id, dto);
  }

  @Delete(':id')
  @RequirePermission('peer-groups.write', 'Delete a custom peer group with its statistics')
  @ApiOkResponse({ type: PeerGroupDto })
  @ApiConflictResponse({ description: 'the group is kept by the recompute' })
  remove(@Param('id', IdPipe) id: string): Promise<PeerGroup> {
    return this.groups.remove(id);
  }
}
