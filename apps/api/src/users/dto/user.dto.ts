import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { USER_STATUSES } from '@tandem/contracts';
import { OptionalNotNull } from '../../common/validators';

/** Account-wide details: changed by the platform admin here, by the person through /api/profile. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'the sign-in address; the platform admin corrects it' })
  @OptionalNotNull()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ enum: USER_STATUSES, description: 'disabled: every session ends at once and sign-in is refused' })
  @OptionalNotNull()
  @IsIn(USER_STATUSES, { message: `must be one of ${USER_STATUSES.join(', ')}` })
  status?: 'active' | 'disabled';
}

/** PUT replaces: the name must be there; e-mail and status may be left as they are. */
export class ReplaceUserDto extends OmitType(UpdateUserDto, ['name'] as const) {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: USER_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String }) lastLoginAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
