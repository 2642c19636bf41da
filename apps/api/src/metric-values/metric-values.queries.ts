import { randomBytes } from 'node:crypto';
import type { MetricValue, MetricValueSource, MetricValueState } from '@tandem/contracts';
import type { MetricValue as MetricValueRow, Prisma } from '@tandem/db';
import type { PreviousValue } from '@tandem/domain';
import type { Principal, ScopedPrismaClient, ScopedTx } from '@tandem/server';
import { iso, num } from '../common/serialize';

/**
 * Reads and writes shared by the single-value routes and the bulk push. Raw SQL here
 * bypasses the scoped client, so every statement either takes ids that came out of a
 * scoped query or restricts itself to the principal's consortium explicitly.
 */
export type Db = ScopedPrismaClient | ScopedTx;

export const VALUE_INCLUDE = {
  metric: { select: { code: true } },
  period: { select: { code: true, startsOn: true } },
  revisions: { where: { approval: 'pending' }, select: { revision: true }, take: 1 },
} as const satisfies Prisma.MetricValueInclude;

export type ValueRow = MetricValueRow & { metric: { code: string }; period: { code: string; startsOn: Date }; revisions: { revision: number }[] };

export interface Progress {
  baselineValue: number | null;
  goalValue: number | null;
  improvementSinceBaseline: number | null;
  distanceToGoal: number | null;
}

const NO_PROGRESS: Progress = { baselineValue: null, goalValue: null, improvementSinceBaseline: null, distanceToGoal: null };

/**
 * Whether `p` reads `v` from outside the firm: a customer buyer reading a supplier's
 * self-reported value. The firm's own working on it — its note, the review flag and note
 * (computed against the firm's previous figure, which may be a draft), a change awaiting
 * approval, and in revisions the reasons and who made them — stays with the firm. The buyer's
 * own reports about a supplier are its own, fully visible.
 */
export function readsFromOutside(p: Principal, v: { customerId: string | null }): boolean {
  return p.role === 'customer_buyer' && v.customerId === null;
}

