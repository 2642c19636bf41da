import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsPositive, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CURRICULUM_LEVELS, type CurriculumLevel } from '@tandem/contracts';
import { IsDecimal, IsId, Nullable } from '../../common/validators';

/** SOC codes as the Bureau of Labor Statistics writes them, e.g. 51-4041. */
export const SOC_CODE = /^\d{2}-\d{4}$/;

export class CreateCurriculumDto {
  @ApiPropertyOptional({ description: 'platform admins only: the consortium (others: their own)' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiPropertyOptional({ description: 'staff name the owning organisation; everyone else owns what it creates' })
  @IsOptional()
  @IsId()
  ownerOrganisationId?: string;

  @ApiPropertyOptional({ description: 'a new version of this curriculum (same owner); its version number follows' })
  @IsOptional()
  @IsId()
  previousVersionId?: string;

  @ApiProperty({ example: 'Setup reduction (SMED) for machining cells' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ type: String })
  @Nullable()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiProperty({ example: 'setup reduction' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  skillArea: string;

  @ApiProperty({ example: 16, description: 'hours of instruction, > 0' })
  @IsDecimal(6, 1)
  @IsPositive({ message: 'must be more than 0' })
  hours: number;

  @ApiProperty({ enum: CURRICULUM_LEVELS })
  @IsIn(CURRICULUM_LEVELS, { message: `must be one of ${CURRICULUM_LEVELS.join(', ')}` })
  level: CurriculumLevel;

  @ApiPropertyOptional({ description: "shared with every member of the consortium; a union representative's proposals stay private until staff share them", default: false })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['51-4041'], description: 'occupations (SOC) it prepares for' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(SOC_CODE, { each: true, message: 'each must be a SOC code like 51-4041' })
  socCodes?: string[];
}

export class UpdateCurriculumDto extends PartialType(OmitType(CreateCurriculumDto, ['consortiumId', 'ownerOrganisationId', 'previousVersionId'] as const)) {}

export class CurriculumDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() ownerOrganisationId: string;
  @ApiProperty() ownerName: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() skillArea: string;
  @ApiProperty() hours: number;
  @ApiProperty({ enum: CURRICULUM_LEVELS }) level: string;
  @ApiProperty() shared: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String }) previousVersionId: string | null;
  @ApiProperty({ type: [String] }) socCodes: string[];
  @ApiProperty({ description: 'sessions of organisations other than the owner built on this version' }) reuseCount: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
