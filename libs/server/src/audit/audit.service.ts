import { Injectable } from '@nestjs/common';
import type { Prisma } from '@tandem/db';
import { RequestContext } from '../context/request-context';

/** Anything that can write an audit row: a transaction client, scoped or not. */
export interface AuditWriter {
  auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> };
}

/** A writer of many rows at once (a transaction client). */
export interface AuditBatchWriter {
  auditEvent: { createMany(args: { data: Prisma.AuditEventCreateManyInput[] }): Promise<unknown> };
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  consortiumId?: string | null;
  organisationId?: string | null;
  /**
   * Who acted, when it is not the request's principal: a person accepting an invitation
   * before they have a session, a job acting for the user who asked for it.
   */
  actor?: { userId: string | null; apiKeyId: string | null };
}

/** Dates, decimals and nested rows as plain JSON, the way the API shows them. */
function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Prisma.InputJsonValue;
}

/**
 * Writes the audit trail. Callers pass the transaction client of the change itself, so
 * the change and its audit row commit or roll back together.
 */
@Injectable()
export class AuditService {
  constructor(private readonly context: RequestContext) {}

  async record(tx: AuditWriter, entry: AuditEntry): Promise<void> {
    await tx.auditEvent.create({ data: this.row(entry) });
  }

  /** Many rows in one insert, e.g. one per firm a staff action reached. */
  async recordMany(tx: AuditBatchWriter, entries: AuditEntry[]): Promise<void> {
    if (entries.length > 0) await tx.auditEvent.createMany({ data: entries.map((e) => this.row(e)) });
  }

  private row(entry: AuditEntry): Prisma.AuditEventCreateManyInput {
    const p = this.context.principal;
    return {
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
      consortiumId: entry.consortiumId ?? p?.consortiumId ?? null,
      organisationId: entry.organisationId ?? null,
      actorUserId: entry.actor ? entry.actor.userId : (p?.userId ?? null),
      actorApiKeyId: entry.actor ? entry.actor.apiKeyId : (p?.apiKeyId ?? null),
      requestId: this.context.requestId ?? null,
    };
  }
}
