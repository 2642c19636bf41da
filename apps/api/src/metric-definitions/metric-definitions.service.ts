import { Injectable } from '@nestjs/common';
import { METRIC_DIRECTIONS, METRIC_FREQUENCIES, type MetricDefinition, type ProblemFieldError, type ReportingCalendar } from '@tandem/contracts';
import type { MetricDefinition as MetricDefinitionRow } from '@tandem/db';
import { collectionFrequency } from '@tandem/domain';
import { AuditService, DomainError, MetricDefinitionErrorCode, PrismaService, RequestContext } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { num } from '../common/serialize';
import type { CreateMetricDefinitionDto, UpdateMetricDefinitionDto } from './dto/metric-definition.dto';

export const METRIC_DEFINITION_LIST: ListSpec = {
  sortable: ['code', 'name', 'frequency', 'direction', 'enabled', 'createdAt'],
  defaultSort: ['code', 'asc'],
  filters: {
    enabled: { type: 'boolean' },
    standard: { type: 'boolean' },
    isRatio: { type: 'boolean' },
    frequency: { type: 'enum', values: METRIC_FREQUENCIES },
    direction: { type: 'enum', values: METRIC_DIRECTIONS },
    code: { type: 'string' },
    consortiumId: { type: 'uuid' },
  },
  search: (q) => ({ OR: [{ code: containsText(q.toUpperCase(), 'as-stored') }, { name: containsText(q) }] }),
};

/** Every read brings the consortium's calendar: it decides the frequency a metric is collected at. */
const WITH_CALENDAR = { consortium: { select: { reportingCalendar: true } } } as const;
type Row = MetricDefinitionRow & { consortium: { reportingCalendar: ReportingCalendar } };

