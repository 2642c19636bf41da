import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CHARTER_STATES, COMMITMENT_KIND_NAMES, COMMITMENT_SIDES, type CommitmentKind, type CommitmentSide } from '@tandem/contracts';
import { IsDecimal, IsId, Nullable } from '../../common/validators';

export class CommitmentTemplateInputDto {
  @ApiProperty({ enum: COMMITMENT_KIND_NAMES })
  @IsIn(COMMITMENT_KIND_NAMES, { message: `must be one of ${COMMITMENT_KIND_NAMES.join(', ')}` })
  kind: CommitmentKind;

  @ApiProperty({ enum: COMMITMENT_SIDES, description: 'which members it applies to (customer-side kinds: customer)' })
  @IsIn(COMMITMENT_SIDES, { message: `must be one of ${COMMITMENT_SIDES.join(', ')}` })
  side: CommitmentSide;

  @ApiProperty({ example: 24, description: "in the kind's unit: hours per worker, %, count, currency, days" })
  @IsDecimal(14, 2)
  @Min(0)
  @Max(1_000_000_000)
  target: number;

  @ApiProperty({ example: 'Train every frontline worker at least 24 hours a year' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  description: string;
}

export class CreateCharterDto {
  @ApiPropertyOptional({ description: 'defaults to the consortium of the signed-in staff member; required for platform admins' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiProperty({ example: 'GLMP charter 2027' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Nullable()
  @IsString()
  @MaxLength(4000)
  summary?: string | null;

  @ApiPropertyOptional({ type: [CommitmentTemplateInputDto], description: 'one per kind and side' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CommitmentTemplateInputDto)
  templates?: CommitmentTemplateInputDto[];
}

/** PATCH of a draft: any of title, summary, templates; templates, when sent, replace the draft's. */
export class UpdateCharterDto extends PartialType(OmitType(CreateCharterDto, ['consortiumId'] as const), { skipNullProperties: false }) {}

export class CommitmentTemplateDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: COMMITMENT_KIND_NAMES }) kind: string;
  @ApiProperty({ enum: COMMITMENT_SIDES }) side: string;
  @ApiProperty() target: number;
  @ApiProperty() description: string;
}

export class CharterDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ enum: CHARTER_STATES }) state: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ type: [CommitmentTemplateDto] }) templates: CommitmentTemplateDto[];
  @ApiProperty() signatureCount: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class CharterSignatureDto {
  @ApiProperty() id: string;
  @ApiProperty() charterId: string;
  @ApiProperty() charterVersion: number;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() signedAt: string;
  @ApiProperty() signerName: string;
}
