import { Injectable } from '@nestjs/common';
import { SOURCING_MODES, type SourcingModeChange, type SupplyRelationship } from '@tandem/contracts';
import type { SourcingModeChange as ModeChangeRow, SupplyRelationship as RelationshipRow } from '@tandem/db';
import { AuditService, CommonErrorCode, DomainError, lockVisible, PrismaService, RequestContext, ScorecardErrorCode } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { isoDate } from '../common/serialize';
import type { CreateSupplyRelationshipDto, UpdateSupplyRelationshipDto } from './dto/supply-relationship.dto';

export const SUPPLY_RELATIONSHIP_LIST: ListSpec = {
  sortable: ['since', 'commodity', 'spendBand', 'sourcingMode', 'sponsored', 'createdAt', 'updatedAt'],
  defaultSort: ['createdAt', 'desc'],
  filters: {
    customerId: { type: 'uuid' },
    supplierId: { type: 'uuid' },
    sourcingMode: { type: 'enum', values: SOURCING_MODES },
    sponsored: { type: 'boolean' },
  },
  search: (q) => ({
    OR: [
      { commodity: containsText(q) },
      { customer: { name: containsText(q) } },
      { supplier: { name: containsText(q) } },
    ],
  }),
};

const PARTIES = { customer: { select: { name: true } }, supplier: { select: { name: true } } } as const;
type Parties = { customer: { name: string }; supplier: { name: string } };

