import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsInt, IsNumber, IsObject, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { MAX_BULK_ROWS, MAX_PAGE_SIZE, METRIC_VALUE_SOURCES, METRIC_VALUE_STATUSES, REVISION_APPROVALS } from '@tandem/contracts';
import { IsId, Nullable } from '../../common/validators';

const NUMBER = { allowNaN: false, allowInfinity: false } as const;
const NUMBER_MESSAGE = { message: 'must be a number without units (e.g. 95.5, not "95%")' };
export const MAX_NOTE = 2000;

/**
 * The figures of a value and its note, as a firm enters them (metrics.md): a value, or for a
 * ratio its numerator and denominator (the value is then computed); sending any of the three
 * replaces all three.
 */
class MetricFiguresDto {
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'the figure; for ratios it may be left out and is computed from numerator and denominator. In a change, sending any of value, numerator, denominator replaces all three' })
  @Nullable()
  @IsNumber(NUMBER, NUMBER_MESSAGE)
  value?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @Nullable()
  @IsNumber(NUMBER, NUMBER_MESSAGE)
  numerator?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @Nullable()
  @IsNumber(NUMBER, NUMBER_MESSAGE)
  denominator?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Nullable()
  @IsString()
  @MaxLength(MAX_NOTE)
  note?: string | null;
}

export class CreateMetricValueDto extends MetricFiguresDto {
  @ApiPropertyOptional({ description: 'the organisation the figure is about; a firm reports its own (default), a buyer names its supplier' })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @ApiProperty()
  @IsId()
  metricId: string;

  @ApiProperty()
  @IsId()
  periodId: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: "the reporting customer (a buyer's own organisation, set for it); staff name it when entering a customer's report" })
  @Nullable()
  @IsId()
  customerId?: string | null;


  @ApiPropertyOptional({ default: false, description: 'submit at once instead of keeping a draft' })
  @IsOptional()
  @IsBoolean()
  submit?: boolean;
}

export class UpdateMetricValueDto extends MetricFiguresDto {
  @ApiProperty({ description: 'the revision this change is based on (optimistic concurrency); a stale one answers 409' })
  @IsInt({ message: 'must be the current revision number' })
  @Min(1)
  revision: number;


  @ApiPropertyOptional({ description: 'why; required once the period is closed (the change then waits for staff approval)' })
  @IsOptional()
  @IsString()
  @MinLength(3, { message: 'must say why, in at least 3 characters' })
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ default: false, description: 'submit with this change' })
  @IsOptional()
  @IsBoolean()
  submit?: boolean;
}

export class RejectMetricValueDto {
  @ApiProperty({ example: 'Denominator includes cancelled order lines' })
  @IsString()
  @MinLength(3, { message: 'must say why, in at least 3 characters' })
  @MaxLength(1000)
  reason: string;
}

export class DeclineRevisionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ValidateManyDto {
  @ApiProperty({ type: [String], description: `at most ${MAX_PAGE_SIZE} ids` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PAGE_SIZE)
  @ArrayUnique()
  @IsId({ each: true })
  ids: string[];
}

/**
 * One row of a bulk push, for OpenAPI only: rows are checked by hand, one by one
 * (metric-values-bulk.service.ts parseBulkRow). ERP exports write empty columns as null, so
 * null in an optional field means the same as leaving it out.
 */
export class BulkMetricValueRowDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: "Organisation.code; defaults to the API key's organisation" }) orgCode?: string | null;
  @ApiProperty({ example: '2026-Q1' }) period: string;
  @ApiProperty({ example: 'OTD' }) metric: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) value?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) numerator?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) denominator?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'for customer-reported values' }) customerCode?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) note?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'the revision this row changes; absent for a new value' }) revision?: number | null;
}

export class BulkMetricValuesDto {
  @ApiProperty({ type: [BulkMetricValueRowDto], description: `1 to ${MAX_BULK_ROWS} rows; each row is checked on its own and answered in the per-row result` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ROWS)
  @IsObject({ each: true, message: 'each row must be an object' })
  rows: Record<string, unknown>[];
}

export class BulkRowResultDto {
  @ApiProperty() row: number;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged', 'error'] }) status: string;
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() revision?: number;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } }) errors?: { path: string; message: string }[];
}

export class MetricValueDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() metricId: string;
  @ApiProperty() metricCode: string;
  @ApiProperty() periodId: string;
  @ApiProperty() periodCode: string;
  @ApiProperty({ format: 'date', description: 'first day of the period' }) periodStartsOn: string;
  @ApiProperty({ nullable: true, type: String }) customerId: string | null;
  @ApiProperty() subjectKey: string;
  @ApiProperty() value: number;
  @ApiProperty({ nullable: true, type: Number }) numerator: number | null;
  @ApiProperty({ nullable: true, type: Number }) denominator: number | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ enum: METRIC_VALUE_SOURCES }) source: string;
  @ApiProperty({ enum: METRIC_VALUE_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String }) rejectionReason: string | null;
  @ApiProperty() outlier: boolean;
  @ApiProperty({ nullable: true, type: String }) outlierNote: string | null;
  @ApiProperty() revision: number;
  @ApiProperty({ nullable: true, type: Number }) pendingRevision: number | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) validatedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) validatedById: string | null;
  @ApiProperty({ nullable: true, type: Number }) baselineValue: number | null;
  @ApiProperty({ nullable: true, type: Number }) goalValue: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'signed %, positive = better' }) improvementSinceBaseline: number | null;
  @ApiProperty({ nullable: true, type: Number, description: "metric's unit; positive = still short of the goal" }) distanceToGoal: number | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class MetricValueStateDto {
  @ApiProperty() value: number;
  @ApiProperty({ nullable: true, type: Number }) numerator: number | null;
  @ApiProperty({ nullable: true, type: Number }) denominator: number | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ enum: METRIC_VALUE_STATUSES }) status: string;
  @ApiProperty({ enum: METRIC_VALUE_SOURCES }) source: string;
}

export class MetricValueRevisionDto {
  @ApiProperty() id: string;
  @ApiProperty() metricValueId: string;
  @ApiProperty() revision: number;
  @ApiProperty({ type: MetricValueStateDto, nullable: true }) before: MetricValueStateDto | null;
  @ApiProperty({ type: MetricValueStateDto }) after: MetricValueStateDto;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ enum: REVISION_APPROVALS }) approval: string;
  @ApiProperty({ nullable: true, type: String }) decidedById: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorApiKeyId: string | null;
  @ApiProperty() createdAt: string;
}

export class ValidateManyResultDto {
  @ApiProperty({ type: [String] }) validated: string[];
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, reason: { type: 'string' } } } }) skipped: { id: string; reason: string }[];
}
