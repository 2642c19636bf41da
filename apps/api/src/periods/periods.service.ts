import { Inject, Injectable, Logger } from '@nestjs/common';
import { PERIOD_KINDS, PERIOD_STATES, type LateReminderResult, type Period, type PeriodCompleteness, type PeriodGenerateResult, type PeriodState, type ReportingCalendar } from '@tandem/contracts';
import type { Period as PeriodRow } from '@tandem/db';
import { addIsoDays, canMovePeriod, canReopenPeriod, checkPeriodDates, checkPeriodKind, generateCalendar, isIsoDate, parsePeriodCode } from '@tandem/domain';
import { APP_CONFIG, AuditService, CommonErrorCode, DomainError, lockVisible, JobProducer, OutboxService, PeriodErrorCode, PrismaService, RequestContext, type AppConfig, type ScopedTx } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { iso, isoDate } from '../common/serialize';
import { ScorecardsTrigger } from '../scorecards/scorecards.trigger';
import { TrainingFiguresTrigger } from '../training-figures/training-figures.trigger';
import { COMPLETENESS_DEFAULT_LIMIT, type CreatePeriodDto, type GeneratePeriodsDto, type PeriodCompletenessQueryDto, type ReopenPeriodDto, type UpdatePeriodDto } from './dto/period.dto';
import { PERIOD_COMPLETENESS_SQL, type CompletenessRow } from './periods.sql';

/** Late reminders whose delivery is enqueued by the request; the outbox relay enqueues the rest. */
const DISPATCH_AT_ONCE = 100;

export const PERIOD_LIST: ListSpec = {
  sortable: ['code', 'startsOn', 'endsOn', 'dueOn', 'state', 'kind', 'createdAt'],
  defaultSort: ['startsOn', 'desc'],
  filters: {
    state: { type: 'enum', values: PERIOD_STATES },
    kind: { type: 'enum', values: PERIOD_KINDS },
    code: { type: 'string' },
    consortiumId: { type: 'uuid' },
    // has benchmarks: released ones (what members read), so that a page opens on the latest
    // period with figures rather than on a published period nobody reported in
    benchmarked: { type: 'boolean', where: (b) => (b ? { benchmarkCells: { some: { releasedAt: { not: null } } } } : { benchmarkCells: { none: { releasedAt: { not: null } } } }) },
    // has benchmarks at all, released or not (staff's explorer: a closed period is computed before it is published)
    computed: { type: 'boolean', where: (b) => (b ? { benchmarkCells: { some: {} } } : { benchmarkCells: { none: {} } }) },
    // has begun (today or before): what can be answered about or summarised, without periods set up ahead
    started: { type: 'boolean', where: (b) => (b ? { startsOn: { lte: new Date() } } : { startsOn: { gt: new Date() } }) },
  },
  search: (q) => ({ code: containsText(q.toUpperCase(), 'as-stored') }),
};

/** Default number of days after a period's end that its values are due. */
export const DEFAULT_DUE_DAYS = 30;

