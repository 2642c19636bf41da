import { Inject, Injectable } from '@nestjs/common';
import {
  METRIC_VALUE_SOURCES,
  METRIC_VALUE_STATUSES,
  type MetricValue,
  type ProblemFieldError,
  type ValidateManyResult,
} from '@tandem/contracts';
import type { Period as PeriodRow } from '@tandem/db';
import {
  canApplyValueAction,
  claimReporting,
  detectOutlier,
  isReporterOf,
  isPeriodLocked,
  metricRuleOf,
  notReporterMessage,
  relatedMetricCodes,
  reportingMessage,
  sideOf,
  sameFigures,
  statusAfterAction,
  statusAfterEdit,
  statusesAllowing,
  validateFigures,
  type FigureInput,
  type MetricRule,
  type Figures,
  type ReportingSide,
  type ValueAction,
} from '@tandem/domain';
import { APP_CONFIG, AuditService, DomainError, JobProducer, MetricValueErrorCode, OutboxService, PrismaService, RequestContext, type AppConfig, type Principal, debounced, type ScopedTx } from '@tandem/server';
import { ScorecardsTrigger } from '../scorecards/scorecards.trigger';
import { containsText, type ListPage, type ListSpec } from '../common/list-query';
import { isoDate } from '../common/serialize';
import type { CreateMetricValueDto, UpdateMetricValueDto } from './dto/metric-value.dto';
import {
  VALUE_INCLUDE,
  insertRevisions,
  lockValues,
  nextRevisions,
  previousValues,
  progressOf,
  relatedKey,
  relatedValues,
  sourceOf,
  stateOf,
  toMetricValue,
  type Db,
} from './metric-values.queries';
import { rejectionNotice } from './rejection-notice';

/** Who hears of a rejection: the people of the firm that reported the value. */
const FIRM_ROLES = ['firm_admin', 'firm_contributor', 'customer_buyer'] as const;

export const METRIC_VALUE_LIST: ListSpec = {
  sortable: ['createdAt', 'updatedAt', 'submittedAt', 'status', 'value', 'revision', 'outlier', 'periodStartsOn'],
  sortAs: { periodStartsOn: (dir) => ({ period: { startsOn: dir } }) },
  defaultSort: ['createdAt', 'desc'],
  filters: {
    status: { type: 'enum', values: METRIC_VALUE_STATUSES },
    source: { type: 'enum', values: METRIC_VALUE_SOURCES },
    outlier: { type: 'boolean' },
    organisationId: { type: 'uuid' },
    metricId: { type: 'uuid' },
    periodId: { type: 'uuid' },
    customerId: { type: 'uuid' },
    consortiumId: { type: 'uuid' },
    customerReported: { type: 'boolean', where: (yes) => ({ customerId: yes ? { not: null } : null }) },
    /** values of periods that start on or before a day: a trend up to a given period */
    periodStartsOnLte: { type: 'date', where: (day) => ({ period: { startsOn: { lte: day } } }) },
  },
  search: (q) => ({ OR: [{ metric: { code: containsText(q.toUpperCase(), 'as-stored') } }, { organisation: { name: containsText(q) } }] }),
};

/**
 * The list as a customer buyer may query it. A supplier's review flag is the firm's own
 * (toMetricValue shows it to a buyer as not flagged), so filtering or sorting by it must not
 * tell the flagged values apart either: the filter reads the flag as the buyer sees it, and
 * the list does not sort by it.
 */
const BUYER_METRIC_VALUE_LIST: ListSpec = {
  ...METRIC_VALUE_LIST,
  sortable: METRIC_VALUE_LIST.sortable.filter((f) => f !== 'outlier'),
  filters: {
    ...METRIC_VALUE_LIST.filters,
    outlier: { type: 'boolean', where: (yes) => (yes ? { outlier: true, customerId: { not: null } } : { OR: [{ outlier: false }, { customerId: null }] }) },
  },
};

export function metricValueList(p: Principal): ListSpec {
  return p.role === 'customer_buyer' ? BUYER_METRIC_VALUE_LIST : METRIC_VALUE_LIST;
}

