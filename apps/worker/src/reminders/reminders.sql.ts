import { collectedInSql } from '@tandem/server';
import { UUID_V7_SQL } from '@tandem/server';

/**
 * $1 today (date), $2 days before the due date. Claims, in one statement, one reminder per
 * firm and period: every OPEN period due within $2 days, every ACTIVE supplier member of its
 * consortium that has not submitted (submitted or validated, self-reported) every enabled
 * supplier-reported metric the period collects under the consortium's calendar (in a
 * quarterly calendar every metric, OTD and PPM included; libs/domain isCollectedIn) — the
 * same firms and metrics a period's completeness view shows as missing. The unique (organisationId, periodId)
 * of ReminderLog decides: INSERT … ON CONFLICT DO NOTHING returns only firms not reminded
 * before, so concurrent or repeated runs never remind a firm twice for one period.
 */
export const CLAIM_REMINDERS_SQL = `
WITH due AS (
  SELECT p.id, p."consortiumId", p.code, p."dueOn", p.kind, c."reportingCalendar"
  FROM "Period" p
  JOIN "Consortium" c ON c.id = p."consortiumId"
  WHERE p.state = 'open' AND p."dueOn" >= $1::date AND p."dueOn" <= $1::date + $2::int
),
missing AS (
  SELECT d.id AS "periodId", d."consortiumId", m."organisationId", md.code
  FROM due d
  JOIN "Membership" m ON m."consortiumId" = d."consortiumId" AND m.status = 'active'
  JOIN "Organisation" o ON o.id = m."organisationId" AND o.kind = 'supplier'
  JOIN "MetricDefinition" md
    ON md."consortiumId" = d."consortiumId" AND md.enabled AND 'supplier' = ANY (md.reporters)
   AND ${collectedInSql('d."reportingCalendar"', 'md.frequency', 'd.kind')}
  WHERE NOT EXISTS (
    SELECT 1 FROM "MetricValue" v
    WHERE v."organisationId" = m."organisationId" AND v."metricId" = md.id AND v."periodId" = d.id
      AND v."customerId" IS NULL AND v.status IN ('submitted', 'validated')
  )
),
late AS (
  SELECT "periodId", "consortiumId", "organisationId", array_agg(code ORDER BY code COLLATE "C") AS codes
  FROM missing
  GROUP BY "periodId", "consortiumId", "organisationId"
),
claimed AS (
  INSERT INTO "ReminderLog" (id, "consortiumId", "organisationId", "periodId", "createdAt")
  SELECT ${UUID_V7_SQL}, l."consortiumId", l."organisationId", l."periodId", now()
  FROM late l
  ORDER BY l."periodId", l."organisationId"
  ON CONFLICT ("organisationId", "periodId") DO NOTHING
  RETURNING id, "consortiumId", "organisationId", "periodId"
)
SELECT c.id AS "reminderId", c."consortiumId", c."organisationId", c."periodId",
       o.name AS "organisationName", d.code AS "periodCode", to_char(d."dueOn", 'YYYY-MM-DD') AS "dueOn", l.codes AS "missingMetrics",
       COALESCE((
         SELECT array_agg(DISTINCT u.email ORDER BY u.email)
         FROM "RoleAssignment" ra
         JOIN "User" u ON u.id = ra."userId"
         WHERE ra."consortiumId" = c."consortiumId" AND ra."organisationId" = c."organisationId"
           AND ra.role IN ('firm_admin', 'firm_contributor') AND u.status <> 'disabled'
       ), ARRAY[]::text[]) AS recipients
FROM claimed c
JOIN due d ON d.id = c."periodId"
JOIN late l ON l."periodId" = c."periodId" AND l."organisationId" = c."organisationId"
JOIN "Organisation" o ON o.id = c."organisationId"
ORDER BY d."dueOn", d.code, o.name
`;

export interface ClaimedReminder {
  reminderId: string;
  consortiumId: string;
  organisationId: string;
  periodId: string;
  organisationName: string;
  periodCode: string;
  dueOn: string;
  missingMetrics: string[];
  recipients: string[];
}
