import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsDecimal, Nullable, OptionalNotNull } from '../../common/validators';
import { ORGANISATION_KINDS, type OrganisationKind } from '@tandem/contracts';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'acme-castings', description: 'short code used in CSV imports (org_code)' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'must be 2–40 lower-case letters, digits or dashes' })
  code: string;

  @ApiProperty({ example: 'Acme Castings' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS, { message: `must be one of ${ORGANISATION_KINDS.join(', ')}` })
  kind: OrganisationKind;

  @ApiPropertyOptional({ example: '331511', nullable: true, type: String })
  @Nullable()
  @IsString()
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit NAICS code' })
  naicsCode?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Nullable()
  @IsString()
  @MaxLength(100)
  county?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Nullable()
  @IsString()
  @MaxLength(100)
  region?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  employeeCount?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  frontlineEmployeeCount?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'USD per year' })
  @Nullable()
  @IsDecimal(14, 2)
  @Min(0)
  @Max(1e12)
  annualPayroll?: number | null;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  unionised?: boolean;
}

/** PATCH: any subset; null only where the column may be empty. */
export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto, { skipNullProperties: false }) {}

/** PUT replaces: the required fields must all be there. */
export class ReplaceOrganisationDto extends CreateOrganisationDto {}

export class OrganisationDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: string;
  @ApiProperty({ nullable: true, type: String }) naicsCode: string | null;
  @ApiProperty({ nullable: true, type: String }) county: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ nullable: true, type: Number }) employeeCount: number | null;
  @ApiProperty({ nullable: true, type: Number }) frontlineEmployeeCount: number | null;
  @ApiProperty({ nullable: true, type: Number }) annualPayroll: number | null;
  @ApiProperty() unionised: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
