import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Membership } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CreateMembershipDto, MembershipDto, ReplaceMembershipDto, TransitionMembershipDto, UpdateMembershipDto } from './dto/membership.dto';
import { MEMBERSHIP_LIST, MembershipsService } from './memberships.service';

const READ_ONLY = ['status', 'consortiumId', 'organisationId', 'joinedAt', 'exitedAt', 'transitions'];

@ApiTags('memberships')
@Controller('memberships')
export class MembershipsController {
  constructor(private readonly memberships: MembershipsService) {}

  @Get()
  @RequirePermission('memberships.read', 'List memberships')
  @ApiOkResponse({ type: [MembershipDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<Membership[]> {
    const page = parseListQuery(query, MEMBERSHIP_LIST);
    const { rows, total } = await this.memberships.list(page);
    setContentRange(res, 'memberships', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('memberships.read', 'One membership with its transition history')
  @ApiOkResponse({ type: MembershipDto })
  get(@Param('id', IdPipe) id: string): Promise<Membership> {
    return this.memberships.get(id);
  }

  @Post()
  @RequirePermission('memberships.create', 'Admit an organisation as an applicant')
  @ApiCreatedResponse({ type: MembershipDto })
  create(@Body() dto: CreateMembershipDto): Promise<Membership> {
    return this.memberships.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('memberships.update', 'Update tier, dues or charter (status changes through /transition)')
  @ApiOkResponse({ type: MembershipDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: ReplaceMembershipDto): Promise<Membership> {
    return this.memberships.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('memberships.update', 'Update some fields of a membership')
  @ApiOkResponse({ type: MembershipDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateMembershipDto): Promise<Membership> {
    return this.memberships.update(id, dto);
  }

  @Post(':id/transition')
  @HttpCode(200)
  @RequirePermission('memberships.transition', 'Move a membership through applicant → active → suspended → exited')
  @ApiOkResponse({ type: MembershipDto })
  @ApiConflictResponse({ description: 'transition not allowed from the current status' })
  transition(@Param('id', IdPipe) id: string, @Body() dto: TransitionMembershipDto): Promise<Membership> {
    return this.memberships.transition(id, dto);
  }
}
