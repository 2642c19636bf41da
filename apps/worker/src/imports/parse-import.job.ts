import { Inject, Injectable, Logger } from '@nestjs/common';
import { parse, type CsvError, type InfoRecord, type Options } from 'csv-parse';
import { createReadStream, type ReadStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { IMPORT_ROW_COLUMN, type ImportColumn, type JobPayloads } from '@tandem/contracts';
import { escapeRefusedCharacters, findRefusedCharacter, PERIOD_YEAR_MAX, PERIOD_YEAR_MIN, refusedCharacterMessage } from '@tandem/domain';
import { APP_CONFIG, PrismaService, type AppConfig } from '@tandem/server';
import { CHECK_ROWS_SQL, CROSS_CHECK_SQL, CROSS_METRIC_CODES, CROSS_METRIC_RULES_JSON } from './import.sql';
import { copyField, surveyFile } from './import-file';
import { commonMessages, loadMetricDefinitions, sqlRule } from './metric-rules';

/** Rows per COPY statement; between two, parse errors are written and progress reported. */
export const PARSE_BATCH_ROWS = 50_000;
/** Progress is written at least this often (rows), and at least every batch. */
const PROGRESS_EVERY_ROWS = 5_000;

/** For tests: a smaller batch, and a hook after each batch (throw to simulate a crash). */
export interface ParseHooks {
  batchRows?: number;
  afterBatch?: (batch: number) => void | Promise<void>;
}

export type ParseResult = 'parsed' | 'failed' | 'skipped';

interface RowError {
  row: number;
  column: string;
  message: string;
}

const STAGING_COLUMNS = '"importId", "rowNumber", "orgCode", "periodCode", "metricCode", "valueText", "numeratorText", "denominatorText", "customerCode", "note"';
const LINE_BREAK = /[\r\n]/;
const STAGED: readonly ImportColumn[] = ['org_code', 'period', 'metric', 'value', 'numerator', 'denominator', 'customer_code', 'note'];

/**
 * Big set-based statements: JIT compilation of their many expressions costs more than it
 * saves (seconds); sorts and hashes of a million rows should stay in memory; and CTE row
 * estimates are poor, which leads the planner to sort a million rows for a merge join
 * where a hash join is several times faster (measured on the 1 000 000-row benchmark).
 */
export const TUNE_TRANSACTION = "SET LOCAL jit = off; SET LOCAL enable_mergejoin = off; SET LOCAL work_mem = '128MB'";

export function lockKey(importId: string): string {
  return `import:${importId}`;
}

/**
 * `imports.parse`: stream the uploaded file into the staging table with COPY, check every
 * row in SQL, and leave the import `parsed` (or `failed` with a file error), with the number
 * of rows staged ("stagedRows": the staging table is UNLOGGED, see CommitImportJob).
 *
 * Idempotent and restartable: everything happens in one transaction that first deletes
 * what an earlier run of the same import staged, under an advisory lock on the import, so
 * a worker killed half-way leaves nothing behind and a rerun stages exactly the same rows.
 * Only progress is written outside that transaction (so the console sees it move).
 */
@Injectable()
export class ParseImportJob {
  private readonly logger = new Logger(ParseImportJob.name);

  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(data: JobPayloads['imports.parse'], hooks: ParseHooks = {}): Promise<ParseResult> {
    const pool = this.prisma.pool;
    const client = await pool.connect();
    let progressChain: Promise<unknown> = Promise.resolve();
    let lastProgress = -1;
    const progress = (value: number): void => {
      const p = Math.max(0, Math.min(99, Math.floor(value)));
      if (p === lastProgress) return;
      lastProgress = p;
      progressChain = progressChain.then(() =>
        pool.query(`UPDATE "Import" SET progress = $2, "updatedAt" = now() WHERE id = $1 AND status = 'parsing'`, [data.importId, p]).catch((e: unknown) => this.logger.warn(`progress: ${String(e)}`)),
      );
    };
    let inTransaction = false;
    try {
      await client.query('BEGIN');
      inTransaction = true;
      await client.query(TUNE_TRANSACTION);
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKey(data.importId)]);
      const found = await client.query<{ status: string; consortiumId: string; organisationId: string | null; storagePath: string }>(
        `SELECT status, "consortiumId", "organisationId", "storagePath" FROM "Import" WHERE id = $1`,
        [data.importId],
      );
      const imp = found.rows[0];
      if (!imp || (imp.status !== 'uploaded' && imp.status !== 'parsing')) {
        await client.query('ROLLBACK');
        inTransaction = false;
        return 'skipped';
      }
      await pool.query(
        `UPDATE "Import" SET status = 'parsing', progress = 0, "fileError" = NULL, "totalRows" = 0, "validRows" = 0, "errorRows" = 0, "stagedRows" = 0, "updatedAt" = now() WHERE id = $1`,
        [data.importId],
      );
      await client.query('DELETE FROM "ImportError" WHERE "importId" = $1', [data.importId]);
      await client.query('DELETE FROM "ImportRow" WHERE "importId" = $1', [data.importId]);

      const file = path.resolve(this.config.IMPORT_DIR, imp.storagePath);
      const survey = await surveyFile(file).catch((error: unknown) => {
        this.logger.error(`import ${data.importId}: cannot read ${file}: ${String(error)}`);
        return { ok: false as const, message: 'The uploaded file could not be read; upload it again' };
      });
      if (!survey.ok) {
        await client.query('ROLLBACK');
        inTransaction = false;
        await progressChain;
        await this.fail(data.importId, survey.message);
        return 'failed';
      }
      progress(5);
      const t0 = Date.now();
      const staged = await this.stage(client, data.importId, file, survey.delimiter, survey.columns, survey.bytes, progress, hooks);
      progress(80);
      const t1 = Date.now();
      // fresh rows have no statistics: without them the planner may nest-loop over a million rows
      await client.query('ANALYZE "ImportRow"');
      const defs = await loadMetricDefinitions(client, imp.consortiumId);
      const messages = commonMessages();
      const rules = JSON.stringify(defs.map(sqlRule));
      // a firm's messages name its own code, never the one a row names (import.sql.ts)
      const uploaderCode = imp.organisationId
        ? ((await client.query<{ code: string }>(`SELECT code FROM "Organisation" WHERE id = $1`, [imp.organisationId])).rows[0]?.code ?? null)
        : null;
      await client.query(CHECK_ROWS_SQL, [
        data.importId,
        imp.consortiumId,
        imp.organisationId,
        rules,
        messages.notANumber,
        messages.valueTooLarge,
        messages.componentTooLarge,
        String(PERIOD_YEAR_MIN),
        String(PERIOD_YEAR_MAX),
        uploaderCode,
      ]);
      await client.query(CROSS_CHECK_SQL, [data.importId, imp.consortiumId, rules, CROSS_METRIC_RULES_JSON, CROSS_METRIC_CODES, imp.organisationId]);
      progress(97);
      const t2 = Date.now();
      const counts = await client.query<{ errors: number }>(`SELECT count(DISTINCT "rowNumber")::int AS errors FROM "ImportError" WHERE "importId" = $1`, [data.importId]);
      const total = staged.staged + staged.unstaged;
      const errors = counts.rows[0]?.errors ?? 0;
      await progressChain;
      await client.query(
        `UPDATE "Import" SET status = 'parsed', progress = 100, "totalRows" = $2, "validRows" = $3, "errorRows" = $4, "stagedRows" = $5, "fileError" = NULL, "updatedAt" = now() WHERE id = $1`,
        [data.importId, total, total - errors, errors, staged.staged],
      );
      await client.query('COMMIT');
      inTransaction = false;
      this.logger.log(`import ${data.importId}: ${total} rows, ${total - errors} valid; staged in ${t1 - t0} ms, checked in ${t2 - t1} ms, total ${Date.now() - t0} ms`);
      return 'parsed';
    } catch (error) {
      if (inTransaction) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await progressChain.catch(() => undefined);
      client.release();
    }
  }

  /** A file refused whole: no staging rows, no row errors, the reason on the import. */
  async fail(importId: string, message: string): Promise<void> {
    const client = await this.prisma.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM "ImportRow" WHERE "importId" = $1', [importId]);
      await client.query('DELETE FROM "ImportError" WHERE "importId" = $1', [importId]);
      await client.query(
        `UPDATE "Import" SET status = 'failed', progress = 100, "fileError" = $2, "totalRows" = 0, "validRows" = 0, "errorRows" = 0, "stagedRows" = 0, "updatedAt" = now() WHERE id = $1`,
        [importId, message],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Parse the file (csv-parse, streaming) and COPY its rows into "ImportRow" in batches.
   * Rows that cannot be read (bad quoting, wrong number of fields) are not staged: they
   * become row errors at once. Returns how many such rows there were.
   */
  private async stage(
    client: PoolClient,
    importId: string,
    file: string,
    delimiter: string,
    columns: ImportColumn[],
    bytes: number,
    progress: (p: number) => void,
    hooks: ParseHooks,
  ): Promise<{ staged: number; unstaged: number }> {
    const index = STAGED.map((c) => columns.indexOf(c));
    const width = columns.length;
    const pending: RowError[] = [];
    const unstagedRows = new Set<number>();
    const prefix = `${importId}\t`;
    let crInFields = 0;

    const source: ReadStream = createReadStream(file, { highWaterMark: 1 << 20 });
    const options: Options<string, string[]> = {
      delimiter,
      bom: true,
      trim: true,
      from_line: 2,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      max_record_size: 100_000,
      on_record: (record: string[], context: InfoRecord): string | null => {
        // csv-parse counts a CR inside a quoted field as a line of its own; the file's lines are LFs
        let newlines = 0;
        for (const field of record) {
          if (!LINE_BREAK.test(field)) continue;
          for (let i = 0; i < field.length; i++) {
            const ch = field.charCodeAt(i);
            if (ch === 13) crInFields++;
            else if (ch === 10) newlines++;
          }
        }
        const row = context.lines - crInFields - newlines;
        if (record.length !== width) {
          let extra = record.length > width;
          for (let i = width; extra && i < record.length; i++) if (record[i] !== '') extra = false;
          if (!extra) {
            pending.push({ row, column: IMPORT_ROW_COLUMN, message: `has ${record.length} fields; the header has ${width}` });
            unstagedRows.add(row);
            return null;
          }
        }
        let line = prefix + row;
        for (const i of index) line += '\t' + (i < 0 ? '\\N' : copyField(record[i]));
        // COPY refuses a NUL (the whole batch would fail); the API refuses the same characters
        if (findRefusedCharacter(line)) {
          for (let i = 0; i < width; i++) {
            const found = findRefusedCharacter(record[i] ?? '');
            if (found) pending.push({ row, column: columns[i] as string, message: refusedCharacterMessage(found) });
          }
          unstagedRows.add(row);
          return null;
        }
        return line + '\n';
      },
    };
    // on_record turns each record into its COPY line; csv-parse's overloads only type records as arrays.
    const parser = parse(options as unknown as Options);
    parser.on('skip', (error: CsvError) => {
      const row = typeof error.lines === 'number' ? error.lines : 0;
      // the parser's message may quote the field it choked on
      pending.push({ row, column: IMPORT_ROW_COLUMN, message: `could not be read: ${escapeRefusedCharacters(error.message)}` });
      unstagedRows.add(row);
    });
    source.on('error', (e) => parser.destroy(e));
    source.pipe(parser);

    const batchRows = hooks.batchRows ?? PARSE_BATCH_ROWS;
    let batch = 0;
    let inBatch = 0;
    let staged = 0;
    let sinceProgress = 0;
    let buffer: string[] = [];
    let copy: ReturnType<typeof copyFrom> | null = null;

    const write = async (): Promise<void> => {
      if (buffer.length === 0) return;
      copy ??= client.query(copyFrom(`COPY "ImportRow" (${STAGING_COLUMNS}) FROM STDIN`));
      const ok = copy.write(buffer.join(''));
      buffer = [];
      if (!ok) await once(copy, 'drain');
    };
    const endBatch = async (): Promise<void> => {
      await write();
      if (copy) {
        const stream = copy;
        copy = null;
        const done = once(stream, 'finish');
        stream.end();
        await done;
      }
      await this.flushErrors(client, importId, pending);
      batch++;
      inBatch = 0;
      progress(5 + (75 * source.bytesRead) / Math.max(1, bytes));
      await hooks.afterBatch?.(batch);
    };

    try {
      for await (const line of parser as AsyncIterable<string>) {
        buffer.push(line);
        staged++;
        inBatch++;
        sinceProgress++;
        if (buffer.length >= 1000) await write();
        if (sinceProgress >= PROGRESS_EVERY_ROWS) {
          sinceProgress = 0;
          progress(5 + (75 * source.bytesRead) / Math.max(1, bytes));
        }
        if (inBatch >= batchRows) await endBatch();
      }
      await endBatch();
    } catch (error) {
      source.destroy();
      const open = copy as ReturnType<typeof copyFrom> | null;
      open?.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    return { staged, unstaged: unstagedRows.size };
  }

  private async flushErrors(client: PoolClient, importId: string, pending: RowError[]): Promise<void> {
    if (pending.length === 0) return;
    const rows = pending.splice(0, pending.length);
    await client.query(
      `INSERT INTO "ImportError" ("importId", "rowNumber", "column", "message")
       SELECT $1, r, c, m FROM unnest($2::int[], $3::text[], $4::text[]) AS t(r, c, m)`,
      [importId, rows.map((e) => e.row), rows.map((e) => e.column), rows.map((e) => e.message)],
    );
  }
}
