import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { SOURCING_MODES, type SourcingMode } from '@tandem/contracts';
import { IsDay, IsId, Nullable } from '../../common/validators';

export class CreateSupplyRelationshipDto {
  @ApiPropertyOptional({ description: 'defaults to the consortium of the signed-in staff member; required for platform admins' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiProperty({ description: 'the customer organisation (a member of the consortium)' })
  @IsId()
  customerId: string;

  @ApiProperty({ description: 'the supplier organisation (a member of the consortium)' })
  @IsId()
  supplierId: string;

  @ApiProperty({ format: 'date', example: '2019-04-01' })
  @IsDay()
  since: string;

  @ApiProperty({ example: 'grey iron castings' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  commodity: string;

  @ApiProperty({ example: '1-5M USD', description: 'annual spend band' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  spendBand: string;

  @ApiProperty({ enum: SOURCING_MODES })
  @IsIn(SOURCING_MODES, { message: `must be one of ${SOURCING_MODES.join(', ')}` })
  sourcingMode: SourcingMode;

  @ApiPropertyOptional({ description: 'the customer sponsors the supplier in the consortium', default: false })
  @IsOptional()
  @IsBoolean()
  sponsored?: boolean;
}

export class UpdateSupplyRelationshipDto {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDay()
  since?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  commodity?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  spendBand?: string;

  @ApiPropertyOptional({ enum: SOURCING_MODES, description: 'a change is kept as history (modeChanges), never overwritten' })
  @IsOptional()
  @IsIn(SOURCING_MODES, { message: `must be one of ${SOURCING_MODES.join(', ')}` })
  sourcingMode?: SourcingMode;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  sponsored?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'when a sourcing-mode change takes effect; defaults to today' })
  @IsOptional()
  @IsDay()
  modeEffectiveOn?: string;

  @ApiPropertyOptional({ type: String, description: 'why the sourcing mode changes; null: no reason given' })
  @Nullable()
  @IsString()
  @MinLength(3, { message: 'must say why, in at least 3 characters' })
  @MaxLength(1000)
  modeChangeReason?: string;
}

export class SourcingModeChangeDto {
  @ApiProperty() id: string;
  @ApiProperty() relationshipId: string;
  @ApiProperty({ enum: SOURCING_MODES, nullable: true, type: String }) fromMode: string | null;
  @ApiProperty({ enum: SOURCING_MODES }) toMode: string;
  @ApiProperty({ format: 'date' }) effectiveOn: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty() createdAt: string;
}

export class SupplyRelationshipDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty() supplierId: string;
  @ApiProperty() supplierName: string;
  @ApiProperty({ format: 'date' }) since: string;
  @ApiProperty() commodity: string;
  @ApiProperty() spendBand: string;
  @ApiProperty({ enum: SOURCING_MODES }) sourcingMode: string;
  @ApiProperty() sponsored: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: [SourcingModeChangeDto], description: 'oldest first; on GET /{id} only' }) modeChanges?: SourcingModeChangeDto[];
}
