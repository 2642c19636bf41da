import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUPPRESSION_REASON_CODES } from '@tandem/contracts';

export class BenchmarkExclusionsDto {
  @ApiProperty({ description: 'values reported but not validated' }) notValidated: number;
  @ApiProperty({ description: 'validated values flagged as outliers staff have not confirmed' }) unconfirmedOutlier: number;
}

export class BenchmarkCellDto {
  @ApiProperty() id: string;
  @ApiProperty() periodId: string;
  @ApiProperty() metricId: string;
  @ApiProperty() peerGroupId: string;
  @ApiProperty({ description: 'withheld from this reader: no figure is sent' }) suppressed: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'fewer than 5 peers' }) reason: string | null;
  @ApiProperty({ nullable: true, enum: SUPPRESSION_REASON_CODES, type: String }) reasonCode: string | null;
  @ApiProperty({ type: [String], example: ['median'], description: 'quantiles left out for this reader: with what it knows they would give a single firm\'s value' }) withheldStatistics: string[];
  @ApiProperty({ nullable: true, type: Number }) n: number | null;
  @ApiProperty({ nullable: true, type: Number }) median: number | null;
  @ApiProperty({ nullable: true, type: Number }) p25: number | null;
  @ApiProperty({ nullable: true, type: Number }) p75: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'only when n ≥ 10' }) p10: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'only when n ≥ 10' }) p90: number | null;
  @ApiProperty({ nullable: true, type: Number }) mean: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'ratio metrics: Σnumerator ÷ Σdenominator' }) pooled: number | null;
  @ApiPropertyOptional({ type: BenchmarkExclusionsDto, description: 'staff only' }) exclusions?: BenchmarkExclusionsDto;
  @ApiProperty() computedAt: string;
}
