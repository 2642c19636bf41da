import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsId } from '../common/validators';

export class LoginDto {
  @ApiProperty({ example: 'staff.admin@glmp.demo' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'tandem-demo-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ description: 'which of the user’s role assignments this session acts under; default: the first' })
  @IsOptional()
  @IsId()
  roleAssignmentId?: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'ignored: logout revokes the session of the access token' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class InviteTokenDto {
  @ApiProperty({ description: 'the secret of the invitation link (sent in a body, never in a URL, so it is not logged)' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token: string;
}

export class AcceptInviteDto extends InviteTokenDto {
  @ApiProperty({ description: 'for a new account: the password to set (at least 12 characters); for an address that has an account: that account’s password' })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ description: 'for a new account: the name to use instead of the one in the invitation' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

export class InvitationPreviewDto {
  @ApiProperty() email: string;
  @ApiProperty({ description: 'the name the inviter gave' }) name: string;
  @ApiProperty() role: string;
  @ApiProperty({ nullable: true, type: String }) organisationName: string | null;
  @ApiProperty({ nullable: true, type: String }) consortiumName: string | null;
  @ApiProperty({ nullable: true, type: String }) invitedByName: string | null;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ description: 'the address has an account: accept with its password' }) accountExists: boolean;
}

export class SessionUserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty() role: string;
  @ApiProperty() roleAssignmentId: string;
  @ApiProperty({ nullable: true, type: String }) consortiumId: string | null;
  @ApiProperty({ nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ type: [String] }) permissions: string[];
}

export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty() expiresIn: number;
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
}
