import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { METRIC_CATEGORIES, METRIC_DIRECTIONS, METRIC_FREQUENCIES, METRIC_REPORTERS, type MetricCategory, type MetricDirection, type MetricFrequency, type MetricReporter } from '@tandem/contracts';
import { IsDecimal, IsId, Nullable } from '../../common/validators';


export class CreateMetricDefinitionDto {
  @ApiPropertyOptional({ description: 'required for platform admins; staff create in their own consortium' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiProperty({ example: 'FIRST_PASS_YIELD', description: 'upper-case code used in CSV imports and the bulk push' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/, { message: 'must be 2–32 upper-case letters, digits or underscores, starting with a letter' })
  code: string;

  @ApiProperty({ example: 'First-pass yield' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '%' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  unit: string;

  @ApiProperty({ enum: METRIC_DIRECTIONS, description: 'which direction counts as better' })
  @IsIn(METRIC_DIRECTIONS, { message: `must be one of ${METRIC_DIRECTIONS.join(', ')}` })
  direction: MetricDirection;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'lowest valid value; null = unbounded' })
  @Nullable()
  @IsDecimal(18, 6)
  @Min(-1e11)
  @Max(1e11)
  minValue?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'highest valid value; null = unbounded' })
  @Nullable()
  @IsDecimal(18, 6)
  @Min(-1e11)
  @Max(1e11)
  maxValue?: number | null;

  @ApiProperty({ enum: METRIC_FREQUENCIES })
  @IsIn(METRIC_FREQUENCIES, { message: `must be one of ${METRIC_FREQUENCIES.join(', ')}` })
  frequency: MetricFrequency;

  @ApiProperty({ enum: METRIC_REPORTERS, isArray: true, example: ['supplier'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(METRIC_REPORTERS, { each: true, message: `each must be one of ${METRIC_REPORTERS.join(', ')}` })
  reporters: MetricReporter[];

  @ApiPropertyOptional({ default: false, description: 'a ratio keeps its raw numerator and denominator' })
  @IsOptional()
  @IsBoolean()
  isRatio?: boolean;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'value = numerator ÷ denominator × ratioScale (100 for %, 1e6 for PPM)' })
  @Nullable()
  @IsDecimal(18, 6)
  @Min(0.000001)
  @Max(1e9)
  ratioScale?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Nullable()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  numeratorLabel?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Nullable()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  denominatorLabel?: string | null;

  @ApiPropertyOptional({ default: 3, description: 'a move by more than this factor from the previous period is flagged as an outlier' })
  @IsOptional()
  @IsDecimal(8, 3)
  @Min(1.001)
  @Max(1000)
  outlierFactor?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    enum: METRIC_CATEGORIES,
    nullable: true,
    description: "what suppliers' sharing settings name to let a customer see its values; null (the default) = shared with no customer",
  })
  @Nullable()
  @IsIn(METRIC_CATEGORIES, { message: `must be one of ${METRIC_CATEGORIES.join(', ')}` })
  category?: MetricCategory | null;
}

export class UpdateMetricDefinitionDto extends PartialType(OmitType(CreateMetricDefinitionDto, ['consortiumId', 'code'] as const)) {}

export class MetricDefinitionDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: METRIC_DIRECTIONS }) direction: string;
  @ApiProperty({ nullable: true, type: Number }) minValue: number | null;
  @ApiProperty({ nullable: true, type: Number }) maxValue: number | null;
  @ApiProperty({ enum: METRIC_FREQUENCIES, description: "the metric's own frequency (metrics.md)" }) frequency: string;
  @ApiProperty({
    enum: METRIC_FREQUENCIES,
    description: "the frequency it is collected at under the consortium's calendar: every metric per quarter in a quarterly calendar (a monthly one as the quarter's pooled figure), its own frequency in a monthly one",
  })
  collectionFrequency: string;
  @ApiProperty({ enum: METRIC_REPORTERS, isArray: true }) reporters: string[];
  @ApiProperty() isRatio: boolean;
  @ApiProperty({ nullable: true, type: Number }) ratioScale: number | null;
  @ApiProperty({ nullable: true, type: String }) numeratorLabel: string | null;
  @ApiProperty({ nullable: true, type: String }) denominatorLabel: string | null;
  @ApiProperty() outlierFactor: number;
  @ApiProperty({ enum: METRIC_CATEGORIES, nullable: true, description: 'the category sharing settings name; null: shared with no customer' }) category: string | null;
  @ApiProperty() standard: boolean;
  @ApiProperty() enabled: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
