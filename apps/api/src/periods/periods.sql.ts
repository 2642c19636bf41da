import type { PeriodCompletenessFirm } from '@tandem/contracts';
import { collectedInSql } from '@tandem/server';

/**
 * SQL of a period's completeness (GET /api/periods/{id}/completeness). Raw SQL bypasses the
 * scoped client: every statement takes the consortium (and, for a firm, its organisation)
 * from the principal, never from the request alone.
 */

/**
 * $1 period, $2 consortium: the metrics a reporting firm owes for the period — enabled,
 * reported by suppliers, and collected in this kind of period under the consortium's
 * calendar (libs/domain periods/calendar.ts isCollectedIn: in a quarterly calendar every
 * metric per quarter; in a monthly one monthly metrics per month, quarterly ones per quarter).
 */
const EXPECTED = `
per AS (
  SELECT p.id, p."consortiumId", p.kind, p."dueOn", c."reportingCalendar"
  FROM "Period" p
  JOIN "Consortium" c ON c.id = p."consortiumId"
  WHERE p.id = $1::uuid AND p."consortiumId" = $2::uuid
),
expected AS (
  SELECT md.id, md.code
  FROM "MetricDefinition" md
  JOIN per ON md."consortiumId" = per."consortiumId"
  WHERE md.enabled AND 'supplier' = ANY (md.reporters)
    AND ${collectedInSql('per."reportingCalendar"', 'md.frequency', 'per.kind')}
)`;

/**
 * $1 period, $2 consortium, $3 organisation (null: every firm, for staff), $4 today (date),
 * $5 only late firms (true), only firms on time (false) or both (null), $6 one submission
 * status or null, $7 page size (null: every matching firm), $8 offset, $9 one firm or null.
 *
 * One reporting firm is an ACTIVE supplier member of the consortium, as the reminders job
 * counts them, with what it owes, what it submitted (self-reported values submitted or
 * validated), what is missing, and whether it is late (due date passed, metrics missing).
 * One row comes back whatever the page: the totals over every firm, the metrics owed, how
 * many match the filters, and the page of matching firms as JSON, late first, then missing, partial,
 * complete, by name: a consortium of thousands of firms answers a home-page card with five.
 */
export const PERIOD_COMPLETENESS_SQL = `
WITH ${EXPECTED},
owed AS (SELECT count(*)::int AS n FROM expected),
firms AS (
  SELECT o.id, o.name
  FROM "Membership" m
  JOIN per ON m."consortiumId" = per."consortiumId"
  JOIN "Organisation" o ON o.id = m."organisationId"
  WHERE m.status = 'active' AND o.kind = 'supplier' AND ($3::uuid IS NULL OR o.id = $3::uuid)
),
-- One pass over the period's self-reported values: what each firm has submitted of what it owes.
reported AS (
  SELECT v."organisationId",
         (count(DISTINCT v."metricId") FILTER (WHERE v.status IN ('submitted', 'validated')))::int AS submitted,
         (count(DISTINCT v."metricId") FILTER (WHERE v.status = 'validated'))::int AS validated,
         max(v."submittedAt") FILTER (WHERE v.status IN ('submitted', 'validated')) AS "lastSubmittedAt"
  FROM "MetricValue" v
  JOIN expected e ON e.id = v."metricId"
  WHERE v."periodId" = $1::uuid AND v."customerId" IS NULL AND ($3::uuid IS NULL OR v."organisationId" = $3::uuid)
  GROUP BY v."organisationId"
),
result AS (
  SELECT f.id AS "organisationId", f.name AS "organisationName", owed.n AS expected,
         COALESCE(r.submitted, 0) AS submitted, COALESCE(r.validated, 0) AS validated, r."lastSubmittedAt",
         CASE WHEN COALESCE(r.submitted, 0) >= owed.n THEN 'complete' WHEN COALESCE(r.submitted, 0) = 0 THEN 'missing' ELSE 'partial' END AS status,
         COALESCE(r.submitted, 0) < owed.n AND $4::date > per."dueOn" AS late
  FROM firms f
  CROSS JOIN owed
  CROSS JOIN per
  LEFT JOIN reported r ON r."organisationId" = f.id
),
chosen AS (
  SELECT r.*, CASE r.status WHEN 'missing' THEN 0 WHEN 'partial' THEN 1 ELSE 2 END AS rank
  FROM result r
  WHERE ($5::boolean IS NULL OR r.late = $5::boolean) AND ($6::text IS NULL OR r.status = $6::text)
    AND ($9::uuid IS NULL OR r."organisationId" = $9::uuid)
),
page AS (
  SELECT * FROM chosen
  ORDER BY late DESC, rank, "organisationName", "organisationId"
  LIMIT $7::int OFFSET $8::int
)
SELECT
  (SELECT count(*) FROM result)::int AS firms,
  (SELECT count(*) FILTER (WHERE status = 'complete') FROM result)::int AS complete,
  (SELECT count(*) FILTER (WHERE status = 'partial') FROM result)::int AS partial,
  (SELECT count(*) FILTER (WHERE status = 'missing') FROM result)::int AS missing,
  (SELECT count(*) FILTER (WHERE late) FROM result)::int AS late,
  (SELECT count(*) FROM chosen)::int AS matching,
  (SELECT COALESCE(array_agg(code ORDER BY code COLLATE "C"), ARRAY[]::text[]) FROM expected) AS "expectedMetrics",
  COALESCE((
    SELECT json_agg(json_build_object(
             'organisationId', p."organisationId", 'organisationName', p."organisationName",
             'expected', p.expected, 'submitted', p.submitted, 'validated', p.validated,
             -- the codes still owed, for the firms of the page only (drafts and rejected values included)
             'missingMetrics', (
               SELECT COALESCE(array_agg(e.code ORDER BY e.code COLLATE "C"), ARRAY[]::text[])
               FROM expected e
               WHERE NOT EXISTS (
                 SELECT 1 FROM "MetricValue" v
                 WHERE v."organisationId" = p."organisationId" AND v."metricId" = e.id AND v."periodId" = $1::uuid
                   AND v."customerId" IS NULL AND v.status IN ('submitted', 'validated'))),
             'status', p.status, 'late', p.late,
             'lastSubmittedAt', to_char(p."lastSubmittedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           ORDER BY p.late DESC, p.rank, p."organisationName", p."organisationId")
    FROM page p
  ), '[]'::json) AS page
`;

/** The one row of PERIOD_COMPLETENESS_SQL. */
export interface CompletenessRow {
  firms: number;
  complete: number;
  partial: number;
  missing: number;
  late: number;
  matching: number;
  /** codes of the metrics each firm owes */
  expectedMetrics: string[];
  /** built by the statement in the contract's shape (lastSubmittedAt already ISO 8601) */
  page: PeriodCompletenessFirm[];
}
