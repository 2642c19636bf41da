import { Injectable } from '@nestjs/common';
import type { ProblemFieldError, ScorecardTemplate, ScorecardThreshold, StandingRule } from '@tandem/contracts';
import type { Prisma, ScorecardCriterion as CriterionRow, ScorecardTemplate as TemplateRow } from '@tandem/db';
import { sortStandings, validateStandings, validateThresholds, validateWeight } from '@tandem/domain';
import { AuditService, DomainError, lockVisible, PrismaService, RequestContext, ScorecardErrorCode, type Principal, type ScopedTx } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import type { CreateScorecardTemplateDto, CriterionDto, UpdateScorecardTemplateDto } from './dto/scorecard-template.dto';

export const SCORECARD_TEMPLATE_LIST: ListSpec = {
  sortable: ['name', 'active', 'createdAt', 'updatedAt'],
  defaultSort: ['name', 'asc'],
  filters: { customerId: { type: 'uuid' }, active: { type: 'boolean' } },
  search: (q) => ({ name: containsText(q) }),
};

const CRITERIA = { criteria: { orderBy: [{ metric: { code: 'asc' } }, { id: 'asc' }] } } as const satisfies Prisma.ScorecardTemplateInclude;

export function toScorecardTemplate(t: TemplateRow & { criteria: CriterionRow[] }): ScorecardTemplate {
  return {
    id: t.id,
    consortiumId: t.consortiumId,
    customerId: t.customerId,
    name: t.name,
    // written only by this service, after validateStandings
    standings: t.standings as unknown as StandingRule[],
    active: t.active,
    criteria: t.criteria.map((c) => ({ id: c.id, metricId: c.metricId, weight: c.weight.toNumber(), thresholds: c.thresholds as unknown as ScorecardThreshold[] })),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** Only the keys a threshold has, in a fixed order, so stored JSON is canonical. */
function cleanThresholds(thresholds: CriterionDto['thresholds']): ScorecardThreshold[] {
  return thresholds.map((t) => (t.atLeast !== undefined && t.atLeast !== null ? { atLeast: t.atLeast, score: t.score } : { atMost: t.atMost as number, score: t.score }));
}

@Injectable()
export class ScorecardTemplatesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: ScorecardTemplate[]; total: number }> {
    const db = this.prisma.read.scorecardTemplate;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: CRITERIA }), count: (args) => db.count(args) }, page);
    return { rows: rows.map(toScorecardTemplate), total };
  }

  async get(id: string): Promise<ScorecardTemplate> {
    const row = await this.prisma.scoped.scorecardTemplate.findFirst({ where: { id }, include: CRITERIA });
    if (!row) throw DomainError.notFound('Scorecard template');
    return toScorecardTemplate(row);
  }

  /** A buyer writes only its own customer's template; staff write any of their consortium. */
  private assertMayWrite(p: Principal, customerId: string | null): void {
    if (p.role === 'customer_buyer' && customerId !== p.organisationId) {
      throw new DomainError(ScorecardErrorCode.NotYourCustomer, "A buyer may only write its own customer's scorecard template", [{ path: 'customerId', message: 'not your organisation' }]);
    }
  }

  /** Criteria and standings checked against the domain rules and the consortium's metric catalogue. */
  private async validate(consortiumId: string, standings: unknown, criteria: CriterionDto[] | undefined): Promise<void> {
    const errors: ProblemFieldError[] = [];
    if (standings !== undefined) errors.push(...validateStandings(standings));
    if (criteria !== undefined) {
      const metrics = await this.prisma.scoped.metricDefinition.findMany({
        where: { consortiumId, id: { in: criteria.map((c) => c.metricId.toLowerCase()) } },
        select: { id: true, direction: true, enabled: true },
      });
      const byId = new Map(metrics.map((m) => [m.id, m]));
      const seen = new Set<string>();
      criteria.forEach((c, i) => {
        const metricId = c.metricId.toLowerCase();
        const metric = byId.get(metricId);
        if (!metric) errors.push({ path: `criteria.${i}.metricId`, message: 'no such metric in the consortium' });
        if (seen.has(metricId)) errors.push({ path: `criteria.${i}.metricId`, message: 'appears twice' });
        seen.add(metricId);
        errors.push(...validateWeight(c.weight, `criteria.${i}.weight`));
        errors.push(...validateThresholds(c.thresholds, metric?.direction, `criteria.${i}.thresholds`));
      });
    }
    if (errors.length) throw DomainError.validation(errors);
  }

  /** At most one active template per customer (customerId null: the consortium's). */
  private async assertSingleActive(tx: ScopedTx, consortiumId: string, customerId: string | null, exceptId?: string): Promise<void> {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, `scorecard-template:${consortiumId}:${customerId ?? 'consortium'}`);
    const other = await tx.scorecardTemplate.findFirst({ where: { consortiumId, customerId, active: true, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true, name: true } });
    if (other) {
      throw new DomainError(
        ScorecardErrorCode.ActiveTemplateExists,
        `"${other.name}" is already the active template ${customerId ? 'of this customer' : 'of the consortium'}; deactivate it first`,
        [{ path: 'active', message: 'another active template exists' }],
      );
    }
  }

  async create(dto: CreateScorecardTemplateDto): Promise<ScorecardTemplate> {
    const p = this.context.requirePrincipal();
    const consortiumId = p.consortiumId ?? dto.consortiumId;
    if (!consortiumId) throw DomainError.validation([{ path: 'consortiumId', message: 'is required' }]);
    const customerId = dto.customerId === undefined ? (p.role === 'customer_buyer' ? p.organisationId : null) : dto.customerId === null ? null : dto.customerId.toLowerCase();
    this.assertMayWrite(p, customerId);
    if (customerId) {
      const member = await this.prisma.scoped.membership.findFirst({ where: { consortiumId, organisationId: customerId }, select: { id: true } });
      if (!member) throw DomainError.validation([{ path: 'customerId', message: 'is not a member of the consortium' }]);
    }
    await this.validate(consortiumId, dto.standings, dto.criteria);
    const active = dto.active ?? true;
    return this.prisma.scoped.$transaction(async (tx) => {
      if (active) await this.assertSingleActive(tx, consortiumId, customerId);
      const row = await tx.scorecardTemplate.create({
        data: {
          consortiumId,
          customerId,
          name: dto.name,
          active,
          standings: sortStandings(dto.standings.map((s) => ({ standing: s.standing, minScore: s.minScore }))) as unknown as Prisma.InputJsonValue,
          criteria: {
            create: dto.criteria.map((c) => ({ metricId: c.metricId.toLowerCase(), weight: c.weight, thresholds: cleanThresholds(c.thresholds) as unknown as Prisma.InputJsonValue })),
          },
        },
        include: CRITERIA,
      });
      const out = toScorecardTemplate(row);
      await this.audit.record(tx, { action: 'scorecard-template.created', entityType: 'ScorecardTemplate', entityId: row.id, after: out, consortiumId, organisationId: customerId });
      return out;
    });
  }

  async update(id: string, dto: UpdateScorecardTemplateDto): Promise<ScorecardTemplate> {
    const p = this.context.requirePrincipal();
    const current = await this.prisma.scoped.scorecardTemplate.findFirst({ where: { id }, select: { consortiumId: true, customerId: true } });
    if (!current) throw DomainError.notFound('Scorecard template');
    this.assertMayWrite(p, current.customerId);
    await this.validate(current.consortiumId, dto.standings, dto.criteria);
    return this.prisma.scoped.$transaction(async (tx) => {
      await lockVisible(tx, 'ScorecardTemplate', id);
      const before = await tx.scorecardTemplate.findFirstOrThrow({ where: { id }, include: CRITERIA });
      if (dto.active ?? before.active) await this.assertSingleActive(tx, before.consortiumId, before.customerId, id);
      await tx.scorecardTemplate.update({
        where: { id },
        data: {
          name: dto.name,
          active: dto.active,
          standings: dto.standings ? (sortStandings(dto.standings.map((s) => ({ standing: s.standing, minScore: s.minScore }))) as unknown as Prisma.InputJsonValue) : undefined,
        },
      });
      if (dto.criteria) {
        // Criteria keep their ids (matched by metric), so unchanged scorecards stay unchanged.
        const wanted = dto.criteria.map((c) => ({ metricId: c.metricId.toLowerCase(), weight: c.weight, thresholds: cleanThresholds(c.thresholds) as unknown as Prisma.InputJsonValue }));
        await tx.scorecardCriterion.deleteMany({ where: { templateId: id, metricId: { notIn: wanted.map((c) => c.metricId) } } });
        const existing = new Map(before.criteria.map((c) => [c.metricId, c.id]));
        for (const c of wanted) {
          const criterionId = existing.get(c.metricId);
          if (criterionId) await tx.scorecardCriterion.update({ where: { id: criterionId }, data: { weight: c.weight, thresholds: c.thresholds } });
          else await tx.scorecardCriterion.create({ data: { templateId: id, ...c } });
        }
      }
      const row = await tx.scorecardTemplate.findFirstOrThrow({ where: { id }, include: CRITERIA });
      const out = toScorecardTemplate(row);
      await this.audit.record(tx, {
        action: 'scorecard-template.updated',
        entityType: 'ScorecardTemplate',
        entityId: id,
        before: toScorecardTemplate(before),
        after: out,
        consortiumId: row.consortiumId,
        organisationId: row.customerId,
      });
      return out;
    });
  }

  /** Only a template no scorecard was computed with; otherwise deactivate it (scorecards keep their template). */
  async remove(id: string): Promise<ScorecardTemplate> {
    const p = this.context.requirePrincipal();
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.scorecardTemplate.findFirst({ where: { id }, include: { ...CRITERIA, _count: { select: { scorecards: true } } } });
      if (!before) throw DomainError.notFound('Scorecard template');
      this.assertMayWrite(p, before.customerId);
      if (before._count.scorecards > 0) {
        throw new DomainError(ScorecardErrorCode.TemplateInUse, `${before._count.scorecards} scorecards were computed with this template; deactivate it instead of deleting it`);
      }
      await tx.scorecardTemplate.delete({ where: { id } });
      const { _count: _ignored, ...row } = before;
      const out = toScorecardTemplate(row);
      await this.audit.record(tx, { action: 'scorecard-template.deleted', entityType: 'ScorecardTemplate', entityId: id, before: out, consortiumId: row.consortiumId, organisationId: row.customerId });
      return out;
    });
  }
}
