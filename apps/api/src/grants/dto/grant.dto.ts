import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Min, MaxLength, MinLength } from 'class-validator';
import { IsDay, IsDecimal, IsId } from '../../common/validators';

export class CreateGrantDto {
  @ApiPropertyOptional({ description: 'platform admins only: the consortium' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiProperty({ description: 'the funding organisation (kind funder or agency)' })
  @IsId()
  funderOrganisationId: string;

  @ApiProperty({ example: 'Wisconsin Fast Forward 2026' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 250000 })
  @IsDecimal(14, 2)
  @Min(0)
  amount: number;

  @ApiProperty({ format: 'date' })
  @IsDay()
  startsOn: string;

  @ApiProperty({ format: 'date', description: 'on or after startsOn' })
  @IsDay()
  endsOn: string;
}

export class UpdateGrantDto extends PartialType(OmitType(CreateGrantDto, ['consortiumId', 'funderOrganisationId'] as const)) {}

export class GrantDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() funderOrganisationId: string;
  @ApiProperty() funderName: string;
  @ApiProperty() name: string;
  @ApiProperty() amount: number;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
