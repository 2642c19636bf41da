import { Inject, Injectable } from '@nestjs/common';
import { ROLE_LABELS, TRAINING_PLAN_STATUSES, type Role, type TrainingPlan, type TrainingPlanAction, type TrainingPlanEvent, type TrainingPlanSide } from '@tandem/contracts';
import { allowedPlanActions, awaitingSides, decidePlanAction, type PlanRefusal, type PlanState } from '@tandem/domain';
import type { Prisma, TrainingPlan as TrainingPlanRow } from '@tandem/db';
import {
  APP_CONFIG,
  AuditService,
  CommonErrorCode,
  DomainError,
  OutboxService,
  PrismaService,
  RequestContext,
  TrainingPlanErrorCode,
  applyApprovedPlanTargets,
  lockVisible,
  type AppConfig,
  type EmailMessage,
  type ErrorCode,
  type Principal,
  type ScopedTx,
} from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { iso, num } from '../common/serialize';
import type { CreateTrainingPlanDto, UpdateTrainingPlanDto } from './dto/training-plan.dto';
import { awaitingNotice, returnedNotice } from './plan-notice';

export const TRAINING_PLAN_LIST: ListSpec = {
  sortable: ['year', 'status', 'createdAt', 'updatedAt', 'organisationName'],
  defaultSort: ['updatedAt', 'desc'],
  sortAs: { organisationName: (dir) => ({ organisation: { name: dir } }) },
  filters: {
    status: { type: 'enum', values: TRAINING_PLAN_STATUSES },
    organisationId: { type: 'uuid' },
    year: { type: 'int' },
    /** plans waiting for this side's approval */
    awaiting: {
      type: 'enum',
      values: ['firm', 'union'],
      where: (condition) => {
        const sides = typeof condition === 'string' ? [condition] : ((condition as { in: string[] }).in ?? []);
        return { OR: sides.map((s) => (s === 'firm' ? { status: 'submitted', firmApprovedAt: null } : { status: 'submitted', coGoverned: true, unionApprovedAt: null })) };
      },
    },
  },
  search: (q) => ({ organisation: { name: containsText(q) } }),
};

const WITH_FIRM = { organisation: { select: { name: true, unionised: true } } } as const;
type PlanRow = TrainingPlanRow & { organisation: { name: string; unionised: boolean } };

function stateOf(row: TrainingPlanRow): PlanState {
  return { status: row.status, coGoverned: row.coGoverned, firmApproved: row.firmApprovedAt !== null, unionApproved: row.unionApprovedAt !== null };
}

