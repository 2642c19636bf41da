import { Injectable } from '@nestjs/common';
import { REPORTING_CALENDARS, type Consortium } from '@tandem/contracts';
import type { Consortium as ConsortiumRow } from '@tandem/db';
import { AuditService, DomainError, PrismaService } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import type { CreateConsortiumDto, UpdateConsortiumDto } from './dto/consortium.dto';
import { seedCatalogue } from '../metric-definitions/seed-catalogue';

export const CONSORTIUM_LIST: ListSpec = {
  sortable: ['name', 'slug', 'region', 'createdAt'],
  defaultSort: ['name', 'asc'],
  filters: { reportingCalendar: { type: 'enum', values: REPORTING_CALENDARS }, slug: { type: 'string' } },
  search: (q) => ({ OR: [{ name: containsText(q) }, { slug: containsText(q.toLowerCase(), 'as-stored') }, { region: containsText(q) }] }),
};

export function toConsortium(c: ConsortiumRow): Consortium {
  return {
    id: c.id,
    name: c.name,
    slug: c.slug,
    region: c.region,
    fiscalYearStartMonth: c.fiscalYearStartMonth,
    disclosureThreshold: c.disclosureThreshold,
    reportingCalendar: c.reportingCalendar,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

@Injectable()
export class ConsortiaService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async list(page: ListPage): Promise<{ rows: Consortium[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.read.consortium, page);
    return { rows: rows.map(toConsortium), total };
  }

  async get(id: string): Promise<Consortium> {
    const row = await this.prisma.scoped.consortium.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Consortium');
    return toConsortium(row);
  }

  async create(dto: CreateConsortiumDto): Promise<Consortium> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const row = await tx.consortium.create({ data: dto });
      // Every new consortium starts with the standard metric catalogue (metrics.md).
      await seedCatalogue(tx, row.id);
      await this.audit.record(tx, { action: 'consortium.created', entityType: 'Consortium', entityId: row.id, after: toConsortium(row), consortiumId: row.id });
      return toConsortium(row);
    });
  }

  async update(id: string, dto: UpdateConsortiumDto): Promise<Consortium> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.consortium.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('Consortium');
      const row = await tx.consortium.update({ where: { id }, data: dto });
      await this.audit.record(tx, { action: 'consortium.updated', entityType: 'Consortium', entityId: id, before: toConsortium(before), after: toConsortium(row), consortiumId: id });
      return toConsortium(row);
    });
  }
}
