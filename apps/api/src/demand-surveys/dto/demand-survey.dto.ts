import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DEMAND_SURVEY_STATUS_NAMES } from '@tandem/contracts';
import { SOC_CODE } from '../../curricula/dto/curriculum.dto';
import { IsDay, IsId, IsWholeNumber, Nullable } from '../../common/validators';

/** The most occupations one firm answers for in one survey. */
export const DEMAND_LINES_MAX = 100;
/** A firm's count of openings or jobs for one occupation: non-negative, and a plausible size. */
export const DEMAND_COUNT_MAX = 100_000;

export class CreateDemandSurveyDto {
  @ApiPropertyOptional({ description: 'platform admins only: the consortium' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiProperty({ example: 'Workforce demand 2027' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiProperty({ format: 'date', description: 'the day answers may start (the pipeline counts from it)' })
  @IsDay()
  opensOn: string;

  @ApiProperty({ format: 'date', description: 'the day answers are due: on or after opensOn' })
  @IsDay()
  closesOn: string;

  @ApiProperty({ description: 'months ahead the answers look, e.g. 12 for "the next 12 months"', minimum: 1, maximum: 60 })
  @IsWholeNumber(1, 60)
  horizonMonths: number;
}

export class DemandAnswerLineDto {
  @ApiProperty({ example: '51-4041', description: 'the occupation (SOC code)' })
  @IsString()
  @Matches(SOC_CODE, { message: 'must be a SOC code like 51-4041' })
  socCode: string;

  @ApiProperty({ description: 'openings your firm expects over the horizon', minimum: 0, maximum: DEMAND_COUNT_MAX })
  @IsWholeNumber(0, DEMAND_COUNT_MAX)
  expectedOpenings: number;

  @ApiProperty({ description: 'more jobs that could exist at your firm if trained workers were available', minimum: 0, maximum: DEMAND_COUNT_MAX })
  @IsWholeNumber(0, DEMAND_COUNT_MAX)
  couldExistJobs: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @Nullable()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

/** A firm's whole answer: the lines sent replace the ones it gave before (an occupation left out is withdrawn). */
export class PutDemandAnswersDto {
  @ApiProperty({ type: [DemandAnswerLineDto], description: `one line per occupation, at most ${DEMAND_LINES_MAX}` })
  @IsArray()
  @ArrayMaxSize(DEMAND_LINES_MAX)
  @ValidateNested({ each: true })
  @Type(() => DemandAnswerLineDto)
  lines: DemandAnswerLineDto[];
}

export class DemandSurveyDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) opensOn: string;
  @ApiProperty({ format: 'date' }) closesOn: string;
  @ApiProperty({ enum: DEMAND_SURVEY_STATUS_NAMES }) status: string;
  @ApiProperty() horizonMonths: number;
  @ApiProperty({ nullable: true, type: String }) openedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'firms that answered: staff always, others from k on (never who)' }) responseCount: number | null;
  @ApiProperty({ nullable: true, type: Boolean, description: "a firm's people: whether their firm has answered" }) answeredByMyFirm: boolean | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

class DemandAnswerLineOutDto {
  @ApiProperty() socCode: string;
  @ApiProperty() expectedOpenings: number;
  @ApiProperty() couldExistJobs: number;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class DemandAnswersDto {
  @ApiProperty() surveyId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ type: [DemandAnswerLineOutDto] }) lines: DemandAnswerLineOutDto[];
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}

class DemandGapRowDto {
  @ApiProperty() socCode: string;
  @ApiProperty() suppressed: boolean;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, enum: ['fewer_than_k', 'dominated', 'differencing'] }) reasonCode: string | null;
  @ApiProperty({ nullable: true, type: Number }) answeringFirms: number | null;
  @ApiProperty({ nullable: true, type: Number }) expectedOpenings: number | null;
  @ApiProperty({ nullable: true, type: Number }) couldExistJobs: number | null;
  @ApiProperty({ nullable: true, type: Number }) demand: number | null;
  @ApiProperty({ nullable: true, type: Number }) pipeline: number | null;
  @ApiProperty({ nullable: true, type: Number }) gap: number | null;
}

class DemandGapTotalDto {
  @ApiProperty() occupations: number;
  @ApiProperty() expectedOpenings: number;
  @ApiProperty() couldExistJobs: number;
  @ApiProperty() demand: number;
  @ApiProperty() pipeline: number;
  @ApiProperty() gap: number;
}

export class DemandGapDto {
  @ApiProperty() surveyId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: DEMAND_SURVEY_STATUS_NAMES }) status: string;
  @ApiProperty() horizonMonths: number;
  @ApiProperty({ format: 'date' }) pipelineFrom: string;
  @ApiProperty({ format: 'date' }) pipelineUntil: string;
  @ApiProperty({ description: 'false while answers are still taken (only staff read the gap then)' }) available: boolean;
  @ApiProperty() k: number;
  @ApiProperty({ nullable: true, type: Number }) respondents: number | null;
  @ApiProperty({ type: [DemandGapRowDto] }) occupations: DemandGapRowDto[];
  @ApiProperty({ nullable: true, type: DemandGapTotalDto }) total: DemandGapTotalDto | null;
}
