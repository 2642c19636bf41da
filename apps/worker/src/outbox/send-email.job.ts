import { Injectable, Logger } from '@nestjs/common';
import type { JobPayloads } from '@tandem/contracts';
import { PrismaService } from '@tandem/server';
import { MailTransport } from './mail-transport';

export type SendEmailResult = 'sent' | 'recorded' | 'skipped';

/** What remains of a sensitive message's text once it has been delivered. */
export const SENT_SECRET_TEXT = '(delivered; this message carried a personal link and its text is not kept)';

/**
 * Deliver one outbox message. Idempotent: BullMQ may deliver the job twice, and the relay
 * may enqueue it again, but a message leaves `pending` once. A failed send stays pending
 * (attempts counted, error kept) so BullMQ's retry and backoff try again; the last failure
 * marks it `failed`.
 */
@Injectable()
export class SendEmailJob {
  private readonly logger = new Logger(SendEmailJob.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly mail: MailTransport,
  ) {}

  async run(data: JobPayloads['email.send'], finalAttempt: boolean): Promise<SendEmailResult> {
    const db = this.prisma.system;
    // Claim: only a pending message is worked on; the increment also serialises concurrent deliveries.
    const claimed = await db.outboxMessage.updateMany({ where: { id: data.outboxMessageId, status: 'pending' }, data: { attempts: { increment: 1 } } });
    if (claimed.count === 0) return 'skipped';
    const msg = await db.outboxMessage.findUniqueOrThrow({ where: { id: data.outboxMessageId } });
    if (!this.mail.configured) {
      await db.outboxMessage.updateMany({ where: { id: msg.id, status: 'pending' }, data: { status: 'recorded', lastError: null } });
      return 'recorded';
    }
    try {
      await this.mail.send({ to: msg.to, subject: msg.subject, text: msg.text });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await db.outboxMessage.update({ where: { id: msg.id }, data: { lastError: message.slice(0, 1000), status: finalAttempt ? 'failed' : 'pending' } });
      this.logger.warn(`email ${msg.id} to ${msg.to} failed (attempt ${msg.attempts}): ${message}`);
      throw err;
    }
    // A delivered secret link lives on only in the recipient's mailbox: a copy in the database
    // would let anyone who reads the table accept the invitation.
    const text = msg.sensitive ? SENT_SECRET_TEXT : undefined;
    await db.outboxMessage.update({ where: { id: msg.id }, data: { status: 'sent', sentAt: new Date(), lastError: null, text } });
    return 'sent';
  }
}
