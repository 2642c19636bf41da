import type { Pool } from 'pg';
import type { BenchmarkReportAudience } from '@tandem/contracts';

/** How many published periods a report's trend goes back, this one included. */
export const REPORT_TREND_PERIODS = 8;

export interface ReportRevision {
  organisationId: string;
  /** the report's key: changes whenever anything it prints could */
  revision: string;
  /** the input revision of the cells (the values' fingerprint of the newest completed run) */
  inputRevision: string | null;
}

/**
 * $1 consortium, $2 period, $3 organisations, $4 audiences (parallel to $3). One row per
 * organisation: a fingerprint of everything its report depends on, cheap enough for every
 * download. Cells and standings are written only when a figure, a decision or a release
 * changed (benchmarks.sql.ts), so their count and newest `updatedAt` move whenever the
 * report would; the newest run's input revision names the values; a customer's report
 * depends on its suppliers and what they share with it (rule 8), and every report on k and on
 * what its people know (every role of every user with a role at the member: readerRoles).
 */
const REVISION_SQL = `
WITH per AS (SELECT p.id, p."startsOn" FROM "Period" p WHERE p.id = $2::uuid AND p."consortiumId" = $1::uuid),
pub AS (
  SELECT p.id, p."publishedAt" FROM "Period" p, per
   WHERE p."consortiumId" = $1::uuid AND p.state = 'published' AND p."startsOn" <= per."startsOn"
   ORDER BY p."startsOn" DESC LIMIT ${REPORT_TREND_PERIODS}
),
run AS (
  SELECT r."inputRevision" FROM "BenchmarkRun" r
   WHERE r."consortiumId" = $1::uuid AND r."periodId" = $2::uuid AND r.state = 'completed' AND r."inputRevision" IS NOT NULL
   ORDER BY r."computedAt" DESC NULLS LAST, r."createdAt" DESC LIMIT 1
),
common AS (
  SELECT concat_ws('|',
    (SELECT "inputRevision" FROM run),
    (SELECT "disclosureThreshold"::text FROM "Consortium" WHERE id = $1::uuid),
    (SELECT count(*) || ':' || coalesce(max("publishedAt")::text, '') FROM pub),
    (SELECT count(*) || ':' || coalesce(max(c."updatedAt")::text, '') FROM "BenchmarkCell" c WHERE c."consortiumId" = $1::uuid AND c."periodId" IN (SELECT id FROM pub)),
    (SELECT count(*) || ':' || coalesce(max(d."updatedAt")::text, '') FROM "MetricDefinition" d WHERE d."consortiumId" = $1::uuid)
  ) AS fp
),
org AS (SELECT * FROM unnest($3::uuid[], $4::text[]) AS o(id, audience))
SELECT o.id AS "organisationId", (SELECT "inputRevision" FROM run) AS "inputRevision",
       md5(concat_ws('|', (SELECT fp FROM common), o.audience,
         (SELECT string_agg(DISTINCT ra2.role::text || ':' || coalesce(ra2."organisationId"::text, ''), ',' ORDER BY ra2.role::text || ':' || coalesce(ra2."organisationId"::text, ''))
            FROM "RoleAssignment" ra1 JOIN "RoleAssignment" ra2 ON ra2."userId" = ra1."userId" AND ra2."consortiumId" = $1::uuid
           WHERE ra1."consortiumId" = $1::uuid AND ra1."organisationId" = o.id),
         (SELECT count(*) || ':' || coalesce(max(s."updatedAt")::text, '') FROM "BenchmarkStanding" s WHERE s."organisationId" = o.id AND s."periodId" IN (SELECT id FROM pub)),
         CASE WHEN o.audience = 'customer' THEN
           (SELECT count(*) || ':' || coalesce(max(r."updatedAt")::text, '') FROM "SupplyRelationship" r WHERE r."consortiumId" = $1::uuid AND r."customerId" = o.id) || ';' ||
           (SELECT count(*) || ':' || coalesce(max(x."updatedAt")::text, '') FROM "SharingSetting" x WHERE x."consortiumId" = $1::uuid AND x."customerId" = o.id)
         END)) AS revision
FROM org o`;

/** The current revision of members' reports of one period (set-based: a whole chunk in one statement). */
export async function reportRevisions(
  pool: Pool,
  consortiumId: string,
  periodId: string,
  members: readonly { organisationId: string; audience: BenchmarkReportAudience }[],
): Promise<ReportRevision[]> {
  if (members.length === 0) return [];
  const { rows } = await pool.query<ReportRevision>(REVISION_SQL, [consortiumId, periodId, members.map((m) => m.organisationId), members.map((m) => m.audience)]);
  return rows;
}
