import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsDay, IsId, Nullable } from '../../common/validators';
import { SOC_CODE } from '../../curricula/dto/curriculum.dto';

export class CreateTraineeDto {
  @ApiPropertyOptional({ description: 'platform admins only: the consortium' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiPropertyOptional({ description: "staff name the employer; a firm's people record their own workers" })
  @IsOptional()
  @IsId()
  employerOrganisationId?: string;

  @ApiProperty({ example: 'Maria' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Lopez' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName: string;

  @ApiPropertyOptional({ type: String, example: '51-4041', description: 'occupation (SOC)' })
  @Nullable()
  @Matches(SOC_CODE, { message: 'must be a SOC code like 51-4041' })
  socCode?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  frontline?: boolean;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'the employment history starts here (today when left out)' })
  @Nullable()
  @IsDay()
  hireDate?: string | null;
}

export class UpdateTraineeDto extends PartialType(OmitType(CreateTraineeDto, ['consortiumId', 'employerOrganisationId'] as const)) {}

/** A change of employer: the open employment ends the day before, the new one opens. */
export class ChangeEmployerDto {
  @ApiProperty({ description: 'the new employer, an active member of the consortium' })
  @IsId()
  organisationId: string;

  @ApiProperty({ format: 'date', description: 'first day with the new employer' })
  @IsDay()
  startsOn: string;
}

export class TraineeEmploymentDto {
  @ApiProperty() id: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) endsOn: string | null;
}

export class TraineeDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() employerOrganisationId: string;
  @ApiProperty() employerName: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ nullable: true, type: String }) socCode: string | null;
  @ApiProperty() frontline: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) hireDate: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: [TraineeEmploymentDto], description: 'oldest first; on GET /{id} only' }) employments?: TraineeEmploymentDto[];
}
