import { Injectable } from '@nestjs/common';
import type { BulkRowResult, ProblemFieldError } from '@tandem/contracts';
import type { MetricDefinition as MetricDefinitionRow, Period as PeriodRow } from '@tandem/db';
import {
  checkCrossMetric,
  detectOutlier,
  isPeriodLocked,
  isStaffRole,
  metricRuleOf,
  readNumber,
  reportingMessage,
  reportingModeOf,
  relatedMetricCodes,
  sameFigures,
  validateFigures,
  type FigureInput,
  type Figures,
  type PreviousValue,
  type ReportingSide,
} from '@tandem/domain';
import { AuditService, CommonErrorCode, DomainError, PrismaService, RequestContext, type Principal, type ScopedTx } from '@tandem/server';
import { isoDate } from '../common/serialize';
import { MAX_NOTE } from './dto/metric-value.dto';
import { decimalText, insertRevisions, lockValues, nextRevisions, previousValues, relatedKey, relatedValues, uuidv7, type Db } from './metric-values.queries';

const FIELDS = new Set(['orgCode', 'period', 'metric', 'value', 'numerator', 'denominator', 'customerCode', 'note', 'revision']);
const CODE_MAX = 60;

interface ParsedRow {
  row: number;
  orgCode?: string;
  period: string;
  metric: string;
  customerCode?: string;
  note?: string;
  revision?: number;
  input: FigureInput;
}

/** Shape of one row; the answer names every bad field of it. */
export function parseBulkRow(raw: Record<string, unknown>, row: number): { parsed?: ParsedRow; errors: ProblemFieldError[] } {
  const errors: ProblemFieldError[] = [];
  for (const key of Object.keys(raw)) if (!FIELDS.has(key)) errors.push({ path: key, message: 'unknown field' });
  const code = (key: string, required: boolean): string | undefined => {
    const v = raw[key];
    if (v === undefined || v === null || v === '') {
      if (required) errors.push({ path: key, message: 'is required' });
      return undefined;
    }
    if (typeof v !== 'string' || v.length > CODE_MAX) {
      errors.push({ path: key, message: `must be a code of at most ${CODE_MAX} characters` });
      return undefined;
    }
    return v.trim();
  };
  const orgCode = code('orgCode', false);
  const period = code('period', true);
  const metric = code('metric', true);
  const customerCode = code('customerCode', false);
  let note: string | undefined;
  if (raw['note'] !== undefined && raw['note'] !== null) {
    if (typeof raw['note'] !== 'string' || raw['note'].length > MAX_NOTE) errors.push({ path: 'note', message: `must be text of at most ${MAX_NOTE} characters` });
    else note = raw['note'];
  }
  let revision: number | undefined;
  if (raw['revision'] !== undefined && raw['revision'] !== null) {
    const r = raw['revision'];
    if (typeof r !== 'number' || !Number.isInteger(r) || r < 1) errors.push({ path: 'revision', message: 'must be a positive whole number' });
    else revision = r;
  }
  const input: FigureInput = {};
  for (const f of ['value', 'numerator', 'denominator'] as const) {
    const n = readNumber(raw[f], f);
    if (n.error) errors.push(n.error);
    else if (n.value !== undefined) input[f] = n.value;
  }
  if (errors.length || !period || !metric) return { errors };
  return { parsed: { row, orgCode, period, metric, customerCode, note, revision, input }, errors };
}

interface Candidate {
  parsed: ParsedRow;
  period: PeriodRow;
  metric: MetricDefinitionRow;
  organisationId: string;
  customerId: string | null;
  subjectKey: string;
  side: ReportingSide;
  key: string;
  figures?: Figures;
}

type Decision =
  | { kind: 'create'; c: Candidate; figures: Figures }
  | { kind: 'update'; c: Candidate; figures: Figures; id: string; note: string | null; before: ExistingRow }
  | { kind: 'unchanged'; c: Candidate; id: string; revision: number };

interface ExistingRow {
  id: string;
  organisationId: string;
  metricId: string;
  periodId: string;
  subjectKey: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  status: string;
  revision: number;
  pending: number | null;
}

