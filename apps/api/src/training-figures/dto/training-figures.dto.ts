import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsWholeNumber } from '../../common/validators';

export class TrainingFiguresQuery {
  @ApiProperty({ description: 'the calendar year of the training (sessions by their start, activities by their day)', minimum: 2000, maximum: 2100 })
  @Type(() => Number)
  @IsWholeNumber(2000, 2100)
  year: number;
}

class TrainingFiguresFirmDto {
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() hours: number;
  @ApiProperty() frontlineHours: number;
  @ApiProperty() spend: number;
  @ApiProperty() sessions: number;
  @ApiProperty() enrolments: number;
  @ApiProperty() completions: number;
  @ApiProperty({ nullable: true, type: Number }) frontlineHeadcount: number | null;
  @ApiProperty({ nullable: true, type: Number }) payroll: number | null;
  @ApiProperty({ nullable: true, type: Number }) hoursPerFrontlineWorker: number | null;
  @ApiProperty({ nullable: true, type: Number }) spendPctOfPayroll: number | null;
  @ApiProperty({ nullable: true, type: Number }) wageSteps: number | null;
  @ApiProperty({ nullable: true, type: Number }) meanHourlyGain: number | null;
}

class ConsortiumTrainingDto {
  @ApiProperty() firms: number;
  @ApiProperty() hours: number;
  @ApiProperty() spend: number;
  @ApiProperty() payroll: number;
  @ApiProperty({ nullable: true, type: Number }) hoursPerFrontlineWorker: number | null;
  @ApiProperty({ nullable: true, type: Number }) spendPctOfPayroll: number | null;
}

class ConsortiumWageGainsDto {
  @ApiProperty() firms: number;
  @ApiProperty() wageSteps: number;
  @ApiProperty() totalHourlyGain: number;
  @ApiProperty() meanHourlyGain: number;
}

class TrainingFiguresConsortiumDto {
  @ApiProperty({ nullable: true, type: ConsortiumTrainingDto }) training: ConsortiumTrainingDto | null;
  @ApiProperty({ nullable: true, enum: ['fewer_than_k', 'dominated'] }) trainingWithheld: string | null;
  @ApiProperty({ nullable: true, type: String }) trainingWithheldMessage: string | null;
  @ApiProperty({ nullable: true, type: ConsortiumWageGainsDto }) wageGains: ConsortiumWageGainsDto | null;
  @ApiProperty({ nullable: true, enum: ['fewer_than_k', 'dominated'] }) wageGainsWithheld: string | null;
  @ApiProperty({ nullable: true, type: String }) wageGainsWithheldMessage: string | null;
}

export class TrainingFiguresDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [TrainingFiguresFirmDto] }) firms: TrainingFiguresFirmDto[];
  @ApiProperty({ type: TrainingFiguresConsortiumDto }) consortium: TrainingFiguresConsortiumDto;
}
