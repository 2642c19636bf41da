import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsPositive, IsString, Min, MaxLength, MinLength } from 'class-validator';
import { IsDay, IsDecimal, IsId, IsWholeNumber, Nullable } from '../../common/validators';

export class CreateCourseSessionDto {
  @ApiPropertyOptional({ description: 'platform admins only: the consortium' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiProperty({ description: 'a curriculum the provider can see (shared, or its own)' })
  @IsId()
  curriculumId: string;

  @ApiPropertyOptional({ description: 'staff name the provider; a trainer schedules for its own organisation' })
  @IsOptional()
  @IsId()
  providerOrganisationId?: string;

  @ApiProperty({ format: 'date' })
  @IsDay()
  startsOn: string;

  @ApiProperty({ format: 'date', description: 'on or after startsOn' })
  @IsDay()
  endsOn: string;

  @ApiProperty({ example: 16, description: "the session's length in hours: no enrolment attends more" })
  @IsDecimal(6, 1)
  @IsPositive({ message: 'must be more than 0' })
  hours: number;

  @ApiProperty({ example: 'Lakeshore Technical College, Cleveland WI — Room 114' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  location: string;

  @ApiProperty({ example: 12 })
  @IsWholeNumber(1, 1000)
  capacity: number;

  @ApiProperty({ example: 450 })
  @IsDecimal(10, 2)
  @Min(0)
  costPerSeat: number;

  @ApiPropertyOptional({ type: String, description: 'the grant that pays, if any' })
  @Nullable()
  @IsId()
  grantId?: string | null;
}

export class UpdateCourseSessionDto extends PartialType(OmitType(CreateCourseSessionDto, ['consortiumId', 'curriculumId', 'providerOrganisationId'] as const)) {}

export class CourseSessionDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() curriculumId: string;
  @ApiProperty() curriculumTitle: string;
  @ApiProperty() providerOrganisationId: string;
  @ApiProperty() providerName: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty() hours: number;
  @ApiProperty() location: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'enrolments not withdrawn' }) seatsTaken: number;
  @ApiProperty() costPerSeat: number;
  @ApiProperty({ nullable: true, type: String }) grantId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
