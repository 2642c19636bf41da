import { Injectable } from '@nestjs/common';
import { MEMBERSHIP_STATUSES, MEMBERSHIP_TIERS, type Membership, type MembershipTransition } from '@tandem/contracts';
import type { Membership as MembershipRow, MembershipTransition as TransitionRow } from '@tandem/db';
import { allowedTransitions, canTransition, transitionDates } from '@tandem/domain';
import { AuditService, DomainError, lockVisible, MembershipErrorCode, PrismaService, RequestContext, type ScopedTx } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { isoDate } from '../common/serialize';
import type { CreateMembershipDto, TransitionMembershipDto, UpdateMembershipDto } from './dto/membership.dto';

export const MEMBERSHIP_LIST: ListSpec = {
  sortable: ['createdAt', 'status', 'tier', 'joinedAt', 'annualDues', 'updatedAt'],
  defaultSort: ['createdAt', 'desc'],
  filters: {
    status: { type: 'enum', values: MEMBERSHIP_STATUSES },
    tier: { type: 'enum', values: MEMBERSHIP_TIERS },
    consortiumId: { type: 'uuid' },
    organisationId: { type: 'uuid' },
  },
  search: (q) => ({ organisation: { search: containsText(q.toLowerCase(), 'as-stored') } }),
};

function toTransition(t: TransitionRow): MembershipTransition {
  return {
    id: t.id,
    fromStatus: t.fromStatus,
    toStatus: t.toStatus,
    reason: t.reason,
    effectiveDate: isoDate(t.effectiveDate) ?? '',
    actorUserId: t.actorUserId,
    createdAt: t.createdAt.toISOString(),
  };
}

export function toMembership(m: MembershipRow & { transitions?: TransitionRow[] }): Membership {
  return {
    id: m.id,
    consortiumId: m.consortiumId,
    organisationId: m.organisationId,
    tier: m.tier,
    status: m.status,
    joinedAt: isoDate(m.joinedAt),
    exitedAt: isoDate(m.exitedAt),
    annualDues: m.annualDues.toNumber(),
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    ...(m.transitions ? { transitions: m.transitions.map(toTransition) } : {}),
  };
}

@Injectable()
export class MembershipsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: Membership[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.read.membership, page);
    return { rows: rows.map((r) => toMembership(r)), total };
  }

  async get(id: string): Promise<Membership> {
    const row = await this.prisma.scoped.membership.findFirst({ where: { id }, include: { transitions: { orderBy: { createdAt: 'asc' } } } });
    if (!row) throw DomainError.notFound('Membership');
    return toMembership(row);
  }

  async create(dto: CreateMembershipDto): Promise<Membership> {
    const p = this.context.requirePrincipal();
    const consortiumId = dto.consortiumId ?? p.consortiumId;
    if (!consortiumId) throw DomainError.validation([{ path: 'consortiumId', message: 'is required' }]);
    const db = this.prisma.scoped;
    const [consortium, organisation] = await Promise.all([
      db.consortium.findFirst({ where: { id: consortiumId }, select: { id: true } }),
      db.organisation.findFirst({ where: { id: dto.organisationId }, select: { id: true } }),
    ]);
    const errors = [
      ...(consortium ? [] : [{ path: 'consortiumId', message: 'no such consortium' }]),
      ...(organisation ? [] : [{ path: 'organisationId', message: 'no such organisation' }]),
    ];
    if (errors.length) throw DomainError.validation(errors);
    const existing = await db.membership.findFirst({ where: { consortiumId, organisationId: dto.organisationId }, select: { id: true } });
    if (existing) throw new DomainError(MembershipErrorCode.AlreadyMember, 'The organisation already has a membership in this consortium', [{ path: 'organisationId', message: 'already a member' }]);
    return db.$transaction(async (tx) => {
      const row = await tx.membership.create({
        data: {
          consortiumId,
          organisationId: dto.organisationId,
          tier: dto.tier,
          annualDues: dto.annualDues ?? 0,
        },
      });
      await this.audit.record(tx, { action: 'membership.created', entityType: 'Membership', entityId: row.id, after: toMembership(row), consortiumId, organisationId: row.organisationId });
      return toMembership(row);
    });
  }

  async update(id: string, dto: UpdateMembershipDto): Promise<Membership> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.membership.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('Membership');
      const row = await tx.membership.update({
        where: { id },
        data: {
          tier: dto.tier,
          annualDues: dto.annualDues,
        },
      });
      await this.audit.record(tx, { action: 'membership.updated', entityType: 'Membership', entityId: id, before: toMembership(before), after: toMembership(row), consortiumId: row.consortiumId, organisationId: row.organisationId });
      return toMembership(row);
    });
  }

  /** The only way a status changes: checked against the lifecycle, recorded with its reason. */
  async transition(id: string, dto: TransitionMembershipDto): Promise<Membership> {
    return this.prisma.scoped.$transaction((tx) => this.transitionIn(tx, id, dto));
  }

  /** The transition inside a caller's transaction (a commitment review that suspends a member). */
  async transitionIn(tx: ScopedTx, id: string, dto: TransitionMembershipDto): Promise<Membership> {
    const p = this.context.requirePrincipal();
    {
      // Lock the row so two concurrent transitions cannot both start from the same status.
      await lockVisible(tx, 'Membership', id);
      const current = await tx.membership.findFirstOrThrow({ where: { id } });
      if (!canTransition(current.status, dto.toStatus)) {
        const allowed = allowedTransitions(current.status);
        throw new DomainError(
          MembershipErrorCode.InvalidTransition,
          `A membership cannot go from ${current.status} to ${dto.toStatus}${allowed.length ? `; allowed: ${allowed.join(', ')}` : '; exit is final'}`,
          [{ path: 'toStatus', message: `not allowed from ${current.status}` }],
        );
      }
      const effectiveDate = dto.effectiveDate ? new Date(`${dto.effectiveDate}T00:00:00Z`) : new Date(new Date().toISOString().slice(0, 10));
      const last = await tx.membershipTransition.findFirst({ where: { membershipId: id }, orderBy: { effectiveDate: 'desc' }, select: { effectiveDate: true } });
      if (last && effectiveDate < last.effectiveDate) {
        throw DomainError.validation([{ path: 'effectiveDate', message: `must not be before the last transition (${isoDate(last.effectiveDate)})` }]);
      }
      const dates = transitionDates(current.status, dto.toStatus, effectiveDate, current);
      await tx.membershipTransition.create({
        data: { membershipId: id, fromStatus: current.status, toStatus: dto.toStatus, reason: dto.reason, effectiveDate, actorUserId: p.userId },
      });
      const row = await tx.membership.update({
        where: { id },
        data: { status: dto.toStatus, ...dates },
        include: { transitions: { orderBy: { createdAt: 'asc' } } },
      });
      await this.audit.record(tx, {
        action: `membership.${dto.toStatus}`,
        entityType: 'Membership',
        entityId: id,
        before: { status: current.status, joinedAt: isoDate(current.joinedAt), exitedAt: isoDate(current.exitedAt) },
        after: { status: row.status, joinedAt: isoDate(row.joinedAt), exitedAt: isoDate(row.exitedAt), reason: dto.reason },
        consortiumId: row.consortiumId,
        organisationId: row.organisationId,
      });
      return toMembership(row);
    }
  }
}
