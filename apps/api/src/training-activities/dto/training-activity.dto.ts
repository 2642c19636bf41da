import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsPositive, IsString, Min, MaxLength, MinLength } from 'class-validator';
import { IsDay, IsDecimal, IsId, IsWholeNumber, Nullable } from '../../common/validators';

export class CreateTrainingActivityDto {
  @ApiPropertyOptional({ description: 'platform admins only: the consortium' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiPropertyOptional({ description: 'staff name the firm; a firm logs its own' })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @ApiProperty({ format: 'date' })
  @IsDay()
  occurredOn: string;

  @ApiPropertyOptional({ type: String, description: 'a curriculum you can see' })
  @Nullable()
  @IsId()
  curriculumId?: string | null;

  @ApiPropertyOptional({ type: String, description: 'the session it was part of, if any: hours per participant at most its length' })
  @Nullable()
  @IsId()
  sessionId?: string | null;

  @ApiProperty({ example: 'lean' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  skillArea: string;

  @ApiProperty({ example: 14 })
  @IsWholeNumber(1, 100000)
  participants: number;

  @ApiProperty({ example: 4 })
  @IsDecimal(6, 1)
  @IsPositive({ message: 'must be more than 0' })
  hoursPerParticipant: number;

  @ApiProperty({ example: 1200 })
  @IsDecimal(12, 2)
  @Min(0)
  cost: number;

  @ApiPropertyOptional({ type: String, description: 'a training organisation of the consortium' })
  @Nullable()
  @IsId()
  providerOrganisationId?: string | null;

  @ApiPropertyOptional({ type: String, description: 'a provider outside the consortium, by name' })
  @Nullable()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  providerName?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  frontline?: boolean;
}

export class UpdateTrainingActivityDto extends PartialType(OmitType(CreateTrainingActivityDto, ['consortiumId', 'organisationId'] as const)) {}

export class TrainingActivityDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiProperty({ nullable: true, type: String }) curriculumId: string | null;
  @ApiProperty({ nullable: true, type: String }) sessionId: string | null;
  @ApiProperty() skillArea: string;
  @ApiProperty() participants: number;
  @ApiProperty() hoursPerParticipant: number;
  @ApiProperty() cost: number;
  @ApiProperty({ nullable: true, type: String }) providerOrganisationId: string | null;
  @ApiProperty({ nullable: true, type: String }) providerName: string | null;
  @ApiProperty() frontline: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
