import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MyInvitation, Profile, TokenPair } from '@tandem/contracts';
import type { Principal } from '@tandem/server';
import { TokenPairDto } from '../auth/auth.dto';
import { AnyAuthenticated, CurrentPrincipal } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ChangePasswordDto, MyInvitationDto, ProfileDto, UpdateProfileDto } from './dto/profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('profile')
@Controller('profile')
export class ProfileController {
  constructor(private readonly profile: ProfileService) {}

  @Get()
  @AnyAuthenticated('My account: name, e-mail and the roles I hold')
  @ApiOkResponse({ type: ProfileDto })
  get(@CurrentPrincipal() p: Principal): Promise<Profile> {
    return this.profile.get(p);
  }

  @Patch()
  @AnyAuthenticated('Change my name')
  @ApiOkResponse({ type: ProfileDto })
  rename(@CurrentPrincipal() p: Principal, @Body() dto: UpdateProfileDto): Promise<Profile> {
    return this.profile.rename(p, dto.name);
  }

  @Post('password')
  @HttpCode(200)
  @AnyAuthenticated('Change my password: every session ends; the answer is a new session for this one')
  @ApiOkResponse({ type: TokenPairDto })
  changePassword(@CurrentPrincipal() p: Principal, @Body() dto: ChangePasswordDto): Promise<TokenPair> {
    return this.profile.changePassword(p, dto.currentPassword, dto.newPassword);
  }

  @Post('sign-out-everywhere')
  @HttpCode(204)
  @AnyAuthenticated('End every session of my account, this one included')
  @ApiNoContentResponse({ description: 'every session ended' })
  signOutEverywhere(@CurrentPrincipal() p: Principal): Promise<void> {
    return this.profile.signOutEverywhere(p);
  }

  @Get('invitations')
  @AnyAuthenticated('Pending invitations addressed to my e-mail address')
  @ApiOkResponse({ type: [MyInvitationDto] })
  invitations(@CurrentPrincipal() p: Principal): Promise<MyInvitation[]> {
    return this.profile.myInvitations(p);
  }

  @Post('invitations/:id/accept')
  @HttpCode(200)
  @AnyAuthenticated('Accept an invitation addressed to me: the role becomes mine')
  @ApiOkResponse({ type: ProfileDto })
  accept(@CurrentPrincipal() p: Principal, @Param('id', IdPipe) id: string): Promise<Profile> {
    return this.profile.acceptInvitation(p, id);
  }

  @Post('invitations/:id/decline')
  @HttpCode(204)
  @AnyAuthenticated('Decline an invitation addressed to me')
  @ApiNoContentResponse({ description: 'declined' })
  decline(@CurrentPrincipal() p: Principal, @Param('id', IdPipe) id: string): Promise<void> {
    return this.profile.declineInvitation(p, id);
  }
}
