import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { COMMITMENT_KIND_NAMES, COMMITMENT_REVIEW_OUTCOMES, COMMITMENT_STATES, type CommitmentReviewOutcome } from '@tandem/contracts';
import { IsDecimal, IsId, IsWholeNumber, Nullable } from '../../common/validators';

export class GenerateCommitmentsDto {
  @ApiPropertyOptional({ description: 'defaults to the consortium of the signed-in staff member; required for platform admins' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiProperty({ example: 2026, description: 'the fiscal year (the calendar year in which it starts)' })
  @IsWholeNumber(2000, 2100)
  year: number;
}

export class AttestCommitmentDto {
  @ApiProperty({ example: 3, description: "the figure achieved, in the kind's unit (jobs, currency, days to pay)" })
  @IsDecimal(14, 2)
  @Min(0)
  @Max(1_000_000_000_000)
  value: number;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'what the figure rests on, for the staff who verify it' })
  @Nullable()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class WaiveCommitmentDto {
  @ApiProperty({ example: 'Plant shut for four months after the flood; the steering committee waived the training target.' })
  @IsString()
  @MinLength(3, { message: 'must say why, in at least 3 characters' })
  @MaxLength(1000)
  reason: string;
}

export class DecideReviewDto {
  @ApiProperty({ enum: COMMITMENT_REVIEW_OUTCOMES, description: 'suspension_proposed suspends an active membership at once (reinstate through the membership)' })
  @IsIn(COMMITMENT_REVIEW_OUTCOMES, { message: `must be one of ${COMMITMENT_REVIEW_OUTCOMES.join(', ')}` })
  outcome: CommitmentReviewOutcome;

  @ApiProperty({ example: 'Spoke with the plant manager: training resumes in Q1 with the college.' })
  @IsString()
  @MinLength(3, { message: 'must say why, in at least 3 characters' })
  @MaxLength(2000)
  note: string;
}

export class ReciprocityQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'the fiscal year; defaults to the current one' })
  @IsOptional()
  @Type(() => Number)
  @IsWholeNumber(2000, 2100)
  year?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsId()
  supplierId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsId()
  customerId?: string;

  @ApiPropertyOptional({ description: "platform admins: the consortium whose keep rates to compute (others: their own)" })
  @IsOptional()
  @IsId()
  consortiumId?: string;
}

export class CommitmentTransitionDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: COMMITMENT_STATES, nullable: true, type: String }) fromState: string | null;
  @ApiProperty({ enum: COMMITMENT_STATES }) toState: string;
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String }) notifiedAt: string | null;
}

export class CommitmentDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() templateId: string;
  @ApiProperty({ enum: COMMITMENT_KIND_NAMES }) kind: string;
  @ApiProperty({ description: 'declared by the firm and verified by staff (otherwise computed from data)' }) attested: boolean;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ description: "the charter's target; a member that joined during the year is held to it prorated (see expected)" }) target: number;
  @ApiProperty({ enum: COMMITMENT_STATES }) state: string;
  @ApiProperty({ nullable: true, type: Number }) actual: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'what the pace requires by the last evaluation' }) expected: number | null;
  @ApiProperty({ nullable: true, type: String }) evaluatedAt: string | null;
  @ApiProperty() stateChangedAt: string;
  @ApiProperty({ nullable: true, type: String }) waivedReason: string | null;
  @ApiProperty({ nullable: true, type: String }) waivedAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) attestedValue: number | null;
  @ApiProperty({ nullable: true, type: String }) attestationNote: string | null;
  @ApiProperty({ nullable: true, type: String }) attestedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) verifiedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: [CommitmentTransitionDto] }) transitions?: CommitmentTransitionDto[];
}

export class CommitmentGenerationDto {
  @ApiProperty() charterId: string;
  @ApiProperty() year: number;
  @ApiProperty() created: number;
  @ApiProperty({ description: 'members that already had a commitment of that kind for the year' }) existing: number;
}

export class CommitmentReviewDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() commitmentId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ enum: COMMITMENT_KIND_NAMES }) kind: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: COMMITMENT_REVIEW_OUTCOMES, nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ReciprocityCommitmentDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: COMMITMENT_KIND_NAMES }) kind: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: COMMITMENT_STATES }) state: string;
  @ApiProperty() target: number;
  @ApiProperty({ nullable: true, type: Number }) actual: number | null;
}

export class ReciprocityRowDto {
  @ApiProperty() relationshipId: string;
  @ApiProperty() supplierId: string;
  @ApiProperty() supplierName: string;
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty() sourcingMode: string;
  @ApiProperty() sponsored: boolean;
  @ApiProperty({ type: [ReciprocityCommitmentDto] }) supplierCommitments: ReciprocityCommitmentDto[];
  @ApiProperty({ type: [ReciprocityCommitmentDto] }) customerCommitments: ReciprocityCommitmentDto[];
}

export class KeepRateDto {
  @ApiProperty({ enum: ['supplier', 'customer'] }) side: string;
  @ApiProperty() members: number;
  @ApiProperty() commitments: number;
  @ApiProperty({ nullable: true, type: Number }) keepRate: number | null;
  @ApiProperty() suppressed: boolean;
}

export class ReciprocityDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [ReciprocityRowDto] }) rows: ReciprocityRowDto[];
  @ApiProperty({ type: [KeepRateDto] }) keepRates: KeepRateDto[];
}