/** A value as `viewer` may see it (readsFromOutside: without the firm's own working). */
export function toMetricValue(v: ValueRow, viewer: Principal, progress: Progress = NO_PROGRESS): MetricValue {
  const outside = readsFromOutside(viewer, v);
  return {
    id: v.id,
    consortiumId: v.consortiumId,
    organisationId: v.organisationId,
    metricId: v.metricId,
    metricCode: v.metric.code,
    periodId: v.periodId,
    periodCode: v.period.code,
    periodStartsOn: v.period.startsOn.toISOString().slice(0, 10),
    customerId: v.customerId,
    subjectKey: v.subjectKey,
    value: v.value.toNumber(),
    numerator: num(v.numerator),
    denominator: num(v.denominator),
    note: outside ? null : v.note,
    source: v.source,
    status: v.status,
    rejectionReason: outside ? null : v.rejectionReason,
    outlier: outside ? false : v.outlier,
    outlierNote: outside ? null : v.outlierNote,
    revision: v.revision,
    // the nested include is not scoped: a pending change of a supplier's value is the firm's until approved
    pendingRevision: outside ? null : (v.revisions[0]?.revision ?? null),
    submittedAt: iso(v.submittedAt),
    validatedAt: iso(v.validatedAt),
    validatedById: v.validatedById,
    ...progress,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

export function stateOf(v: { value: { toNumber(): number }; numerator: { toNumber(): number } | null; denominator: { toNumber(): number } | null; note: string | null; status: MetricValueRow['status']; source: MetricValueSource }): MetricValueState {
  return { value: v.value.toNumber(), numerator: num(v.numerator), denominator: num(v.denominator), note: v.note, status: v.status, source: v.source };
}

export function sourceOf(p: Principal): MetricValueSource {
  return p.kind === 'api_key' ? 'api' : 'form';
}

/**
 * Improvement since baseline and distance to goal of the given values, in one statement.
 * Baseline: the goal's baseline value, else the submitted or validated value at the goal's
 * baseline period, else (no baseline period chosen) the firm's first validated value of the
 * same metric, subject and period kind. Never a draft: the figures are shown to whoever
 * reads the value, a supplier's customers too, and a draft never leaves the firm. Both
 * figures are oriented by the metric's direction: positive is better.
 */
export async function progressOf(db: Db, ids: string[]): Promise<Map<string, Progress>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; baseline: number | null; goal: number | null; improvement: number | null; distance: number | null }[]>`
    SELECT v.id,
           base.baseline::float8 AS baseline,
           g."goalValue"::float8 AS goal,
           CASE WHEN base.baseline IS NULL OR base.baseline = 0 THEN NULL
                ELSE round((v.value - base.baseline) / abs(base.baseline) * 100 * CASE WHEN d.direction = 'higher' THEN 1 ELSE -1 END, 2)::float8 END AS improvement,
           CASE WHEN g."goalValue" IS NULL THEN NULL
                WHEN d.direction = 'higher' THEN (g."goalValue" - v.value)::float8
                ELSE (v.value - g."goalValue")::float8 END AS distance
      FROM "MetricValue" v
      JOIN "MetricDefinition" d ON d.id = v."metricId"
      JOIN "Period" vp ON vp.id = v."periodId"
      LEFT JOIN "MetricGoal" g ON g."consortiumId" = v."consortiumId" AND g."organisationId" = v."organisationId" AND g."metricId" = v."metricId"
      CROSS JOIN LATERAL (
        SELECT COALESCE(
          g."baselineValue",
          (SELECT b.value FROM "MetricValue" b
            WHERE b."organisationId" = v."organisationId" AND b."metricId" = v."metricId" AND b."subjectKey" = v."subjectKey"
              AND b."periodId" = g."baselinePeriodId" AND b.status IN ('submitted', 'validated')),
          CASE WHEN g."baselinePeriodId" IS NULL THEN
            (SELECT b.value FROM "MetricValue" b JOIN "Period" bp ON bp.id = b."periodId"
              WHERE b."organisationId" = v."organisationId" AND b."metricId" = v."metricId" AND b."subjectKey" = v."subjectKey"
                AND b.status = 'validated' AND bp.kind = vp.kind
              ORDER BY bp."startsOn" ASC LIMIT 1)
          END) AS baseline
      ) base
     WHERE v.id = ANY(${ids}::uuid[])`;
  return new Map(
    rows.map((r) => [r.id, { baselineValue: r.baseline, goalValue: r.goal, improvementSinceBaseline: r.improvement, distanceToGoal: r.distance === null ? null : Math.round(r.distance * 1e6) / 1e6 }]),
  );
}

export interface StoredPrevious extends PreviousValue {
  startsOn: string;
}

export interface PreviousKey {
  organisationId: string;
  metricId: string;
  subjectKey: string;
  periodKind: string;
  /** YYYY-MM-DD */
  startsOn: string;
}

/**
 * For each key, the firm's value of the latest earlier period of the same kind (same
 * metric and subject; rejected values do not count), in one statement for any number of keys.
 */
export async function previousValues(db: Db, consortiumId: string, keys: PreviousKey[]): Promise<(StoredPrevious | null)[]> {
  if (keys.length === 0) return [];
  const rows = await db.$queryRaw<{ idx: number; value: number; code: string; starts: string }[]>`
    SELECT k.idx::int AS idx, prev.value::float8 AS value, prev.code, to_char(prev."startsOn", 'YYYY-MM-DD') AS starts
      FROM unnest(${keys.map((k) => k.organisationId)}::uuid[], ${keys.map((k) => k.metricId)}::uuid[], ${keys.map((k) => k.subjectKey)}::text[],
                  ${keys.map((k) => k.periodKind)}::text[], ${keys.map((k) => k.startsOn)}::date[])
           WITH ORDINALITY AS k(org, metric, subject, kind, starts, idx)
      JOIN LATERAL (
        SELECT v.value, p.code, p."startsOn"
          FROM "MetricValue" v JOIN "Period" p ON p.id = v."periodId"
         WHERE v."consortiumId" = ${consortiumId}::uuid AND v."organisationId" = k.org AND v."metricId" = k.metric
           AND v."subjectKey" = k.subject AND v.status <> 'rejected' AND p.kind::text = k.kind AND p."startsOn" < k.starts
         ORDER BY p."startsOn" DESC
         LIMIT 1
      ) prev ON true`;
  const out: (StoredPrevious | null)[] = keys.map(() => null);
  for (const r of rows) out[r.idx - 1] = { value: r.value, periodCode: r.code, startsOn: r.starts };
  return out;
}

