import { Injectable } from '@nestjs/common';
import type { Organisation } from '@tandem/contracts';
import type { Organisation as OrganisationRow } from '@tandem/db';
import { AuditService, CommonErrorCode, DomainError, OrganisationErrorCode, PrismaService, RequestContext, type Principal, type ScopedTx } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { num } from '../common/serialize';
import { ORGANISATION_KINDS } from '@tandem/contracts';
import type { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';

export const ORGANISATION_LIST: ListSpec = {
  sortable: ['name', 'code', 'kind', 'naicsCode', 'county', 'employeeCount', 'createdAt'],
  defaultSort: ['name', 'asc'],
  filters: {
    kind: { type: 'enum', values: ORGANISATION_KINDS },
    naicsCode: { type: 'string' },
    county: { type: 'string' },
    region: { type: 'string' },
    unionised: { type: 'boolean' },
  },
  // name or code: one LIKE on the trigger-kept `search` column and its trigram index
  search: (q) => ({ search: containsText(q.toLowerCase(), 'as-stored') }),
};

export function toOrganisation(o: OrganisationRow): Organisation {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    kind: o.kind,
    naicsCode: o.naicsCode,
    county: o.county,
    region: o.region,
    employeeCount: o.employeeCount,
    frontlineEmployeeCount: o.frontlineEmployeeCount,
    annualPayroll: num(o.annualPayroll),
    unionised: o.unionised,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

/**
 * What a reader sees of an organisation. A union representative reads its union in full and,
 * of the firms its union represents, who they are (name, code, kind, place, unionised) but no
 * figure: head counts and payroll are the firm's (domain.md: never metric values).
 */
export function organisationFor(p: Principal, o: OrganisationRow): Organisation {
  const out = toOrganisation(o);
  if (p.role !== 'union_representative' || o.id === p.organisationId) return out;
  return { ...out, employeeCount: null, frontlineEmployeeCount: null, annualPayroll: null };
}

/** The list spec for a reader: a union representative may not order the firms it represents by a figure it does not see. */
export function organisationListFor(p: Principal): ListSpec {
  if (p.role !== 'union_representative') return ORGANISATION_LIST;
  return { ...ORGANISATION_LIST, sortable: ORGANISATION_LIST.sortable.filter((f) => f !== 'employeeCount') };
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: Organisation[]; total: number }> {
    const p = this.context.requirePrincipal();
    const { rows, total } = await listPage(this.prisma.read.organisation, page);
    return { rows: rows.map((o) => organisationFor(p, o)), total };
  }

  async get(id: string): Promise<Organisation> {
    const row = await this.prisma.scoped.organisation.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Organisation');
    return organisationFor(this.context.requirePrincipal(), row);
  }

  async create(dto: CreateOrganisationDto): Promise<Organisation> {
    const p = this.context.requirePrincipal();
    return this.prisma.scoped.$transaction(async (tx) => {
      const row = await tx.organisation.create({ data: { ...dto, registeredByConsortiumId: p.consortiumId } });
      await this.audit.record(tx, { action: 'organisation.created', entityType: 'Organisation', entityId: row.id, after: toOrganisation(row), organisationId: row.id });
      return toOrganisation(row);
    });
  }

  /**
   * An organisation is one row for every consortium it takes part in: its code (the org_code
   * of every consortium's imports and bulk pushes), name, NAICS code, size and payroll are
   * shared. Its own firm admin and the platform admin change them; consortium staff only
   * while the organisation takes part in no other consortium, i.e. every membership that is
   * not exited is in theirs (an organisation they registered and that joined nowhere else
   * included). Otherwise 403, without naming the other consortium.
   */
  private async assertOwnsIdentity(tx: ScopedTx, p: Principal, org: OrganisationRow): Promise<void> {
    if (p.role !== 'consortium_staff') return;
    // Raw: the scoped client shows staff their own consortium's memberships only, and this asks about the others.
    const [elsewhere] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Membership"
       WHERE "organisationId" = ${org.id}::uuid AND "consortiumId" <> ${p.consortiumId}::uuid AND status <> 'exited'`;
    if ((elsewhere?.n ?? 0) > 0) {
      throw new DomainError(
        OrganisationErrorCode.SharedIdentity,
        `Organisation ${org.code} is also a member of another consortium: its own admin or the platform admin changes its shared details`,
      );
    }
  }

  async update(id: string, dto: UpdateOrganisationDto): Promise<Organisation> {
    const p = this.context.requirePrincipal();
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.organisation.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('Organisation');
      await this.assertOwnsIdentity(tx, p, before);
      // What kind of body a firm is decides the roles it may grant (a buyer only at a customer)
      // and whether periods track it: the consortium classifies, the firm does not reclassify itself.
      if (p.role === 'firm_admin' && dto.kind !== undefined && dto.kind !== before.kind) {
        throw new DomainError(CommonErrorCode.Forbidden, 'The kind of an organisation is set by consortium staff; ask them to change it', [{ path: 'kind', message: 'set by consortium staff' }]);
      }
      const row = await tx.organisation.update({ where: { id }, data: dto });
      await this.audit.record(tx, { action: 'organisation.updated', entityType: 'Organisation', entityId: id, before: toOrganisation(before), after: toOrganisation(row), organisationId: id });
      return toOrganisation(row);
    });
  }

  async remove(id: string): Promise<Organisation> {
    const p = this.context.requirePrincipal();
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.organisation.findFirst({ where: { id }, include: { _count: { select: { memberships: true } } } });
      if (!before) throw DomainError.notFound('Organisation');
      await this.assertOwnsIdentity(tx, p, before);
      if (before._count.memberships > 0) {
        throw new DomainError(CommonErrorCode.Conflict, 'The organisation has memberships; exit them instead of deleting it');
      }
      await tx.organisation.delete({ where: { id } });
      const { _count: _ignored, ...row } = before;
      await this.audit.record(tx, { action: 'organisation.deleted', entityType: 'Organisation', entityId: id, before: toOrganisation(row), organisationId: id });
      return toOrganisation(row);
    });
  }
}