export function toTrainingPlan(row: PlanRow, p: Principal): TrainingPlan {
  const state = stateOf(row);
  return {
    id: row.id,
    consortiumId: row.consortiumId,
    organisationId: row.organisationId,
    organisationName: row.organisation.name,
    year: row.year,
    status: row.status,
    skillAreas: row.skillAreas,
    frontlineWorkers: row.frontlineWorkers,
    hours: num(row.hours) ?? 0,
    budget: num(row.budget) ?? 0,
    providers: row.providers,
    coGoverned: row.coGoverned,
    firmApprovedAt: iso(row.firmApprovedAt),
    unionApprovedAt: iso(row.unionApprovedAt),
    approvedAt: iso(row.approvedAt),
    awaiting: awaitingSides(state),
    actions: allowedPlanActions(p.role, state),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const REFUSAL_CODE: Record<PlanRefusal, ErrorCode> = {
  role: CommonErrorCode.Forbidden,
  state: TrainingPlanErrorCode.InvalidTransition,
  already_approved: TrainingPlanErrorCode.AlreadyApproved,
  not_co_governed: TrainingPlanErrorCode.NotCoGoverned,
};

const EVENT_OF: Record<Exclude<TrainingPlanAction, 'edit'>, string> = { submit: 'submitted', approve: 'approved', return: 'returned' };

/**
 * Training plans with co-governance (domain.md, Training). A firm's people draft their plan;
 * its admin submits it; in a co-governed plan (the firm unionised at submission) the firm admin
 * and the union representative both approve, in any order, and either may return it with a
 * comment. The state machine is libs/domain/src/training-plans; which plans a principal reaches
 * is scope.ts (staff all of the consortium, read only; a firm its own; a union the firms it
 * represents). Every change is a TrainingPlanEvent and an audit event; an approval that
 * completes the plan sets the firm's training commitment targets (applyApprovedPlanTargets).
 */
@Injectable()
export class TrainingPlansService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(page: ListPage): Promise<{ rows: TrainingPlan[]; total: number }> {
    const p = this.context.requirePrincipal();
    const db = this.prisma.read.trainingPlan;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: WITH_FIRM }), count: (args) => db.count(args) }, page);
    return { rows: rows.map((r) => toTrainingPlan(r, p)), total };
  }

  async get(id: string): Promise<TrainingPlan> {
    const row = await this.prisma.scoped.trainingPlan.findFirst({ where: { id }, include: WITH_FIRM });
    if (!row) throw DomainError.notFound('Training plan');
    return toTrainingPlan(row, this.context.requirePrincipal());
  }

  /** The plan's history, oldest first. Actors are named: both sides of a plan see who acted on it. */
  async events(id: string): Promise<TrainingPlanEvent[]> {
    const db = this.prisma.scoped;
    const plan = await db.trainingPlan.findFirst({ where: { id }, select: { id: true } });
    if (!plan) throw DomainError.notFound('Training plan');
    const rows = await db.trainingPlanEvent.findMany({ where: { planId: id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    const actorIds = [...new Set(rows.map((r) => r.actorUserId).filter((u): u is string => u !== null))];
    // names only, of the people who acted on a plan the reader may read (the User scope would hide the other side's)
    const users = actorIds.length ? await this.prisma.crossScope('plan-participants').user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
    const nameOf = new Map(users.map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      id: r.id,
      planId: r.planId,
      action: r.action,
      fromStatus: r.fromStatus,
      toStatus: r.toStatus,
      actorUserId: r.actorUserId,
      actorName: r.actorUserId ? (nameOf.get(r.actorUserId) ?? null) : null,
      actorRole: r.actorRole,
      comment: r.comment,
      at: r.at.toISOString(),
    }));
  }

  async create(dto: CreateTrainingPlanDto): Promise<TrainingPlan> {
    const p = this.context.requirePrincipal();
    if ((p.role !== 'firm_admin' && p.role !== 'firm_contributor') || !p.organisationId || !p.consortiumId) {
      throw new DomainError(CommonErrorCode.Forbidden, "A firm's own people draft its training plan");
    }
    const consortiumId = p.consortiumId;
    const organisationId = p.organisationId;
    const db = this.prisma.scoped;
    const existing = await db.trainingPlan.findFirst({ where: { consortiumId, organisationId, year: dto.year }, select: { id: true } });
    if (existing) throw this.yearTaken(existing.id);
    const id = await db
      .$transaction(async (tx) => {
        const row = await tx.trainingPlan.create({
          data: { consortiumId, organisationId, year: dto.year, skillAreas: dto.skillAreas, frontlineWorkers: dto.frontlineWorkers, hours: dto.hours, budget: dto.budget, providers: dto.providers ?? [] },
          include: WITH_FIRM,
        });
        await this.event(tx, p, row.id, 'created', null, 'draft');
        await this.audit.record(tx, { action: 'training_plan.created', entityType: 'TrainingPlan', entityId: row.id, after: toTrainingPlan(row, p), consortiumId, organisationId });
        return row.id;
      })
      .catch((error: unknown) => {
        // two drafts of the same year at once: the unique index decides
        if ((error as { code?: string }).code === 'P2002') throw this.yearTaken(null);
        throw error;
      });
    return this.get(id);
  }

  private yearTaken(id: string | null): DomainError {
    return new DomainError(CommonErrorCode.Conflict, `Your firm has a training plan for this year already${id ? ` (${id})` : ''}; edit that one`, [{ path: 'year', message: 'has a plan already' }]);
  }

  async update(id: string, dto: UpdateTrainingPlanDto): Promise<TrainingPlan> {
    const p = this.context.requirePrincipal();
    await this.prisma.scoped.$transaction(async (tx) => {
      await lockVisible(tx, 'TrainingPlan', id);
      const before = await tx.trainingPlan.findFirstOrThrow({ where: { id }, include: WITH_FIRM });
      this.decide(p, 'edit', before);
      const row = await tx.trainingPlan.update({ where: { id }, data: dto, include: WITH_FIRM });
      await this.event(tx, p, id, 'edited', before.status, row.status);
      await this.audit.record(tx, { action: 'training_plan.updated', entityType: 'TrainingPlan', entityId: id, before: toTrainingPlan(before, p), after: toTrainingPlan(row, p), consortiumId: row.consortiumId, organisationId: row.organisationId });
    });
    return this.get(id);
  }

  /** submit, approve or return (with a comment): one step of co-governance. */
  async act(id: string, action: Exclude<TrainingPlanAction, 'edit'>, comment?: string): Promise<TrainingPlan> {
    const p = this.context.requirePrincipal();
    const messageIds = await this.prisma.scoped.$transaction(async (tx) => {
      await lockVisible(tx, 'TrainingPlan', id);
      const before = await tx.trainingPlan.findFirstOrThrow({ where: { id }, include: WITH_FIRM });
      const next = this.decide(p, action, before);
      const now = new Date();
      const side = p.role === 'union_representative' ? 'union' : 'firm';
      const approving = action === 'approve';
      const row = await tx.trainingPlan.update({
        where: { id },
        data: {
          status: next.status,
          coGoverned: next.coGoverned,
          firmApprovedAt: next.firmApproved ? (approving && side === 'firm' ? now : before.firmApprovedAt) : null,
          firmApprovedByUserId: next.firmApproved ? (approving && side === 'firm' ? p.userId : before.firmApprovedByUserId) : null,
          unionApprovedAt: next.unionApproved ? (approving && side === 'union' ? now : before.unionApprovedAt) : null,
          unionApprovedByUserId: next.unionApproved ? (approving && side === 'union' ? p.userId : before.unionApprovedByUserId) : null,
          approvedAt: next.status === 'approved' ? now : null,
        },
        include: WITH_FIRM,
      });
      await this.event(tx, p, id, EVENT_OF[action], before.status, row.status, comment);
      await this.audit.record(tx, {
        action: `training_plan.${EVENT_OF[action]}`,
        entityType: 'TrainingPlan',
        entityId: id,
        before: toTrainingPlan(before, p),
        after: { ...toTrainingPlan(row, p), ...(comment ? { comment } : {}) },
        consortiumId: row.consortiumId,
        organisationId: row.organisationId,
      });
      if (row.status === 'approved') {
        const changes = await applyApprovedPlanTargets(tx, { consortiumId: row.consortiumId, organisationId: row.organisationId, year: row.year });
        for (const c of changes) {
          await this.audit.record(tx, { action: 'commitment.target_set_by_plan', entityType: 'Commitment', entityId: c.commitmentId, before: { target: c.before }, after: { target: c.target, trainingPlanId: id }, consortiumId: row.consortiumId, organisationId: row.organisationId });
        }
      }
      return this.notify(tx, p, before, row, action, comment);
    });
    await this.outbox.dispatch(messageIds);
    return this.get(id);
  }

  private decide(p: Principal, action: TrainingPlanAction, row: PlanRow): PlanState {
    const d = decidePlanAction(p.role, action, stateOf(row), row.organisation.unionised);
    if (!d.ok) throw new DomainError(REFUSAL_CODE[d.refusal], d.message, d.refusal === 'role' ? undefined : [{ path: 'status', message: `is ${row.status}` }]);
    return d.next;
  }

  private async event(tx: ScopedTx, p: Principal, planId: string, action: string, fromStatus: TrainingPlanRow['status'] | null, toStatus: TrainingPlanRow['status'], comment?: string): Promise<void> {
    await tx.trainingPlanEvent.create({ data: { planId, action, fromStatus, toStatus, actorUserId: p.userId, actorRole: p.role, comment: comment ?? null } });
  }

  /**
   * Tell the side a plan now waits for (newly: a side that was waiting already was told), and
   * on a return the other side. Written in the transaction (outbox); nobody is told of their own act.
   */
  private async notify(tx: ScopedTx, p: Principal, before: PlanRow, after: PlanRow, action: TrainingPlanAction, comment?: string): Promise<string[]> {
    const waitingBefore = action === 'submit' ? [] : awaitingSides(stateOf(before));
    const newlyAwaiting = awaitingSides(stateOf(after)).filter((s) => !waitingBefore.includes(s));
    const actorSide: TrainingPlanSide = p.role === 'union_representative' ? 'union' : 'firm';
    const input = { planId: after.id, firmName: after.organisation.name, year: after.year, by: `the ${ROLE_LABELS[p.role].toLowerCase()}` };
    const messages: EmailMessage[] = [];
    for (const side of newlyAwaiting) {
      const to = await this.recipients(after, side, p.userId);
      if (to.length) messages.push({ consortiumId: after.consortiumId, to: to.join(', '), ...awaitingNotice(input, this.config.CONSOLE_URL) });
    }
    if (action === 'return' && comment) {
      const other: TrainingPlanSide = actorSide === 'firm' ? 'union' : 'firm';
      if (other === 'firm' || after.coGoverned) {
        const to = await this.recipients(after, other, p.userId);
        if (to.length) messages.push({ consortiumId: after.consortiumId, to: to.join(', '), ...returnedNotice({ ...input, comment }, this.config.CONSOLE_URL) });
      }
    }
    return this.outbox.writeMany(tx, messages);
  }

  /**
   * Addresses of one side of a plan: the firm's admins, or the representatives of the unions
   * that represent the firm in the plan's consortium (active people with active roles). Read
   * unscoped: the actor does not read the other side's people, and learns nothing of them here.
   */
  private async recipients(plan: PlanRow, side: TrainingPlanSide, exceptUserId: string | null): Promise<string[]> {
    const role: Role = side === 'firm' ? 'firm_admin' : 'union_representative';
    const where: Prisma.RoleAssignmentWhereInput = {
      consortiumId: plan.consortiumId,
      role,
      status: 'active',
      user: { status: 'active', ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
      ...(side === 'firm' ? { organisationId: plan.organisationId } : { organisation: { representedFirms: { some: { consortiumId: plan.consortiumId, firmOrganisationId: plan.organisationId } } } }),
    };
    const people = await this.prisma.crossScope('plan-participants').roleAssignment.findMany({ where, select: { user: { select: { email: true } } } });
    return [...new Set(people.map((r) => r.user.email))].sort();
  }
}
