import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Invitation } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { CreateInvitationDto, InvitationDto } from './dto/invitation.dto';
import { INVITATION_LIST, InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @RequirePermission('invitations.read', 'List invitations sent within your scope')
  @ApiOkResponse({ type: [InvitationDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<Invitation[]> {
    const page = parseListQuery(query, INVITATION_LIST);
    const { rows, total } = await this.invitations.list(page);
    setContentRange(res, 'invitations', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('invitations.read', 'One invitation')
  @ApiOkResponse({ type: InvitationDto })
  get(@Param('id', IdPipe) id: string): Promise<Invitation> {
    return this.invitations.get(id);
  }

  @Post()
  @RequirePermission('invitations.create', 'Offer a role to an e-mail address; the role exists once the person accepts. The answer is the same whether or not the address has an account.')
  @ApiCreatedResponse({ type: InvitationDto })
  create(@Body() dto: CreateInvitationDto): Promise<Invitation> {
    return this.invitations.create(dto);
  }

  @Delete(':id')
  @RequirePermission('invitations.revoke', 'Revoke a pending invitation (its link stops working)')
  @ApiOkResponse({ type: InvitationDto })
  revoke(@Param('id', IdPipe) id: string): Promise<Invitation> {
    return this.invitations.revoke(id);
  }
}