export function toMetricDefinition(m: Row): MetricDefinition {
  return {
    id: m.id,
    consortiumId: m.consortiumId,
    code: m.code,
    name: m.name,
    unit: m.unit,
    direction: m.direction,
    minValue: num(m.minValue),
    maxValue: num(m.maxValue),
    frequency: m.frequency,
    collectionFrequency: collectionFrequency(m.frequency, m.consortium.reportingCalendar),
    reporters: m.reporters,
    isRatio: m.isRatio,
    ratioScale: num(m.ratioScale),
    numeratorLabel: m.numeratorLabel,
    denominatorLabel: m.denominatorLabel,
    outlierFactor: m.outlierFactor.toNumber(),
    category: m.category,
    standard: m.standard,
    enabled: m.enabled,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

type Shape = Pick<MetricDefinition, 'minValue' | 'maxValue' | 'reporters' | 'isRatio' | 'ratioScale' | 'numeratorLabel' | 'denominatorLabel'>;

/** Rules across fields that a DTO cannot express. */
function checkShape(d: Shape): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  if (d.minValue !== null && d.maxValue !== null && d.minValue > d.maxValue) errors.push({ path: 'maxValue', message: `must not be below minValue (${d.minValue})` });
  if (d.reporters.includes('derived') && d.reporters.length > 1) errors.push({ path: 'reporters', message: 'a derived metric is computed, never also reported' });
  if (d.isRatio) {
    if (d.ratioScale === null) errors.push({ path: 'ratioScale', message: 'is required for a ratio' });
    if (!d.numeratorLabel) errors.push({ path: 'numeratorLabel', message: 'is required for a ratio' });
    if (!d.denominatorLabel) errors.push({ path: 'denominatorLabel', message: 'is required for a ratio' });
  } else {
    for (const f of ['ratioScale', 'numeratorLabel', 'denominatorLabel'] as const) {
      if (d[f] !== null) errors.push({ path: f, message: 'only a ratio has one (set isRatio)' });
    }
  }
  return errors;
}

/** Fields of a standard catalogue entry that staff may change; the rest is metrics.md's. */
const STANDARD_EDITABLE = new Set(['enabled', 'outlierFactor']);

@Injectable()
export class MetricDefinitionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: MetricDefinition[]; total: number }> {
    const db = this.prisma.read.metricDefinition;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: WITH_CALENDAR }), count: (args) => db.count(args) }, page);
    return { rows: rows.map(toMetricDefinition), total };
  }

  async get(id: string): Promise<MetricDefinition> {
    const row = await this.prisma.scoped.metricDefinition.findFirst({ where: { id }, include: WITH_CALENDAR });
    if (!row) throw DomainError.notFound('Metric definition');
    return toMetricDefinition(row);
  }

  async create(dto: CreateMetricDefinitionDto): Promise<MetricDefinition> {
    const p = this.context.requirePrincipal();
    const consortiumId = p.role === 'platform_admin' ? dto.consortiumId : p.consortiumId;
    if (!consortiumId) throw DomainError.validation([{ path: 'consortiumId', message: 'is required' }]);
    const shape: Shape = {
      minValue: dto.minValue ?? null,
      maxValue: dto.maxValue ?? null,
      reporters: dto.reporters,
      isRatio: dto.isRatio ?? false,
      ratioScale: dto.ratioScale ?? null,
      numeratorLabel: dto.numeratorLabel ?? null,
      denominatorLabel: dto.denominatorLabel ?? null,
    };
    const errors = checkShape(shape);
    if (errors.length) throw DomainError.validation(errors);
    const db = this.prisma.scoped;
    const consortium = await db.consortium.findFirst({ where: { id: consortiumId }, select: { id: true } });
    if (!consortium) throw DomainError.validation([{ path: 'consortiumId', message: 'no such consortium' }]);
    return db.$transaction(async (tx) => {
      const row = await tx.metricDefinition.create({
        data: {
          consortiumId,
          code: dto.code,
          name: dto.name,
          unit: dto.unit,
          direction: dto.direction,
          frequency: dto.frequency,
          ...shape,
          outlierFactor: dto.outlierFactor ?? 3,
          enabled: dto.enabled ?? true,
          category: dto.category ?? null,
          standard: false,
        },
        include: WITH_CALENDAR,
      });
      const out = toMetricDefinition(row);
      await this.audit.record(tx, { action: 'metric_definition.created', entityType: 'MetricDefinition', entityId: row.id, after: out, consortiumId });
      return out;
    });
  }

  /**
   * Staff disable entries, tune the outlier factor, and edit their own metrics. A standard
   * entry keeps metrics.md's definition; a metric with values keeps its ratio definition,
   * since stored values were computed with it.
   */
  async update(id: string, dto: UpdateMetricDefinitionDto): Promise<MetricDefinition> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.metricDefinition.findFirst({ where: { id }, include: WITH_CALENDAR });
      if (!before) throw DomainError.notFound('Metric definition');
      const current = toMetricDefinition(before);
      const changed = (Object.keys(dto) as (keyof UpdateMetricDefinitionDto)[]).filter((k) => dto[k] !== undefined && JSON.stringify(dto[k]) !== JSON.stringify(current[k]));
      if (before.standard) {
        const locked = changed.filter((k) => !STANDARD_EDITABLE.has(k));
        if (locked.length) {
          throw DomainError.validation(locked.map((k) => ({ path: k, message: `${before.code} is a standard catalogue metric: only enabled and outlierFactor can change` })));
        }
      }
      const next: Shape = {
        minValue: dto.minValue !== undefined ? dto.minValue : current.minValue,
        maxValue: dto.maxValue !== undefined ? dto.maxValue : current.maxValue,
        reporters: dto.reporters ?? current.reporters,
        isRatio: dto.isRatio ?? current.isRatio,
        ratioScale: dto.ratioScale !== undefined ? dto.ratioScale : current.ratioScale,
        numeratorLabel: dto.numeratorLabel !== undefined ? dto.numeratorLabel : current.numeratorLabel,
        denominatorLabel: dto.denominatorLabel !== undefined ? dto.denominatorLabel : current.denominatorLabel,
      };
      const errors = checkShape(next);
      if (errors.length) throw DomainError.validation(errors);
      if (changed.some((k) => k === 'isRatio' || k === 'ratioScale')) {
        const used = await tx.metricValue.count({ where: { metricId: id } });
        if (used > 0) {
          throw new DomainError(MetricDefinitionErrorCode.InUse, `${before.code} has ${used} reported values computed with its ratio definition; add a new metric instead`, [
            { path: changed.includes('isRatio') ? 'isRatio' : 'ratioScale', message: 'cannot change once values exist' },
          ]);
        }
      }
      const row = await tx.metricDefinition.update({
        where: { id },
        data: {
          name: dto.name,
          unit: dto.unit,
          direction: dto.direction,
          frequency: dto.frequency,
          outlierFactor: dto.outlierFactor,
          enabled: dto.enabled,
          category: dto.category,
          ...next,
        },
        include: WITH_CALENDAR,
      });
      const out = toMetricDefinition(row);
      await this.audit.record(tx, { action: 'metric_definition.updated', entityType: 'MetricDefinition', entityId: id, before: current, after: out, consortiumId: row.consortiumId });
      return out;
    });
  }
}
