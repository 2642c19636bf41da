import { Injectable, Logger } from '@nestjs/common';
import { CORRECTIVE_ACTION_DAYS, DEFAULT_SHARED_CATEGORIES, type JobPayloads } from '@tandem/contracts';
import { AuditService, OutboxService, PrismaService, SYSTEM_ACTOR } from '@tandem/server';
import { OPEN_CORRECTIVE_ACTION_PLANS_SQL, RECOMPUTE_SCORECARDS_SQL, type RecomputeCounts } from './scorecards.sql';

export interface RecomputeResult extends RecomputeCounts {
  plansOpened: number;
  emails: number;
}

interface OpenedPlan {
  id: string;
  relationshipId: string;
  scorecardId: string;
  supplierId: string;
  customerId: string;
  standing: string;
  title: string;
  dueOn: Date;
}


/** Long enough for a consortium of tens of thousands of relationships. */
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

/**
 * 'scorecards.recompute': one SQL statement recomputes every scorecard of a consortium and
 * period; in the same transaction, suppliers whose FINAL standing (period closed, every
 * criterion covered) fell to development or probation with a customer get a corrective action
 * plan and their firm admins an email (outbox), dispatched after commit. Provisional
 * scorecards (period open, or a criterion without a validated value) trigger nothing.
 * Idempotent: a second run changes no row and opens no second plan. Runs for the same
 * consortium and period are serialised by an advisory lock. The period closing enqueues this
 * job too (periods.service close): that is when provisional standings become final.
 */
@Injectable()
export class RecomputeScorecardsJob {
  private readonly logger = new Logger(RecomputeScorecardsJob.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async run(data: JobPayloads['scorecards.recompute'], today: Date = new Date()): Promise<RecomputeResult | 'skipped'> {
    const period = await this.prisma.system.period.findFirst({ where: { id: data.periodId, consortiumId: data.consortiumId }, select: { id: true, code: true } });
    if (!period) {
      this.logger.warn(`scorecards.recompute: period ${data.periodId} is not a period of consortium ${data.consortiumId}; nothing to do`);
      return 'skipped';
    }
    const day = today.toISOString().slice(0, 10);
    const { result, messageIds } = await this.prisma.system.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, `scorecards.recompute:${data.consortiumId}:${data.periodId}`);
        const [counts] = await tx.$queryRawUnsafe<RecomputeCounts[]>(RECOMPUTE_SCORECARDS_SQL, data.consortiumId, data.periodId);
        const plans = await tx.$queryRawUnsafe<OpenedPlan[]>(OPEN_CORRECTIVE_ACTION_PLANS_SQL, data.consortiumId, data.periodId, day, CORRECTIVE_ACTION_DAYS, DEFAULT_SHARED_CATEGORIES);
        const messageIds: string[] = [];
        if (plans.length > 0) {
          const admins = await tx.roleAssignment.findMany({
            where: { consortiumId: data.consortiumId, role: 'firm_admin', organisationId: { in: [...new Set(plans.map((p) => p.supplierId))] }, user: { status: { not: 'disabled' } } },
            select: { organisationId: true, user: { select: { email: true, name: true } } },
            orderBy: { user: { email: 'asc' } },
          });
          const adminsOf = new Map<string, typeof admins>();
          for (const a of admins) adminsOf.set(a.organisationId ?? '', [...(adminsOf.get(a.organisationId ?? '') ?? []), a]);
          for (const plan of plans) {
            const dueOn = plan.dueOn.toISOString().slice(0, 10);
            for (const admin of adminsOf.get(plan.supplierId) ?? []) {
              messageIds.push(
                await this.outbox.write(tx, {
                  consortiumId: data.consortiumId,
                  to: admin.user.email,
                  subject: `Corrective action plan opened: ${plan.title}`,
                  text:
                    `Dear ${admin.user.name},\n\n` +
                    `the ${period.code} scorecard puts your firm at "${plan.standing}" with this customer. ` +
                    `A corrective action plan has been opened ("${plan.title}"), due on ${dueOn}.\n` +
                    `Please add its tasks and owners under Corrective action plans in Tandem.\n`,
                }),
              );
            }
          }
          // One multi-row insert (in chunks): a consortium's first recompute may open thousands
          // of plans, and a create per plan would dominate the job.
          const audits = plans.map((plan) => ({
            action: 'corrective-action-plan.opened',
            entityType: 'CorrectiveActionPlan',
            entityId: plan.id,
            after: { ...plan, dueOn: plan.dueOn.toISOString().slice(0, 10), status: 'open' },
            consortiumId: data.consortiumId,
            organisationId: plan.supplierId,
            actor: SYSTEM_ACTOR,
          }));
          await this.audit.recordMany(tx, audits);
        }
        const result: RecomputeResult = { ...(counts ?? { computed: 0, inserted: 0, updated: 0, removed: 0 }), plansOpened: plans.length, emails: messageIds.length };
        if (result.inserted + result.updated + result.removed + result.plansOpened > 0) {
          await this.audit.record(tx, {
            action: 'scorecards.recomputed',
            entityType: 'Period',
            entityId: data.periodId,
            after: result,
            consortiumId: data.consortiumId,
            actor: SYSTEM_ACTOR,
          });
        }
        return { result, messageIds };
      },
      { maxWait: 30_000, timeout: TRANSACTION_TIMEOUT_MS },
    );
    await this.outbox.dispatch(messageIds);
    this.logger.log(
      `scorecards ${period.code}: ${result.computed} computed (${result.inserted} new, ${result.updated} changed, ${result.removed} removed), ${result.plansOpened} plans opened`,
    );
    return result;
  }
}
