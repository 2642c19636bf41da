import { Injectable } from '@nestjs/common';
import type { Prisma } from '@tandem/db';
import { RequestContext } from '../context/request-context';

/**
 * Where audit rows are written: the transaction of the change itself, so the change and its
 * audit rows commit or roll back together. Either a Prisma transaction client (scoped or not)
 * or a raw pg client inside its own BEGIN … COMMIT (the import commit).
 */
export type AuditWriter = AuditPrismaWriter | AuditSqlWriter;

export interface AuditPrismaWriter {
  auditEvent: { createMany(args: { data: Prisma.AuditEventCreateManyInput[] }): Promise<unknown> };
}

export interface AuditSqlWriter {
  query(text: string, values: unknown[]): Promise<unknown>;
}

/** @deprecated the name of AuditWriter when recordMany needed a client of its own. */
export type AuditBatchWriter = AuditPrismaWriter;

/** Who acted: a user, an API key, or neither (the platform itself, e.g. a scheduled job). */
export interface AuditActor {
  userId: string | null;
  apiKeyId: string | null;
}

/** The platform acting on its own schedule (a worker job nobody asked for). */
export const SYSTEM_ACTOR: AuditActor = Object.freeze({ userId: null, apiKeyId: null });

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  consortiumId?: string | null;
  organisationId?: string | null;
  /**
   * Who acted. Inside a request it defaults to the request's principal; anywhere else it is
   * required (a worker job: SYSTEM_ACTOR or the user who asked for it; a person accepting an
   * invitation before they have a session). Never a made-up principal.
   */
  actor?: AuditActor;
}

/** Dates, decimals and nested rows as plain JSON, the way the API shows them. */
function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Prisma.InputJsonValue;
}

/** Rows per statement: 10 parameters a row through createMany, under PostgreSQL's 65 535 per statement. */
const CHUNK = 5_000;

/**
 * Writes the audit trail: the one place audit rows are made, one change or a batch, from the
 * API or the worker.
 */
@Injectable()
export class AuditService {
  constructor(private readonly context: RequestContext) {}

  async record(tx: AuditWriter, entry: AuditEntry): Promise<void> {
    await this.recordMany(tx, [entry]);
  }

  /** Many rows at once (a bulk push, one per firm a staff action reached), in as few statements as the size allows. */
  async recordMany(tx: AuditWriter, entries: readonly AuditEntry[]): Promise<void> {
    const rows = entries.map((e) => this.row(e));
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      if ('query' in tx) await insertSql(tx, chunk);
      else await tx.auditEvent.createMany({ data: chunk });
    }
  }

  private row(entry: AuditEntry): Prisma.AuditEventCreateManyInput {
    const p = this.context.principal;
    const actor = entry.actor ?? (p ? { userId: p.userId, apiKeyId: p.apiKeyId } : null);
    if (!actor) throw new Error(`audit ${entry.action}: no actor outside a request; pass entry.actor (SYSTEM_ACTOR for the platform itself)`);
    return {
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
      consortiumId: entry.consortiumId ?? p?.consortiumId ?? null,
      organisationId: entry.organisationId ?? null,
      actorUserId: actor.userId,
      actorApiKeyId: actor.apiKeyId,
      requestId: this.context.requestId ?? null,
    };
  }
}

const jsonText = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

async function insertSql(client: AuditSqlWriter, rows: Prisma.AuditEventCreateManyInput[]): Promise<void> {
  await client.query(
    `INSERT INTO "AuditEvent" (action, "entityType", "entityId", before, after, "consortiumId", "organisationId", "actorUserId", "actorApiKeyId", "requestId")
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[], $6::uuid[], $7::uuid[], $8::uuid[], $9::uuid[], $10::text[])`,
    [
      rows.map((r) => r.action),
      rows.map((r) => r.entityType),
      rows.map((r) => r.entityId),
      rows.map((r) => jsonText(r.before)),
      rows.map((r) => jsonText(r.after)),
      rows.map((r) => r.consortiumId ?? null),
      rows.map((r) => r.organisationId ?? null),
      rows.map((r) => r.actorUserId ?? null),
      rows.map((r) => r.actorApiKeyId ?? null),
      rows.map((r) => r.requestId ?? null),
    ],
  );
}
