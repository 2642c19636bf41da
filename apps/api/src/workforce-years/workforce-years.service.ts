import { Injectable } from '@nestjs/common';
import type { WorkforceYear } from '@tandem/contracts';
import type { WorkforceYear as WorkforceRow } from '@tandem/db';
import { AuditService, DomainError, PrismaService, RequestContext, TrainingErrorCode } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import { num } from '../common/serialize';
import { consortiumOf, isStaffLike, organisationOf, requireActiveMember } from '../common/training';
import type { CreateWorkforceYearDto, UpdateWorkforceYearDto } from './dto/workforce-year.dto';

export const WORKFORCE_YEAR_LIST: ListSpec = {
  sortable: ['year', 'frontlineHeadcount', 'payroll', 'createdAt'],
  defaultSort: ['year', 'desc'],
  filters: { organisationId: { type: 'uuid' }, year: { type: 'int' } },
};

function toWorkforceYear(r: WorkforceRow): WorkforceYear {
  return {
    id: r.id,
    consortiumId: r.consortiumId,
    organisationId: r.organisationId,
    year: r.year,
    frontlineHeadcount: r.frontlineHeadcount,
    payroll: num(r.payroll) ?? 0,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A firm's frontline headcount and payroll per year: kept per year, never one overwritten number. */
@Injectable()
export class WorkforceYearsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: WorkforceYear[]; total: number }> {
    const db = this.prisma.read.workforceYear;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany(args), count: (args) => db.count(args) }, page);
    return { rows: rows.map(toWorkforceYear), total };
  }

  async get(id: string): Promise<WorkforceYear> {
    const row = await this.prisma.scoped.workforceYear.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Workforce year');
    return toWorkforceYear(row);
  }

  async create(dto: CreateWorkforceYearDto): Promise<WorkforceYear> {
    const p = this.context.requirePrincipal();
    const consortiumId = consortiumOf(p, dto.consortiumId);
    const organisationId = organisationOf(p, dto.organisationId);
    if (isStaffLike(p)) await requireActiveMember(this.prisma, consortiumId, organisationId, 'organisationId');
    return this.prisma.scoped.$transaction(async (tx) => {
      const existing = await tx.workforceYear.findFirst({ where: { consortiumId, organisationId, year: dto.year }, select: { id: true } });
      if (existing) throw new DomainError(TrainingErrorCode.AlreadyExists, 'The firm has figures for that year already: change them instead', [{ path: 'year', message: 'has figures already' }]);
      const row = await tx.workforceYear.create({ data: { consortiumId, organisationId, year: dto.year, frontlineHeadcount: dto.frontlineHeadcount, payroll: dto.payroll } });
      const out = toWorkforceYear(row);
      await this.audit.record(tx, { action: 'workforce-year.created', entityType: 'WorkforceYear', entityId: row.id, after: out, consortiumId, organisationId });
      return out;
    });
  }

  async update(id: string, dto: UpdateWorkforceYearDto): Promise<WorkforceYear> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.workforceYear.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('Workforce year');
      const row = await tx.workforceYear.update({ where: { id }, data: { frontlineHeadcount: dto.frontlineHeadcount, payroll: dto.payroll } });
      const out = toWorkforceYear(row);
      await this.audit.record(tx, { action: 'workforce-year.updated', entityType: 'WorkforceYear', entityId: id, before: toWorkforceYear(before), after: out, consortiumId: row.consortiumId, organisationId: row.organisationId });
      return out;
    });
  }
}
