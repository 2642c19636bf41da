import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IMPORT_STATUSES } from '@tandem/contracts';

/** Query of a raw `text/csv` upload (a multipart upload carries its own filename). */
export class UploadQueryDto {
  @ApiPropertyOptional({ example: 'values-2026-Q1.csv', description: 'name to show for a text/csv body' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[^/\\\p{Cc}]+$/u, { message: 'must be a file name without path or control characters' })
  filename?: string;
}

/** Multipart form of `POST /api/imports`, for OpenAPI. */
export class UploadFormDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'CSV: org_code, period, metric, value[, numerator, denominator][, customer_code][, note]' })
  file: unknown;
}

export class ImportDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty({ nullable: true, type: String, description: 'uploading firm; null for consortium staff' }) organisationId: string | null;
  @ApiProperty({ nullable: true, type: String }) createdById: string | null;
  @ApiProperty({ nullable: true, type: String }) apiKeyId: string | null;
  @ApiProperty() filename: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'sha256, hex' }) checksum: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status: string;
  @ApiProperty({ description: '0–100 while parsing and checking' }) progress: number;
  @ApiProperty() totalRows: number;
  @ApiProperty() validRows: number;
  @ApiProperty() errorRows: number;
  @ApiProperty() committedRows: number;
  @ApiProperty({ nullable: true, type: String, description: 'why the whole file was refused (status failed)' }) fileError: string | null;
  @ApiProperty({ nullable: true, type: String }) committedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when the error rows of this cancelled or failed import were deleted (IMPORT_ERROR_RETENTION_DAYS after it ended): the report is gone, not empty' })
  errorsPurgedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ImportErrorDto {
  @ApiProperty() id: string;
  @ApiProperty() importId: string;
  @ApiProperty({ description: 'line in the file; the header is line 1' }) rowNumber: number;
  @ApiProperty({ description: 'CSV column, or "row" for the whole row' }) column: string;
  @ApiProperty() message: string;
}
