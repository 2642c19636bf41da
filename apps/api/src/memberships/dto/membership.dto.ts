import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsDay, IsDecimal, IsId, OptionalNotNull } from '../../common/validators';
import { MEMBERSHIP_STATUSES, MEMBERSHIP_TIERS, type MembershipStatus, type MembershipTier } from '@tandem/contracts';

export class CreateMembershipDto {
  @ApiPropertyOptional({ description: 'defaults to the consortium of the signed-in staff member; required for platform admins' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiProperty()
  @IsId()
  organisationId: string;

  @ApiProperty({ enum: MEMBERSHIP_TIERS })
  @IsIn(MEMBERSHIP_TIERS, { message: `must be one of ${MEMBERSHIP_TIERS.join(', ')}` })
  tier: MembershipTier;

  @ApiPropertyOptional({ description: 'USD per year', default: 0 })
  @OptionalNotNull()
  @IsDecimal(12, 2)
  @Min(0)
  @Max(10_000_000)
  annualDues?: number;
}

/** PATCH: any subset of tier and dues (charter signatures: /charters/:id/signatures); status changes through /transition. */
export class UpdateMembershipDto extends PartialType(OmitType(CreateMembershipDto, ['consortiumId', 'organisationId'] as const), { skipNullProperties: false }) {}

/** PUT replaces: tier is required. */
export class ReplaceMembershipDto extends OmitType(CreateMembershipDto, ['consortiumId', 'organisationId'] as const) {}

export class TransitionMembershipDto {
  @ApiProperty({ enum: MEMBERSHIP_STATUSES })
  @IsIn(MEMBERSHIP_STATUSES, { message: `must be one of ${MEMBERSHIP_STATUSES.join(', ')}` })
  toStatus: MembershipStatus;

  @ApiProperty({ example: 'Charter signed and first dues paid' })
  @IsString()
  @MinLength(3, { message: 'must say why, in at least 3 characters' })
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({ format: 'date', description: 'defaults to today' })
  @IsOptional()
  @IsDay()
  effectiveDate?: string;
}

export class MembershipTransitionDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: MEMBERSHIP_STATUSES }) fromStatus: string;
  @ApiProperty({ enum: MEMBERSHIP_STATUSES }) toStatus: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date' }) effectiveDate: string;
  @ApiProperty({ nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty() createdAt: string;
}

export class MembershipDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ enum: MEMBERSHIP_TIERS }) tier: string;
  @ApiProperty({ enum: MEMBERSHIP_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String }) joinedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) exitedAt: string | null;
  @ApiProperty() annualDues: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: [MembershipTransitionDto] }) transitions?: MembershipTransitionDto[];
}
