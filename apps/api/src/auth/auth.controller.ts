import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import type { InvitationPreview, SessionUser, TokenPair } from '@tandem/contracts';
import type { Principal } from '@tandem/server';
import { AnyAuthenticated, CurrentPrincipal, Public } from '../common/decorators';
import { AcceptInviteDto, InvitationPreviewDto, InviteTokenDto, LoginDto, LogoutDto, RefreshDto, SessionUserDto, TokenPairDto } from './auth.dto';
import { AuthService } from './auth.service';
import { LocalAuthGuard } from './local-auth.guard';

type UserRow = Parameters<AuthService['login']>[0];

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ summary: 'Sign in with email and password', description: 'Public. Wrong email and wrong password answer the same 401.' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiTooManyRequestsResponse({ description: 'too many failed attempts for this account or address' })
  login(@Req() req: Request & { user: UserRow }, @Body() body: LoginDto): Promise<TokenPair> {
    return this.auth.login(req.user, body.roleAssignmentId);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate a refresh token', description: 'Public. A refresh token works once; reusing one revokes its family.' })
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @AnyAuthenticated('Sign out: revokes this session’s refresh tokens')
  @ApiNoContentResponse({ description: 'signed out' })
  async logout(@CurrentPrincipal() p: Principal & { familyId?: string }, @Body() _body: LogoutDto): Promise<void> {
    await this.auth.logout(p, p.familyId);
  }

  @Get('me')
  @AnyAuthenticated('The signed-in user and the role the session acts under')
  @ApiOkResponse({ type: SessionUserDto })
  me(@CurrentPrincipal() p: Principal): Promise<SessionUser> {
    return this.auth.me(p);
  }

  @Post('invitation-preview')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'What an invitation link offers', description: 'Public; the token comes from the invitation e-mail. Tells its holder whether the address has an account.' })
  @ApiOkResponse({ type: InvitationPreviewDto })
  previewInvite(@Body() body: InviteTokenDto): Promise<InvitationPreview> {
    return this.auth.previewInvite(body.token);
  }

  @Post('accept-invite')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept an invitation from its link',
    description: 'Public. A new address sets its password here; an address with an account confirms with that account’s password (failures count as failed sign-ins). Answers a session under the new role.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiTooManyRequestsResponse({ description: 'too many wrong passwords for this account or address' })
  acceptInvite(@Req() req: Request, @Body() body: AcceptInviteDto): Promise<TokenPair> {
    return this.auth.acceptInvite(body.token, body.password, body.name, req.ip ?? 'unknown');
  }

  @Post('decline-invite')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Decline an invitation from its link', description: 'Public; the link stops working.' })
  @ApiNoContentResponse({ description: 'declined' })
  async declineInvite(@Body() body: InviteTokenDto): Promise<void> {
    await this.auth.declineInvite(body.token);
  }
}
