import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { STANDINGS, type Standing } from '@tandem/contracts';
import { IsId, Nullable } from '../../common/validators';

const NUMBER = { allowNaN: false, allowInfinity: false } as const;

/** One threshold: exactly one of atLeast (higher is better) or atMost (lower is better). */
export class ThresholdDto {
  @ApiPropertyOptional({ example: 98, description: 'higher-is-better metrics: the value must be at least this' })
  @IsOptional()
  @IsNumber(NUMBER)
  atLeast?: number;

  @ApiPropertyOptional({ example: 50, description: 'lower-is-better metrics: the value must be at most this' })
  @IsOptional()
  @IsNumber(NUMBER)
  atMost?: number;

  @ApiProperty({ example: 100, minimum: 0, maximum: 100 })
  @IsNumber(NUMBER)
  score: number;
}

export class StandingRuleDto {
  @ApiProperty({ enum: STANDINGS })
  @IsIn(STANDINGS, { message: `must be one of ${STANDINGS.join(', ')}` })
  standing: Standing;

  @ApiProperty({ example: 85, minimum: 0, maximum: 100 })
  @IsNumber(NUMBER)
  minScore: number;
}

export class CriterionDto {
  @ApiPropertyOptional({ description: 'ignored: criteria are matched by metricId' })
  @IsOptional()
  @IsId()
  id?: string;

  @ApiProperty({ description: 'a metric definition of the consortium' })
  @IsId()
  metricId: string;

  @ApiProperty({ example: 2, description: '> 0; weights are renormalised over the criteria that have a value' })
  @IsNumber(NUMBER)
  weight: number;

  @ApiProperty({ type: [ThresholdDto], description: 'evaluated in order; the first the value meets scores (0 when none)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ThresholdDto)
  thresholds: ThresholdDto[];
}

export class CreateScorecardTemplateDto {
  @ApiPropertyOptional({ description: 'defaults to the signed-in user\'s consortium; required for platform admins' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: "null: the consortium's template; a customer's id: that customer's own (a buyer's defaults to its customer)" })
  @Nullable()
  @IsId()
  customerId?: string | null;

  @ApiProperty({ example: 'Consortium supplier scorecard' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: [StandingRuleDto], description: 'one rule must have minScore 0' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => StandingRuleDto)
  standings: StandingRuleDto[];

  @ApiPropertyOptional({ default: true, description: 'at most one active template per customer (and one for the consortium)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria: CriterionDto[];
}

export class UpdateScorecardTemplateDto extends PartialType(OmitType(CreateScorecardTemplateDto, ['consortiumId', 'customerId'] as const)) {}

export class ScorecardCriterionDto {
  @ApiProperty() id: string;
  @ApiProperty() metricId: string;
  @ApiProperty() weight: number;
  @ApiProperty({ type: [ThresholdDto] }) thresholds: ThresholdDto[];
}

export class ScorecardTemplateDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty({ nullable: true, type: String }) customerId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: [StandingRuleDto] }) standings: StandingRuleDto[];
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [ScorecardCriterionDto] }) criteria: ScorecardCriterionDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