function toModeChange(c: ModeChangeRow): SourcingModeChange {
  return {
    id: c.id,
    relationshipId: c.relationshipId,
    fromMode: c.fromMode,
    toMode: c.toMode,
    effectiveOn: isoDate(c.effectiveOn) ?? '',
    reason: c.reason,
    actorUserId: c.actorUserId,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toSupplyRelationship(r: RelationshipRow & Parties & { modeChanges?: ModeChangeRow[] }): SupplyRelationship {
  return {
    id: r.id,
    consortiumId: r.consortiumId,
    customerId: r.customerId,
    customerName: r.customer.name,
    supplierId: r.supplierId,
    supplierName: r.supplier.name,
    since: isoDate(r.since) ?? '',
    commodity: r.commodity,
    spendBand: r.spendBand,
    sourcingMode: r.sourcingMode,
    sponsored: r.sponsored,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    ...(r.modeChanges ? { modeChanges: r.modeChanges.map(toModeChange) } : {}),
  };
}

function date(value: string): Date {
  return new Date(`${value.slice(0, 10)}T00:00:00Z`);
}

function today(): Date {
  return date(new Date().toISOString());
}

@Injectable()
export class SupplyRelationshipsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: SupplyRelationship[]; total: number }> {
    const db = this.prisma.read.supplyRelationship;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: PARTIES }), count: (args) => db.count(args) }, page);
    return { rows: rows.map((r) => toSupplyRelationship(r)), total };
  }

  async get(id: string): Promise<SupplyRelationship> {
    const row = await this.prisma.scoped.supplyRelationship.findFirst({
      where: { id },
      include: { ...PARTIES, modeChanges: { orderBy: [{ effectiveOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] } },
    });
    if (!row) throw DomainError.notFound('Supply relationship');
    return toSupplyRelationship(row);
  }

  async create(dto: CreateSupplyRelationshipDto): Promise<SupplyRelationship> {
    const p = this.context.requirePrincipal();
    const consortiumId = p.consortiumId ?? dto.consortiumId;
    if (!consortiumId) throw DomainError.validation([{ path: 'consortiumId', message: 'is required' }]);
    if (dto.customerId.toLowerCase() === dto.supplierId.toLowerCase()) throw DomainError.validation([{ path: 'supplierId', message: 'must differ from customerId' }]);
    const db = this.prisma.scoped;
    const members = await db.membership.findMany({
      where: { consortiumId, organisationId: { in: [dto.customerId, dto.supplierId] }, status: 'active' },
      select: { organisationId: true },
    });
    const active = new Set(members.map((m) => m.organisationId));
    const errors = (['customerId', 'supplierId'] as const).filter((k) => !active.has(dto[k].toLowerCase())).map((path) => ({ path, message: 'is not an active member of the consortium' }));
    if (errors.length) throw new DomainError(ScorecardErrorCode.PartiesNotMembers, 'Both parties of a supply relationship must be active members of the consortium', errors);
    const existing = await db.supplyRelationship.findFirst({ where: { consortiumId, customerId: dto.customerId, supplierId: dto.supplierId }, select: { id: true } });
    if (existing) throw new DomainError(CommonErrorCode.Conflict, 'This customer and supplier already have a relationship in the consortium', [{ path: 'supplierId', message: 'relationship exists' }]);
    return db.$transaction(async (tx) => {
      const since = date(dto.since);
      const row = await tx.supplyRelationship.create({
        data: {
          consortiumId,
          customerId: dto.customerId.toLowerCase(),
          supplierId: dto.supplierId.toLowerCase(),
          since,
          commodity: dto.commodity,
          spendBand: dto.spendBand,
          sourcingMode: dto.sourcingMode,
          sponsored: dto.sponsored ?? false,
        },
        include: PARTIES,
      });
      // The history starts with the mode the relationship began with.
      await tx.sourcingModeChange.create({ data: { relationshipId: row.id, fromMode: null, toMode: row.sourcingMode, effectiveOn: since, reason: 'relationship recorded', actorUserId: p.userId } });
      const out = toSupplyRelationship(row);
      await this.audit.record(tx, { action: 'supply-relationship.created', entityType: 'SupplyRelationship', entityId: row.id, after: out, consortiumId, organisationId: row.supplierId });
      return out;
    });
  }

  async update(id: string, dto: UpdateSupplyRelationshipDto): Promise<SupplyRelationship> {
    const p = this.context.requirePrincipal();
    return this.prisma.scoped.$transaction(async (tx) => {
      await lockVisible(tx, 'SupplyRelationship', id);
      const before = await tx.supplyRelationship.findFirstOrThrow({ where: { id }, include: PARTIES });
      if (p.role === 'customer_buyer' && before.customerId !== p.organisationId) {
        throw new DomainError(ScorecardErrorCode.NotYourCustomer, "Only the customer's buyers and consortium staff change a supply relationship");
      }
      const modeChanges = dto.sourcingMode !== undefined && dto.sourcingMode !== before.sourcingMode;
      if (!modeChanges && (dto.modeEffectiveOn !== undefined || dto.modeChangeReason !== undefined)) {
        throw DomainError.validation([{ path: dto.modeEffectiveOn !== undefined ? 'modeEffectiveOn' : 'modeChangeReason', message: 'only with a change of sourcingMode' }]);
      }
      const row = await tx.supplyRelationship.update({
        where: { id },
        data: { since: dto.since ? date(dto.since) : undefined, commodity: dto.commodity, spendBand: dto.spendBand, sourcingMode: dto.sourcingMode, sponsored: dto.sponsored },
        include: PARTIES,
      });
      let change: ModeChangeRow | undefined;
      if (modeChanges && dto.sourcingMode) {
        change = await tx.sourcingModeChange.create({
          data: {
            relationshipId: id,
            fromMode: before.sourcingMode,
            toMode: dto.sourcingMode,
            effectiveOn: dto.modeEffectiveOn ? date(dto.modeEffectiveOn) : today(),
            reason: dto.modeChangeReason ?? null,
            actorUserId: p.userId,
          },
        });
      }
      const out = toSupplyRelationship(row);
      await this.audit.record(tx, {
        action: change ? 'supply-relationship.mode-changed' : 'supply-relationship.updated',
        entityType: 'SupplyRelationship',
        entityId: id,
        before: toSupplyRelationship(before),
        after: change ? { ...out, modeChange: toModeChange(change) } : out,
        consortiumId: row.consortiumId,
        organisationId: row.supplierId,
      });
      return out;
    });
  }
}
