import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsId, IsInstant, Nullable } from '../../common/validators';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ERP nightly export' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ description: 'staff name the member organisation; a firm admin’s key is for their own firm' })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @ApiPropertyOptional({ description: 'platform admins name the consortium' })
  @IsOptional()
  @IsId()
  consortiumId?: string;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  @Nullable()
  @IsInstant()
  expiresAt?: string | null;
}

export class ApiKeyDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'first characters of the key' }) prefix: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) createdById: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ description: 'the key itself: only in the answer to the create request' }) key?: string;
}
