import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { SIZE_BANDS } from '@tandem/domain';
import { PEER_GROUP_KINDS } from '@tandem/contracts';

/** A custom group: the largest list staff may save. */
export const CUSTOM_GROUP_MAX = 5_000;

export class CreatePeerGroupDto {
  @ApiProperty({ example: 'Foundries north of Green Bay' })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ type: [String], description: 'a named list: member organisations of the consortium (or a saved filter instead)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CUSTOM_GROUP_MAX)
  @ArrayUnique({ message: 'must not name an organisation twice' })
  @IsUUID('all', { each: true, message: 'must be an id' })
  organisationIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['331', '332'], description: 'a saved filter: NAICS 3-digit codes (members with any of them)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'must not name a code twice' })
  @Matches(/^\d{3}$/, { each: true, message: 'must be a NAICS 3-digit code' })
  filterNaics?: string[];

  @ApiPropertyOptional({ type: [String], example: ['20-99'], description: `a saved filter: size bands (${SIZE_BANDS.map((b) => b.code).join(', ')})` })
  @IsOptional()
  @IsArray()
  @ArrayUnique({ message: 'must not name a band twice' })
  @IsIn(SIZE_BANDS.map((b) => b.code), { each: true, message: `must be one of ${SIZE_BANDS.map((b) => b.code).join(', ')}` })
  filterSizeBands?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Fox Valley'], description: 'a saved filter: regions' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'must not name a region twice' })
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'must not be empty' })
  @MaxLength(100, { each: true })
  filterRegions?: string[];
}

export class UpdatePeerGroupDto extends PartialType(CreatePeerGroupDto) {
  @ApiPropertyOptional({ description: 'an inactive group gets no cells at the next recompute' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class PeerGroupDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty({ enum: PEER_GROUP_KINDS }) kind: string;
  @ApiProperty({ description: 'NAICS 3-digit code, size band, region, customer id, or the custom group id' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) customerId: string | null;
  @ApiPropertyOptional({ type: [String], description: 'custom groups, staff only' }) organisationIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'custom groups saved as a filter, staff only' }) filterNaics?: string[];
  @ApiPropertyOptional({ type: [String], description: 'custom groups saved as a filter, staff only' }) filterSizeBands?: string[];
  @ApiPropertyOptional({ type: [String], description: 'custom groups saved as a filter, staff only' }) filterRegions?: string[];
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
