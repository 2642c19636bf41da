import { Inject, Injectable, Logger } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IMPORT_IN_FLIGHT_STATUSES, IMPORT_STATUSES, type Import, type ImportRowError } from '@tandem/contracts';
import type { Import as ImportRow, ImportError as ImportErrorRow } from '@tandem/db';
import { APP_CONFIG, AuditService, CommonErrorCode, DomainError, ImportErrorCode, JobProducer, PrismaService, RequestContext, type AppConfig, type ScopedTx } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import type { StoredFile } from './upload';

export const IMPORT_LIST: ListSpec = {
  sortable: ['createdAt', 'filename', 'status', 'totalRows', 'errorRows', 'committedAt'],
  defaultSort: ['createdAt', 'desc'],
  filters: {
    status: { type: 'enum', values: IMPORT_STATUSES },
    organisationId: { type: 'uuid' },
    createdById: { type: 'uuid' },
  },
  search: (q) => ({ filename: containsText(q) }),
};

export const IMPORT_ERROR_LIST: ListSpec = {
  sortable: ['rowNumber', 'column'],
  defaultSort: ['rowNumber', 'asc'],
  filters: { column: { type: 'string' } },
  search: (q) => ({ message: containsText(q) }),
  idType: 'int',
};

export function toImport(i: ImportRow): Import {
  return {
    id: i.id,
    consortiumId: i.consortiumId,
    organisationId: i.organisationId,
    createdById: i.createdById,
    apiKeyId: i.apiKeyId,
    filename: i.filename,
    sizeBytes: i.sizeBytes,
    checksum: i.checksum,
    status: i.status,
    progress: i.progress,
    totalRows: i.totalRows,
    validRows: i.validRows,
    errorRows: i.errorRows,
    committedRows: i.committedRows,
    fileError: i.fileError,
    committedAt: i.committedAt ? i.committedAt.toISOString() : null,
    errorsPurgedAt: i.errorsPurgedAt ? i.errorsPurgedAt.toISOString() : null,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export function toImportError(e: ImportErrorRow): ImportRowError {
  return { id: e.id.toString(), importId: e.importId, rowNumber: e.rowNumber, column: e.column, message: e.message };
}

/** Whose imports an upload counts with: the firm's, or (organisation null) those of the consortium's staff. */
interface Uploader {
  consortiumId: string;
  organisationId: string | null;
}

/** Rows read per query while the error report streams out. */
const CSV_PAGE = 5000;

/**
 * Imports as the API sees them: the upload (file already streamed to disk by the
 * controller), reads scoped to the principal, and the two decisions — commit or cancel —
 * which only change the status here and leave the heavy work to the worker.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly jobs: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Consortium staff upload for several firms (organisation null); a firm for itself. */
  private uploader(): Uploader {
    const p = this.context.requirePrincipal();
    if (!p.consortiumId) throw new DomainError(CommonErrorCode.Forbidden, 'An import belongs to a consortium: sign in under a consortium role to upload');
    return { consortiumId: p.consortiumId, organisationId: p.role === 'consortium_staff' ? null : p.organisationId };
  }

  /**
   * Refuses an upload before its file is read when the uploader has MAX_IMPORTS_IN_FLIGHT
   * imports not finished. Not race-safe on its own: create() checks again under a lock.
   */
  async assertRoomForUpload(): Promise<void> {
    this.refuseWhenFull(await this.inFlight(this.prisma.scoped, this.uploader()));
  }

  private inFlight(db: Pick<ScopedTx, 'import'>, who: Uploader): Promise<Pick<ImportRow, 'id' | 'filename' | 'status'>[]> {
    return db.import.findMany({
      where: { consortiumId: who.consortiumId, organisationId: who.organisationId, status: { in: [...IMPORT_IN_FLIGHT_STATUSES] } },
      select: { id: true, filename: true, status: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  private refuseWhenFull(inFlight: Pick<ImportRow, 'id' | 'filename' | 'status'>[]): void {
    const limit = this.config.MAX_IMPORTS_IN_FLIGHT;
    if (inFlight.length < limit) return;
    throw new DomainError(
      ImportErrorCode.TooManyInFlight,
      `${inFlight.length === 1 ? '1 import is' : `${inFlight.length} imports are`} not finished yet and at most ${limit} may be: commit or cancel a parsed one, or wait for it to be parsed, then upload again`,
      inFlight.map((i) => ({ path: `imports/${i.id}`, message: `"${i.filename}" is ${i.status}` })),
    );
  }

  /** The import of a file already stored; refused (and the file removed) when the uploader has no room left. */
  async create(file: StoredFile, filename: string): Promise<Import> {
    const p = this.context.requirePrincipal();
    let row: ImportRow;
    try {
      const who = this.uploader();
      row = await this.prisma.scoped.$transaction(async (tx) => {
        // One upload of a firm at a time counts and inserts: two at the limit's edge cannot both pass.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`imports.in-flight:${who.consortiumId}:${who.organisationId ?? 'staff'}`}, 0))`;
        this.refuseWhenFull(await this.inFlight(tx, who));
        const created = await tx.import.create({
          data: {
            consortiumId: who.consortiumId,
            organisationId: who.organisationId,
            createdById: p.userId,
            apiKeyId: p.apiKeyId,
            filename,
            sizeBytes: file.sizeBytes,
            checksum: file.checksum,
            storagePath: file.storagePath,
          },
        });
        await this.audit.record(tx, {
          action: 'import.uploaded',
          entityType: 'Import',
          entityId: created.id,
          after: toImport(created),
          organisationId: created.organisationId,
        });
        return created;
      });
    } catch (error) {
      await this.discard(file);
      throw error;
    }
    // After commit, so the worker never looks for a row that is not there yet.
    await this.jobs.enqueue('imports.parse', { importId: row.id }, { jobId: `import-parse-${row.id}` });
    return toImport(row);
  }

  async discard(file: StoredFile): Promise<void> {
    await rm(path.resolve(this.config.IMPORT_DIR, file.storagePath), { force: true }).catch(() => undefined);
  }

  async list(page: ListPage): Promise<{ rows: Import[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.read.import, page);
    return { rows: rows.map(toImport), total };
  }

  async get(id: string): Promise<Import> {
    return toImport(await this.find(id));
  }

  private async find(id: string): Promise<ImportRow> {
    const row = await this.prisma.scoped.import.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Import');
    return row;
  }

  async errors(id: string, page: ListPage): Promise<{ rows: ImportRowError[]; total: number }> {
    await this.find(id);
    const where = { AND: [page.where, { importId: id }] };
    const { rows, total } = await listPage(this.prisma.read.importError, { ...page, where });
    return { rows: rows.map(toImportError), total };
  }

  /** The error report as CSV (row, column, message), streamed page by page in row order; the caller checked the import is visible. */
  async writeErrorsCsv(id: string, out: Writable): Promise<void> {
    const csv = stringify({ header: true, columns: ['row', 'column', 'message'] });
    const produce = async (): Promise<void> => {
      let after: { rowNumber: number; id: bigint } | null = null;
      try {
        for (;;) {
          const cursor: Record<string, unknown> = after
            ? { OR: [{ rowNumber: { gt: after.rowNumber } }, { rowNumber: after.rowNumber, id: { gt: after.id } }] }
            : {};
          const page = await this.prisma.scoped.importError.findMany({
            where: { importId: id, ...cursor },
            orderBy: [{ rowNumber: 'asc' }, { id: 'asc' }],
            take: CSV_PAGE,
          });
          for (const e of page) {
            if (!csv.write([e.rowNumber, e.column, e.message])) await new Promise((resolve) => csv.once('drain', resolve));
          }
          const last = page[page.length - 1];
          if (!last || page.length < CSV_PAGE) break;
          after = { rowNumber: last.rowNumber, id: last.id };
        }
        csv.end();
      } catch (error) {
        csv.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    };
    await Promise.all([produce(), pipeline(csv, out)]);
  }

  /** parsed → committing; the worker moves the valid rows into metric values. 409 from any other status. */
  async commit(id: string): Promise<Import> {
    const p = this.context.requirePrincipal();
    const row = await this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.import.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('Import');
      const moved = await tx.import.updateMany({ where: { id, status: 'parsed' }, data: { status: 'committing', commitRequestedById: p.userId, commitRequestedByApiKeyId: p.apiKeyId } });
      if (moved.count === 0) throw this.wrongStatus(before.status, 'committed');
      const after = await tx.import.findFirstOrThrow({ where: { id } });
      await this.audit.record(tx, { action: 'import.commit_requested', entityType: 'Import', entityId: id, before: toImport(before), after: toImport(after), organisationId: after.organisationId });
      return after;
    });
    // No fixed job id: the status change above is what makes a second commit impossible.
    await this.jobs.enqueue('imports.commit', { importId: id });
    return toImport(row);
  }

  /** parsed → cancelled: nothing reaches metric values; the staged rows and the file are deleted, the error report kept. */
  async cancel(id: string): Promise<Import> {
    const row = await this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.import.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('Import');
      const moved = await tx.import.updateMany({ where: { id, status: 'parsed' }, data: { status: 'cancelled' } });
      if (moved.count === 0) throw this.wrongStatus(before.status, 'cancelled');
      // Staging rows have no scoping rule of their own: they are reached through the import checked above.
      await tx.$executeRaw`DELETE FROM "ImportRow" WHERE "importId" = ${id}::uuid`;
      const after = await tx.import.findFirstOrThrow({ where: { id } });
      await this.audit.record(tx, { action: 'import.cancelled', entityType: 'Import', entityId: id, before: toImport(before), after: toImport(after), organisationId: after.organisationId });
      return after;
    });
    await rm(path.resolve(this.config.IMPORT_DIR, row.storagePath), { force: true }).catch((e: unknown) => this.logger.warn(`removing ${row.storagePath}: ${String(e)}`));
    return toImport(row);
  }

  private wrongStatus(status: string, wanted: string): DomainError {
    return new DomainError(CommonErrorCode.Conflict, `The import is ${status}; only a parsed import can be ${wanted}`, [
      { path: 'status', message: `is ${status}, must be parsed` },
    ]);
  }
}
