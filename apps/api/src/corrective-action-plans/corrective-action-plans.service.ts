import { Injectable } from '@nestjs/common';
import { PLAN_STATUSES, STANDINGS, can, type CorrectiveActionPlan, type CorrectiveActionTask } from '@tandem/contracts';
import type { CorrectiveActionPlan as PlanRow, CorrectiveActionTask as TaskRow, Prisma } from '@tandem/db';
import { AuditService, CommonErrorCode, DomainError, lockVisible, PrismaService, RequestContext, type ScopedTx } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { isoDate } from '../common/serialize';
import type { CreateTaskDto, UpdateCorrectiveActionPlanDto, UpdateTaskDto, UpdateTaskStatusDto } from './dto/corrective-action-plan.dto';

export const CORRECTIVE_ACTION_PLAN_LIST: ListSpec = {
  sortable: ['dueOn', 'status', 'standing', 'title', 'createdAt', 'updatedAt'],
  defaultSort: ['createdAt', 'desc'],
  filters: {
    relationshipId: { type: 'uuid' },
    scorecardId: { type: 'uuid' },
    supplierId: { type: 'uuid' },
    customerId: { type: 'uuid' },
    status: { type: 'enum', values: PLAN_STATUSES },
    standing: { type: 'enum', values: STANDINGS },
    /** plans due before a day (YYYY-MM-DD): with status open/in_progress, the plans past due */
    dueBefore: { type: 'date', where: (day) => ({ dueOn: { lt: day } }) },
    /** plans with a task assigned to this user ("my tasks" on a home page) */
    taskOwnerUserId: { type: 'uuid', where: (condition) => ({ tasks: { some: { ownerUserId: condition } } }) },
  },
  search: (q) => ({ title: containsText(q) }),
};

const TASKS = { tasks: { orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] } } as const satisfies Prisma.CorrectiveActionPlanInclude;

