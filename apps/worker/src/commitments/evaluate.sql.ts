import { collectedInSql, trainingGroupsSql } from '@tandem/domain';

/**
 * The commitment's firm's training groups in its period up to $1 (as of), for commitments of
 * one kind (libs/domain trainingGroupsSql; trainingTotals applies the no-double-count rule).
 */
function trainingGroups(kind: string, frontline: boolean): string {
  const window = { consortium: 'c."consortiumId"', organisation: 'c."organisationId"', from: 'c."startsOn"', to: 'LEAST(c."endsOn", $1::date)' };
  return `${trainingGroupsSql(window, frontline)}
  WHERE c.kind = '${kind}'`;
}

/**
 * $1 as of (date), $2 a consortium id or null (all). Every commitment still to judge — not
 * waived, of a member that has not exited, and not evaluated since a month after its period
 * ended (late figures of that month still count) — with the inputs its kind needs, each as
 * an aggregate: training groups, the workforce figures of its year (or the latest earlier
 * one), the values owed and submitted on time per period, curricula shared, the sourcing
 * modes of the sponsored suppliers as of the date, the verified attestation.
 */
export const GATHER_COMMITMENTS_SQL = `
SELECT c.id, c."consortiumId", c."organisationId", c.kind::text AS kind, c.year, c.target::float8 AS target, c.state::text AS state,
       c.actual::float8 AS actual, c.expected::float8 AS expected,
       c."startsOn", c."endsOn", m."joinedAt", c."attestedValue"::float8 AS "attestedValue", c."verifiedAt" IS NOT NULL AS verified,
       o.name AS "organisationName",
       wf.year AS "workforceYear", wf."frontlineHeadcount", wf.payroll::float8 AS payroll,
       tf.groups AS "frontlineTraining", ta.groups AS "allTraining", ps.periods, cs.n AS "curriculaShared", sp.modes AS "sponsoredModes"
FROM "Commitment" c
JOIN "Organisation" o ON o.id = c."organisationId"
JOIN "Membership" m ON m."consortiumId" = c."consortiumId" AND m."organisationId" = c."organisationId" AND m.status <> 'exited'
LEFT JOIN LATERAL (
  SELECT w.year, w."frontlineHeadcount", w.payroll FROM "WorkforceYear" w
  WHERE w."consortiumId" = c."consortiumId" AND w."organisationId" = c."organisationId" AND w.year <= c.year
    AND c.kind IN ('training_hours_per_frontline_worker', 'training_spend_pct_of_payroll')
  ORDER BY w.year DESC LIMIT 1
) wf ON true
LEFT JOIN LATERAL (${trainingGroups('training_hours_per_frontline_worker', true)}) tf ON true
LEFT JOIN LATERAL (${trainingGroups('training_spend_pct_of_payroll', false)}) ta ON true
LEFT JOIN LATERAL (
  SELECT COALESCE(json_agg(json_build_object('dueOn', p."dueOn", 'owed', x.owed, 'submittedOnTime', x.ontime)), '[]'::json) AS periods
  FROM "Period" p
  JOIN "Consortium" k ON k.id = p."consortiumId"
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS owed,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "MetricValue" v
             WHERE v."organisationId" = c."organisationId" AND v."metricId" = md.id AND v."periodId" = p.id AND v."customerId" IS NULL
               AND v.status IN ('submitted', 'validated') AND v."submittedAt" < (p."dueOn" + 1)::timestamp
           ))::int AS ontime
    FROM "MetricDefinition" md
    WHERE md."consortiumId" = p."consortiumId" AND md.enabled AND 'supplier' = ANY (md.reporters)
      AND ${collectedInSql('k."reportingCalendar"', 'md.frequency', 'p.kind')}
  ) x
  WHERE c.kind = 'metrics_submitted_on_time' AND o.kind = 'supplier'
    AND p."consortiumId" = c."consortiumId" AND p."startsOn" >= c."startsOn" AND p."startsOn" <= c."endsOn"
    AND (m."joinedAt" IS NULL OR p."dueOn" >= m."joinedAt")
) ps ON true
LEFT JOIN LATERAL (
  SELECT count(*)::int AS n FROM "Curriculum" cu
  WHERE c.kind = 'curricula_shared' AND cu."consortiumId" = c."consortiumId" AND cu."ownerOrganisationId" = c."organisationId" AND cu.shared
    AND cu."createdAt" >= c."startsOn" AND cu."createdAt" < (LEAST(c."endsOn", $1::date) + 1)::timestamp
) cs ON true
LEFT JOIN LATERAL (
  SELECT COALESCE(array_agg(COALESCE(
           (SELECT ch."toMode"::text FROM "SourcingModeChange" ch
             WHERE ch."relationshipId" = r.id AND ch."effectiveOn" <= LEAST(c."endsOn", $1::date)
             ORDER BY ch."effectiveOn" DESC, ch."createdAt" DESC LIMIT 1),
           (SELECT ch."fromMode"::text FROM "SourcingModeChange" ch WHERE ch."relationshipId" = r.id ORDER BY ch."effectiveOn", ch."createdAt" LIMIT 1),
           r."sourcingMode"::text)), ARRAY[]::text[]) AS modes
  FROM "SupplyRelationship" r
  WHERE c.kind = 'sponsored_suppliers_multi_year' AND r."consortiumId" = c."consortiumId" AND r."customerId" = c."organisationId"
    AND r.sponsored AND r.since <= LEAST(c."endsOn", $1::date)
) sp ON true
WHERE c.state <> 'waived'
  AND ($2::uuid IS NULL OR c."consortiumId" = $2::uuid)
  AND c."startsOn" <= $1::date
  AND (c."evaluatedAt" IS NULL OR c."evaluatedAt" < (c."endsOn" + 32)::timestamp)
ORDER BY c."consortiumId", c.id
`;

export interface GatheredCommitment {
  id: string;
  consortiumId: string;
  organisationId: string;
  organisationName: string;
  kind: string;
  year: number;
  target: number;
  state: string;
  actual: number | null;
  expected: number | null;
  startsOn: Date;
  endsOn: Date;
  joinedAt: Date | null;
  attestedValue: number | null;
  verified: boolean;
  workforceYear: number | null;
  frontlineHeadcount: number | null;
  payroll: number | null;
  frontlineTraining: unknown[] | null;
  allTraining: unknown[] | null;
  periods: { dueOn: string; owed: number; submittedOnTime: number }[] | null;
  curriculaShared: number | null;
  sponsoredModes: string[] | null;
}

/** Firm admins of one firm and staff of its consortium (active accounts), for a transition's two messages. */
export const RECIPIENTS_SQL = `
SELECT
  COALESCE(array_agg(DISTINCT u.email ORDER BY u.email) FILTER (WHERE ra.role = 'firm_admin' AND ra."organisationId" = $2::uuid), ARRAY[]::text[]) AS firm,
  COALESCE(array_agg(DISTINCT u.email ORDER BY u.email) FILTER (WHERE ra.role = 'consortium_staff'), ARRAY[]::text[]) AS staff
FROM "RoleAssignment" ra
JOIN "User" u ON u.id = ra."userId" AND u.status = 'active'
WHERE ra."consortiumId" = $1::uuid AND ra.status = 'active' AND ra.role IN ('firm_admin', 'consortium_staff')
`;
