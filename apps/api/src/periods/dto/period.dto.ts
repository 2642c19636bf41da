import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Type } from 'class-transformer';
import { MAX_PAGE_SIZE, PERIOD_KINDS, PERIOD_STATES, SUBMISSION_STATUSES, type PeriodKind, type SubmissionStatus } from '@tandem/contracts';
import { PERIOD_YEAR_MAX, PERIOD_YEAR_MIN } from '@tandem/domain';
import { IsDay, IsId, IsWholeNumber } from '../../common/validators';


export class CreatePeriodDto {
  @ApiPropertyOptional({ description: 'required for platform admins; staff create in their own consortium' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiProperty({ example: '2026-Q1', description: "YYYY-Qn for a quarter or YYYY-MM for a month; the kind and default dates follow from it. The kind must be one the consortium's calendar runs (a quarterly calendar has quarters only)" })
  @IsString()
  @Matches(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, { message: 'must be YYYY-Qn (quarter) or YYYY-MM (month)' })
  code: string;

  @ApiPropertyOptional({ format: 'date', description: "defaults to the first day of the code's quarter or month" })
  @IsOptional()
  @IsDay()
  startsOn?: string;

  @ApiPropertyOptional({ format: 'date', description: "defaults to the last day of the code's quarter or month" })
  @IsOptional()
  @IsDay()
  endsOn?: string;

  @ApiPropertyOptional({ format: 'date', description: 'defaults to 30 days after endsOn' })
  @IsOptional()
  @IsDay()
  dueOn?: string;
}

export class GeneratePeriodsDto {
  @ApiPropertyOptional({ description: 'required for platform admins' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiProperty({ example: 2026 })
  @IsInt({ message: 'must be a whole year' })
  @Min(PERIOD_YEAR_MIN)
  @Max(PERIOD_YEAR_MAX)
  year: number;

  @ApiProperty({ enum: PERIOD_KINDS, description: "one the consortium's calendar runs (a quarterly calendar has quarters only)" })
  @IsIn(PERIOD_KINDS, { message: `must be one of ${PERIOD_KINDS.join(', ')}` })
  kind: PeriodKind;

  @ApiPropertyOptional({ default: 30, description: 'days after the end of each period that values are due' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  dueDays?: number;
}

export class UpdatePeriodDto {
  @ApiPropertyOptional({ format: 'date', description: 'only while the period is open' })
  @IsOptional()
  @IsDay()
  startsOn?: string;

  @ApiPropertyOptional({ format: 'date', description: 'only while the period is open' })
  @IsOptional()
  @IsDay()
  endsOn?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDay()
  dueOn?: string;
}

export class ReopenPeriodDto {
  @ApiProperty({ example: 'Northstar restated its Q3 delivery figures after the close', description: 'why the period is reopened (kept in the audit trail)' })
  @IsString({ message: 'must be a string' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(1000)
  reason: string;
}

export class PeriodDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty({ example: '2026-Q1' }) code: string;
  @ApiProperty({ enum: PERIOD_KINDS }) kind: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: PERIOD_STATES }) state: string;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ description: 'how often staff reopened it after a close' }) reopenCount: number;
  @ApiProperty({ nullable: true, type: String }) reopenedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the reason given at the latest reopening' }) reopenReason: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export const COMPLETENESS_DEFAULT_LIMIT = 100;

/** Filters and page of GET /api/periods/{id}/completeness; the totals always count every firm. */
export class PeriodCompletenessQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: "'true': late firms only; 'false': firms that are not late" })
  @IsOptional()
  @IsIn(['true', 'false'], { message: "must be 'true' or 'false'" })
  late?: 'true' | 'false';

  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES, { message: `must be one of ${SUBMISSION_STATUSES.join(', ')}` })
  status?: SubmissionStatus;

  @ApiPropertyOptional({ description: 'one firm only (a firm sees its own row or none)' })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: COMPLETENESS_DEFAULT_LIMIT, description: 'firms per page' })
  @IsOptional()
  @Type(() => Number)
  @IsWholeNumber(1, MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsWholeNumber(0, 1_000_000)
  offset?: number;
}

export class PeriodCompletenessFirmDto {
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ description: 'metrics owed for the period' }) expected: number;
  @ApiProperty({ description: 'of those, submitted or validated' }) submitted: number;
  @ApiProperty({ description: 'of those, validated' }) validated: number;
  @ApiProperty({ type: [String], description: 'owed with no submitted or validated value' }) missingMetrics: string[];
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: string;
  @ApiProperty({ description: 'due date passed with metrics missing' }) late: boolean;
  @ApiProperty({ nullable: true, type: String }) lastSubmittedAt: string | null;
}

export class PeriodCompletenessTotalsDto {
  @ApiProperty() firms: number;
  @ApiProperty() complete: number;
  @ApiProperty() partial: number;
  @ApiProperty() missing: number;
  @ApiProperty() late: number;
}

export class PeriodCompletenessDto {
  @ApiProperty({ description: "the period's id" }) id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() code: string;
  @ApiProperty({ enum: PERIOD_KINDS }) kind: string;
  @ApiProperty({ enum: PERIOD_STATES }) state: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ format: 'date', description: 'the day lateness was judged on (UTC)' }) asOf: string;
  @ApiProperty({ type: [String], description: 'metrics each reporting firm owes: enabled, supplier-reported, collected in this kind of period' }) expectedMetrics: string[];
  @ApiProperty({ type: PeriodCompletenessTotalsDto, description: 'over every firm, whatever the filters' }) totals: PeriodCompletenessTotalsDto;
  @ApiProperty({ description: 'firms matching the filters' }) matching: number;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
  @ApiProperty({ type: [PeriodCompletenessFirmDto], description: 'one page of the matching firms, late first, then missing, partial, complete, by name (staff: every active supplier member; a firm: itself only)' }) firms: PeriodCompletenessFirmDto[];
}

export class PeriodGenerateResultDto {
  @ApiProperty({ type: [PeriodDto] }) created: PeriodDto[];
  @ApiProperty({ type: [String], description: 'codes that already existed' }) skipped: string[];
}

export class LateReminderResultDto {
  @ApiProperty() periodId: string;
  @ApiProperty({ example: '2026-Q3' }) code: string;
  @ApiProperty({ description: 'late firms e-mailed now' }) reminded: number;
  @ApiProperty({ description: 'late firms already reminded by staff today (not e-mailed again)' }) alreadyReminded: number;
  @ApiProperty({ description: 'late firms with no firm admin or contributor to e-mail' }) withoutRecipients: number;
}