function toTask(t: TaskRow): CorrectiveActionTask {
  return {
    id: t.id,
    planId: t.planId,
    title: t.title,
    owner: t.owner,
    ownerUserId: t.ownerUserId,
    dueOn: isoDate(t.dueOn) ?? '',
    status: t.status,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function toPlan(p: PlanRow & { tasks: TaskRow[] }): CorrectiveActionPlan {
  return {
    id: p.id,
    consortiumId: p.consortiumId,
    relationshipId: p.relationshipId,
    scorecardId: p.scorecardId,
    supplierId: p.supplierId,
    customerId: p.customerId,
    standing: p.standing,
    title: p.title,
    ownerUserId: p.ownerUserId,
    status: p.status,
    dueOn: isoDate(p.dueOn) ?? '',
    tasks: p.tasks.map(toTask),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

function date(value: string): Date {
  return new Date(`${value.slice(0, 10)}T00:00:00Z`);
}

/** Roles whose users can be a task's assignee: they read the plans of their firm (or consortium). */
const ASSIGNABLE_FIRM_ROLES = ['firm_admin', 'firm_contributor', 'customer_buyer'] as const;

/**
 * Corrective action plans are opened by the scorecards job; the supplier's firm admin, the
 * customer's buyer and staff follow them: status, owner, due date and tasks. A task may be
 * assigned to a user (ownerUserId), who may then move its status even without the right to
 * edit the plan (a firm contributor). Who reaches a plan is the scope's business (supplier or
 * customer of the plan, staff of its consortium).
 */
@Injectable()
export class CorrectiveActionPlansService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: CorrectiveActionPlan[]; total: number }> {
    const db = this.prisma.read.correctiveActionPlan;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: TASKS }), count: (args) => db.count(args) }, page);
    return { rows: rows.map(toPlan), total };
  }

  async get(id: string): Promise<CorrectiveActionPlan> {
    const row = await this.prisma.scoped.correctiveActionPlan.findFirst({ where: { id }, include: TASKS });
    if (!row) throw DomainError.notFound('Corrective action plan');
    return toPlan(row);
  }

  /** Locks the plan (changes to one plan and its tasks are serialised) and returns it with its tasks. */
  private async lock(tx: ScopedTx, id: string): Promise<PlanRow & { tasks: TaskRow[] }> {
    await lockVisible(tx, 'CorrectiveActionPlan', id);
    return tx.correctiveActionPlan.findFirstOrThrow({ where: { id }, include: TASKS });
  }

  /** The owner is someone who works on the plan: a user of the supplier or the customer, or staff of the consortium. */
  private async assertOwner(plan: PlanRow, userId: string): Promise<void> {
    // Cross-scope on purpose: a firm cannot read the other firm's people; the answer is only yes or no.
    const role = await this.prisma.crossScope('plan-participants').roleAssignment.findFirst({
      where: { userId, consortiumId: plan.consortiumId, OR: [{ organisationId: { in: [plan.supplierId, plan.customerId] } }, { role: 'consortium_staff' }] },
      select: { id: true },
    });
    if (!role) throw DomainError.validation([{ path: 'ownerUserId', message: "is not a user of the supplier, the customer or the consortium's staff" }]);
  }

  /**
   * A task's assignee works on the plan and can read it: a firm admin, contributor or buyer of
   * the supplier or the customer, or staff of the consortium (not, say, the union
   * representative attached to the supplier, who never sees plans). Unknown ids and users
   * of other firms get the same answer.
   */
  private async assertAssignees(plan: PlanRow, assignees: { path: string; userId: string | null | undefined }[]): Promise<void> {
    const wanted = assignees.filter((a): a is { path: string; userId: string } => typeof a.userId === 'string');
    if (!wanted.length) return;
    const ids = [...new Set(wanted.map((a) => a.userId.toLowerCase()))];
    // Cross-scope on purpose (as assertOwner): which of the named users work on the plan, nothing more.
    const found = await this.prisma.crossScope('plan-participants').roleAssignment.findMany({
      where: {
        userId: { in: ids },
        consortiumId: plan.consortiumId,
        user: { status: { not: 'disabled' } },
        OR: [{ role: 'consortium_staff' }, { role: { in: [...ASSIGNABLE_FIRM_ROLES] }, organisationId: { in: [plan.supplierId, plan.customerId] } }],
      },
      select: { userId: true },
    });
    const ok = new Set(found.map((r) => r.userId));
    const errors = wanted.filter((a) => !ok.has(a.userId.toLowerCase())).map((a) => ({ path: a.path, message: "is not a user of the supplier, the customer or the consortium's staff" }));
    if (errors.length) throw DomainError.validation(errors);
  }

  async update(id: string, dto: UpdateCorrectiveActionPlanDto, replaceTasks: boolean): Promise<CorrectiveActionPlan> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await this.lock(tx, id);
      if (dto.ownerUserId) await this.assertOwner(before, dto.ownerUserId.toLowerCase());
      await this.assertAssignees(before, (dto.tasks ?? []).map((t, i) => ({ path: `tasks.${i}.ownerUserId`, userId: t.ownerUserId })));
      const known = new Set(before.tasks.map((t) => t.id));
      const unknownTasks = (dto.tasks ?? []).flatMap((t, i) => (t.id && !known.has(t.id.toLowerCase()) ? [{ path: `tasks.${i}.id`, message: 'not a task of this plan' }] : []));
      if (unknownTasks.length) throw DomainError.validation(unknownTasks);
      await tx.correctiveActionPlan.update({
        where: { id },
        data: {
          title: dto.title,
          status: dto.status,
          dueOn: dto.dueOn ? date(dto.dueOn) : undefined,
          ownerUserId: dto.ownerUserId === undefined ? undefined : dto.ownerUserId === null ? null : dto.ownerUserId.toLowerCase(),
        },
      });
      if (dto.tasks) {
        const kept = new Set<string>();
        for (const t of dto.tasks) {
          const ownerUserId = t.ownerUserId === undefined ? undefined : (t.ownerUserId?.toLowerCase() ?? null);
          const data = { title: t.title, owner: t.owner ?? null, ownerUserId, dueOn: date(t.dueOn), status: t.status };
          if (t.id) {
            kept.add(t.id.toLowerCase());
            await tx.correctiveActionTask.update({ where: { id: t.id.toLowerCase() }, data });
          } else {
            const created = await tx.correctiveActionTask.create({ data: { planId: id, ...data, status: t.status ?? 'todo' } });
            kept.add(created.id);
          }
        }
        if (replaceTasks) await tx.correctiveActionTask.deleteMany({ where: { planId: id, id: { notIn: [...kept] } } });
      }
      const row = await tx.correctiveActionPlan.findFirstOrThrow({ where: { id }, include: TASKS });
      const out = toPlan(row);
      await this.audit.record(tx, {
        action: before.status !== row.status ? `corrective-action-plan.${row.status}` : 'corrective-action-plan.updated',
        entityType: 'CorrectiveActionPlan',
        entityId: id,
        before: toPlan(before),
        after: out,
        consortiumId: row.consortiumId,
        organisationId: row.supplierId,
      });
      return out;
    });
  }

  async addTask(planId: string, dto: CreateTaskDto): Promise<CorrectiveActionTask> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const plan = await this.lock(tx, planId);
      await this.assertAssignees(plan, [{ path: 'ownerUserId', userId: dto.ownerUserId }]);
      const task = await tx.correctiveActionTask.create({
        data: { planId, title: dto.title, owner: dto.owner ?? null, ownerUserId: dto.ownerUserId?.toLowerCase() ?? null, dueOn: date(dto.dueOn), status: dto.status ?? 'todo' },
      });
      const out = toTask(task);
      await this.audit.record(tx, { action: 'corrective-action-task.created', entityType: 'CorrectiveActionTask', entityId: task.id, after: out, consortiumId: plan.consortiumId, organisationId: plan.supplierId });
      return out;
    });
  }

  async updateTask(planId: string, taskId: string, dto: UpdateTaskDto): Promise<CorrectiveActionTask> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const plan = await this.lock(tx, planId);
      const before = plan.tasks.find((t) => t.id === taskId);
      if (!before) throw DomainError.notFound('Task');
      await this.assertAssignees(plan, [{ path: 'ownerUserId', userId: dto.ownerUserId }]);
      const task = await tx.correctiveActionTask.update({
        where: { id: taskId },
        data: {
          title: dto.title,
          owner: dto.owner,
          ownerUserId: dto.ownerUserId === undefined ? undefined : (dto.ownerUserId?.toLowerCase() ?? null),
          dueOn: dto.dueOn ? date(dto.dueOn) : undefined,
          status: dto.status,
        },
      });
      const out = toTask(task);
      await this.audit.record(tx, { action: 'corrective-action-task.updated', entityType: 'CorrectiveActionTask', entityId: taskId, before: toTask(before), after: out, consortiumId: plan.consortiumId, organisationId: plan.supplierId });
      return out;
    });
  }

  /**
   * The assignee moves a task along (todo → doing → done, or back): the status only. Plan
   * writers may do the same to any task; anyone else who reaches the plan — a contributor of
   * the supplier whose task it is not, an API key (never an assignee) — gets 403.
   */
  async updateTaskStatus(planId: string, taskId: string, dto: UpdateTaskStatusDto): Promise<CorrectiveActionTask> {
    const p = this.context.requirePrincipal();
    return this.prisma.scoped.$transaction(async (tx) => {
      const plan = await this.lock(tx, planId);
      const before = plan.tasks.find((t) => t.id === taskId);
      if (!before) throw DomainError.notFound('Task');
      const assignee = p.userId !== null && before.ownerUserId === p.userId;
      if (!assignee && !can(p.role, 'corrective-action-plans.write')) {
        throw new DomainError(CommonErrorCode.Forbidden, 'Only the task’s assignee, or someone who edits the plan, can change its status');
      }
      if (before.status === dto.status) return toTask(before);
      const task = await tx.correctiveActionTask.update({ where: { id: taskId }, data: { status: dto.status } });
      const out = toTask(task);
      await this.audit.record(tx, {
        action: 'corrective-action-task.status_changed',
        entityType: 'CorrectiveActionTask',
        entityId: taskId,
        before: { status: before.status },
        after: { status: out.status, byAssignee: assignee },
        consortiumId: plan.consortiumId,
        organisationId: plan.supplierId,
      });
      return out;
    });
  }

  async removeTask(planId: string, taskId: string): Promise<CorrectiveActionTask> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const plan = await this.lock(tx, planId);
      const before = plan.tasks.find((t) => t.id === taskId);
      if (!before) throw DomainError.notFound('Task');
      await tx.correctiveActionTask.delete({ where: { id: taskId } });
      const out = toTask(before);
      await this.audit.record(tx, { action: 'corrective-action-task.deleted', entityType: 'CorrectiveActionTask', entityId: taskId, before: out, consortiumId: plan.consortiumId, organisationId: plan.supplierId });
      return out;
    });
  }
}
