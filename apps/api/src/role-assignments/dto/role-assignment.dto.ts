import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ROLE_ASSIGNMENT_STATUSES, ROLES, type RoleAssignmentStatus } from '@tandem/contracts';

export class UpdateRoleAssignmentDto {
  @ApiProperty({ enum: ROLE_ASSIGNMENT_STATUSES, description: 'suspended: sessions under this role end at once and it cannot be signed in with' })
  @IsIn(ROLE_ASSIGNMENT_STATUSES, { message: `must be one of ${ROLE_ASSIGNMENT_STATUSES.join(', ')}` })
  status: RoleAssignmentStatus;
}

export class RoleAssignmentDto {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ nullable: true, type: String }) consortiumId: string | null;
  @ApiProperty({ nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ enum: ROLE_ASSIGNMENT_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String }) suspendedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
