import { Injectable } from '@nestjs/common';
import type { WageStep } from '@tandem/contracts';
import type { WageStep as WageStepRow } from '@tandem/db';
import { normaliseCredential } from '@tandem/domain';
import { AuditService, DomainError, PrismaService, RequestContext, TrainingErrorCode, type ScopedTx } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { num } from '../common/serialize';
import { consortiumOf, organisationOf } from '../common/training';
import type { CreateWageStepDto, UpdateWageStepDto } from './dto/wage-step.dto';

export const WAGE_STEP_LIST: ListSpec = {
  sortable: ['credential', 'title', 'hourlyIncrease', 'createdAt'],
  defaultSort: ['hourlyIncrease', 'asc'],
  filters: { organisationId: { type: 'uuid' } },
  search: (q) => ({ OR: [{ credential: containsText(q) }, { title: containsText(q) }] }),
};

function toWageStep(r: WageStepRow): WageStep {
  return {
    id: r.id,
    consortiumId: r.consortiumId,
    organisationId: r.organisationId,
    credential: r.credential,
    title: r.title,
    hourlyIncrease: num(r.hourlyIncrease) ?? 0,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A firm's wage ladder (skill-based pay): one step per credential, as people type it. */
@Injectable()
export class WageStepsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  private async refuseDuplicate(tx: ScopedTx, consortiumId: string, organisationId: string, credential: string, except?: string): Promise<void> {
    const ladder = await tx.wageStep.findMany({ where: { consortiumId, organisationId }, select: { id: true, credential: true } });
    if (ladder.some((s) => s.id !== except && normaliseCredential(s.credential) === normaliseCredential(credential))) {
      throw new DomainError(TrainingErrorCode.AlreadyExists, 'The ladder has a step for this credential already', [{ path: 'credential', message: 'has a step already' }]);
    }
  }

  async list(page: ListPage): Promise<{ rows: WageStep[]; total: number }> {
    const db = this.prisma.read.wageStep;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany(args), count: (args) => db.count(args) }, page);
    return { rows: rows.map(toWageStep), total };
  }

  async get(id: string): Promise<WageStep> {
    const row = await this.prisma.scoped.wageStep.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Wage step');
    return toWageStep(row);
  }

  async create(dto: CreateWageStepDto): Promise<WageStep> {
    const p = this.context.requirePrincipal();
    const consortiumId = consortiumOf(p, dto.consortiumId);
    const organisationId = organisationOf(p, undefined);
    return this.prisma.scoped.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('wage-ladder'), hashtext(${organisationId}))`;
      await this.refuseDuplicate(tx, consortiumId, organisationId, dto.credential);
      const row = await tx.wageStep.create({ data: { consortiumId, organisationId, credential: dto.credential.trim(), title: dto.title, hourlyIncrease: dto.hourlyIncrease } });
      const out = toWageStep(row);
      await this.audit.record(tx, { action: 'wage-step.created', entityType: 'WageStep', entityId: row.id, after: out, consortiumId, organisationId });
      return out;
    });
  }

  async update(id: string, dto: UpdateWageStepDto): Promise<WageStep> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.wageStep.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('Wage step');
      if (dto.credential !== undefined) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('wage-ladder'), hashtext(${before.organisationId}))`;
        await this.refuseDuplicate(tx, before.consortiumId, before.organisationId, dto.credential, id);
      }
      const row = await tx.wageStep.update({ where: { id }, data: { credential: dto.credential?.trim(), title: dto.title, hourlyIncrease: dto.hourlyIncrease } });
      const out = toWageStep(row);
      await this.audit.record(tx, { action: 'wage-step.updated', entityType: 'WageStep', entityId: id, before: toWageStep(before), after: out, consortiumId: row.consortiumId, organisationId: row.organisationId });
      return out;
    });
  }
}
