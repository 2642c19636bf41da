import { Prisma } from '@tandem/db';
import { planTargets } from '@tandem/domain';

/** Anything that runs raw SQL: the system client, the scoped client, or a transaction of either. */
export interface RawSql {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<T>;
}

export interface PlanTargetChange {
  commitmentId: string;
  kind: 'training_hours_per_frontline_worker' | 'training_spend_pct_of_payroll';
  before: number;
  target: number;
}

/**
 * An approved training plan sets its firm's training commitment targets for the plan's year:
 * training hours per frontline worker = plan hours ÷ plan frontline workers, and training
 * spend as % of payroll = plan budget ÷ the year's payroll (WorkforceYear) × 100, only when a
 * payroll for that year is recorded. Commitments that do not exist yet are not made here.
 *
 * Order does not matter, and the approved plan wins over the charter template's target:
 * - plan approved first, commitments generated later → the generator calls this function for
 *   the firm and year after creating them (commitments part, libs/server);
 * - commitments first, plan approved later → the approval calls it (training-plans.service).
 * Calling it again changes nothing. A plan that is not approved sets nothing.
 *
 * Raw SQL on purpose: the consequence of an authorised approval (by a union representative
 * too, who reads no commitment or payroll) is applied whatever the approver may read; nothing
 * read here is returned to the approver beyond the ids and targets changed, which the audit
 * trail records.
 */
export async function applyApprovedPlanTargets(db: RawSql, key: { consortiumId: string; organisationId: string; year: number }): Promise<PlanTargetChange[]> {
  const [plan] = await db.$queryRaw<{ hours: Prisma.Decimal; budget: Prisma.Decimal; frontlineWorkers: number }[]>`
    SELECT hours, budget, "frontlineWorkers" FROM "TrainingPlan"
     WHERE "consortiumId" = ${key.consortiumId}::uuid AND "organisationId" = ${key.organisationId}::uuid AND year = ${key.year} AND status = 'approved'`;
  if (!plan) return [];
  const [workforce] = await db.$queryRaw<{ payroll: Prisma.Decimal }[]>`
    SELECT payroll FROM "WorkforceYear"
     WHERE "consortiumId" = ${key.consortiumId}::uuid AND "organisationId" = ${key.organisationId}::uuid AND year = ${key.year}`;
  const targets = planTargets({ hours: Number(plan.hours), budget: Number(plan.budget), frontlineWorkers: plan.frontlineWorkers }, workforce ? Number(workforce.payroll) : null);
  const wanted: [PlanTargetChange['kind'], number | null][] = [
    ['training_hours_per_frontline_worker', targets.hoursPerFrontlineWorker],
    ['training_spend_pct_of_payroll', targets.spendPctOfPayroll],
  ];
  const changes: PlanTargetChange[] = [];
  for (const [kind, target] of wanted) {
    if (target === null) continue;
    const rows = await db.$queryRaw<{ id: string; before: Prisma.Decimal }[]>`
      UPDATE "Commitment" c SET target = ${target}::numeric, "updatedAt" = now()
        FROM "Commitment" old
       WHERE old.id = c.id AND c."consortiumId" = ${key.consortiumId}::uuid AND c."organisationId" = ${key.organisationId}::uuid
         AND c.year = ${key.year} AND c.kind = ${kind}::"CommitmentKind" AND c.target <> ${target}::numeric
      RETURNING c.id, old.target AS before`;
    for (const r of rows) changes.push({ commitmentId: r.id, kind, before: Number(r.before), target });
  }
  return changes;
}