/** Rule failures of metrics.md: the detail is the messages themselves, each error names its field. */
export function invalid(errors: ProblemFieldError[]): DomainError {
  return new DomainError(MetricValueErrorCode.Invalid, errors.map((e) => e.message).join('; '), errors);
}

interface Target {
  organisationId: string;
  customerId: string | null;
  side: ReportingSide;
}

@Injectable()
export class MetricValuesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly scorecards: ScorecardsTrigger,
    private readonly jobs: JobProducer,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Debounce window of the benchmark recomputation that validations in a closed period trigger. */
  static readonly BENCHMARK_DEBOUNCE_MS = 10_000;

  /**
   * After validations COMMITTED: scorecards of the period are recomputed (debounced by the
   * trigger), and when the period is already closed its benchmarks too (benchmarks.md:
   * debounced per consortium and period).
   */
  async afterValidation(periods: { consortiumId: string; periodId: string; closed: boolean }[]): Promise<void> {
    const seen = new Set<string>();
    for (const { consortiumId, periodId, closed } of periods) {
      if (seen.has(periodId)) continue;
      seen.add(periodId);
      await this.scorecards.valuesValidated(consortiumId, periodId);
      if (closed) {
        await this.jobs.enqueue(
          'benchmarks.recompute',
          { consortiumId, periodId, reason: 'values_validated' },
          debounced(`benchmarks-recompute-${periodId}-values_validated`, MetricValuesService.BENCHMARK_DEBOUNCE_MS),
        );
      }
    }
  }

  /** Sorts and filters of the list for the caller (metricValueList). */
  listSpec(): ListSpec {
    return metricValueList(this.context.requirePrincipal());
  }

  async list(page: ListPage): Promise<{ rows: MetricValue[]; total: number }> {
    const p = this.context.requirePrincipal();
    const db = this.prisma.read;
    const [rows, total] = await Promise.all([
      db.metricValue.findMany({ where: page.where, orderBy: page.orderBy, skip: page.skip, take: page.take, include: VALUE_INCLUDE }),
      db.metricValue.count({ where: page.where }),
    ]);
    const progress = await progressOf(db, rows.map((r) => r.id));
    return { rows: rows.map((r) => toMetricValue(r, p, progress.get(r.id))), total };
  }

  async get(id: string): Promise<MetricValue> {
    return this.present(this.prisma.scoped, id);
  }

  /** The value as the caller may see it (also after a revision decision). */
  async present(db: Db, id: string): Promise<MetricValue> {
    const row = await db.metricValue.findFirst({ where: { id }, include: VALUE_INCLUDE });
    if (!row) throw DomainError.notFound('Metric value');
    const progress = await progressOf(db, [id]);
    return toMetricValue(row, this.context.requirePrincipal(), progress.get(id));
  }

  /**
   * Who the figure is about and who reports it (claimReporting, libs/domain), then the
   * checks the rule leaves to the database: a buyer's supplier has a supply relationship
   * with it; staff name a member, and a customer beside it has a relationship with it.
   */
  private async resolveTarget(db: Db, p: Principal, consortiumId: string, organisationId: string | undefined, customerId: string | null | undefined): Promise<Target> {
    const claim = claimReporting(p, { organisationId, customerId });
    if (!claim.ok) throw invalid([{ path: claim.path, message: reportingMessage(claim.reason) }]);
    const related = (customer: string) => db.supplyRelationship.findFirst({ where: { consortiumId, customerId: customer, supplierId: claim.organisationId }, select: { id: true } });
    if (claim.check === 'supplier' && claim.customerId) {
      if (!(await related(claim.customerId))) throw invalid([{ path: 'organisationId', message: reportingMessage('notSupplier') }]);
    } else if (claim.check === 'member') {
      const member = await db.membership.findFirst({ where: { consortiumId, organisationId: claim.organisationId }, select: { id: true } });
      if (!member) throw invalid([{ path: 'organisationId', message: reportingMessage('notMember') }]);
      if (claim.customerId && !(await related(claim.customerId))) throw invalid([{ path: 'customerId', message: reportingMessage('noRelationship') }]);
    }
    return { organisationId: claim.organisationId, customerId: claim.customerId, side: claim.side };
  }

  private async related(db: Db, metricCode: string, organisationId: string, periodId: string, subjectKey: string): Promise<Record<string, number>> {
    const codes = relatedMetricCodes(metricCode);
    if (!codes.length) return {};
    const map = await relatedValues(db, [{ organisationId, periodId, subjectKey }], codes);
    return map.get(relatedKey(organisationId, periodId, subjectKey)) ?? {};
  }

  /** The review flag of a figure against the firm's previous period (also when a revision is approved). */
  async outlierOf(db: Db, rule: MetricRule, value: number, key: { consortiumId: string; organisationId: string; metricId: string; subjectKey: string; period: PeriodRow }) {
    const [previous] = await previousValues(db, key.consortiumId, [
      { organisationId: key.organisationId, metricId: key.metricId, subjectKey: key.subjectKey, periodKind: key.period.kind, startsOn: isoDate(key.period.startsOn) ?? '' },
    ]);
    return detectOutlier(rule, value, previous ?? null);
  }

  async create(dto: CreateMetricValueDto): Promise<MetricValue> {
    const p = this.context.requirePrincipal();
    const db = this.prisma.scoped;
    const [period, metric] = await Promise.all([db.period.findFirst({ where: { id: dto.periodId } }), db.metricDefinition.findFirst({ where: { id: dto.metricId } })]);
    const missing: ProblemFieldError[] = [
      ...(period ? [] : [{ path: 'periodId', message: 'no such period' }]),
      ...(metric ? [] : [{ path: 'metricId', message: 'no such metric' }]),
      ...(period && metric && metric.consortiumId !== period.consortiumId ? [{ path: 'metricId', message: "is not in the period's consortium" }] : []),
    ];
    if (missing.length || !period || !metric) throw invalid(missing);
    const consortiumId = period.consortiumId;
    const target = await this.resolveTarget(db, p, consortiumId, dto.organisationId, dto.customerId);
    const subjectKey = target.customerId ?? 'self';
    const rule = metricRuleOf(metric);
    const related = await this.related(db, metric.code, target.organisationId, period.id, subjectKey);
    const { figures, errors } = validateFigures(rule, dto, { side: target.side, periodKind: period.kind, periodCode: period.code, related });
    if (!figures) throw invalid(errors);
    if (isPeriodLocked(period.state)) {
      throw new DomainError(MetricValueErrorCode.PeriodLocked, `Period ${period.code} is ${period.state}: no new values can be reported for it`, [{ path: 'periodId', message: `is ${period.state}` }]);
    }
    const existing = await db.metricValue.findFirst({ where: { organisationId: target.organisationId, metricId: metric.id, periodId: period.id, subjectKey }, select: { id: true, revision: true } });
    if (existing) {
      throw new DomainError(MetricValueErrorCode.AlreadyExists, `${metric.code} of ${period.code} is already reported (value ${existing.id}, revision ${existing.revision}); update that value instead`, [
        { path: 'metricId', message: 'already reported for this organisation and period' },
      ]);
    }
    const { outlier, outlierNote } = await this.outlierOf(db, rule, figures.value, { consortiumId, organisationId: target.organisationId, metricId: metric.id, subjectKey, period });
    const status = dto.submit ? 'submitted' : 'draft';
    const source = sourceOf(p);
    const id = await db.$transaction(async (tx) => {
      const row = await tx.metricValue.create({
        data: {
          consortiumId,
          organisationId: target.organisationId,
          customerId: target.customerId,
          subjectKey,
          metricId: metric.id,
          periodId: period.id,
          ...figures,
          note: dto.note ?? null,
          source,
          status,
          outlier,
          outlierNote,
          revision: 1,
          submittedAt: status === 'submitted' ? new Date() : null,
        },
      });
      await tx.metricValueRevision.create({
        data: { metricValueId: row.id, revision: 1, ...figures, note: row.note, status, source, actorUserId: p.userId, actorApiKeyId: p.apiKeyId },
      });
      await this.audit.record(tx, { action: 'metric_value.created', entityType: 'MetricValue', entityId: row.id, after: { ...stateOf(row), metricCode: metric.code, periodCode: period.code, customerId: row.customerId, outlier }, consortiumId, organisationId: row.organisationId });
      return row.id;
    });
    return this.present(db, id);
  }

  /** Lock a visible value for a change; 404 for one outside the principal's scope. */
  async lock(tx: ScopedTx, id: string) {
    const visible = await tx.metricValue.findFirst({ where: { id }, select: { id: true } });
    if (!visible) throw DomainError.notFound('Metric value');
    await lockValues(tx, [id]);
    const row = await tx.metricValue.findFirstOrThrow({ where: { id }, include: { metric: true, period: true, revisions: { where: { approval: 'pending' }, select: { revision: true }, take: 1 } } });
    return row;
  }

  private assertReporter(p: Principal, row: { organisationId: string; customerId: string | null }): void {
    if (!isReporterOf(p, row)) throw new DomainError(MetricValueErrorCode.NotReporter, notReporterMessage(row));
  }

  private assertNoPending(row: { revisions: { revision: number }[] }): void {
    const pending = row.revisions[0];
    if (pending) {
      throw new DomainError(MetricValueErrorCode.RevisionPending, `Revision ${pending.revision} of this value awaits staff approval; it must be approved or declined first`, [
        { path: 'revision', message: `revision ${pending.revision} is pending` },
      ]);
    }
  }

  /**
   * A change is a new revision; nothing is overwritten without one. While the period is
   * open the change applies at once; once it is closed the change waits, with its reason,
   * for staff approval and the current value stays as it is.
   */
  async update(id: string, dto: UpdateMetricValueDto): Promise<MetricValue> {
    const p = this.context.requirePrincipal();
    const db = this.prisma.scoped;
    await db.$transaction(async (tx) => {
      const row = await this.lock(tx, id);
      this.assertReporter(p, row);
      if (dto.revision !== row.revision) {
        throw new DomainError(MetricValueErrorCode.StaleRevision, `The value changed since revision ${dto.revision}: it is at revision ${row.revision}. Reload it and apply your change again`, [
          { path: 'revision', message: `is stale: the current revision is ${row.revision}` },
        ]);
      }
      this.assertNoPending(row);
      const current: Figures = { value: row.value.toNumber(), numerator: row.numerator?.toNumber() ?? null, denominator: row.denominator?.toNumber() ?? null };
      const figuresSent = dto.value !== undefined || dto.numerator !== undefined || dto.denominator !== undefined;
      const input: FigureInput = figuresSent ? { value: dto.value, numerator: dto.numerator, denominator: dto.denominator } : current;
      const rule = metricRuleOf(row.metric);
      const related = await this.related(tx, row.metric.code, row.organisationId, row.periodId, row.subjectKey);
      const { figures, errors } = validateFigures(rule, input, { side: sideOf(row.customerId), periodKind: row.period.kind, periodCode: row.period.code, related });
      if (!figures) throw invalid(errors);
      const note = dto.note !== undefined ? dto.note : row.note;
      const unchanged = sameFigures(figures, current) && note === row.note;
      const source = sourceOf(p);
      const [next] = [...(await nextRevisions(tx, [id])).values()];
      const revision = next ?? row.revision + 1;
      const before = stateOf(row);

      if (isPeriodLocked(row.period.state)) {
        if (unchanged) return;
        if (!dto.reason) {
          throw invalid([{ path: 'reason', message: `is required: period ${row.period.code} is ${row.period.state}, so a change needs a reason and staff approval` }]);
        }
        await tx.metricValueRevision.create({
          data: { metricValueId: id, revision, ...figures, note, status: row.status, source, reason: dto.reason, approval: 'pending', actorUserId: p.userId, actorApiKeyId: p.apiKeyId },
        });
        await this.audit.record(tx, {
          action: 'metric_value.revision_requested',
          entityType: 'MetricValue',
          entityId: id,
          before,
          after: { ...figures, note, revision, reason: dto.reason, approval: 'pending' },
          consortiumId: row.consortiumId,
          organisationId: row.organisationId,
        });
        return [];
      }

      const status = statusAfterEdit(row.status, dto.submit ?? false);
      if (unchanged && status === row.status) return;
      const { outlier, outlierNote } = await this.outlierOf(tx, rule, figures.value, { consortiumId: row.consortiumId, organisationId: row.organisationId, metricId: row.metricId, subjectKey: row.subjectKey, period: row.period });
      await tx.metricValueRevision.create({
        data: { metricValueId: id, revision, ...figures, note, status, source, reason: dto.reason ?? null, actorUserId: p.userId, actorApiKeyId: p.apiKeyId },
      });
      const after = await tx.metricValue.update({
        where: { id },
        data: {
          ...figures,
          note,
          status,
          source,
          revision,
          outlier,
          outlierNote,
          ...(status === 'submitted' && row.status !== 'submitted' ? { submittedAt: new Date() } : {}),
          ...(status !== 'validated' ? { validatedAt: null, validatedById: null } : {}),
          ...(status !== 'rejected' ? { rejectionReason: null } : {}),
        },
      });
      await this.audit.record(tx, {
        action: 'metric_value.updated',
        entityType: 'MetricValue',
        entityId: id,
        before: { ...before, revision: row.revision },
        after: { ...stateOf(after), revision, outlier, reason: dto.reason ?? null },
        consortiumId: row.consortiumId,
        organisationId: row.organisationId,
      });
    });
    return this.present(db, id);
  }

  /**
   * The rejection notice to the firm that reported the value, written in the transaction of
   * the rejection (outbox): one message per rejection, to every user holding a firm role at
   * that firm in the value's consortium. Null when the firm has nobody to tell.
   */
  private async noticeOfRejection(tx: ScopedTx, row: Awaited<ReturnType<MetricValuesService['lock']>>, reason: string): Promise<string | null> {
    const firm = row.customerId ?? row.organisationId;
    const people = await tx.roleAssignment.findMany({
      where: { consortiumId: row.consortiumId, organisationId: firm, role: { in: [...FIRM_ROLES] }, user: { status: { not: 'disabled' } } },
      select: { user: { select: { email: true } } },
    });
    const to = [...new Set(people.map((r) => r.user.email))].sort();
    if (!to.length) return null;
    const about = row.customerId ? await tx.organisation.findFirst({ where: { id: row.organisationId }, select: { name: true } }) : null;
    const { subject, text } = rejectionNotice(
      {
        id: row.id,
        metricCode: row.metric.code,
        metricName: row.metric.name,
        unit: row.metric.unit,
        periodCode: row.period.code,
        value: row.value.toNumber(),
        numerator: row.numerator?.toNumber() ?? null,
        denominator: row.denominator?.toNumber() ?? null,
        aboutName: about?.name ?? null,
        reason,
      },
      this.config.CONSOLE_URL,
    );
    return this.outbox.write(tx, { consortiumId: row.consortiumId, to: to.join(', '), subject, text });
  }

  /** submit (reporter), validate and reject (staff): each is a revision of its own. */
  async act(id: string, action: ValueAction, reason?: string): Promise<MetricValue> {
    const p = this.context.requirePrincipal();
    const db = this.prisma.scoped;
    const messageIds: string[] = [];
    const validated = await db.$transaction(async (tx) => {
      const row = await this.lock(tx, id);
      if (action === 'submit') this.assertReporter(p, row);
      if (!canApplyValueAction(row.status, action)) {
        throw new DomainError(MetricValueErrorCode.InvalidTransition, `A ${row.status} value cannot be ${statusAfterAction(action)}; only ${statusesAllowing(action).join(' or ')} values can`, [
          { path: 'status', message: `is ${row.status}` },
        ]);
      }
      this.assertNoPending(row);
      const status = statusAfterAction(action);
      const [revision = row.revision + 1] = [...(await nextRevisions(tx, [id])).values()];
      const now = new Date();
      await tx.metricValueRevision.create({
        data: {
          metricValueId: id,
          revision,
          value: row.value,
          numerator: row.numerator,
          denominator: row.denominator,
          note: row.note,
          status,
          source: row.source,
          reason: reason ?? null,
          actorUserId: p.userId,
          actorApiKeyId: p.apiKeyId,
        },
      });
      await tx.metricValue.update({
        where: { id },
        data: {
          status,
          revision,
          ...(action === 'submit' ? { submittedAt: now, rejectionReason: null } : {}),
          ...(action === 'validate' ? { validatedAt: now, validatedById: p.userId, rejectionReason: null } : {}),
          ...(action === 'reject' ? { rejectionReason: reason ?? null, validatedAt: null, validatedById: null } : {}),
        },
      });
      await this.audit.record(tx, {
        action: `metric_value.${status}`,
        entityType: 'MetricValue',
        entityId: id,
        before: { status: row.status, revision: row.revision },
        after: { status, revision, ...(reason ? { reason } : {}) },
        consortiumId: row.consortiumId,
        organisationId: row.organisationId,
      });
      if (action === 'reject' && reason) {
        const messageId = await this.noticeOfRejection(tx, row, reason);
        if (messageId) messageIds.push(messageId);
      }
      // validating adds a figure to the period's scorecards; rejecting a validated one takes it away
      const scored = action === 'validate' || (action === 'reject' && row.status === 'validated');
      return scored ? [{ consortiumId: row.consortiumId, periodId: row.periodId, closed: row.period.state !== 'open' }] : [];
    });
    await this.outbox.dispatch(messageIds);
    await this.afterValidation(validated);
    return this.present(db, id);
  }

  /**
   * Staff validation queue: validate the submitted values among `ids` in a few statements;
   * the others (not visible, not submitted, awaiting a revision's approval) are reported.
   */
  async validateMany(ids: string[]): Promise<ValidateManyResult> {
    const p = this.context.requirePrincipal();
    const wanted = [...new Set(ids.map((i) => i.toLowerCase()))];
    const result = await this.prisma.scoped.$transaction(
      async (tx) => {
        const visible = await tx.metricValue.findMany({ where: { id: { in: wanted } }, select: { id: true } });
        await lockValues(tx, visible.map((v) => v.id));
        const rows = await tx.metricValue.findMany({ where: { id: { in: visible.map((v) => v.id) } }, include: { period: { select: { state: true } }, revisions: { where: { approval: 'pending' }, select: { revision: true }, take: 1 } } });
        const byId = new Map(rows.map((r) => [r.id, r]));
        const skipped: { id: string; reason: string }[] = [];
        const eligible: typeof rows = [];
        for (const id of wanted) {
          const r = byId.get(id);
          if (!r) skipped.push({ id, reason: 'not found' });
          else if (r.revisions[0]) skipped.push({ id, reason: `revision ${r.revisions[0].revision} awaits approval` });
          else if (r.status !== 'submitted') skipped.push({ id, reason: `is ${r.status}, not submitted` });
          else eligible.push(r);
        }
        if (!eligible.length) return { validated: [], skipped, periods: [] };
        const next = await nextRevisions(tx, eligible.map((r) => r.id));
        const now = new Date();
        await insertRevisions(
          tx,
          eligible.map((r) => ({
            metricValueId: r.id,
            revision: next.get(r.id) ?? r.revision + 1,
            value: r.value.toNumber(),
            numerator: r.numerator?.toNumber() ?? null,
            denominator: r.denominator?.toNumber() ?? null,
            note: r.note,
            status: 'validated',
            source: r.source,
            actorUserId: p.userId,
            actorApiKeyId: p.apiKeyId,
          })),
        );
        const eligibleIds = eligible.map((r) => r.id);
        const revisions = eligible.map((r) => next.get(r.id) ?? r.revision + 1);
        await tx.$executeRaw`
          UPDATE "MetricValue" v
             SET status = 'validated', "validatedAt" = ${now}, "validatedById" = ${p.userId}::uuid, "rejectionReason" = NULL, revision = u.revision, "updatedAt" = ${now}
            FROM unnest(${eligibleIds}::uuid[], ${revisions}::int[]) AS u(id, revision)
           WHERE v.id = u.id AND v.status = 'submitted'`;
        await this.audit.recordMany(
          tx,
          eligible.map((r, i) => ({
            action: 'metric_value.validated',
            entityType: 'MetricValue',
            entityId: r.id,
            before: { status: r.status, revision: r.revision },
            after: { status: 'validated', revision: revisions[i], bulk: true },
            consortiumId: r.consortiumId,
            organisationId: r.organisationId,
          })),
        );
        const periods = eligible.map((r) => ({ consortiumId: r.consortiumId, periodId: r.periodId, closed: r.period.state !== 'open' }));
        return { validated: eligibleIds, skipped, periods };
      },
      { timeout: 30_000 },
    );
    await this.afterValidation(result.periods);
    return { validated: result.validated, skipped: result.skipped };
  }
}
