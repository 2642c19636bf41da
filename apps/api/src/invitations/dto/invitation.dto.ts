import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { INVITATION_STATUSES, ROLES, type Role } from '@tandem/contracts';
import { IsId } from '../../common/validators';

export class CreateInvitationDto {
  @ApiProperty({ example: 'new.person@acme-castings.demo' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Dana Kowalski', description: 'the name a new account starts with; an existing account keeps its own' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ description: 'the firm or body the role acts for; defaults to the inviting firm admin’s own' })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @ApiPropertyOptional({ description: 'defaults to the inviter’s consortium; platform admins name it' })
  @IsOptional()
  @IsId()
  consortiumId?: string;
}

export class InvitationDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ nullable: true, type: String }) consortiumId: string | null;
  @ApiProperty({ nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ nullable: true, type: String }) invitedById: string | null;
  @ApiProperty({ nullable: true, type: String }) invitedByName: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
