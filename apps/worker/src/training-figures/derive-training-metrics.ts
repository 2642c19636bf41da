import type { Prisma, PrismaClient } from '@tandem/db';
import { collectedInSql, derivedTrainingValues, isDerivedTrainingMetric, shareOfYear, trainingGroupsSql, type SessionTraining, type WorkforceFigures } from '@tandem/domain';

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * $1 consortium, $2 a period id or null (every period), $3 today, $4 published periods too
 * (the seed, telling their history). Per member firm (membership not exited) and period that
 * collects the derived training metrics (started by today, not published: a published period
 * is final), the firm's training groups of the period and its
 * workforce years up to the period's year.
 */
const GATHER_SQL = `
WITH periods AS (
  SELECT DISTINCT p.id, p."startsOn", p."endsOn", p.state::text AS state
  FROM "Period" p
  JOIN "Consortium" k ON k.id = p."consortiumId"
  JOIN "MetricDefinition" md ON md."consortiumId" = p."consortiumId" AND md.enabled AND md.code IN ('TRAIN_HRS', 'TRAIN_SPEND')
  WHERE p."consortiumId" = $1::uuid AND ($2::uuid IS NULL OR p.id = $2::uuid) AND ($4::boolean OR p.state <> 'published') AND p."startsOn" <= $3::date
    AND ${collectedInSql('k."reportingCalendar"', 'md.frequency', 'p.kind')}
)
SELECT m."organisationId", p.id AS "periodId", p."startsOn", p."endsOn", p.state,
       tf.groups AS frontline, ta.groups AS "all",
       (SELECT COALESCE(json_agg(json_build_object('year', w.year, 'frontlineHeadcount', w."frontlineHeadcount", 'payroll', w.payroll::float8)), '[]'::json)
          FROM "WorkforceYear" w WHERE w."consortiumId" = $1::uuid AND w."organisationId" = m."organisationId"
           AND w.year <= extract(year FROM p."startsOn")) AS workforce
FROM "Membership" m
CROSS JOIN periods p
LEFT JOIN LATERAL (${trainingGroupsSql({ consortium: '$1::uuid', organisation: 'm."organisationId"', from: 'p."startsOn"', to: 'p."endsOn"' }, true)}) tf ON true
LEFT JOIN LATERAL (${trainingGroupsSql({ consortium: '$1::uuid', organisation: 'm."organisationId"', from: 'p."startsOn"', to: 'p."endsOn"' }, false)}) ta ON true
WHERE m."consortiumId" = $1::uuid AND m.status <> 'exited'
ORDER BY m."organisationId", p."startsOn"`;

interface Gathered {
  organisationId: string;
  periodId: string;
  startsOn: Date;
  endsOn: Date;
  state: string;
  frontline: SessionTraining[];
  all: SessionTraining[];
  workforce: WorkforceFigures[];
}

export interface DerivedChange {
  metricValueId: string;
  organisationId: string;
  periodId: string;
  code: string;
  before: { value: number; numerator: number | null; denominator: number | null; source: string; status: string } | null;
  after: { value: number; numerator: number; denominator: number; revision: number };
}

export interface DeriveResult {
  computed: number;
  changes: DerivedChange[];
  /** periods no longer open whose values changed: their benchmarks must be recomputed */
  closedPeriods: string[];
}

const REASON = 'derived from training records';
const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

/**
 * Computes TRAIN_HRS and TRAIN_SPEND of every member firm and period of a consortium from its
 * training records (libs/domain derivedTrainingValues) and writes them as validated values of
 * source `derived`: a new value, or a new revision of a value whose figures changed (a typed-in
 * value of an older release included); an unchanged value is left alone, so running twice
 * writes nothing the second time. A firm without a workforce year gets no value. Serialised
 * per consortium by a transaction-scoped advisory lock: concurrent runs give the same rows.
 */
