import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ROLES, type Role } from '@tandem/contracts';

export class CreateRoleAssignmentDto {
  @ApiProperty()
  @IsUUID('all', { message: 'must be an id' })
  userId: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  consortiumId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  organisationId?: string;
}

export class RoleAssignmentDto {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ nullable: true, type: String }) consortiumId: string | null;
  @ApiProperty({ nullable: true, type: String }) organisationId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