export function toPeriod(p: PeriodRow): Period {
  return {
    id: p.id,
    consortiumId: p.consortiumId,
    code: p.code,
    kind: p.kind,
    startsOn: isoDate(p.startsOn) ?? '',
    endsOn: isoDate(p.endsOn) ?? '',
    dueOn: isoDate(p.dueOn) ?? '',
    state: p.state,
    closedAt: iso(p.closedAt),
    publishedAt: iso(p.publishedAt),
    reopenCount: p.reopenCount,
    reopenedAt: iso(p.reopenedAt),
    reopenReason: p.reopenReason,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const day = (d: string): Date => new Date(`${d}T00:00:00Z`);

/**
 * BullMQ refuses ':' in custom ids; one close of one period is one job. `closeNumber` is the
 * period's reopen count: the first close keeps the plain id, a close after a reopening is a
 * close of its own (the figures may have changed), so it gets a job of its own.
 */
export function recomputeJobId(periodId: string, closeNumber = 0): string {
  return closeNumber === 0 ? `benchmarks-recompute-${periodId}-period_closed` : `benchmarks-recompute-${periodId}-period_closed-r${closeNumber}`;
}

@Injectable()
export class PeriodsService {
  private readonly logger = new Logger(PeriodsService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly jobs: JobProducer,
    private readonly scorecards: ScorecardsTrigger,
    private readonly trainingFigures: TrainingFiguresTrigger,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(page: ListPage): Promise<{ rows: Period[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.read.period, page);
    return { rows: rows.map(toPeriod), total };
  }

  async get(id: string): Promise<Period> {
    const row = await this.prisma.scoped.period.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Period');
    return toPeriod(row);
  }

  private async consortiumOf(requested: string | undefined): Promise<{ id: string; reportingCalendar: ReportingCalendar }> {
    const p = this.context.requirePrincipal();
    const consortiumId = p.role === 'platform_admin' ? requested : p.consortiumId;
    if (!consortiumId) throw DomainError.validation([{ path: 'consortiumId', message: 'is required' }]);
    const found = await this.prisma.scoped.consortium.findFirst({ where: { id: consortiumId }, select: { id: true, reportingCalendar: true } });
    if (!found) throw DomainError.validation([{ path: 'consortiumId', message: 'no such consortium' }]);
    return found;
  }

  async create(dto: CreatePeriodDto): Promise<Period> {
    const bounds = parsePeriodCode(dto.code);
    if (!bounds) throw DomainError.validation([{ path: 'code', message: 'must be YYYY-Qn (quarter) or YYYY-MM (month) of a year between 1990 and 2999' }]);
    const startsOn = dto.startsOn ?? bounds.startsOn;
    const endsOn = dto.endsOn ?? bounds.endsOn;
    const dueOn = dto.dueOn ?? addIsoDays(endsOn, DEFAULT_DUE_DAYS);
    const invalidDates = [
      ...(['startsOn', 'endsOn', 'dueOn'] as const).filter((f) => dto[f] !== undefined && !isIsoDate(dto[f] as string)).map((f) => ({ path: f, message: 'must be a real date (YYYY-MM-DD)' })),
    ];
    const errors = invalidDates.length ? invalidDates : checkPeriodDates(startsOn, endsOn, dueOn);
    if (errors.length) throw DomainError.validation(errors);
    const consortium = await this.consortiumOf(dto.consortiumId);
    const consortiumId = consortium.id;
    const wrongKind = checkPeriodKind(consortium.reportingCalendar, bounds.kind, 'code', dto.code);
    if (wrongKind) throw DomainError.validation([wrongKind]);
    const db = this.prisma.scoped;
    const existing = await db.period.findFirst({ where: { consortiumId, code: dto.code }, select: { id: true } });
    if (existing) throw new DomainError(CommonErrorCode.Conflict, `Period ${dto.code} already exists`, [{ path: 'code', message: 'already exists' }]);
    return db.$transaction(async (tx) => {
      const row = await tx.period.create({ data: { consortiumId, code: dto.code, kind: bounds.kind, startsOn: day(startsOn), endsOn: day(endsOn), dueOn: day(dueOn) } });
      const out = toPeriod(row);
      await this.audit.record(tx, { action: 'period.created', entityType: 'Period', entityId: row.id, after: out, consortiumId });
      return out;
    });
  }

  /** A year of quarters or months; codes that exist already are skipped, not changed. */
  async generate(dto: GeneratePeriodsDto): Promise<PeriodGenerateResult> {
    const consortium = await this.consortiumOf(dto.consortiumId);
    const consortiumId = consortium.id;
    const wrongKind = checkPeriodKind(consortium.reportingCalendar, dto.kind, 'kind');
    if (wrongKind) throw DomainError.validation([wrongKind]);
    const calendar = generateCalendar(dto.year, dto.kind, dto.dueDays ?? DEFAULT_DUE_DAYS);
    return this.prisma.scoped.$transaction(async (tx) => {
      const existing = await tx.period.findMany({ where: { consortiumId, code: { in: calendar.map((c) => c.code) } }, select: { code: true } });
      const skip = new Set(existing.map((e) => e.code));
      const missing = calendar.filter((c) => !skip.has(c.code));
      const rows = missing.length
        ? await tx.period.createManyAndReturn({
            data: missing.map((c) => ({ consortiumId, code: c.code, kind: c.kind, startsOn: day(c.startsOn), endsOn: day(c.endsOn), dueOn: day(c.dueOn) })),
            skipDuplicates: true,
          })
        : [];
      const created = rows.map(toPeriod).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
      for (const out of created) {
        await this.audit.record(tx, { action: 'period.created', entityType: 'Period', entityId: out.id, after: { ...out, generated: { year: dto.year, kind: dto.kind } }, consortiumId });
      }
      const createdCodes = new Set(created.map((c) => c.code));
      return { created, skipped: calendar.map((c) => c.code).filter((c) => !createdCodes.has(c)) };
    });
  }

  async update(id: string, dto: UpdatePeriodDto): Promise<Period> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await this.lock(tx, id);
      const current = toPeriod(before);
      const datesMove = (dto.startsOn !== undefined && dto.startsOn !== current.startsOn) || (dto.endsOn !== undefined && dto.endsOn !== current.endsOn);
      if (datesMove && before.state !== 'open') {
        throw new DomainError(PeriodErrorCode.Locked, `Period ${before.code} is ${before.state}: its dates no longer change`, [
          { path: dto.startsOn !== undefined && dto.startsOn !== current.startsOn ? 'startsOn' : 'endsOn', message: `period is ${before.state}` },
        ]);
      }
      const startsOn = dto.startsOn ?? current.startsOn;
      const endsOn = dto.endsOn ?? current.endsOn;
      const dueOn = dto.dueOn ?? current.dueOn;
      const bad = (['startsOn', 'endsOn', 'dueOn'] as const).filter((f) => dto[f] !== undefined && !isIsoDate(dto[f] as string));
      const errors = bad.length ? bad.map((f) => ({ path: f, message: 'must be a real date (YYYY-MM-DD)' })) : checkPeriodDates(startsOn, endsOn, dueOn);
      if (errors.length) throw DomainError.validation(errors);
      const row = await tx.period.update({ where: { id }, data: { startsOn: day(startsOn), endsOn: day(endsOn), dueOn: day(dueOn) } });
      const out = toPeriod(row);
      await this.audit.record(tx, { action: 'period.updated', entityType: 'Period', entityId: id, before: current, after: out, consortiumId: row.consortiumId });
      return out;
    });
  }

  /**
   * Close: values are locked from now on (changes become revisions that staff approve), the
   * period's scorecards are recomputed (provisional standings become final where every
   * criterion has a value, and only then have consequences), and its benchmarks are
   * recomputed. The jobs are enqueued only after the state change committed, under ids
   * derived from the period and its close, so a retried close cannot queue a second one.
   */
  async close(id: string): Promise<Period> {
    const out = await this.move(id, 'closed');
    try {
      // the derived training metrics of the period; its benchmarks are recomputed again if they change
      await this.trainingFigures.periodClosed(out.consortiumId, out.id, out.reopenCount);
    } catch (error) {
      this.logger.error({ err: error, periodId: out.id }, 'enqueue of training-figures.derive failed');
    }
    try {
      await this.scorecards.periodClosed(out.consortiumId, out.id, out.reopenCount);
    } catch (error) {
      // The close stands; POST /api/scorecards/recompute repairs a lost enqueue.
      this.logger.error({ err: error, periodId: out.id }, 'enqueue of scorecards.recompute failed');
    }
    try {
      await this.jobs.enqueue('benchmarks.recompute', { consortiumId: out.consortiumId, periodId: out.id, reason: 'period_closed' }, { jobId: recomputeJobId(out.id, out.reopenCount) });
    } catch (error) {
      // The close stands; the benchmarks issue's on-demand recompute repairs a lost enqueue.
      this.logger.error({ err: error, periodId: out.id }, 'enqueue of benchmarks.recompute failed');
    }
    return out;
  }

  /**
   * Reopen a closed period (not a published one), with a reason, to take figures that missed
   * the close: its values can be entered and changed again until it closes once more.
   * Nothing already triggered is undone: scorecards stay as computed and corrective action
   * plans stay open (people were told about them); the next recompute shows the period's
   * scorecards as provisional again, and the next close recomputes them — a plan is never
   * opened twice for one scorecard. No job is enqueued: the benchmarks of the first close
   * are left alone and the next close asks for new ones.
   */
  async reopen(id: string, dto: ReopenPeriodDto): Promise<Period> {
    const reason = dto.reason.trim();
    if (!reason) throw DomainError.validation([{ path: 'reason', message: 'must not be blank' }]);
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await this.lock(tx, id);
      if (!canReopenPeriod(before.state)) {
        const why = before.state === 'published' ? 'a published period is final' : 'only a closed period can be reopened';
        throw new DomainError(PeriodErrorCode.InvalidTransition, `Period ${before.code} is ${before.state} and cannot be reopened: ${why}`, [{ path: 'state', message: `is ${before.state}` }]);
      }
      const row = await tx.period.update({
        where: { id },
        data: { state: 'open', closedAt: null, reopenedAt: new Date(), reopenReason: reason, reopenCount: { increment: 1 } },
      });
      const out = toPeriod(row);
      await this.audit.record(tx, {
        action: 'period.reopened',
        entityType: 'Period',
        entityId: id,
        before: { state: before.state, closedAt: iso(before.closedAt), reopenCount: before.reopenCount },
        after: { state: out.state, reopenCount: out.reopenCount, reopenedAt: out.reopenedAt, reason },
        consortiumId: row.consortiumId,
      });
      return out;
    });
  }

  /**
   * Who has submitted the period's figures, computed in one SQL statement: the totals over
   * every firm and one page of the firms matching the filters. Staff (and the platform) see
   * every reporting firm of the period's consortium; a firm sees its own row only. The raw
   * query takes the consortium and the firm from the principal (raw SQL bypasses the scoped
   * client; architecture.md).
   */
  async completeness(id: string, query: PeriodCompletenessQueryDto = {}, today: Date = new Date()): Promise<PeriodCompleteness> {
    const period = await this.visible(id);
    const limit = query.limit ?? COMPLETENESS_DEFAULT_LIMIT;
    const offset = query.offset ?? 0;
    const { row, asOf } = await this.tally(
      period,
      { late: query.late === undefined ? null : query.late === 'true', status: query.status ?? null, organisationId: query.organisationId ?? null, limit, offset },
      today,
    );
    return {
      id: period.id,
      consortiumId: period.consortiumId,
      code: period.code,
      kind: period.kind,
      state: period.state,
      dueOn: isoDate(period.dueOn) ?? '',
      asOf,
      expectedMetrics: row.expectedMetrics,
      totals: { firms: row.firms, complete: row.complete, partial: row.partial, missing: row.missing, late: row.late },
      matching: row.matching,
      offset,
      limit,
      firms: row.page,
    };
  }

  private async visible(id: string): Promise<PeriodRow> {
    const period = await this.prisma.scoped.period.findFirst({ where: { id } });
    if (!period) throw DomainError.notFound('Period');
    return period;
  }

  /** PERIOD_COMPLETENESS_SQL for the principal: staff every firm, a firm itself. `limit` null: every matching firm. */
  private async tally(
    period: PeriodRow,
    filter: { late: boolean | null; status: string | null; organisationId?: string | null; limit: number | null; offset: number },
    today: Date,
  ): Promise<{ row: CompletenessRow; asOf: string }> {
    const p = this.context.requirePrincipal();
    const everyone = p.role === 'platform_admin' || p.role === 'consortium_staff';
    const consortiumId = p.role === 'platform_admin' ? period.consortiumId : p.consortiumId;
    const organisationId = everyone ? null : (p.organisationId ?? '00000000-0000-0000-0000-000000000000');
    const asOf = today.toISOString().slice(0, 10);
    const [row] = await this.prisma.scoped.$queryRawUnsafe<CompletenessRow[]>(
      PERIOD_COMPLETENESS_SQL,
      period.id,
      consortiumId,
      organisationId,
      asOf,
      filter.late,
      filter.status,
      filter.limit,
      filter.offset,
      filter.organisationId ?? null,
    );
    if (!row) throw new Error('completeness answered no row');
    return { row, asOf };
  }

  /**
   * Staff e-mail the firms late for an open period (due date passed, metrics still missing,
   * as the completeness view shows them): one message per firm to its admins and
   * contributors, naming what is missing. A firm is reminded at most once a day this way
   * (the audit trail is the record), so a second click does not spam it. Set-based: one
   * query for the recipients, one insert of the messages and one of their audit rows, so a
   * consortium of thousands of late firms is reminded within the request; delivery of the
   * first messages is enqueued at once and the outbox relay hands on the rest.
   */
  async remindLate(id: string, today: Date = new Date()): Promise<LateReminderResult> {
    const period = await this.visible(id);
    if (period.state !== 'open') {
      throw new DomainError(PeriodErrorCode.InvalidTransition, `Period ${period.code} is ${period.state}: only the firms of an open period are reminded`, [{ path: 'state', message: `is ${period.state}` }]);
    }
    const { row, asOf } = await this.tally(period, { late: true, status: null, limit: null, offset: 0 }, today);
    const dueOn = isoDate(period.dueOn) ?? '';
    const startOfDay = new Date(`${asOf}T00:00:00Z`);
    const result: LateReminderResult = { periodId: id, code: period.code, reminded: 0, alreadyReminded: 0, withoutRecipients: 0 };
    const messageIds = await this.prisma.scoped.$transaction(
      async (tx) => {
        // One reminder per firm and day, even when two staff click at once.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('period.late_reminder'), hashtext(${id}))`;
        // Reminded means e-mailed: a firm that had nobody to e-mail earlier today is tried again (it may have people now).
        const remindedToday = await tx.auditEvent.findMany({
          where: { action: 'period.late_reminder', entityType: 'Period', entityId: id, createdAt: { gte: startOfDay }, after: { path: ['recipients'], gt: 0 } },
          select: { organisationId: true },
          distinct: ['organisationId'],
        });
        const done = new Set(remindedToday.map((r) => r.organisationId));
        const todo = row.page.filter((firm) => !done.has(firm.organisationId));
        result.alreadyReminded = row.page.length - todo.length;
        if (todo.length === 0) return [];
        const people = await tx.roleAssignment.findMany({
          where: { consortiumId: period.consortiumId, organisationId: { in: todo.map((f) => f.organisationId) }, role: { in: ['firm_admin', 'firm_contributor'] }, user: { status: { not: 'disabled' } } },
          select: { organisationId: true, user: { select: { email: true } } },
        });
        const emails = new Map<string, Set<string>>();
        for (const r of people) if (r.organisationId) emails.set(r.organisationId, (emails.get(r.organisationId) ?? new Set()).add(r.user.email));
        const recipients = (firmId: string) => [...(emails.get(firmId) ?? [])].sort();
        const mailed = todo.filter((firm) => recipients(firm.organisationId).length > 0);
        const ids = await this.outbox.writeMany(
          tx,
          mailed.map((firm) => ({
            consortiumId: period.consortiumId,
            to: recipients(firm.organisationId).join(', '),
            subject: `Overdue: ${period.code} figures were due on ${dueOn}`,
            text:
              `Hello ${firm.organisationName},\n\n` +
              `the figures of period ${period.code} were due on ${dueOn}. Not yet submitted: ${firm.missingMetrics.join(', ')}.\n` +
              `Enter them in Tandem (${this.config.CONSOLE_URL}/#/metric-values/create?periodId=${id}), or upload a CSV.\n`,
          })),
        );
        const messageOf = new Map(mailed.map((firm, i) => [firm.organisationId, ids[i] ?? null]));
        result.reminded = mailed.length;
        result.withoutRecipients = todo.length - mailed.length;
        await this.audit.recordMany(
          tx,
          todo.map((firm) => ({
            action: 'period.late_reminder',
            entityType: 'Period',
            entityId: id,
            after: { periodCode: period.code, dueOn, missingMetrics: firm.missingMetrics, recipients: recipients(firm.organisationId).length, outboxMessageId: messageOf.get(firm.organisationId) ?? null },
            consortiumId: period.consortiumId,
            organisationId: firm.organisationId,
          })),
        );
        return ids;
      },
      { timeout: 60_000 },
    );
    await this.outbox.dispatch(messageIds.slice(0, DISPATCH_AT_ONCE));
    return result;
  }

  /**
   * Publish: the period's benchmarks leave staff. The recompute this enqueues releases what
   * disclosure control shows (members read cells only once released) and fixes the population
   * of each released cell from then on.
   */
  async publish(id: string): Promise<Period> {
    const out = await this.move(id, 'published');
    try {
      await this.jobs.enqueue('benchmarks.recompute', { consortiumId: out.consortiumId, periodId: out.id, reason: 'period_published' }, { jobId: `benchmarks-recompute-${out.id}-period_published` });
    } catch (error) {
      // The publication stands; an on-demand recompute releases the cells.
      this.logger.error({ err: error, periodId: out.id }, 'enqueue of benchmarks.recompute failed');
    }
    return out;
  }

  private async lock(tx: ScopedTx, id: string): Promise<PeriodRow> {
    await lockVisible(tx, 'Period', id);
    return tx.period.findFirstOrThrow({ where: { id } });
  }

  private async move(id: string, to: PeriodState): Promise<Period> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await this.lock(tx, id);
      if (!canMovePeriod(before.state, to)) {
        const verb = to === 'closed' ? 'closed' : 'published';
        const why = to === 'closed' ? 'only an open period can be closed' : 'only a closed period can be published';
        throw new DomainError(PeriodErrorCode.InvalidTransition, `Period ${before.code} is ${before.state} and cannot be ${verb}: ${why}`, [{ path: 'state', message: `is ${before.state}` }]);
      }
      const now = new Date();
      const row = await tx.period.update({ where: { id }, data: { state: to, ...(to === 'closed' ? { closedAt: now } : { publishedAt: now }) } });
      const out = toPeriod(row);
      await this.audit.record(tx, {
        action: `period.${to}`,
        entityType: 'Period',
        entityId: id,
        before: { state: before.state },
        after: { state: row.state, closedAt: out.closedAt, publishedAt: out.publishedAt },
        consortiumId: row.consortiumId,
      });
      return out;
    });
  }
}
