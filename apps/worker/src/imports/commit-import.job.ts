import { Inject, Injectable, Logger } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { JobPayloads } from '@tandem/contracts';
import { APP_CONFIG, AuditService, JobProducer, PrismaService, type AppConfig, type AuditActor } from '@tandem/server';
import { COMMIT_ROWS_SQL } from './import.sql';
import { loadMetricDefinitions, sqlRule } from './metric-rules';
import { lockKey, TUNE_TRANSACTION } from './parse-import.job';

/** For tests: a hook after the rows are written, before the transaction commits (throw = crash). */
export interface CommitHooks {
  afterInsert?: () => void | Promise<void>;
}

/**
 * `skipped`: not an import waiting for its commit (committed already, or never asked);
 * `restaged`: its staged rows were gone, it was sent back to parsing (see CommitImportJob).
 */
export type CommitResult = { committed: number; inserted: number; revised: number } | 'skipped' | 'restaged';

/**
 * `imports.commit`: the valid staged rows become metric values (source `csv`, status
 * `submitted`), each with its revision; the import becomes `committed` and its staging rows
 * are deleted, all in one transaction under the import's advisory lock. A rerun after a
 * crash finds either nothing done (rolled back) or the import committed (skipped), and the
 * insert itself is idempotent on the natural key (see COMMIT_ROWS_SQL).
 *
 * The staging table is UNLOGGED: PostgreSQL empties it when it restarts after a crash. The
 * commit counts the import's staged rows first; when they are not the "stagedRows" the parse
 * left, nothing is written: the import goes back to `uploaded` (its row errors and counts
 * are the parse's to redo) and a parse job is enqueued, so it ends `parsed` again and waits
 * for a new commit request — an import is never committed from a stage it cannot see whole.
 */
@Injectable()
export class CommitImportJob {
  private readonly logger = new Logger(CommitImportJob.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly jobs: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(data: JobPayloads['imports.commit'], hooks: CommitHooks = {}): Promise<CommitResult> {
    const client = await this.prisma.pool.connect();
    let inTransaction = false;
    let storagePath: string | null = null;
    let outcome: CommitResult;
    try {
      await client.query('BEGIN');
      inTransaction = true;
      await client.query(TUNE_TRANSACTION);
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKey(data.importId)]);
      const found = await client.query<{
        status: string;
        stagedRows: number;
        consortiumId: string;
        organisationId: string | null;
        filename: string;
        storagePath: string;
        commitRequestedById: string | null;
        commitRequestedByApiKeyId: string | null;
      }>(
        `SELECT status, "stagedRows", "consortiumId", "organisationId", filename, "storagePath", "commitRequestedById", "commitRequestedByApiKeyId" FROM "Import" WHERE id = $1 FOR UPDATE`,
        [data.importId],
      );
      const imp = found.rows[0];
      if (!imp || imp.status !== 'committing') {
        await client.query('ROLLBACK');
        inTransaction = false;
        return 'skipped';
      }
      const stage = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ImportRow" WHERE "importId" = $1`, [data.importId]);
      if (stage.rows[0]?.n !== imp.stagedRows) {
        await client.query(`UPDATE "Import" SET status = 'uploaded', progress = 0, "updatedAt" = now() WHERE id = $1`, [data.importId]);
        await client.query('COMMIT');
        inTransaction = false;
        this.logger.warn(`import ${data.importId}: ${stage.rows[0]?.n ?? 0} staged rows found, ${imp.stagedRows} parsed: parsing it again`);
        // A worker that dies before this leaves the import `uploaded`, which recoverLostJobs() enqueues.
        await this.jobs.enqueue('imports.parse', { importId: data.importId }, { jobId: `import-parse-${data.importId}-restaged-${Date.now()}` });
        return 'restaged';
      }
      storagePath = imp.storagePath;
      const defs = await loadMetricDefinitions(client, imp.consortiumId);
      const rules = JSON.stringify(defs.map(sqlRule));
      // Whoever asked for the commit is its actor: a user, or the API key that asked.
      const actor: AuditActor = { userId: imp.commitRequestedById, apiKeyId: imp.commitRequestedById ? null : imp.commitRequestedByApiKeyId };
      const result = await client.query<{ committed: number; inserted: number; revised: number }>(COMMIT_ROWS_SQL, [
        data.importId,
        imp.consortiumId,
        rules,
        `CSV import ${imp.filename}`.slice(0, 500),
        actor.userId,
        actor.apiKeyId,
        imp.organisationId,
      ]);
      const counts = result.rows[0] ?? { committed: 0, inserted: 0, revised: 0 };
      await hooks.afterInsert?.();
      const errorRows = await client.query<{ n: number }>(`SELECT count(DISTINCT "rowNumber")::int AS n FROM "ImportError" WHERE "importId" = $1`, [data.importId]);
      await client.query(
        `UPDATE "Import" SET status = 'committed', "committedRows" = $2, "committedAt" = now(), "errorRows" = $3,
                "validRows" = LEAST("validRows", $2), progress = 100, "updatedAt" = now() WHERE id = $1`,
        [data.importId, counts.committed, errorRows.rows[0]?.n ?? 0],
      );
      // in the commit's own transaction: the raw client is an audit writer too
      await this.audit.record(client, {
        action: 'import.committed',
        entityType: 'Import',
        entityId: data.importId,
        after: { status: 'committed', committedRows: counts.committed, insertedValues: counts.inserted, revisedValues: counts.revised },
        consortiumId: imp.consortiumId,
        organisationId: imp.organisationId,
        actor,
      });
      await client.query('COMMIT');
      inTransaction = false;
      this.logger.log(`import ${data.importId}: ${counts.committed} rows committed (${counts.inserted} new, ${counts.revised} revised)`);
      outcome = counts;
    } catch (error) {
      if (inTransaction) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    // The figures are in metric values now: staging rows and file are no longer needed. Removed
    // after the commit, off the path the user waits on; a crash here leaves staging rows that
    // nothing reads any more (the import is committed).
    await this.prisma.pool.query('DELETE FROM "ImportRow" WHERE "importId" = $1', [data.importId]).catch((e: unknown) => this.logger.warn(`staging clean-up: ${String(e)}`));
    if (storagePath) await rm(path.resolve(this.config.IMPORT_DIR, storagePath), { force: true }).catch(() => undefined);
    return outcome;
  }
}
