import { Inject, Injectable } from '@nestjs/common';
import { IMPORT_DEAD_STATUSES } from '@tandem/contracts';
import { APP_CONFIG, PrismaService, type AppConfig } from '@tandem/server';

/** Error rows deleted per statement: short transactions, no long lock on the table. */
const PURGE_BATCH_ROWS = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Imports whose error report was marked deleted by this run, and the error rows deleted. */
export interface PurgeResult {
  imports: number;
  errors: number;
}

/**
 * Marks the dead imports (cancelled or failed, ended before the cutoff) that still have
 * error rows. Only those with rows: a report that never had any is not called deleted.
 */
const MARK_SQL = `
  UPDATE "Import" i SET "errorsPurgedAt" = $3, "updatedAt" = $3
   WHERE i.status = ANY($1::"ImportStatus"[]) AND i."updatedAt" < $2 AND i."errorsPurgedAt" IS NULL
     AND EXISTS (SELECT 1 FROM "ImportError" e WHERE e."importId" = i.id)`;

/** One batch of the error rows of marked imports (a crash between marking and deleting is finished by the next run). */
const DELETE_BATCH_SQL = `
  DELETE FROM "ImportError" WHERE id IN (
    SELECT e.id FROM "Import" i JOIN "ImportError" e ON e."importId" = i.id
     WHERE i."errorsPurgedAt" IS NOT NULL
     LIMIT $1)`;

/**
 * `imports.purge-errors`: a cancelled or failed import keeps its error report for
 * IMPORT_ERROR_RETENTION_DAYS after it ended (its last update), then the rows go, in batches,
 * and the import says when (errorsPurgedAt), so the report reads as deleted rather than
 * empty. Files full of bad rows, uploaded and cancelled, no longer fill the database for ever.
 * Idempotent: a second run finds nothing to mark and nothing to delete.
 */
@Injectable()
export class PurgeImportErrorsJob {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(now = new Date(), options: { batchRows?: number } = {}): Promise<PurgeResult> {
    const batchRows = options.batchRows ?? PURGE_BATCH_ROWS;
    const cutoff = new Date(now.getTime() - this.config.IMPORT_ERROR_RETENTION_DAYS * DAY_MS);
    const marked = await this.prisma.pool.query(MARK_SQL, [IMPORT_DEAD_STATUSES, cutoff, now]);
    let errors = 0;
    for (;;) {
      const deleted = (await this.prisma.pool.query(DELETE_BATCH_SQL, [batchRows])).rowCount ?? 0;
      errors += deleted;
      if (deleted < batchRows) break;
    }
    return { imports: marked.rowCount ?? 0, errors };
  }
}
