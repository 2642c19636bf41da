import { Injectable } from '@nestjs/common';
import type { UnionRepresentation } from '@tandem/contracts';
import { AuditService, CommonErrorCode, DomainError, PrismaService, RequestContext } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import type { CreateUnionRepresentationDto } from './dto/union-representation.dto';

export const UNION_REPRESENTATION_LIST: ListSpec = {
  sortable: ['createdAt', 'firmName', 'unionName'],
  defaultSort: ['createdAt', 'asc'],
  sortAs: { firmName: (dir) => ({ firm: { name: dir } }), unionName: (dir) => ({ union: { name: dir } }) },
  filters: { unionOrganisationId: { type: 'uuid' }, firmOrganisationId: { type: 'uuid' } },
};

const NAMES = { union: { select: { name: true } }, firm: { select: { name: true } } } as const;

function toRepresentation(r: { id: string; consortiumId: string; unionOrganisationId: string; firmOrganisationId: string; createdAt: Date; union: { name: string }; firm: { name: string } }): UnionRepresentation {
  return {
    id: r.id,
    consortiumId: r.consortiumId,
    unionOrganisationId: r.unionOrganisationId,
    unionName: r.union.name,
    firmOrganisationId: r.firmOrganisationId,
    firmName: r.firm.name,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * Which union organisation represents which member firm, per consortium. Staff keep them (a
 * firm's unionisation is a fact of its collective agreement, recorded by the consortium, not
 * claimed by either side); a union reads whom it represents, a firm who represents it. A
 * representation decides whom a union representative reads (scope.ts) and who co-approves a
 * unionised firm's training plan.
 */
@Injectable()
export class UnionRepresentationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: UnionRepresentation[]; total: number }> {
    const db = this.prisma.read.unionRepresentation;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: NAMES }), count: (args) => db.count(args) }, page);
    return { rows: rows.map(toRepresentation), total };
  }

  async get(id: string): Promise<UnionRepresentation> {
    const row = await this.prisma.scoped.unionRepresentation.findFirst({ where: { id }, include: NAMES });
    if (!row) throw DomainError.notFound('Union representation');
    return toRepresentation(row);
  }

  async create(dto: CreateUnionRepresentationDto): Promise<UnionRepresentation> {
    const p = this.context.requirePrincipal();
    const consortiumId = p.consortiumId;
    if (!consortiumId) throw DomainError.validation([{ path: 'consortiumId', message: 'staff of a consortium keep its representations' }]);
    const db = this.prisma.scoped;
    const member = (organisationId: string) =>
      db.membership.findFirst({ where: { consortiumId, organisationId, status: { not: 'exited' } }, select: { organisation: { select: { kind: true } } } });
    const [union, firm] = await Promise.all([member(dto.unionOrganisationId), member(dto.firmOrganisationId)]);
    const errors = [];
    if (!union) errors.push({ path: 'unionOrganisationId', message: 'no such member organisation in this consortium' });
    else if (union.organisation.kind !== 'union') errors.push({ path: 'unionOrganisationId', message: 'must be a union organisation' });
    if (!firm) errors.push({ path: 'firmOrganisationId', message: 'no such member organisation in this consortium' });
    else if (firm.organisation.kind !== 'supplier' && firm.organisation.kind !== 'customer') errors.push({ path: 'firmOrganisationId', message: 'must be a member firm (supplier or customer)' });
    if (errors.length) throw DomainError.validation(errors);
    const existing = await db.unionRepresentation.findFirst({ where: { consortiumId, unionOrganisationId: dto.unionOrganisationId, firmOrganisationId: dto.firmOrganisationId }, select: { id: true } });
    if (existing) throw new DomainError(CommonErrorCode.Conflict, `This union represents this firm already (${existing.id})`, [{ path: 'firmOrganisationId', message: 'is represented by this union already' }]);
    const id = await db.$transaction(async (tx) => {
      const row = await tx.unionRepresentation.create({ data: { consortiumId, unionOrganisationId: dto.unionOrganisationId, firmOrganisationId: dto.firmOrganisationId }, include: NAMES });
      await this.audit.record(tx, { action: 'union_representation.created', entityType: 'UnionRepresentation', entityId: row.id, after: toRepresentation(row), consortiumId, organisationId: row.firmOrganisationId });
      return row.id;
    });
    return this.get(id);
  }

  /** The union no longer represents the firm: its representatives stop reading the firm's plans at once. */
  async remove(id: string): Promise<UnionRepresentation> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.unionRepresentation.findFirst({ where: { id }, include: NAMES });
      if (!before) throw DomainError.notFound('Union representation');
      await tx.unionRepresentation.delete({ where: { id } });
      const out = toRepresentation(before);
      await this.audit.record(tx, { action: 'union_representation.deleted', entityType: 'UnionRepresentation', entityId: id, before: out, consortiumId: before.consortiumId, organisationId: before.firmOrganisationId });
      return out;
    });
  }
}
