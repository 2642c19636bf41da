import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Min, MaxLength, MinLength } from 'class-validator';
import { ENROLMENT_STATUSES, type EnrolmentStatus } from '@tandem/contracts';
import { IsDecimal, IsId, Nullable } from '../../common/validators';

export class CreateEnrolmentDto {
  @ApiProperty({ description: 'a session of the consortium with a seat left' })
  @IsId()
  sessionId: string;

  @ApiProperty({ description: "one of your firm's trainees (staff: any member's)" })
  @IsId()
  traineeId: string;
}

/** What the session's trainer (or staff) records: attendance, completion, the credential. */
export class RecordEnrolmentDto {
  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES, description: 'enrolled → attended → completed; withdrawn before completion' })
  @IsOptional()
  @IsIn(ENROLMENT_STATUSES, { message: `must be one of ${ENROLMENT_STATUSES.join(', ')}` })
  status?: EnrolmentStatus;

  @ApiPropertyOptional({ example: 16, description: "from 0 to the session's hours" })
  @IsOptional()
  @IsDecimal(6, 1)
  @Min(0)
  hoursAttended?: number;

  @ApiPropertyOptional({ type: String, example: 'NIMS Machining Level I', description: 'earned on completion; never on a withdrawn enrolment' })
  @Nullable()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  credential?: string | null;
}

export class ConfirmWageStepDto {
  @ApiProperty({ example: 21.5, description: 'hourly wage before the step' })
  @IsDecimal(8, 2)
  @Min(0)
  wageBefore: number;

  @ApiPropertyOptional({ example: 22.75, description: "hourly wage after; defaults to wageBefore plus the step's increase, never below wageBefore" })
  @IsOptional()
  @IsDecimal(8, 2)
  @Min(0)
  wageAfter?: number;
}

export class WageStepRefDto {
  @ApiProperty() id: string;
  @ApiProperty() credential: string;
  @ApiProperty() title: string;
  @ApiProperty() hourlyIncrease: number;
}

export class EnrolmentDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() sessionId: string;
  @ApiProperty({ format: 'date' }) sessionStartsOn: string;
  @ApiProperty() curriculumTitle: string;
  @ApiProperty() traineeId: string;
  @ApiProperty() traineeName: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status: string;
  @ApiProperty() hoursAttended: number;
  @ApiProperty({ nullable: true, type: String }) credential: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) withdrawnAt: string | null;
  @ApiProperty({ nullable: true, type: WageStepRefDto, description: "the employer's people only: the step proposed (or confirmed)" }) wageStep: WageStepRefDto | null;
  @ApiProperty({ nullable: true, type: String }) wageStepConfirmedAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: "the employer's people only" }) wageBefore: number | null;
  @ApiProperty({ nullable: true, type: Number, description: "the employer's people only" }) wageAfter: number | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
