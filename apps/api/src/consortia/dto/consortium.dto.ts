import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../common/validators';
import { DISCLOSURE_THRESHOLD_DEFAULT, DISCLOSURE_THRESHOLD_MIN, REPORTING_CALENDARS, type ReportingCalendar } from '@tandem/contracts';

export class CreateConsortiumDto {
  @ApiProperty({ example: 'Great Lakes Manufacturing Partnership' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'glmp' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'must be 2–40 lower-case letters, digits or dashes' })
  slug: string;

  @ApiProperty({ example: 'Southeast Wisconsin' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  region: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 12, default: 1 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(12)
  fiscalYearStartMonth?: number;

  @ApiPropertyOptional({ minimum: DISCLOSURE_THRESHOLD_MIN, default: DISCLOSURE_THRESHOLD_DEFAULT, description: 'k: fewest organisations a published statistic may describe' })
  @OptionalNotNull()
  @IsInt()
  @Min(DISCLOSURE_THRESHOLD_MIN, { message: `must be at least ${DISCLOSURE_THRESHOLD_MIN}: smaller groups would disclose single firms` })
  @Max(100)
  disclosureThreshold?: number;

  @ApiPropertyOptional({ enum: REPORTING_CALENDARS })
  @OptionalNotNull()
  @IsIn(REPORTING_CALENDARS, { message: `must be one of ${REPORTING_CALENDARS.join(', ')}` })
  reportingCalendar?: ReportingCalendar;
}

/** PATCH: any subset; null is refused for fields that cannot be empty. */
export class UpdateConsortiumDto extends PartialType(CreateConsortiumDto, { skipNullProperties: false }) {}

/** PUT replaces: the required fields must all be there. */
export class ReplaceConsortiumDto extends CreateConsortiumDto {}

export class ConsortiumDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() region: string;
  @ApiProperty() fiscalYearStartMonth: number;
  @ApiProperty() disclosureThreshold: number;
  @ApiProperty({ enum: REPORTING_CALENDARS }) reportingCalendar: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
