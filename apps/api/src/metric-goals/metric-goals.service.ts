import { Injectable } from '@nestjs/common';
import type { MetricGoal, ProblemFieldError } from '@tandem/contracts';
import type { MetricDefinition as MetricDefinitionRow, MetricGoal as MetricGoalRow } from '@tandem/db';
import { checkRange, isIsoDate } from '@tandem/domain';
import { AuditService, CommonErrorCode, DomainError, PrismaService, RequestContext, type ScopedPrismaClient, type ScopedTx } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import { isoDate, num } from '../common/serialize';
import type { CreateMetricGoalDto, UpdateMetricGoalDto } from './dto/metric-goal.dto';

export const METRIC_GOAL_LIST: ListSpec = {
  sortable: ['createdAt', 'updatedAt', 'goalDate'],
  defaultSort: ['createdAt', 'desc'],
  filters: { organisationId: { type: 'uuid' }, metricId: { type: 'uuid' }, consortiumId: { type: 'uuid' } },
};

export function toMetricGoal(g: MetricGoalRow): MetricGoal {
  return {
    id: g.id,
    consortiumId: g.consortiumId,
    organisationId: g.organisationId,
    metricId: g.metricId,
    baselinePeriodId: g.baselinePeriodId,
    baselineValue: num(g.baselineValue),
    goalValue: num(g.goalValue),
    goalDate: isoDate(g.goalDate),
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

type Db = ScopedPrismaClient | ScopedTx;

/**
 * Baseline and goal of one firm for one metric. The baseline period defaults to the firm's
 * first period with a validated value (its own report, not a customer's), and the baseline
 * value to the firm's value in that period.
 */
@Injectable()
export class MetricGoalsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: MetricGoal[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.read.metricGoal, page);
    return { rows: rows.map(toMetricGoal), total };
  }

  async get(id: string): Promise<MetricGoal> {
    const row = await this.prisma.scoped.metricGoal.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Metric goal');
    return toMetricGoal(row);
  }

  private checkFigures(metric: MetricDefinitionRow, dto: { baselineValue?: number | null; goalValue?: number | null; goalDate?: string | null }): ProblemFieldError[] {
    const rule = { code: metric.code, unit: metric.unit, minValue: num(metric.minValue), maxValue: num(metric.maxValue) };
    const errors: ProblemFieldError[] = [];
    for (const f of ['baselineValue', 'goalValue'] as const) {
      const v = dto[f];
      if (v !== undefined && v !== null) {
        const e = checkRange(rule, v, f);
        if (e) errors.push(e);
      }
    }
    if (dto.goalDate && !isIsoDate(dto.goalDate)) errors.push({ path: 'goalDate', message: 'must be a real date (YYYY-MM-DD)' });
    return errors;
  }

  /**
   * The firm's own value of the metric in a period, or its first validated one when no period
   * is named. Never a draft: a goal is shown to the firm's customers, and a draft never leaves
   * the firm.
   */
  private async baseline(db: Db, organisationId: string, metricId: string, periodId: string | null): Promise<{ periodId: string | null; value: number | null }> {
    const row = await db.metricValue.findFirst({
      where: { organisationId, metricId, subjectKey: 'self', ...(periodId ? { periodId, status: { in: ['submitted', 'validated'] } } : { status: 'validated' }) },
      orderBy: { period: { startsOn: 'asc' } },
      select: { periodId: true, value: true },
    });
    return { periodId: periodId ?? row?.periodId ?? null, value: row ? row.value.toNumber() : null };
  }

  async create(dto: CreateMetricGoalDto): Promise<MetricGoal> {
    const p = this.context.requirePrincipal();
    const db = this.prisma.scoped;
    const metric = await db.metricDefinition.findFirst({ where: { id: dto.metricId } });
    if (!metric) throw DomainError.validation([{ path: 'metricId', message: 'no such metric' }]);
    const staff = p.role === 'consortium_staff' || p.role === 'platform_admin';
    const organisationId = staff ? dto.organisationId : (dto.organisationId ?? p.organisationId ?? undefined);
    if (!organisationId) throw DomainError.validation([{ path: 'organisationId', message: 'is required' }]);
    if (!staff && organisationId !== p.organisationId) throw DomainError.validation([{ path: 'organisationId', message: 'a firm sets goals for its own organisation only' }]);
    const errors = this.checkFigures(metric, dto);
    const member = await db.membership.findFirst({ where: { consortiumId: metric.consortiumId, organisationId }, select: { id: true } });
    if (!member) errors.push({ path: 'organisationId', message: 'is not a member of this consortium' });
    if (dto.baselinePeriodId) {
      const period = await db.period.findFirst({ where: { id: dto.baselinePeriodId, consortiumId: metric.consortiumId }, select: { id: true } });
      if (!period) errors.push({ path: 'baselinePeriodId', message: 'no such period' });
    }
    if (errors.length) throw DomainError.validation(errors);
    const existing = await db.metricGoal.findFirst({ where: { consortiumId: metric.consortiumId, organisationId, metricId: metric.id }, select: { id: true } });
    if (existing) throw new DomainError(CommonErrorCode.Conflict, `The organisation has a goal for ${metric.code} already (${existing.id}); update it`, [{ path: 'metricId', message: 'has a goal already' }]);
    const base = await this.baseline(db, organisationId, metric.id, dto.baselinePeriodId ?? null);
    return db.$transaction(async (tx) => {
      const row = await tx.metricGoal.create({
        data: {
          consortiumId: metric.consortiumId,
          organisationId,
          metricId: metric.id,
          baselinePeriodId: base.periodId,
          baselineValue: dto.baselineValue !== undefined && dto.baselineValue !== null ? dto.baselineValue : base.value,
          goalValue: dto.goalValue ?? null,
          goalDate: dto.goalDate ? new Date(`${dto.goalDate}T00:00:00Z`) : null,
        },
      });
      const out = toMetricGoal(row);
      await this.audit.record(tx, { action: 'metric_goal.created', entityType: 'MetricGoal', entityId: row.id, after: out, consortiumId: row.consortiumId, organisationId });
      return out;
    });
  }

  async update(id: string, dto: UpdateMetricGoalDto): Promise<MetricGoal> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.metricGoal.findFirst({ where: { id }, include: { metric: true } });
      if (!before) throw DomainError.notFound('Metric goal');
      const errors = this.checkFigures(before.metric, dto);
      if (dto.baselinePeriodId) {
        const period = await tx.period.findFirst({ where: { id: dto.baselinePeriodId, consortiumId: before.consortiumId }, select: { id: true } });
        if (!period) errors.push({ path: 'baselinePeriodId', message: 'no such period' });
      }
      if (errors.length) throw DomainError.validation(errors);
      let baselineValue = dto.baselineValue;
      let baselinePeriodId = dto.baselinePeriodId;
      if (baselinePeriodId !== undefined && baselinePeriodId !== before.baselinePeriodId && baselineValue === undefined) {
        // A new baseline period brings its own value unless one is given.
        const base = await this.baseline(tx, before.organisationId, before.metricId, baselinePeriodId);
        baselinePeriodId = base.periodId;
        baselineValue = base.value;
      }
      const row = await tx.metricGoal.update({
        where: { id },
        data: {
          baselinePeriodId,
          baselineValue,
          goalValue: dto.goalValue,
          goalDate: dto.goalDate === undefined ? undefined : dto.goalDate === null ? null : new Date(`${dto.goalDate}T00:00:00Z`),
        },
      });
      const { metric: _metric, ...plain } = before;
      const out = toMetricGoal(row);
      await this.audit.record(tx, { action: 'metric_goal.updated', entityType: 'MetricGoal', entityId: id, before: toMetricGoal(plain), after: out, consortiumId: row.consortiumId, organisationId: row.organisationId });
      return out;
    });
  }

  async remove(id: string): Promise<MetricGoal> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.metricGoal.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('Metric goal');
      await tx.metricGoal.delete({ where: { id } });
      const out = toMetricGoal(before);
      await this.audit.record(tx, { action: 'metric_goal.deleted', entityType: 'MetricGoal', entityId: id, before: out, consortiumId: before.consortiumId, organisationId: before.organisationId });
      return out;
    });
  }
}
