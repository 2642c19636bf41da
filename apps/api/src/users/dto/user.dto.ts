import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../common/validators';
import { ROLES, type Role } from '@tandem/contracts';

export class InviteUserDto {
  @ApiProperty({ example: 'new.person@acme-castings.demo' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Dana Kowalski' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ description: 'the firm or body the role acts for; defaults to the inviting firm admin’s own' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  organisationId?: string;

  @ApiPropertyOptional({ description: 'defaults to the inviter’s consortium; platform admins name it' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  consortiumId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ['active', 'disabled'], description: 'an unchanged `invited` is accepted and ignored' })
  @OptionalNotNull()
  @IsIn(['active', 'disabled', 'invited'], { message: 'must be active or disabled' })
  status?: 'active' | 'disabled' | 'invited';
}

/** PUT replaces: the name must be there; status may be left as it is. */
export class ReplaceUserDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: ['active', 'disabled'], description: 'an unchanged `invited` is accepted and ignored' })
  @OptionalNotNull()
  @IsIn(['active', 'disabled', 'invited'], { message: 'must be active or disabled' })
  status?: 'active' | 'disabled' | 'invited';
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['invited', 'active', 'disabled'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) lastLoginAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
