import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { PERIOD_KINDS, PERIOD_STATES, type PeriodKind } from '@tandem/contracts';
import { PERIOD_YEAR_MAX, PERIOD_YEAR_MIN } from '@tandem/domain';
import { IsDay } from '../../common/validators';


export class CreatePeriodDto {
  @ApiPropertyOptional({ description: 'required for platform admins; staff create in their own consortium' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  consortiumId?: string;

  @ApiProperty({ example: '2026-Q1', description: 'YYYY-Qn for a quarter or YYYY-MM for a month; the kind and default dates follow from it' })
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
  @IsUUID('all', { message: 'must be an id' })
  consortiumId?: string;

  @ApiProperty({ example: 2026 })
  @IsInt({ message: 'must be a whole year' })
  @Min(PERIOD_YEAR_MIN)
  @Max(PERIOD_YEAR_MAX)
  year: number;

  @ApiProperty({ enum: PERIOD_KINDS })
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
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class PeriodGenerateResultDto {
  @ApiProperty({ type: [PeriodDto] }) created: PeriodDto[];
  @ApiProperty({ type: [String], description: 'codes that already existed' }) skipped: string[];
}