/** Same-period values of other metrics (cross-metric rules), keyed organisation|period|subject → code → value. */
export async function relatedValues(db: Db, keys: { organisationId: string; periodId: string; subjectKey: string }[], codes: string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (keys.length === 0 || codes.length === 0) return out;
  const rows = await db.metricValue.findMany({
    where: {
      organisationId: { in: [...new Set(keys.map((k) => k.organisationId))] },
      periodId: { in: [...new Set(keys.map((k) => k.periodId))] },
      subjectKey: { in: [...new Set(keys.map((k) => k.subjectKey))] },
      status: { not: 'rejected' },
      metric: { code: { in: codes } },
    },
    select: { organisationId: true, periodId: true, subjectKey: true, value: true, metric: { select: { code: true } } },
  });
  for (const r of rows) {
    const key = relatedKey(r.organisationId, r.periodId, r.subjectKey);
    out.set(key, { ...(out.get(key) ?? {}), [r.metric.code]: r.value.toNumber() });
  }
  return out;
}

export function relatedKey(organisationId: string, periodId: string, subjectKey: string): string {
  return `${organisationId}|${periodId}|${subjectKey}`;
}

/** Row locks in id order, so two requests touching the same values cannot deadlock. */
export async function lockValues(tx: ScopedTx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "MetricValue" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
}

/** Next free revision number per value (declined revisions keep their numbers). */
export async function nextRevisions(tx: ScopedTx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.metricValueRevision.groupBy({ by: ['metricValueId'], where: { metricValueId: { in: ids } }, _max: { revision: true } });
  const out = new Map(ids.map((id) => [id, 1]));
  for (const r of rows) out.set(r.metricValueId, (r._max.revision ?? 0) + 1);
  return out;
}

/** Decimal columns from JS numbers, as text so no binary float reaches PostgreSQL. */
export function decimalText(n: number | null): string | null {
  return n === null ? null : String(Math.round(n * 1e6) / 1e6);
}

export interface RevisionRow {
  metricValueId: string;
  revision: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  status: MetricValueRow['status'];
  source: MetricValueSource;
  reason?: string | null;
  actorUserId: string | null;
  actorApiKeyId: string | null;
}

/** Revision rows of a batch in one statement. */
export async function insertRevisions(tx: ScopedTx, rows: RevisionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "MetricValueRevision" (id, "metricValueId", revision, value, numerator, denominator, note, status, source, reason, approval, "actorUserId", "actorApiKeyId")
    SELECT u.id, u.value_id, u.revision, u.value, u.numerator, u.denominator, u.note, u.status::"MetricValueStatus", u.source::"MetricValueSource", u.reason, 'not_needed', u.actor, u.api_key
      FROM unnest(${rows.map(() => uuidv7())}::uuid[], ${rows.map((r) => r.metricValueId)}::uuid[], ${rows.map((r) => r.revision)}::int[],
                  ${rows.map((r) => decimalText(r.value))}::numeric[], ${rows.map((r) => decimalText(r.numerator))}::numeric[], ${rows.map((r) => decimalText(r.denominator))}::numeric[],
                  ${rows.map((r) => r.note)}::text[], ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.source)}::text[], ${rows.map((r) => r.reason ?? null)}::text[],
                  ${rows.map((r) => r.actorUserId)}::uuid[], ${rows.map((r) => r.actorApiKeyId)}::uuid[])
           AS u(id, value_id, revision, value, numerator, denominator, note, status, source, reason, actor, api_key)`;
}

/** Time-ordered ids like the schema's uuid(7) default, for rows inserted with raw SQL. */
export function uuidv7(): string {
  const bytes = randomBytes(16);
  const ms = Date.now();
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
