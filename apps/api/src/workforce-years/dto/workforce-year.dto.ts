import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, Min } from 'class-validator';
import { IsDecimal, IsId, IsWholeNumber } from '../../common/validators';

export class CreateWorkforceYearDto {
  @ApiPropertyOptional({ description: 'platform admins only: the consortium' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiPropertyOptional({ description: "staff name the firm; a firm admin records its own" })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @ApiProperty({ example: 2026 })
  @IsWholeNumber(1990, 2100)
  year: number;

  @ApiProperty({ example: 180, description: 'frontline workers that year' })
  @IsWholeNumber(0, 1_000_000)
  frontlineHeadcount: number;

  @ApiProperty({ example: 9800000, description: 'annual payroll' })
  @IsDecimal(14, 2)
  @Min(0)
  payroll: number;
}

export class UpdateWorkforceYearDto extends PartialType(OmitType(CreateWorkforceYearDto, ['consortiumId', 'organisationId', 'year'] as const)) {}

export class WorkforceYearDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() year: number;
  @ApiProperty() frontlineHeadcount: number;
  @ApiProperty() payroll: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
