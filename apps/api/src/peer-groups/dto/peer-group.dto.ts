import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PEER_GROUP_KINDS } from '@tandem/contracts';

/** A custom group: the largest list staff may save. */
export const CUSTOM_GROUP_MAX = 5_000;

export class CreatePeerGroupDto {
  @ApiProperty({ example: 'Foundries north of Green Bay' })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: [String], description: 'member organisations of the consortium' })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one organisation' })
  @ArrayMaxSize(CUSTOM_GROUP_MAX)
  @ArrayUnique({ message: 'must not name an organisation twice' })
  @IsUUID('all', { each: true, message: 'must be an id' })
  organisationIds: string[];
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
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