/** What a row may name (MetricValuesBulkService.nameable), code → id. */
interface Nameable {
  /** the caller's own organisation (firms and buyers) */
  own: { id: string; code: string } | null;
  /** staff: the consortium's members */
  members: Map<string, string>;
  /** a buyer: its suppliers in the consortium */
  suppliers: Map<string, string>;
}

function naturalKey(organisationId: string, metricId: string, periodId: string, subjectKey: string): string {
  return `${organisationId}|${metricId}|${periodId}|${subjectKey}`;
}

/**
 * POST /api/metric-values/bulk: members' ERP exports. Each row is validated exactly like a
 * single value; the answer is one result per row. Idempotent on (organisation, metric,
 * period, customer, revision): a row whose figures are already the current ones — or were
 * applied by an earlier push of the same row — is `unchanged`. Codes are resolved with one
 * query per kind, and rows are written with a handful of set-based statements.
 */
@Injectable()
export class MetricValuesBulkService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly context: RequestContext,
    private readonly audit: AuditService,
  ) {}

  async push(rows: Record<string, unknown>[]): Promise<BulkRowResult[]> {
    const p = this.context.requirePrincipal();
    const consortiumId = p.consortiumId;
    if (!consortiumId) throw DomainError.validation([{ path: 'rows', message: 'a bulk push acts within one consortium; use a consortium account or API key' }]);
    const results: BulkRowResult[] = rows.map((_, i) => ({ row: i + 1, status: 'error' }));
    const fail = (row: number, errors: ProblemFieldError[]) => {
      results[row - 1] = { row, status: 'error', errors };
    };

    const parsed: ParsedRow[] = [];
    rows.forEach((raw, i) => {
      const r = parseBulkRow(raw, i + 1);
      if (r.parsed) parsed.push(r.parsed);
      else fail(i + 1, r.errors);
    });

    const db = this.prisma.scoped;
    const [periods, metrics, names] = await Promise.all([
      db.period.findMany({ where: { consortiumId, code: { in: [...new Set(parsed.map((r) => r.period))] } } }),
      db.metricDefinition.findMany({ where: { consortiumId, code: { in: [...new Set(parsed.map((r) => r.metric))] } } }),
      this.nameable(db, p, consortiumId, parsed),
    ]);
    const periodBy = new Map(periods.map((x) => [x.code, x]));
    const metricBy = new Map(metrics.map((x) => [x.code, x]));

    const resolved: Candidate[] = [];
    for (const r of parsed) {
      const errors: ProblemFieldError[] = [];
      const period = periodBy.get(r.period);
      const metric = metricBy.get(r.metric);
      if (!period) errors.push({ path: 'period', message: `unknown period "${r.period}" in this consortium` });
      if (!metric) errors.push({ path: 'metric', message: `unknown metric "${r.metric}" in this consortium` });
      const target = this.target(p, r, names, errors);
      if (errors.length || !period || !metric || !target) {
        fail(r.row, errors);
        continue;
      }
      const subjectKey = target.customerId ?? 'self';
      resolved.push({ parsed: r, period, metric, ...target, subjectKey, key: naturalKey(target.organisationId, metric.id, period.id, subjectKey) });
    }

    // Staff: a customer's report needs a supply relationship between the two, one query for
    // all pairs. (A buyer named only its own suppliers: nameable() found no other.)
    const pairs = isStaffRole(p.role) ? resolved.filter((c) => c.customerId) : [];
    if (pairs.length) {
      const rels = await db.supplyRelationship.findMany({
        where: { consortiumId, customerId: { in: [...new Set(pairs.map((c) => c.customerId as string))] }, supplierId: { in: [...new Set(pairs.map((c) => c.organisationId))] } },
        select: { customerId: true, supplierId: true },
      });
      const ok = new Set(rels.map((x) => `${x.customerId}|${x.supplierId}`));
      for (const c of pairs) {
        if (!ok.has(`${c.customerId}|${c.organisationId}`)) {
          fail(c.parsed.row, [{ path: 'customerCode', message: reportingMessage('bulkNoRelationship') }]);
        }
      }
    }

    // Duplicates within the payload: the first row of a key is taken, later ones are refused.
    const firstOf = new Map<string, number>();
    const candidates: Candidate[] = [];
    for (const c of resolved) {
      if (results[c.parsed.row - 1]?.errors) continue;
      const first = firstOf.get(c.key);
      if (first !== undefined) {
        fail(c.parsed.row, [{ path: 'metric', message: `duplicates row ${first} (same organisation, metric, period and customer)` }]);
        continue;
      }
      firstOf.set(c.key, c.parsed.row);
      const { figures, errors } = validateFigures(metricRuleOf(c.metric), c.parsed.input, { side: c.side, periodKind: c.period.kind, periodCode: c.period.code });
      if (!figures) fail(c.parsed.row, errors);
      else candidates.push({ ...c, figures });
    }
    if (!candidates.length) return results;

    return db.$transaction(
      async (tx) => {
        // Cross-metric rules against the stored values, overlaid with this payload's own.
        const codes = [...new Set(candidates.flatMap((c) => relatedMetricCodes(c.metric.code)))];
        if (codes.length) {
          const stored = await relatedValues(
            tx,
            candidates.map((c) => ({ organisationId: c.organisationId, periodId: c.period.id, subjectKey: c.subjectKey })),
            codes,
          );
          const checked = (c: Candidate) => relatedMetricCodes(c.metric.code).length > 0;
          const involved = new Set([...codes, ...candidates.filter(checked).map((c) => c.metric.code)]);
          const inPayload = new Map<string, Record<string, number>>();
          for (const c of candidates) {
            if (!involved.has(c.metric.code) || !c.figures) continue;
            const k = relatedKey(c.organisationId, c.period.id, c.subjectKey);
            inPayload.set(k, { ...(inPayload.get(k) ?? {}), [c.metric.code]: c.figures.value });
          }
          for (const c of candidates) {
            if (!checked(c)) continue;
            const k = relatedKey(c.organisationId, c.period.id, c.subjectKey);
            const errors = checkCrossMetric(c.metric.code, c.figures?.value ?? 0, { ...(stored.get(k) ?? {}), ...(inPayload.get(k) ?? {}) });
            if (errors.length) fail(c.parsed.row, errors);
          }
        }
        const live = candidates.filter((c) => !results[c.parsed.row - 1]?.errors);

        const existing = await this.existing(tx, live);
        const decisions: Decision[] = [];
        const replayCheck: { c: Candidate; ex: ExistingRow }[] = [];
        for (const c of live) {
          const figures = c.figures as Figures;
          const ex = existing.get(c.key);
          const r = c.parsed.revision;
          if (!ex) {
            if (r !== undefined) fail(c.parsed.row, [{ path: 'revision', message: 'there is no value to revise yet; omit revision to create it' }]);
            else if (isPeriodLocked(c.period.state)) fail(c.parsed.row, [{ path: 'period', message: `${c.period.code} is ${c.period.state}: no new values can be reported for it` }]);
            else decisions.push({ kind: 'create', c, figures });
            continue;
          }
          if (ex.pending !== null) {
            fail(c.parsed.row, [{ path: 'revision', message: `revision ${ex.pending} of this value awaits staff approval` }]);
            continue;
          }
          const same = sameFigures(figures, ex) && (c.parsed.note === undefined || c.parsed.note === ex.note);
          if (same) decisions.push({ kind: 'unchanged', c, id: ex.id, revision: ex.revision });
          else if (r === ex.revision) {
            if (isPeriodLocked(c.period.state)) {
              fail(c.parsed.row, [{ path: 'period', message: `${c.period.code} is ${c.period.state}: a change needs a reason and staff approval (PUT /api/metric-values/${ex.id})` }]);
            } else decisions.push({ kind: 'update', c, figures, id: ex.id, note: c.parsed.note ?? ex.note, before: ex });
          } else replayCheck.push({ c, ex });
        }

        // A row that differs from the current figures may still be a replay of one an earlier push applied.
        if (replayCheck.length) {
          const applied = await tx.metricValueRevision.findMany({
            where: { metricValueId: { in: replayCheck.map((x) => x.ex.id) }, approval: { in: ['not_needed', 'approved'] } },
            select: { metricValueId: true, revision: true, value: true, numerator: true, denominator: true, note: true },
          });
          for (const { c, ex } of replayCheck) {
            const since = c.parsed.revision ?? 0;
            const replay = applied.some(
              (a) =>
                a.metricValueId === ex.id &&
                a.revision > since &&
                sameFigures(c.figures as Figures, { value: a.value.toNumber(), numerator: a.numerator?.toNumber() ?? null, denominator: a.denominator?.toNumber() ?? null }) &&
                (c.parsed.note === undefined || c.parsed.note === a.note),
            );
            if (replay) decisions.push({ kind: 'unchanged', c, id: ex.id, revision: ex.revision });
            else
              fail(c.parsed.row, [
                c.parsed.revision === undefined
                  ? { path: 'revision', message: `a value exists already (revision ${ex.revision}); send revision ${ex.revision} to change it` }
                  : { path: 'revision', message: `is stale: the current revision is ${ex.revision}` },
              ]);
          }
        }

        const writes = decisions.filter((d): d is Exclude<Decision, { kind: 'unchanged' }> => d.kind !== 'unchanged');
        const outliers = await this.outliers(tx, consortiumId, writes);
        const created = await this.create(tx, p, consortiumId, writes.filter((d): d is Extract<Decision, { kind: 'create' }> => d.kind === 'create'), outliers);
        const updated = await this.update(tx, p, consortiumId, writes.filter((d): d is Extract<Decision, { kind: 'update' }> => d.kind === 'update'), outliers);
        for (const d of decisions) {
          const row = d.c.parsed.row;
          if (d.kind === 'unchanged') results[row - 1] = { row, status: 'unchanged', id: d.id, revision: d.revision };
          else if (d.kind === 'create') results[row - 1] = { row, status: 'created', id: created.get(d.c.key), revision: 1 };
          else results[row - 1] = { row, status: 'updated', id: d.id, revision: updated.get(d.id) };
        }
        return results;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  }

  /**
   * The organisations a row may name, by code. Staff: the members of the consortium (any
   * other code, of another consortium too, is unknown). A firm or a buyer: itself, and a
   * buyer its suppliers — so that every other code, whether it exists, is a member or has a
   * relationship with someone else, gets the same answer (benchmarks.md rule 9).
   */
  private async nameable(db: Db, p: Principal, consortiumId: string, rows: ParsedRow[]): Promise<Nameable> {
    const codes = [...new Set(rows.flatMap((r) => [r.orgCode, r.customerCode]).filter((c): c is string => !!c))];
    if (isStaffRole(p.role)) {
      const members = codes.length
        ? await db.$queryRaw<{ id: string; code: string }[]>`
            SELECT o.id, o.code FROM "Organisation" o
             WHERE o.code = ANY(${codes}::text[])
               AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."organisationId" = o.id AND m."consortiumId" = ${consortiumId}::uuid)`
        : [];
      return { own: null, members: new Map(members.map((x) => [x.code, x.id])), suppliers: new Map() };
    }
    const own = p.organisationId ? await db.organisation.findFirst({ where: { id: p.organisationId }, select: { id: true, code: true } }) : null;
    if (p.role !== 'customer_buyer' || !own || !codes.length) return { own, members: new Map(), suppliers: new Map() };
    const suppliers = await db.supplyRelationship.findMany({
      where: { consortiumId, customerId: own.id, supplier: { code: { in: codes } } },
      select: { supplier: { select: { id: true, code: true } } },
    });
    return { own, members: new Map(), suppliers: new Map(suppliers.map((x) => [x.supplier.code, x.supplier.id])) };
  }

  /** Organisation and reporting customer of a row, by the principal's role. */
  private target(p: Principal, r: ParsedRow, names: Nameable, errors: ProblemFieldError[]): { organisationId: string; customerId: string | null; side: ReportingSide } | null {
    const mode = reportingModeOf(p);
    if (mode !== 'staff') {
      const own = names.own;
      if (!own) {
        errors.push({ path: r.orgCode ? 'orgCode' : 'customerCode', message: reportingMessage('notInConsortium') });
        return null;
      }
      if (mode === 'buyer') {
        if (r.customerCode && r.customerCode !== own.code) errors.push({ path: 'customerCode', message: reportingMessage('bulkBuyerForOther', { own: own.code }) });
        const supplier = r.orgCode ? names.suppliers.get(r.orgCode) : undefined;
        if (!r.orgCode) errors.push({ path: 'orgCode', message: reportingMessage('supplier_required') });
        else if (!supplier) errors.push({ path: 'orgCode', message: reportingMessage('bulkNotSupplier', { own: own.code }) });
        return errors.length || !supplier ? null : { organisationId: supplier, customerId: own.id, side: 'customer' };
      }
      if (r.orgCode && r.orgCode !== own.code) errors.push({ path: 'orgCode', message: reportingMessage('bulkFirmForOther', { own: own.code }) });
      if (r.customerCode) errors.push({ path: 'customerCode', message: reportingMessage('customer_only') });
      return errors.length ? null : { organisationId: own.id, customerId: null, side: 'supplier' };
    }
    const lookup = (code: string | undefined, path: string): string | null | undefined => {
      if (!code) return undefined;
      const id = names.members.get(code);
      if (!id) errors.push({ path, message: reportingMessage('bulkUnknown', { code }) });
      return id ?? null;
    };
    const org = lookup(r.orgCode, 'orgCode');
    const customer = lookup(r.customerCode, 'customerCode');
    if (org === null || customer === null) return null;
    if (!org) {
      errors.push({ path: 'orgCode', message: reportingMessage('organisation_required') });
      return null;
    }
    return customer ? { organisationId: org, customerId: customer, side: 'customer' } : { organisationId: org, customerId: null, side: 'supplier' };
  }

  /** Current values of the rows' natural keys, locked for the rest of the transaction. */
  private async existing(tx: ScopedTx, cs: Candidate[]): Promise<Map<string, ExistingRow>> {
    const out = new Map<string, ExistingRow>();
    if (!cs.length) return out;
    const where = {
      organisationId: { in: [...new Set(cs.map((c) => c.organisationId))] },
      metricId: { in: [...new Set(cs.map((c) => c.metric.id))] },
      periodId: { in: [...new Set(cs.map((c) => c.period.id))] },
      subjectKey: { in: [...new Set(cs.map((c) => c.subjectKey))] },
    };
    const found = await tx.metricValue.findMany({ where, select: { id: true } });
    if (!found.length) return out;
    await lockValues(tx, found.map((f) => f.id));
    const rows = await tx.metricValue.findMany({ where: { id: { in: found.map((f) => f.id) } }, include: { revisions: { where: { approval: 'pending' }, select: { revision: true }, take: 1 } } });
    const wanted = new Set(cs.map((c) => c.key));
    for (const r of rows) {
      const key = naturalKey(r.organisationId, r.metricId, r.periodId, r.subjectKey);
      if (!wanted.has(key)) continue;
      out.set(key, {
        id: r.id,
        organisationId: r.organisationId,
        metricId: r.metricId,
        periodId: r.periodId,
        subjectKey: r.subjectKey,
        value: r.value.toNumber(),
        numerator: r.numerator?.toNumber() ?? null,
        denominator: r.denominator?.toNumber() ?? null,
        note: r.note,
        status: r.status,
        revision: r.revision,
        pending: r.revisions[0]?.revision ?? null,
      });
    }
    return out;
  }

  /**
   * Outlier flags against the previous period: the stored value of the latest earlier period,
   * or this payload's own value of a later one of those earlier periods (a push of several
   * quarters at once compares each with the one before it).
   */
  private async outliers(tx: Db, consortiumId: string, writes: { c: Candidate; figures: Figures }[]): Promise<Map<string, { outlier: boolean; outlierNote: string | null }>> {
    const starts = writes.map((w) => isoDate(w.c.period.startsOn) ?? '');
    const stored = await previousValues(
      tx,
      consortiumId,
      writes.map((w, i) => ({ organisationId: w.c.organisationId, metricId: w.c.metric.id, subjectKey: w.c.subjectKey, periodKind: w.c.period.kind, startsOn: starts[i] as string })),
    );
    // One series per firm, metric, subject and period kind, in period order.
    const series = new Map<string, number[]>();
    writes.forEach((w, i) => {
      const key = `${w.c.organisationId}|${w.c.metric.id}|${w.c.subjectKey}|${w.c.period.kind}`;
      const list = series.get(key);
      if (list) list.push(i);
      else series.set(key, [i]);
    });
    const out = new Map<string, { outlier: boolean; outlierNote: string | null }>();
    for (const indexes of series.values()) {
      indexes.sort((a, b) => (starts[a] as string).localeCompare(starts[b] as string));
      indexes.forEach((i, pos) => {
        const w = writes[i] as { c: Candidate; figures: Figures };
        const own = stored[i] ?? null;
        const before = pos > 0 ? (indexes[pos - 1] as number) : undefined;
        let previous: PreviousValue | null = own;
        if (before !== undefined && (!own || (starts[before] as string) > own.startsOn)) {
          const b = writes[before] as { c: Candidate; figures: Figures };
          previous = { value: b.figures.value, periodCode: b.c.period.code };
        }
        out.set(w.c.key, detectOutlier(metricRuleOf(w.c.metric), w.figures.value, previous));
      });
    }
    return out;
  }

  /**
   * New values, their first revisions and audit rows: three set-based statements. Raw SQL
   * skips the scoped client's create check, so every row was resolved above under the
   * principal's rules and lands in the principal's consortium.
   */
  private async create(
    tx: ScopedTx,
    p: Principal,
    consortiumId: string,
    creates: { c: Candidate; figures: Figures }[],
    outliers: Map<string, { outlier: boolean; outlierNote: string | null }>,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    if (!creates.length) return ids;
    for (const { c } of creates) ids.set(c.key, uuidv7());
    const now = new Date();
    const flag = (c: Candidate) => outliers.get(c.key) ?? { outlier: false, outlierNote: null };
    const inserted = await tx.$executeRaw`
      INSERT INTO "MetricValue" (id, "consortiumId", "organisationId", "metricId", "periodId", "customerId", "subjectKey", value, numerator, denominator, note,
                                 source, status, outlier, "outlierNote", revision, "submittedAt", "createdAt", "updatedAt")
      SELECT u.id, ${consortiumId}::uuid, u.organisation, u.metric, u.period, u.customer, u.subject, u.value, u.numerator, u.denominator, u.note,
             'api', 'submitted', u.outlier, u.outlier_note, 1, ${now}, ${now}, ${now}
        FROM unnest(${creates.map(({ c }) => ids.get(c.key) as string)}::uuid[], ${creates.map(({ c }) => c.organisationId)}::uuid[], ${creates.map(({ c }) => c.metric.id)}::uuid[],
                    ${creates.map(({ c }) => c.period.id)}::uuid[], ${creates.map(({ c }) => c.customerId)}::uuid[], ${creates.map(({ c }) => c.subjectKey)}::text[],
                    ${creates.map(({ figures }) => decimalText(figures.value))}::numeric[], ${creates.map(({ figures }) => decimalText(figures.numerator))}::numeric[],
                    ${creates.map(({ figures }) => decimalText(figures.denominator))}::numeric[], ${creates.map(({ c }) => c.parsed.note ?? null)}::text[],
                    ${creates.map(({ c }) => flag(c).outlier)}::boolean[], ${creates.map(({ c }) => flag(c).outlierNote)}::text[])
             AS u(id, organisation, metric, period, customer, subject, value, numerator, denominator, note, outlier, outlier_note)
      ON CONFLICT ("organisationId", "metricId", "periodId", "subjectKey") DO NOTHING`;
    if (inserted !== creates.length) {
      // Another request reported some of these keys meanwhile: roll back, let the client resend.
      throw new DomainError(CommonErrorCode.Conflict, 'Some of these values were reported by another request at the same time; send the rows again', [{ path: 'rows', message: 'reported concurrently' }]);
    }
    await insertRevisions(
      tx,
      creates.map(({ c, figures }) => ({
        metricValueId: ids.get(c.key) as string,
        revision: 1,
        ...figures,
        note: c.parsed.note ?? null,
        status: 'submitted',
        source: 'api',
        actorUserId: p.userId,
        actorApiKeyId: p.apiKeyId,
      })),
    );
    await this.audit.recordMany(
      tx,
      creates.map(({ c, figures }) => ({
        action: 'metric_value.created',
        entityType: 'MetricValue',
        entityId: ids.get(c.key) as string,
        after: { ...figures, note: c.parsed.note ?? null, status: 'submitted', source: 'api', metricCode: c.metric.code, periodCode: c.period.code, customerId: c.customerId, outlier: flag(c).outlier, bulkRow: c.parsed.row },
        consortiumId,
        organisationId: c.organisationId,
      })),
    );
    return ids;
  }

  private async update(
    tx: ScopedTx,
    p: Principal,
    consortiumId: string,
    updates: { c: Candidate; figures: Figures; id: string; note: string | null; before: ExistingRow }[],
    outliers: Map<string, { outlier: boolean; outlierNote: string | null }>,
  ): Promise<Map<string, number>> {
    const revisionOf = new Map<string, number>();
    if (!updates.length) return revisionOf;
    const next = await nextRevisions(tx, updates.map((u) => u.id));
    for (const u of updates) revisionOf.set(u.id, next.get(u.id) ?? u.before.revision + 1);
    const now = new Date();
    const flag = (u: { c: Candidate }) => outliers.get(u.c.key) ?? { outlier: false, outlierNote: null };
    await insertRevisions(
      tx,
      updates.map((u) => ({
        metricValueId: u.id,
        revision: revisionOf.get(u.id) as number,
        ...u.figures,
        note: u.note,
        status: 'submitted',
        source: 'api',
        actorUserId: p.userId,
        actorApiKeyId: p.apiKeyId,
      })),
    );
    const nums = (f: (u: (typeof updates)[number]) => number | null) => updates.map((u) => decimalText(f(u)));
    await tx.$executeRaw`
      UPDATE "MetricValue" v
         SET value = u.value, numerator = u.numerator, denominator = u.denominator, note = u.note,
             status = 'submitted', source = 'api', revision = u.revision, outlier = u.outlier, "outlierNote" = u.outlier_note,
             "submittedAt" = CASE WHEN v.status = 'submitted' THEN v."submittedAt" ELSE ${now} END,
             "validatedAt" = NULL, "validatedById" = NULL, "rejectionReason" = NULL, "updatedAt" = ${now}
        FROM unnest(${updates.map((u) => u.id)}::uuid[], ${nums((u) => u.figures.value)}::numeric[], ${nums((u) => u.figures.numerator)}::numeric[],
                    ${nums((u) => u.figures.denominator)}::numeric[], ${updates.map((u) => u.note)}::text[], ${updates.map((u) => revisionOf.get(u.id) as number)}::int[],
                    ${updates.map((u) => flag(u).outlier)}::boolean[], ${updates.map((u) => flag(u).outlierNote)}::text[])
             AS u(id, value, numerator, denominator, note, revision, outlier, outlier_note)
       WHERE v.id = u.id AND v."consortiumId" = ${consortiumId}::uuid`;
    await this.audit.recordMany(
      tx,
      updates.map((u) => ({
        action: 'metric_value.updated',
        entityType: 'MetricValue',
        entityId: u.id,
        before: { value: u.before.value, numerator: u.before.numerator, denominator: u.before.denominator, note: u.before.note, status: u.before.status, revision: u.before.revision },
        after: { ...u.figures, note: u.note, status: 'submitted', source: 'api', revision: revisionOf.get(u.id), outlier: flag(u).outlier, bulkRow: u.c.parsed.row },
        consortiumId,
        organisationId: u.c.organisationId,
      })),
    );
    return revisionOf;
  }
}
