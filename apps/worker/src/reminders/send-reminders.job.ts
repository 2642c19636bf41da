import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AuditService, BackgroundJobs, OutboxService, PrismaService, SYSTEM_ACTOR, type AppConfig } from '@tandem/server';
import { CLAIM_REMINDERS_SQL, type ClaimedReminder } from './reminders.sql';

export interface RemindersResult {
  firms: number;
  emails: number;
}

/**
 * 'reminders.send' (repeatable): firms that have not submitted a due metric get ONE email per
 * period, REMINDER_DAYS_BEFORE days before its due date. Who is late is decided in SQL
 * (reminders.sql.ts); the claim, the emails (outbox) and their audit commit together, and
 * delivery is enqueued after commit.
 */
@Injectable()
export class SendRemindersJob {
  private readonly logger = new Logger(SendRemindersJob.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly tracked: BackgroundJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `runId` names this run (its queue job) in each consortium's background jobs. */
  async run(today: Date = new Date(), runId = `reminders:${today.toISOString()}`): Promise<RemindersResult> {
    const day = today.toISOString().slice(0, 10);
    const { firms, messageIds, claimed } = await this.prisma.system.$transaction(
      async (tx) => {
        const claimed = await tx.$queryRawUnsafe<ClaimedReminder[]>(CLAIM_REMINDERS_SQL, day, this.config.REMINDER_DAYS_BEFORE);
        const messageIds: string[] = [];
        const reminderIds: string[] = [];
        for (const r of claimed) {
          let messageId: string | null = null;
          if (r.recipients.length > 0) {
            messageId = await this.outbox.write(tx, {
              consortiumId: r.consortiumId,
              to: r.recipients.join(', '),
              subject: `Reminder: ${r.periodCode} figures are due on ${r.dueOn}`,
              text:
                `Hello ${r.organisationName},\n\n` +
                `the figures of period ${r.periodCode} are due on ${r.dueOn}. Not yet submitted: ${r.missingMetrics.join(', ')}.\n` +
                `Enter them under Metric values in Tandem, or upload a CSV.\n`,
            });
            messageIds.push(messageId);
            reminderIds.push(r.reminderId);
          }
          await this.audit.record(tx, {
            action: 'reminder.sent',
            entityType: 'ReminderLog',
            entityId: r.reminderId,
            after: { periodId: r.periodId, periodCode: r.periodCode, dueOn: r.dueOn, missingMetrics: r.missingMetrics, outboxMessageId: messageId, recipients: r.recipients.length },
            consortiumId: r.consortiumId,
            organisationId: r.organisationId,
            actor: SYSTEM_ACTOR,
          });
        }
        if (reminderIds.length > 0) {
          await tx.$executeRawUnsafe(
            `UPDATE "ReminderLog" r SET "outboxMessageId" = x.message FROM unnest($1::uuid[], $2::uuid[]) AS x(reminder, message) WHERE r.id = x.reminder`,
            reminderIds,
            messageIds,
          );
        }
        return { firms: claimed.length, messageIds, claimed };
      },
      { maxWait: 30_000, timeout: 5 * 60_000 },
    );
    await this.outbox.dispatch(messageIds);
    // Each consortium's staff see the run that reminded their firms (a run that reminded nobody is not news).
    const byPeriod = new Map<string, { consortiumId: string; periodId: string; periodCode: string; firms: number }>();
    for (const r of claimed) {
      const entry = byPeriod.get(r.periodId) ?? { consortiumId: r.consortiumId, periodId: r.periodId, periodCode: r.periodCode, firms: 0 };
      entry.firms++;
      byPeriod.set(r.periodId, entry);
    }
    for (const e of byPeriod.values()) {
      await this.tracked
        .recordDone(`${runId}:${e.periodId}`, 'reminders.send', e.consortiumId, `${e.firms} firm${e.firms === 1 ? '' : 's'} reminded of ${e.periodCode}`, { type: 'Period', id: e.periodId })
        .catch((error: unknown) => this.logger.warn({ err: error }, 'reminder run not recorded as a background job'));
    }
    if (firms > 0) this.logger.log(`reminders: ${firms} firms reminded, ${messageIds.length} emails`);
    return { firms, emails: messageIds.length };
  }
}
