import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Min, MaxLength, MinLength } from 'class-validator';
import { IsDecimal, IsId } from '../../common/validators';

export class CreateWageStepDto {
  @ApiPropertyOptional({ description: 'platform admins only: the consortium' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiProperty({ example: 'NIMS Machining Level I', description: 'the credential that earns the step (matched ignoring case and spacing)' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  credential: string;

  @ApiProperty({ example: 'Machinist II' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 1.25, description: 'hourly wage increase' })
  @IsDecimal(8, 2)
  @Min(0)
  hourlyIncrease: number;
}

export class UpdateWageStepDto extends PartialType(OmitType(CreateWageStepDto, ['consortiumId'] as const)) {}

export class WageStepDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() credential: string;
  @ApiProperty() title: string;
  @ApiProperty() hourlyIncrease: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
