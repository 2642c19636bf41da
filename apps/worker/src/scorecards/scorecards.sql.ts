import { UUID_V7_SQL } from '@tandem/server';
/**
 * The SQL of the metrics queue's jobs. Scorecards are computed by ONE set-based statement per
 * consortium and period (architecture.md: heavy work in SQL); libs/domain's computeScorecard
 * is its TypeScript twin and scorecards.sql.int-spec.ts holds the two together.
 */


/**
 * $1 consortium, $2 period. For every relationship of the consortium:
 *  - template: the customer's own active template, else the consortium's (customerId null);
 *    the newest when there are several;
 *  - per criterion: the supplier's VALIDATED value of that metric and period, the customer's
 *    report about the supplier (customerId = relationship's customer) before the self-report;
 *  - criterion score: the first threshold (in order) the value meets, 0 when none;
 *  - coverage: Σ weight of the criteria with a value ÷ Σ weight, rounded to 4 decimals;
 *  - score: period open → Σ weight·score ÷ Σ weight over the criteria with a value;
 *           period closed or published → over all criteria, a criterion without a value
 *           scoring 0; rounded to 2 decimals;
 *  - standing: the rule with the highest minScore the score reaches;
 *  - provisional: the period is open or a criterion has no value (libs/domain scoring.ts
 *    explains the rule; only a final scorecard opens a plan or enters the standing history).
 * Upserts Scorecard on (relationshipId, periodId), touching a row only when something changed
 * (so a second run leaves every row, timestamps included, as it was), and deletes the period's
 * scorecards of relationships that no longer have any value. Returns one row of counts.
 *
 * Set-based all the way (no per-row subquery): "first threshold met" is turned into disjoint
 * bands once per criterion — an atLeast bound b scores the values in [b, the lowest earlier
 * bound), an atMost bound b those in (the highest earlier bound, b] — and values are joined to
 * the band that contains them; standings likewise become [minScore, next higher minScore).
 * This equals first-match for every threshold list the API accepts (one kind per criterion,
 * validateThresholds in libs/domain).
 */
