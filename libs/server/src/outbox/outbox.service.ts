import { Injectable } from '@nestjs/common';
import type { Prisma } from '@tandem/db';
import { JobProducer } from '../queue/job-producer';

export interface OutboxWriter {
  outboxMessage: { create(args: { data: Prisma.OutboxMessageUncheckedCreateInput; select: { id: true } }): Promise<{ id: string }> };
}

/** A writer of many messages at once (a transaction client). */
export interface OutboxBatchWriter {
  outboxMessage: { createManyAndReturn(args: { data: Prisma.OutboxMessageCreateManyInput[]; select: { id: true } }): Promise<{ id: string }[]> };
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  consortiumId?: string | null;
  /**
   * The text carries a secret (an invitation link): shown to no reader of the outbox but the
   * platform admin in development without SMTP, and blanked once delivered.
   */
  sensitive?: boolean;
}

/**
 * Transactional outbox: the message row is written in the same transaction as the change
 * that caused it; delivery is enqueued after commit (and re-enqueued by the worker's relay
 * if that enqueue is lost).
 */
@Injectable()
export class OutboxService {
  constructor(private readonly jobs: JobProducer) {}

  async write(tx: OutboxWriter, msg: EmailMessage): Promise<string> {
    const row = await tx.outboxMessage.create({
      data: { kind: 'email', to: msg.to, subject: msg.subject, text: msg.text, sensitive: msg.sensitive ?? false, consortiumId: msg.consortiumId ?? null },
      select: { id: true },
    });
    return row.id;
  }

  /**
   * Many messages in one insert; the ids come back in the order of the messages (one
   * INSERT … VALUES … RETURNING answers its rows in the order of its VALUES).
   */
  async writeMany(tx: OutboxBatchWriter, msgs: EmailMessage[]): Promise<string[]> {
    if (msgs.length === 0) return [];
    const rows = await tx.outboxMessage.createManyAndReturn({
      data: msgs.map((msg) => ({ kind: 'email', to: msg.to, subject: msg.subject, text: msg.text, sensitive: msg.sensitive ?? false, consortiumId: msg.consortiumId ?? null })),
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  /** Call after the transaction committed. */
  async dispatch(ids: string[]): Promise<void> {
    for (const id of ids) await this.jobs.enqueue('email.send', { outboxMessageId: id }, { jobId: `email-${id}` });
  }
}
