import type { ImportStatus } from './enums';

/**
 * CSV import of metric values (metrics.md: columns; the console's import wizard).
 * Column names as they appear in the header line of the file.
 */
export const IMPORT_REQUIRED_COLUMNS = ['org_code', 'period', 'metric', 'value'] as const;
export const IMPORT_OPTIONAL_COLUMNS = ['numerator', 'denominator', 'customer_code', 'note'] as const;
export const IMPORT_COLUMNS = [...IMPORT_REQUIRED_COLUMNS, ...IMPORT_OPTIONAL_COLUMNS] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Imports not finished yet: they count against MAX_IMPORTS_IN_FLIGHT of their firm. */
export const IMPORT_IN_FLIGHT_STATUSES = ['uploaded', 'parsing', 'parsed', 'committing'] as const satisfies readonly ImportStatus[];
/** Imports that ended without committing: their error rows are deleted after IMPORT_ERROR_RETENTION_DAYS. */
export const IMPORT_DEAD_STATUSES = ['cancelled', 'failed'] as const satisfies readonly ImportStatus[];

/** `column` of an import error that concerns the whole row (duplicates, unreadable rows). */
export const IMPORT_ROW_COLUMN = 'row';

/** One upload as `GET /api/imports/{id}` answers it. */
export interface Import {
  id: string;
  consortiumId: string;
  /** the uploading firm; null when consortium staff uploaded (rows of several firms) */
  organisationId: string | null;
  createdById: string | null;
  apiKeyId: string | null;
  filename: string;
  sizeBytes: number;
  /** sha256 of the file, hex */
  checksum: string;
  /** uploaded → parsing → parsed → committing → committed; or failed (file error), cancelled */
  status: ImportStatus;
  /** 0–100 while parsing and checking */
  progress: number;
  /** data rows in the file (header excluded) */
  totalRows: number;
  validRows: number;
  /** rows with at least one error */
  errorRows: number;
  committedRows: number;
  /** why the whole file was rejected (status failed): empty, header, encoding */
  fileError: string | null;
  committedAt: string | null;
  /**
   * when the error rows of this cancelled or failed import were deleted (its error report is
   * gone, not empty: errorRows still says how many rows had errors); null while they are kept
   */
  errorsPurgedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One problem of one row (`GET /api/imports/{id}/errors`, also as CSV). */
export interface ImportRowError {
  id: string;
  importId: string;
  /** line number in the file, the header being line 1 */
  rowNumber: number;
  /** CSV column name, or `row` for the whole row */
  column: string;
  message: string;
}