export const RECOMPUTE_SCORECARDS_SQL = `
WITH per AS (
  SELECT p.state = 'open' AS open FROM "Period" p WHERE p.id = $2::uuid AND p."consortiumId" = $1::uuid
),
tpl AS (
  SELECT DISTINCT ON (t."customerId") t.id, t."customerId"
  FROM "ScorecardTemplate" t
  WHERE t."consortiumId" = $1::uuid AND t.active
  ORDER BY t."customerId", t."createdAt" DESC, t.id DESC
),
rel AS (
  SELECT r.id AS "relationshipId", r."customerId", r."supplierId",
         COALESCE(own.id, (SELECT id FROM tpl WHERE "customerId" IS NULL)) AS "templateId"
  FROM "SupplyRelationship" r
  LEFT JOIN tpl own ON own."customerId" = r."customerId"
  WHERE r."consortiumId" = $1::uuid
),
crit AS (
  SELECT c.id AS "criterionId", c."templateId", c."metricId", c.weight, m.code AS "metricCode"
  FROM "ScorecardCriterion" c
  JOIN "MetricDefinition" m ON m.id = c."metricId"
  WHERE c."templateId" IN (SELECT id FROM tpl)
),
threshold AS (
  SELECT c.id AS "criterionId", e.ord, (e.elem ->> 'score')::numeric AS score, e.elem ? 'atLeast' AS "atLeast",
         COALESCE(e.elem ->> 'atLeast', e.elem ->> 'atMost')::numeric AS bound
  FROM "ScorecardCriterion" c
  CROSS JOIN LATERAL jsonb_array_elements(c.thresholds) WITH ORDINALITY AS e(elem, ord)
  WHERE c."templateId" IN (SELECT id FROM tpl)
),
bounded AS (
  SELECT th.*, min(th.bound) OVER earlier AS "lowestEarlier", max(th.bound) OVER earlier AS "highestEarlier"
  FROM threshold th
  WINDOW earlier AS (PARTITION BY th."criterionId" ORDER BY th.ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
band AS (
  SELECT b."criterionId", b.score,
         CASE
           WHEN b."atLeast" AND (b."lowestEarlier" IS NULL OR b.bound < b."lowestEarlier") THEN numrange(b.bound, b."lowestEarlier", '[)')
           WHEN NOT b."atLeast" AND (b."highestEarlier" IS NULL OR b.bound > b."highestEarlier") THEN numrange(b."highestEarlier", b.bound, '(]')
           ELSE 'empty'::numrange
         END AS span
  FROM bounded b
),
scored AS (
  SELECT rel."relationshipId", rel."customerId", rel."supplierId", rel."templateId",
         crit."criterionId", crit."metricId", crit."metricCode", crit.weight,
         COALESCE(vc.value, vs.value) AS value,
         CASE WHEN vc.value IS NOT NULL THEN 'customer' WHEN vs.value IS NOT NULL THEN 'self' END AS source,
         CASE WHEN COALESCE(vc.value, vs.value) IS NULL THEN NULL ELSE COALESCE(band.score, 0) END AS score
  FROM rel
  JOIN crit ON crit."templateId" = rel."templateId"
  LEFT JOIN "MetricValue" vc
    ON vc."organisationId" = rel."supplierId" AND vc."metricId" = crit."metricId" AND vc."periodId" = $2::uuid
   AND vc.status = 'validated' AND vc."customerId" = rel."customerId"
  LEFT JOIN "MetricValue" vs
    ON vs."organisationId" = rel."supplierId" AND vs."metricId" = crit."metricId" AND vs."periodId" = $2::uuid
   AND vs.status = 'validated' AND vs."customerId" IS NULL
  LEFT JOIN band ON band."criterionId" = crit."criterionId" AND band.span @> COALESCE(vc.value, vs.value)
),
totals AS (
  SELECT "relationshipId", "customerId", "supplierId", "templateId",
         -- open: over the covered weight; closed: over all of it, a missing criterion adding 0
         round(sum(weight * score) / NULLIF(CASE WHEN (SELECT open FROM per) THEN sum(weight) FILTER (WHERE score IS NOT NULL) ELSE sum(weight) END, 0), 2) AS score,
         round(COALESCE(sum(weight) FILTER (WHERE score IS NOT NULL), 0) / NULLIF(sum(weight), 0), 4) AS coverage,
         (SELECT open FROM per) OR bool_or(score IS NULL) AS provisional,
         jsonb_agg(jsonb_build_object(
           'criterionId', "criterionId", 'metricId', "metricId", 'metricCode', "metricCode",
           'weight', weight, 'value', value, 'score', score, 'source', source
         ) ORDER BY "metricCode" COLLATE "C", "criterionId") AS details
  FROM scored
  GROUP BY "relationshipId", "customerId", "supplierId", "templateId"
),
rung AS (
  SELECT t.id AS "templateId", (s.elem ->> 'standing')::"Standing" AS standing,
         numrange((s.elem ->> 'minScore')::numeric,
                  lag((s.elem ->> 'minScore')::numeric) OVER (PARTITION BY t.id ORDER BY (s.elem ->> 'minScore')::numeric DESC), '[)') AS span
  FROM "ScorecardTemplate" t
  CROSS JOIN LATERAL jsonb_array_elements(t.standings) AS s(elem)
  WHERE t.id IN (SELECT id FROM tpl)
),
computed AS (
  -- a template whose standings leave a score uncovered fails the insert (standing NOT NULL) rather than drop the scorecard
  SELECT tt.*, rung.standing
  FROM totals tt
  LEFT JOIN rung ON rung."templateId" = tt."templateId" AND rung.span @> tt.score
  -- no scorecard without a single validated value; none either for a period of another consortium (per is empty)
  WHERE tt.score IS NOT NULL AND EXISTS (SELECT 1 FROM per)
),
upserted AS (
  INSERT INTO "Scorecard" AS sc (id, "consortiumId", "relationshipId", "periodId", "templateId", "supplierId", "customerId",
                                 score, standing, coverage, provisional, details, "computedAt", "createdAt", "updatedAt")
  SELECT ${UUID_V7_SQL}, $1::uuid, c."relationshipId", $2::uuid, c."templateId", c."supplierId", c."customerId",
         c.score, c.standing, c.coverage, c.provisional, c.details, now(), now(), now()
  FROM computed c
  ON CONFLICT ("relationshipId", "periodId") DO UPDATE SET
    "templateId" = EXCLUDED."templateId", "supplierId" = EXCLUDED."supplierId", "customerId" = EXCLUDED."customerId",
    score = EXCLUDED.score, standing = EXCLUDED.standing, coverage = EXCLUDED.coverage, provisional = EXCLUDED.provisional,
    details = EXCLUDED.details, "computedAt" = EXCLUDED."computedAt", "updatedAt" = EXCLUDED."updatedAt"
  WHERE (sc."templateId", sc.score, sc.standing, sc.coverage, sc.provisional, sc.details) IS DISTINCT FROM
        (EXCLUDED."templateId", EXCLUDED.score, EXCLUDED.standing, EXCLUDED.coverage, EXCLUDED.provisional, EXCLUDED.details)
  RETURNING (xmax = 0) AS inserted
),
removed AS (
  DELETE FROM "Scorecard" sc
  WHERE sc."consortiumId" = $1::uuid AND sc."periodId" = $2::uuid
    AND NOT EXISTS (SELECT 1 FROM computed c WHERE c."relationshipId" = sc."relationshipId")
  RETURNING sc.id
)
SELECT (SELECT count(*) FROM computed)::int AS computed,
       (SELECT count(*) FROM upserted WHERE inserted)::int AS inserted,
       (SELECT count(*) FROM upserted WHERE NOT inserted)::int AS updated,
       (SELECT count(*) FROM removed)::int AS removed
`;