export async function deriveTrainingMetricsIn(tx: Tx, consortiumId: string, periodId: string | null, today: Date, options: { includePublished?: boolean; at?: Date } = {}): Promise<DeriveResult> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, `training-metrics:${consortiumId}`);
  const metrics = (await tx.metricDefinition.findMany({ where: { consortiumId, code: { in: ['TRAIN_HRS', 'TRAIN_SPEND'] }, enabled: true }, select: { id: true, code: true } })).filter((m) =>
    isDerivedTrainingMetric(m.code),
  );
  if (metrics.length === 0) return { computed: 0, changes: [], closedPeriods: [] };
  const rows = await tx.$queryRawUnsafe<Gathered[]>(GATHER_SQL, consortiumId, periodId, today.toISOString().slice(0, 10), options.includePublished ?? false);
  const existing = await tx.metricValue.findMany({
    where: { consortiumId, metricId: { in: metrics.map((m) => m.id) }, customerId: null, ...(periodId ? { periodId } : {}) },
    select: { id: true, organisationId: true, metricId: true, periodId: true, value: true, numerator: true, denominator: true, source: true, status: true, revision: true },
  });
  const byKey = new Map(existing.map((v) => [`${v.organisationId}:${v.metricId}:${v.periodId}`, v]));
  const result: DeriveResult = { computed: 0, changes: [], closedPeriods: [] };
  const closed = new Set<string>();
  const now = options.at ?? new Date();
  // new values in one statement (a consortium's first run writes hundreds), their ids filled in after
  const created: Prisma.MetricValueCreateManyInput[] = [];
  for (const row of rows) {
    const start = new Date(row.startsOn);
    const values = derivedTrainingValues({ frontline: row.frontline, all: row.all, workforce: row.workforce, year: start.getUTCFullYear(), shareOfYear: shareOfYear(start, new Date(row.endsOn)) });
    for (const metric of metrics) {
      const v = values[metric.code as keyof typeof values];
      if (!v) continue;
      result.computed += 1;
      const old = byKey.get(`${row.organisationId}:${metric.id}:${row.periodId}`);
      const same =
        old &&
        old.source === 'derived' &&
        old.status === 'validated' &&
        Number(old.value) === v.value &&
        num(old.numerator) === v.numerator &&
        num(old.denominator) === v.denominator;
      if (same) continue;
      const data = { value: v.value, numerator: v.numerator, denominator: v.denominator, note: null, source: 'derived' as const, status: 'validated' as const, rejectionReason: null, outlier: false, outlierNote: null, submittedAt: now, validatedAt: now, validatedById: null };
      const before = old ? { value: Number(old.value), numerator: num(old.numerator), denominator: num(old.denominator), source: old.source, status: old.status } : null;
      const change = { organisationId: row.organisationId, periodId: row.periodId, code: metric.code, before };
      if (old) {
        const written = await tx.metricValue.update({ where: { id: old.id }, data: { ...data, revision: { increment: 1 } }, select: { id: true, revision: true } });
        result.changes.push({ ...change, metricValueId: written.id, after: { ...v, revision: written.revision } });
      } else {
        created.push({ ...data, consortiumId, organisationId: row.organisationId, metricId: metric.id, periodId: row.periodId, customerId: null, subjectKey: 'self', revision: 1 });
        result.changes.push({ ...change, metricValueId: '', after: { ...v, revision: 1 } });
      }
      if (row.state !== 'open') closed.add(row.periodId);
    }
  }
  if (created.length > 0) {
    const rows = await tx.metricValue.createManyAndReturn({ data: created, select: { id: true, organisationId: true, metricId: true, periodId: true } });
    const codeOf = new Map(metrics.map((m) => [m.id, m.code]));
    const idOf = new Map(rows.map((r) => [`${r.organisationId}:${codeOf.get(r.metricId)}:${r.periodId}`, r.id]));
    for (const c of result.changes) if (c.metricValueId === '') c.metricValueId = idOf.get(`${c.organisationId}:${c.code}:${c.periodId}`) ?? '';
  }
  await tx.metricValueRevision.createMany({
    data: result.changes.map((c) => ({
      metricValueId: c.metricValueId,
      revision: c.after.revision,
      value: c.after.value,
      numerator: c.after.numerator,
      denominator: c.after.denominator,
      note: null,
      status: 'validated' as const,
      source: 'derived' as const,
      reason: REASON,
      approval: 'not_needed' as const,
    })),
  });
  result.closedPeriods = [...closed];
  return result;
}
