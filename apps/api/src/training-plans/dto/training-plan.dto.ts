import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TRAINING_PLAN_ACTIONS, TRAINING_PLAN_STATUSES } from '@tandem/contracts';
import { IsDecimal, OptionalNotNull } from '../../common/validators';

export class CreateTrainingPlanDto {
  @ApiProperty({ description: 'the fiscal year the plan covers, named by the calendar year it starts in (as commitments name theirs); one plan per firm and year', example: 2026 })
  @IsInt({ message: 'must be a whole number' })
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ type: [String], example: ['setup reduction', 'maintenance'], description: 'the skill areas the plan trains' })
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique({ message: 'must not name a skill area twice' })
  @IsString({ each: true, message: 'each must be text' })
  @MinLength(2, { each: true, message: 'each must have at least 2 characters' })
  @MaxLength(80, { each: true, message: 'each must have at most 80 characters' })
  skillAreas: string[];

  @ApiProperty({ description: 'frontline workers the plan trains', example: 96 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  frontlineWorkers: number;

  @ApiProperty({ description: 'total training hours planned (all workers together)', example: 2496 })
  @IsDecimal(8, 1)
  @Min(0)
  hours: number;

  @ApiProperty({ description: 'budget in USD', example: 131500 })
  @IsDecimal(12, 2)
  @Min(0)
  budget: number;

  @ApiPropertyOptional({ type: [String], description: 'who delivers the training', default: [] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique({ message: 'must not name a provider twice' })
  @IsString({ each: true, message: 'each must be text' })
  @MinLength(2, { each: true, message: 'each must have at least 2 characters' })
  @MaxLength(200, { each: true, message: 'each must have at most 200 characters' })
  providers?: string[];
}

/** PUT replaces the plan's content (the year is fixed once created). */
export class ReplaceTrainingPlanDto extends OmitType(CreateTrainingPlanDto, ['year'] as const) {}

/** PATCH: any subset of the content. */
export class UpdateTrainingPlanDto extends PartialType(ReplaceTrainingPlanDto) {}

export class ApproveTrainingPlanDto {
  @ApiPropertyOptional({ description: 'a note kept in the history' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ReturnTrainingPlanDto {
  @ApiProperty({ description: 'what the other side should change (kept in the history and sent to them)' })
  @IsString({ message: 'must say what to change' })
  @MinLength(3, { message: 'must say what to change, in at least 3 characters' })
  @MaxLength(2000)
  comment: string;
}

export class TrainingPlanDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: TRAINING_PLAN_STATUSES }) status: string;
  @ApiProperty({ type: [String] }) skillAreas: string[];
  @ApiProperty() frontlineWorkers: number;
  @ApiProperty() hours: number;
  @ApiProperty() budget: number;
  @ApiProperty({ type: [String] }) providers: string[];
  @ApiProperty() coGoverned: boolean;
  @ApiProperty({ nullable: true, type: String }) firmApprovedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) unionApprovedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty({ enum: ['firm', 'union'], isArray: true }) awaiting: string[];
  @ApiProperty({ enum: TRAINING_PLAN_ACTIONS, isArray: true, description: 'what the reader may do now' }) actions: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class TrainingPlanEventDto {
  @ApiProperty() id: string;
  @ApiProperty() planId: string;
  @ApiProperty() action: string;
  @ApiProperty({ enum: TRAINING_PLAN_STATUSES, nullable: true, type: String }) fromStatus: string | null;
  @ApiProperty({ enum: TRAINING_PLAN_STATUSES }) toStatus: string;
  @ApiProperty({ nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty() actorRole: string;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty() at: string;
}
