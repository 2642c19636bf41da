import { Injectable } from '@nestjs/common';
import type { Grant } from '@tandem/contracts';
import type { Grant as GrantRow } from '@tandem/db';
import { AuditService, DomainError, PrismaService, RequestContext } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { isoDate, num } from '../common/serialize';
import { consortiumOf, day, spanErrors } from '../common/training';
import type { CreateGrantDto, UpdateGrantDto } from './dto/grant.dto';

export const GRANT_LIST: ListSpec = {
  sortable: ['name', 'amount', 'startsOn', 'endsOn', 'createdAt'],
  defaultSort: ['startsOn', 'desc'],
  filters: { funderOrganisationId: { type: 'uuid' } },
  search: (q) => ({ name: containsText(q) }),
};

const FUNDER = { funder: { select: { name: true } } } as const;

function toGrant(r: GrantRow & { funder: { name: string } }): Grant {
  return {
    id: r.id,
    consortiumId: r.consortiumId,
    funderOrganisationId: r.funderOrganisationId,
    funderName: r.funder.name,
    name: r.name,
    amount: num(r.amount) ?? 0,
    startsOn: isoDate(r.startsOn) ?? '',
    endsOn: isoDate(r.endsOn) ?? '',
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

@Injectable()
export class GrantsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: Grant[]; total: number }> {
    const db = this.prisma.read.grant;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: FUNDER }), count: (args) => db.count(args) }, page);
    return { rows: rows.map(toGrant), total };
  }

  async get(id: string): Promise<Grant> {
    const row = await this.prisma.scoped.grant.findFirst({ where: { id }, include: FUNDER });
    if (!row) throw DomainError.notFound('Grant');
    return toGrant(row);
  }

  async create(dto: CreateGrantDto): Promise<Grant> {
    const p = this.context.requirePrincipal();
    const consortiumId = consortiumOf(p, dto.consortiumId);
    const errors = spanErrors(dto.startsOn, dto.endsOn);
    // a funding body the consortium knows (staff see the organisations of their consortium)
    const funder = await this.prisma.scoped.organisation.findFirst({ where: { id: dto.funderOrganisationId, kind: { in: ['funder', 'agency'] } }, select: { id: true } });
    if (!funder) errors.push({ path: 'funderOrganisationId', message: 'is not a funder or agency of the consortium' });
    if (errors.length) throw DomainError.validation(errors);
    return this.prisma.scoped.$transaction(async (tx) => {
      const row = await tx.grant.create({
        data: { consortiumId, funderOrganisationId: dto.funderOrganisationId.toLowerCase(), name: dto.name, amount: dto.amount, startsOn: day(dto.startsOn), endsOn: day(dto.endsOn) },
        include: FUNDER,
      });
      const out = toGrant(row);
      await this.audit.record(tx, { action: 'grant.created', entityType: 'Grant', entityId: row.id, after: out, consortiumId });
      return out;
    });
  }

  async update(id: string, dto: UpdateGrantDto): Promise<Grant> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.grant.findFirst({ where: { id }, include: FUNDER });
      if (!before) throw DomainError.notFound('Grant');
      const errors = spanErrors(dto.startsOn ?? before.startsOn, dto.endsOn ?? before.endsOn);
      if (errors.length) throw DomainError.validation(errors);
      const row = await tx.grant.update({
        where: { id },
        data: { name: dto.name, amount: dto.amount, startsOn: dto.startsOn ? day(dto.startsOn) : undefined, endsOn: dto.endsOn ? day(dto.endsOn) : undefined },
        include: FUNDER,
      });
      const out = toGrant(row);
      await this.audit.record(tx, { action: 'grant.updated', entityType: 'Grant', entityId: id, before: toGrant(before), after: out, consortiumId: row.consortiumId });
      return out;
    });
  }
}