export interface RecomputeCounts {
  computed: number;
  inserted: number;
  updated: number;
  removed: number;
}

/**
 * $1 consortium, $2 period, $3 today (date), $4 days to the due date. Run in the transaction of
 * RECOMPUTE_SCORECARDS_SQL. A plan for every FINAL scorecard of the period that puts the
 * supplier at development or probation when its previous final standing with that customer
 * (the latest final scorecard of an earlier period) was better or there was none. A
 * provisional scorecard (period open, or a criterion without a value) never opens one, nor
 * counts as the previous standing. The unique key (relationshipId, scorecardId) makes it
 * idempotent — a scorecard that turns final, goes provisional again (its period reopened) and
 * turns final again keeps its one plan; only newly opened plans are returned.
 *
 * No plan for a scorecard whose standing the customer may not read (a criterion on a figure
 * the supplier reported itself in a category it does not share with that customer, $5 the
 * categories shared when the pair has no setting): the customer reads the plan, and its title
 * and very existence would tell the standing the scorecard withholds — with a template of its
 * own making, a buyer could turn "probation" into "cost above 95" (an outside attack did).
 * Whether a plan opens then depends on the sharing alone, never on the figures. Staff and the
 * supplier still read the standing on the scorecard.
 */
export const OPEN_CORRECTIVE_ACTION_PLANS_SQL = `
INSERT INTO "CorrectiveActionPlan" (id, "consortiumId", "relationshipId", "scorecardId", "supplierId", "customerId",
                                    standing, title, status, "dueOn", "createdAt", "updatedAt")
SELECT ${UUID_V7_SQL}, s."consortiumId", s."relationshipId", s.id, s."supplierId", s."customerId", s.standing,
       left(sup.name || ' at ' || s.standing::text || ' with ' || cus.name || ' (' || p.code || ')', 200),
       'open', $3::date + $4::int, now(), now()
FROM "Scorecard" s
JOIN "Period" p ON p.id = s."periodId"
JOIN "Organisation" sup ON sup.id = s."supplierId"
JOIN "Organisation" cus ON cus.id = s."customerId"
LEFT JOIN LATERAL (
  SELECT ps.standing
  FROM "Scorecard" ps
  JOIN "Period" pp ON pp.id = ps."periodId"
  WHERE ps."relationshipId" = s."relationshipId" AND pp."startsOn" < p."startsOn" AND NOT ps.provisional
  ORDER BY pp."startsOn" DESC
  LIMIT 1
) prev ON true
WHERE s."consortiumId" = $1::uuid AND s."periodId" = $2::uuid
  -- only scorecards the recompute statement wrote in this transaction (now() is the transaction's start):
  -- an unchanged scorecard was judged by the run that wrote it, in the same transaction as its plan
  AND s."updatedAt" = now()::timestamp(3)
  AND NOT s.provisional
  AND s.standing IN ('development', 'probation')
  AND NOT EXISTS (
    SELECT 1
    FROM jsonb_array_elements(s.details) d
    LEFT JOIN "MetricDefinition" m ON m.id = (d->>'metricId')::uuid
    LEFT JOIN "SharingSetting" ss ON ss."consortiumId" = s."consortiumId" AND ss."supplierId" = s."supplierId" AND ss."customerId" = s."customerId"
    WHERE d->>'source' IS DISTINCT FROM 'customer'
      AND (m.category IS NULL OR NOT m.category::text = ANY (COALESCE(ss.categories::text[], $5::text[])))
  )
  AND (prev.standing IS NULL
       OR array_position(enum_range(NULL::"Standing"), prev.standing) < array_position(enum_range(NULL::"Standing"), s.standing))
ORDER BY s."relationshipId"
ON CONFLICT ("relationshipId", "scorecardId") DO NOTHING
RETURNING id, "relationshipId", "scorecardId", "supplierId", "customerId", standing::text AS standing, title, "dueOn"
`;
