import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDay, IsDecimal, IsId, Nullable } from '../../common/validators';

const NUMBER_MESSAGE = { message: 'must be a number without units, with at most 12 digits before the decimal point and 6 after it' };

export class CreateMetricGoalDto {
  @ApiPropertyOptional({ description: "the firm; defaults to the signed-in firm's own organisation (staff must name it)" })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @ApiProperty()
  @IsId()
  metricId: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: "defaults to the firm's first period with a validated value of the metric" })
  @Nullable()
  @IsId()
  baselinePeriodId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: "defaults to the firm's value in the baseline period" })
  @Nullable()
  @IsDecimal(18, 6, NUMBER_MESSAGE)
  baselineValue?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @Nullable()
  @IsDecimal(18, 6, NUMBER_MESSAGE)
  goalValue?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' })
  @Nullable()
  @IsDay()
  goalDate?: string | null;
}

export class UpdateMetricGoalDto extends PartialType(OmitType(CreateMetricGoalDto, ['organisationId', 'metricId'] as const)) {}

export class MetricGoalDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() metricId: string;
  @ApiProperty({ nullable: true, type: String }) baselinePeriodId: string | null;
  @ApiProperty({ nullable: true, type: Number }) baselineValue: number | null;
  @ApiProperty({ nullable: true, type: Number }) goalValue: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) goalDate: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
