/**
 * The SQL of a benchmark recompute (architecture.md: heavy work in SQL). Parameters are
 * always $1 consortium, $2 period. Ids of cells and standings are md5 of their natural key,
 * and rows are only touched when a figure changed, so a second run leaves every row as it
 * was (timestamps included). Rows no longer computed are found with EXCEPT (cells) or a full
 * join (standings), not NOT EXISTS against the CTE: with the statistics of a table that was
 * empty when last analysed, the planner chose a nested-loop anti join, quadratic in the
 * standings of the period (measured: 7–27 s at 126 000 standings). libs/domain/benchmarks holds the TypeScript twins of the
 * statistics (percentileCont, percentileRank, quartileOf) that benchmarks.sql.int-spec.ts
 * checks these statements against.
 */
import { SIZE_BANDS, sizeBandSql } from '@tandem/domain';

/** The quality gate: validated, and not an outlier staff have not confirmed. */
const ENTERS = `(v.status = 'validated' AND (NOT v.outlier OR v."outlierConfirmedAt" IS NOT NULL))`;

/** Active members of the consortium with the attributes peer groups are made of. */
const MEMBERS = `
mem AS (
  SELECT o.id, left(o."naicsCode", 3) AS naics, ${sizeBandSql('o."employeeCount"')} AS band, o.region
  FROM "Membership" m JOIN "Organisation" o ON o.id = m."organisationId"
  WHERE m."consortiumId" = $1::uuid AND m.status = 'active'
)`;

/** Every active group with its members (one branch per kind, so each is an equality join). */
const GROUP_MEMBERS = `
${MEMBERS},
grp AS (
  SELECT g.id, g.kind, g.key, g."customerId", g."organisationIds", g."filterNaics", g."filterSizeBands", g."filterRegions"
  FROM "PeerGroup" g WHERE g."consortiumId" = $1::uuid AND g.active
),
gm AS (
  SELECT g.id AS gid, m.id AS oid FROM grp g JOIN mem m ON g.kind = 'consortium'
  UNION ALL SELECT g.id, m.id FROM grp g JOIN mem m ON g.kind = 'naics' AND m.naics = g.key
  UNION ALL SELECT g.id, m.id FROM grp g JOIN mem m ON g.kind = 'size_band' AND m.band = g.key
  UNION ALL SELECT g.id, m.id FROM grp g JOIN mem m ON g.kind = 'region' AND m.region = g.key
  UNION ALL SELECT g.id, m.id FROM grp g
    JOIN "SupplyRelationship" r ON g.kind = 'supply_base' AND r."consortiumId" = $1::uuid AND r."customerId" = g."customerId"
    JOIN mem m ON m.id = r."supplierId"
  UNION ALL SELECT g.id, m.id FROM grp g JOIN mem m ON g.kind = 'custom' AND m.id = ANY (g."organisationIds")
  UNION ALL SELECT g.id, m.id FROM grp g JOIN mem m ON g.kind = 'custom' AND cardinality(g."organisationIds") = 0
    AND cardinality(g."filterNaics") + cardinality(g."filterSizeBands") + cardinality(g."filterRegions") > 0
    AND (cardinality(g."filterNaics") = 0 OR m.naics = ANY (g."filterNaics"))
    AND (cardinality(g."filterSizeBands") = 0 OR m.band = ANY (g."filterSizeBands"))
    AND (cardinality(g."filterRegions") = 0 OR m.region = ANY (g."filterRegions"))
)`;

/**
 * A run reads its inputs once: each active group's members, the period's values of enabled
 * metrics and the previous period's that passed the gate go into three temporary tables (this
 * transaction only, no WAL), and the cells, the
 * standings and disclosure control read those. Each statement of a transaction at READ
 * COMMITTED sees the data as of its own start: read again by each, a membership or a value
 * changed in between could make the members disclosure control decides on differ from those
 * the stored figures were computed over. Run in order; the drop lets one transaction
 * recompute several periods (the seed).
 */
export const STAGE_TABLES_SQL: readonly string[] = [
  `DROP TABLE IF EXISTS pg_temp.benchmark_group_member, pg_temp.benchmark_value, pg_temp.benchmark_previous`,
  `CREATE TEMPORARY TABLE benchmark_group_member (gid uuid NOT NULL, oid uuid NOT NULL, gno int NOT NULL) ON COMMIT DROP`,
  `CREATE TEMPORARY TABLE benchmark_value (
     oid uuid NOT NULL, "metricId" uuid NOT NULL, value numeric(18, 6) NOT NULL, numerator numeric(20, 6), denominator numeric(20, 6),
     enters boolean NOT NULL, validated boolean NOT NULL
   ) ON COMMIT DROP`,
  `CREATE TEMPORARY TABLE benchmark_previous (oid uuid NOT NULL, "metricId" uuid NOT NULL, value numeric(18, 6) NOT NULL) ON COMMIT DROP`,
];

/** $1 only: every active group's members. */
export const STAGE_GROUP_MEMBERS_SQL = `
INSERT INTO pg_temp.benchmark_group_member (gid, oid, gno)
WITH ${GROUP_MEMBERS}
SELECT gid, oid, dense_rank() OVER (ORDER BY gid) FROM gm`;

/**
 * Part of INPUT_FINGERPRINT_SQL, which reads the values anyway (its `vals`: the period's and
 * the previous period's values reported by firms about themselves): stages every value of the
 * period of an enabled metric with whether it passes the gate, and the previous period's values
 * that passed it (changes since the previous period). So what is staged is exactly what was
 * fingerprinted, read once.
 */
export const STAGE_VALUES_CTE = `
staged_values AS (
  INSERT INTO pg_temp.benchmark_value (oid, "metricId", value, numerator, denominator, enters, validated)
  SELECT v."organisationId", v."metricId", v.value, v.numerator, v.denominator, ${ENTERS}, v.status = 'validated'
  FROM vals v JOIN "MetricDefinition" d ON d.id = v."metricId" AND d.enabled
  WHERE v."periodId" = $2::uuid
  RETURNING 1
),
staged_previous AS (
  INSERT INTO pg_temp.benchmark_previous (oid, "metricId", value)
  SELECT v."organisationId", v."metricId", v.value FROM vals v WHERE v."periodId" <> $2::uuid AND ${ENTERS}
  RETURNING 1
)`;

/** The planner's statistics of the staged tables (a temporary table has none until analysed). */
export const ANALYZE_STAGE_SQL = `ANALYZE pg_temp.benchmark_group_member, pg_temp.benchmark_value, pg_temp.benchmark_previous`;

/**
 * $1 only. Keeps one group per consortium, NAICS 3-digit code, size band, region (of active members)
 * and customer with suppliers in the consortium. Groups no longer wanted stay: they have no
 * cell. Returns the number of groups written.
 */
export const UPSERT_SYSTEM_GROUPS_SQL = `
WITH ${MEMBERS},
band AS (SELECT * FROM (VALUES ${SIZE_BANDS.map((b) => `('${b.code}', '${b.label}')`).join(', ')}) AS b(code, label)),
wanted AS (
  SELECT 'consortium'::"PeerGroupKind" AS kind, 'all' AS key, 'Whole consortium' AS name, NULL::uuid AS "customerId"
  UNION SELECT 'naics', m.naics, 'NAICS ' || m.naics, NULL FROM mem m WHERE m.naics IS NOT NULL
  UNION SELECT 'size_band', b.code, b.label, NULL FROM mem m JOIN band b ON b.code = m.band
  UNION SELECT 'region', m.region, 'Region ' || m.region, NULL FROM mem m WHERE m.region IS NOT NULL
  UNION SELECT 'supply_base', r."customerId"::text, 'Supply base of ' || c.name, r."customerId"
    FROM "SupplyRelationship" r JOIN mem s ON s.id = r."supplierId" JOIN "Organisation" c ON c.id = r."customerId"
    WHERE r."consortiumId" = $1::uuid
),
up AS (
  INSERT INTO "PeerGroup" (id, "consortiumId", kind, key, name, "customerId", "updatedAt")
  SELECT md5($1 || ':' || w.kind || ':' || w.key)::uuid, $1::uuid, w.kind, w.key, w.name, w."customerId", now() FROM wanted w
  ON CONFLICT ("consortiumId", kind, key) DO UPDATE SET name = EXCLUDED.name, active = true, "updatedAt" = now()
  WHERE "PeerGroup".name IS DISTINCT FROM EXCLUDED.name OR NOT "PeerGroup".active
  RETURNING 1
)
SELECT (SELECT count(*) FROM wanted)::int AS groups, (SELECT count(*) FROM up)::int AS written`;

/**
 * $3 k, $4 the revision of the computation (the statements' text and the disclosure rules').
 * Fingerprint of everything a run reads, so that a run over the same inputs as the last
 * completed one can keep its stored results: the period (its state decides releases) and
 * the period before it, every value of both (all fields, not only the revision counter), the
 * metric definitions, the active members with the attributes groups are made of (NAICS
 * 3-digit, size band, region), the active peer groups with their definitions (after the
 * system groups were kept), the supply relationships, the goals with their baseline values,
 * k. Rows are hashed as row literals (nulls and empty strings stay apart), each kind in
 * order of id, in one statement; the values (700 000 rows of two periods at 30 000 firms) as
 * the count and sum of each row's 64-bit hash (`hash_record_extended`), which needs neither
 * text nor a sort: formatting and sorting them took 4 s of the fingerprint's 8. Also the period's input revision (the runs and reports
 * record it): md5 of its values' ids, revisions, statuses and outlier confirmations — any
 * validation, revision or confirmation changes it. Both read the values once.
 */
export const INPUT_FINGERPRINT_SQL = `
WITH ${MEMBERS},
cur AS (SELECT p.id, p.kind, p."startsOn", p.state FROM "Period" p WHERE p.id = $2::uuid AND p."consortiumId" = $1::uuid),
prev_period AS (
  SELECT p.id FROM "Period" p JOIN cur ON p.kind = cur.kind AND p."startsOn" < cur."startsOn"
  WHERE p."consortiumId" = $1::uuid
  ORDER BY p."startsOn" DESC LIMIT 1
),
vals AS MATERIALIZED (
  SELECT v.id, v."periodId", v."organisationId", v."metricId", v.revision, v.status, v.outlier, v."outlierConfirmedAt", v.value, v.numerator, v.denominator
  FROM "MetricValue" v
  WHERE v."consortiumId" = $1::uuid AND v."customerId" IS NULL AND (v."periodId" = $2::uuid OR v."periodId" = (SELECT id FROM prev_period))
),
${STAGE_VALUES_CTE}
SELECT md5(coalesce((SELECT string_agg(v.id::text || ':' || v.revision || ':' || v.status || ':' || v.outlier || ':' || coalesce(v."outlierConfirmedAt"::text, ''), ',' ORDER BY v.id)
                     FROM vals v WHERE v."periodId" = $2::uuid), '')) AS revision,
       md5(concat_ws('|', $3::int, $4::text,
  (SELECT (cur.id, cur.state)::text FROM cur),
  (SELECT id::text FROM prev_period),
  (SELECT md5(string_agg((d.id, d.enabled, d.direction, d."isRatio", d."ratioScale", d."minValue", d."maxValue")::text, ',' ORDER BY d.id))
     FROM "MetricDefinition" d WHERE d."consortiumId" = $1::uuid),
  -- the values are most of what is read: a 64-bit hash of each row, summed (no text, no sort)
  (SELECT count(*) || ':' || coalesce(sum(hash_record_extended(v, 0)), 0) FROM vals v),
  (SELECT md5(string_agg((m.id, m.naics, m.band, m.region)::text, ',' ORDER BY m.id)) FROM mem m),
  (SELECT md5(string_agg((g.id, g.kind, g.key, g."customerId", g."organisationIds", g."filterNaics", g."filterSizeBands", g."filterRegions")::text, ',' ORDER BY g.id))
     FROM "PeerGroup" g WHERE g."consortiumId" = $1::uuid AND g.active),
  (SELECT md5(string_agg((r."customerId", r."supplierId")::text, ',' ORDER BY r."customerId", r."supplierId"))
     FROM "SupplyRelationship" r WHERE r."consortiumId" = $1::uuid),
  (SELECT md5(string_agg((g.id, g."organisationId", g."metricId", g."baselinePeriodId", g."baselineValue", g."goalValue", bv.id, bv.value, bv.status)::text, ',' ORDER BY g.id, bv.id))
     FROM "MetricGoal" g
     LEFT JOIN "MetricValue" bv ON bv."organisationId" = g."organisationId" AND bv."metricId" = g."metricId" AND bv."periodId" = g."baselinePeriodId" AND bv."customerId" IS NULL
     WHERE g."consortiumId" = $1::uuid)
)) AS fingerprint`;

/**
 * What a run left stored for the period: every cell whole (figures, decision, release,
 * timestamps) and the standings' count and newest write. Taken at the end of a run and
 * again before the next: equal only if nothing touched the results in between.
 */
export const RESULT_FINGERPRINT_SQL = `
WITH cells AS (
  SELECT md5(string_agg(c::text, ',' ORDER BY c.id)) AS fp, count(*)::int AS cells, (count(*) FILTER (WHERE c.suppression IS NOT NULL))::int AS suppressed
  FROM "BenchmarkCell" c WHERE c."consortiumId" = $1::uuid AND c."periodId" = $2::uuid
),
standings AS (
  SELECT count(*)::int AS standings, max(s."updatedAt") AS newest
  FROM "BenchmarkStanding" s WHERE s."consortiumId" = $1::uuid AND s."periodId" = $2::uuid
)
SELECT md5(concat_ws('|', c.fp, s.standings, s.newest)) AS fingerprint, c.cells, c.suppressed, s.standings FROM cells c, standings s`;

/** A row of RESULT_FINGERPRINT_SQL. */
export interface StoredResults {
  fingerprint: string;
  cells: number;
  suppressed: number;
  standings: number;
}

const round6 = (expr: string): string => `round((${expr})::numeric, 6)`;

/** The largest magnitude numeric(18, 6) holds. */
const NUMERIC_18_6_MAX = '999999999999.999999';

/**
 * A quantile (percentile_cont works in float8) as numeric(18, 6). Cast directly, a double goes
 * to numeric with 15 significant digits: a median of 999 999 999 999.9 (a value the API takes:
 * |v| < 10¹²) became 10¹² and the whole recompute failed on "numeric field overflow". Through
 * its text form (the shortest that reads back as the same double, extra_float_digits 3 in
 * the run's settings) it keeps its digits; only a double of the stored maximum itself can
 * round past it, and is held to it.
 */
const quantile6 = (expr: string): string => `least(greatest(round((${expr})::text::numeric, 6), -${NUMERIC_18_6_MAX}), ${NUMERIC_18_6_MAX})`;

/**
 * $3 input revision, $4 computed at. Statistics per group × metric over the values that pass
 * the gate (percentile_cont = R type 7; p10/p90 only from n = 10), with the values left out
 * per reason. Cells without any value that passed are removed. Returns counts, among them
 * the standings the cells have (the sum of their n: one per member with a value that passed).
 */
export const UPSERT_CELLS_SQL = `
WITH computed AS (
  SELECT md5($2 || ':' || v."metricId" || ':' || gm.gid)::uuid AS id, gm.gid, v."metricId",
         count(*) FILTER (WHERE v.enters)::int AS n,
         ${quantile6(`percentile_cont(0.5) WITHIN GROUP (ORDER BY v.value::float8) FILTER (WHERE v.enters)`)} AS median,
         ${quantile6(`percentile_cont(0.25) WITHIN GROUP (ORDER BY v.value::float8) FILTER (WHERE v.enters)`)} AS p25,
         ${quantile6(`percentile_cont(0.75) WITHIN GROUP (ORDER BY v.value::float8) FILTER (WHERE v.enters)`)} AS p75,
         CASE WHEN count(*) FILTER (WHERE v.enters) >= 10 THEN ${quantile6(`percentile_cont(0.1) WITHIN GROUP (ORDER BY v.value::float8) FILTER (WHERE v.enters)`)} END AS p10,
         CASE WHEN count(*) FILTER (WHERE v.enters) >= 10 THEN ${quantile6(`percentile_cont(0.9) WITHIN GROUP (ORDER BY v.value::float8) FILTER (WHERE v.enters)`)} END AS p90,
         ${round6(`avg(v.value) FILTER (WHERE v.enters)`)} AS mean,
         CASE WHEN d."isRatio" THEN ${round6(`sum(v.numerator) FILTER (WHERE v.enters) / NULLIF(sum(v.denominator) FILTER (WHERE v.enters), 0) * coalesce(d."ratioScale", 1)`)} END AS pooled,
         count(*) FILTER (WHERE NOT v.validated)::int AS "notValidated",
         count(*) FILTER (WHERE v.validated AND NOT v.enters)::int AS outliers
  FROM pg_temp.benchmark_group_member gm JOIN pg_temp.benchmark_value v ON v.oid = gm.oid JOIN "MetricDefinition" d ON d.id = v."metricId"
  GROUP BY gm.gid, v."metricId", d."isRatio", d."ratioScale"
  HAVING count(*) FILTER (WHERE v.enters) > 0
),
up AS (
  INSERT INTO "BenchmarkCell" AS c (id, "consortiumId", "periodId", "metricId", "peerGroupId", n, median, p25, p75, p10, p90, mean, pooled,
                                    "excludedNotValidated", "excludedOutlier", "inputRevision", "computedAt", "updatedAt")
  SELECT x.id, $1::uuid, $2::uuid, x."metricId", x.gid, x.n, x.median, x.p25, x.p75, x.p10, x.p90, x.mean, x.pooled,
         x."notValidated", x.outliers, $3, $4::timestamp, now()
  FROM computed x
  ON CONFLICT ("periodId", "metricId", "peerGroupId") DO UPDATE SET
    n = EXCLUDED.n, median = EXCLUDED.median, p25 = EXCLUDED.p25, p75 = EXCLUDED.p75, p10 = EXCLUDED.p10, p90 = EXCLUDED.p90,
    mean = EXCLUDED.mean, pooled = EXCLUDED.pooled, "excludedNotValidated" = EXCLUDED."excludedNotValidated",
    "excludedOutlier" = EXCLUDED."excludedOutlier", "inputRevision" = EXCLUDED."inputRevision", "computedAt" = EXCLUDED."computedAt", "updatedAt" = now()
  WHERE (c.n, c.median, c.p25, c.p75, c.p10, c.p90, c.mean, c.pooled, c."excludedNotValidated", c."excludedOutlier", c."inputRevision")
        IS DISTINCT FROM (EXCLUDED.n, EXCLUDED.median, EXCLUDED.p25, EXCLUDED.p75, EXCLUDED.p10, EXCLUDED.p90, EXCLUDED.mean, EXCLUDED.pooled,
                          EXCLUDED."excludedNotValidated", EXCLUDED."excludedOutlier", EXCLUDED."inputRevision")
  RETURNING 1
),
gone AS (SELECT id FROM "BenchmarkCell" WHERE "consortiumId" = $1::uuid AND "periodId" = $2::uuid EXCEPT SELECT id FROM computed),
del AS (
  DELETE FROM "BenchmarkCell" c USING gone WHERE c.id = gone.id AND c."releasedAt" IS NULL
  RETURNING 1
),
-- a released cell stays (readers may hold its figures; the checks need its members) with no figure
emptied AS (
  UPDATE "BenchmarkCell" c SET n = 0, median = NULL, p25 = NULL, p75 = NULL, p10 = NULL, p90 = NULL, mean = NULL, pooled = NULL,
         "inputRevision" = $3, "computedAt" = $4::timestamp, "updatedAt" = now()
  FROM gone WHERE c.id = gone.id AND c."releasedAt" IS NOT NULL AND c.n <> 0
  RETURNING 1
)
SELECT (SELECT count(*) FROM computed)::int AS computed, (SELECT count(*) + (SELECT count(*) FROM emptied) FROM up)::int AS written,
       (SELECT count(*) FROM del)::int AS removed, (SELECT coalesce(sum(n), 0) FROM computed)::int AS standings`;

/**
 * A percentile rank from half places h (2 × strictly worse + the ties that count as a half
 * each) in a group of n: h ÷ 2n × 100 rounded half up to two places, in integers —
 * ⌊(10 000 h + n) ÷ 2n⌋ hundredths is ⌊5 000 h ÷ n + ½⌋ — then scaled once: a numeric division
 * per standing cost seconds at 1.9 M standings.
 */
const rankSql = (halfPlaces: string, n: string): string => `(((10000 * (${halfPlaces}) + ${n}) / (2 * ${n}))::numeric * 0.01)::numeric(5, 2)`;

/** Its quartile (1 = best): rank ≥ 75, 50, 25 % compared in integers, without three numeric divisions a row. */
const quartileSql = (halfPlaces: string, n: string): string =>
  `CASE WHEN 2 * (${halfPlaces}) >= 3 * ${n} THEN 1 WHEN ${halfPlaces} >= ${n} THEN 2 WHEN 2 * (${halfPlaces}) >= ${n} THEN 3 ELSE 4 END`;

/**
 * $3 computed at. Each member's position in each cell: value, percentile rank oriented so
 * 100 is best ((strictly worse + ½ tied, itself included) ÷ n × 100), quartile from the
 * unrounded rank (1 = best), change since the previous period of the same kind and since its
 * baseline (goal's baseline value, else its value in the baseline period), distance to goal
 * (goal − value). Removes standings of the period no longer computed. Set-based: the computed
 * rows are paired with the period's stored ones in one hash join, and only new, changed and
 * gone rows are inserted, updated or deleted (an INSERT … ON CONFLICT probed the unique index
 * and locked a row per standing, changed or not); the updates are heap-only (the table's
 * fillfactor leaves room, no written column is indexed). Ranks in one window, sorted by two
 * integers (the group's and the metric's numbers in this run) and the value oriented and scaled
 * to an integer (numeric(18, 6) × 10⁶ is exact in int8): `rank() − 1` is the peers strictly
 * worse and `count(*)` over the same default frame (peers included) those not better, so the
 * half places are their sum — one sort where there were two, each over two uuids and a numeric
 * (7 s less at 1.9 M standings). The computed rows are read once, by the pairing: their count
 * comes from the cells (UPSERT_CELLS_SQL), and counting them here kept all 1.9 M on disk.
 */
export const UPSERT_STANDINGS_SQL = `
WITH goal AS (
  SELECT g."organisationId" AS oid, g."metricId", coalesce(g."baselineValue", bv.value) AS baseline, g."goalValue"
  FROM "MetricGoal" g
  LEFT JOIN "MetricValue" bv ON bv."organisationId" = g."organisationId" AND bv."metricId" = g."metricId" AND bv."periodId" = g."baselinePeriodId"
                            AND bv."customerId" IS NULL AND bv.status = 'validated'
  WHERE g."consortiumId" = $1::uuid
),
-- the metrics numbered: with the groups' numbers, the windows partition by two integers
metric AS (SELECT m."metricId", (row_number() OVER (ORDER BY m."metricId"))::int AS mno FROM (SELECT DISTINCT "metricId" FROM pg_temp.benchmark_value) m),
-- what does not depend on the group, once per member and metric (not once per standing)
own AS MATERIALIZED (
  SELECT v.oid, v."metricId", mt.mno, v.value, v.numerator, v.denominator, ((CASE WHEN d.direction = 'higher' THEN v.value ELSE -v.value END) * 1000000)::int8 AS oriented,
         (v.value - pv.value)::numeric(18, 6) AS "changePrev", (v.value - gl.baseline)::numeric(18, 6) AS "changeBase",
         (gl."goalValue" - v.value)::numeric(18, 6) AS distance
  FROM pg_temp.benchmark_value v JOIN "MetricDefinition" d ON d.id = v."metricId" JOIN metric mt ON mt."metricId" = v."metricId"
  LEFT JOIN pg_temp.benchmark_previous pv ON pv.oid = v.oid AND pv."metricId" = v."metricId"
  LEFT JOIN goal gl ON gl.oid = v.oid AND gl."metricId" = v."metricId"
  WHERE v.enters
),
ranked AS (
  SELECT gm.gid, gm.gno, o.*,
         count(*) OVER (PARTITION BY gm.gno, o.mno) AS n,
         rank() OVER w - 1 AS worse,
         count(*) OVER w AS "notBetter"
  FROM pg_temp.benchmark_group_member gm JOIN own o ON o.oid = gm.oid
  WINDOW w AS (PARTITION BY gm.gno, o.mno ORDER BY o.oriented)
),
-- a cell's id once per cell: md5 and uuid-to-text are most of what the projection below
-- costs when done per standing
cell AS MATERIALIZED (
  SELECT g.gno, m.mno, md5($2 || ':' || m."metricId" || ':' || g.gid)::uuid AS id
  FROM (SELECT DISTINCT gm.gid, gm.gno FROM pg_temp.benchmark_group_member gm) g CROSS JOIN metric m
),
computed AS (
  SELECT c.id AS "cellId", r.gid, r."metricId", r.oid, r.value, r.numerator, r.denominator,
         ${rankSql('r.worse + r."notBetter"', 'r.n')} AS rank,
         ${quartileSql('r.worse + r."notBetter"', 'r.n')} AS quartile,
         r."changePrev", r."changeBase", r.distance
  FROM ranked r JOIN cell c ON c.gno = r.gno AND c.mno = r.mno
),
-- what the period holds now; a full join (hash or merge, never a nested loop) on the natural
-- key pairs it with what was computed: new rows, changed rows, rows no longer computed —
-- nothing else is touched. Only a new row needs its id (md5 of its key): an id per standing
-- was most of what the projection cost.
cur AS (
  SELECT s.id, s."cellId", s."organisationId", s.value, s.numerator, s.denominator, s."percentileRank", s.quartile,
         s."changeSincePrevious", s."changeSinceBaseline", s."distanceToGoal"
  FROM "BenchmarkStanding" s WHERE s."consortiumId" = $1::uuid AND s."periodId" = $2::uuid
),
diff AS MATERIALIZED (
  SELECT CASE WHEN c.id IS NULL THEN md5($2 || ':' || x."metricId" || ':' || x.gid || ':' || x.oid)::uuid ELSE c.id END AS id, c.id IS NULL AS fresh, x."cellId" IS NULL AS gone,
         x."cellId", x.gid, x."metricId", x.oid, x.value, x.numerator, x.denominator, x.rank, x.quartile, x."changePrev", x."changeBase", x.distance
  FROM computed x FULL JOIN cur c ON c."cellId" = x."cellId" AND c."organisationId" = x.oid
  WHERE x."cellId" IS NULL OR c.id IS NULL
     OR (c.value, c.numerator, c.denominator, c."percentileRank", c.quartile, c."changeSincePrevious", c."changeSinceBaseline", c."distanceToGoal")
        IS DISTINCT FROM (x.value, x.numerator, x.denominator, x.rank, x.quartile, x."changePrev", x."changeBase", x.distance)
),
ins AS (
  INSERT INTO "BenchmarkStanding" (id, "consortiumId", "cellId", "organisationId", "periodId", "metricId", "peerGroupId", value, numerator, denominator,
                                   "percentileRank", quartile, "changeSincePrevious", "changeSinceBaseline", "distanceToGoal", "computedAt", "updatedAt")
  SELECT x.id, $1::uuid, x."cellId", x.oid, $2::uuid, x."metricId", x.gid, x.value, x.numerator, x.denominator,
         x.rank, x.quartile, x."changePrev", x."changeBase", x.distance, $3::timestamp, now()
  FROM diff x WHERE x.fresh
  RETURNING 1
),
upd AS (
  UPDATE "BenchmarkStanding" s SET value = x.value, numerator = x.numerator, denominator = x.denominator, "percentileRank" = x.rank,
         quartile = x.quartile, "changeSincePrevious" = x."changePrev", "changeSinceBaseline" = x."changeBase", "distanceToGoal" = x.distance,
         "computedAt" = $3::timestamp, "updatedAt" = now()
  FROM diff x WHERE s.id = x.id AND NOT x.fresh AND NOT x.gone
  RETURNING 1
),
del AS (
  DELETE FROM "BenchmarkStanding" s USING diff x WHERE s.id = x.id AND x.gone
  RETURNING 1
)
SELECT ((SELECT count(*) FROM ins) + (SELECT count(*) FROM upd))::int AS written,
       (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM del)::int AS removed`;

/**
 * What disclosure control needs of the period's cells, from what the run staged: each group's
 * members (in member order), and each metric's entering figures. A cell's members are its
 * group's members with a figure of its metric (disclosureCellsOf of libs/domain): 318 groups
 * and 316 000 figures at 30 000 firms, not the 1.9 M positions of the standings. Lists are
 * packed comma-separated; float8 as text is the shortest form that reads back as the same
 * double; '' is null.
 */
export const GROUP_MEMBER_LISTS_SQL = `
SELECT gm.gid::text AS "groupId", string_agg(gm.oid::text, ',' ORDER BY gm.oid) AS "organisationIds"
FROM pg_temp.benchmark_group_member gm GROUP BY gm.gid`;

/** A row of GROUP_MEMBER_LISTS_SQL. */
export interface PackedGroupMembers {
  groupId: string;
  organisationIds: string;
}

export const ENTERING_FIGURES_SQL = `
SELECT v."metricId"::text AS partition, d."isRatio" AS "isRatio", d."minValue"::float8 AS "minValue", d."maxValue"::float8 AS "maxValue",
       string_agg(v.oid::text, ',') AS "organisationIds",
       string_agg(v.value::float8::text, ',') AS "values",
       string_agg(coalesce(v.numerator::float8::text, ''), ',') AS numerators,
       string_agg(coalesce(v.denominator::float8::text, ''), ',') AS denominators
FROM pg_temp.benchmark_value v JOIN "MetricDefinition" d ON d.id = v."metricId"
WHERE v.enters
GROUP BY v."metricId", d."isRatio", d."minValue", d."maxValue"`;

/** A row of ENTERING_FIGURES_SQL: the lists are parallel. */
export interface PackedFigures {
  partition: string;
  isRatio: boolean;
  minValue: number | null;
  maxValue: number | null;
  organisationIds: string;
  values: string;
  numerators: string;
  denominators: string;
}

/**
 * Every cell of the period as disclosure control sorts them: the kind of its group (only
 * the consortium, NAICS, size band and region are public; a supply base is its customer's;
 * a custom group staff's), and what was released of it: its members as released are those
 * of its released figures, the one record of them.
 */
export const CELL_META_SQL = `
SELECT c.id, c."metricId"::text AS "metricId", c."peerGroupId"::text AS "peerGroupId", g.kind::text AS kind, c."releasedAt" IS NOT NULL AS released,
       ARRAY(SELECT m.x->>'organisationId' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c."releasedFigures"->'members') = 'array' THEN c."releasedFigures"->'members' ELSE '[]'::jsonb END)
             WITH ORDINALITY AS m(x, i) ORDER BY m.i) AS "releasedMembers",
       p.state::text AS "periodState"
FROM "BenchmarkCell" c JOIN "PeerGroup" g ON g.id = c."peerGroupId" JOIN "Period" p ON p.id = c."periodId"
WHERE c."consortiumId" = $1::uuid AND c."periodId" = $2::uuid
ORDER BY c.id`;

/**
 * $3 released at, $4 cell ids: the cells first shown outside staff now. Each keeps its members,
 * its statistics and every member's contribution as released, and each standing its rank and
 * quartile: readers outside staff read these from then on, whatever later runs compute.
 */
export const RELEASE_SQL = `
WITH m AS (
  SELECT s."cellId",
         jsonb_agg(jsonb_build_object('organisationId', s."organisationId", 'value', s.value::float8,
                                      'numerator', s.numerator::float8, 'denominator', s.denominator::float8) ORDER BY s."organisationId") AS members
  FROM "BenchmarkStanding" s
  WHERE s."consortiumId" = $1::uuid AND s."periodId" = $2::uuid AND s."cellId" = ANY ($4::uuid[])
  GROUP BY s."cellId"
),
cells AS (
  UPDATE "BenchmarkCell" c SET "releasedAt" = $3::timestamp,
         "releasedFigures" = jsonb_build_object('n', c.n, 'median', c.median::float8, 'p25', c.p25::float8, 'p75', c.p75::float8,
                                                'p10', c.p10::float8, 'p90', c.p90::float8, 'mean', c.mean::float8, 'pooled', c.pooled::float8,
                                                'members', m.members),
         "updatedAt" = now()
  FROM m WHERE c.id = m."cellId" AND c."consortiumId" = $1::uuid AND c."periodId" = $2::uuid AND c."releasedAt" IS NULL
  RETURNING c.id
),
-- the rank members read counts a peer with exactly their value as better (releasedRank of
-- libs/domain): with half of it, as stored for staff, the rank's fraction told how many peers
-- had reported exactly the member's own value
released_rank AS (
  SELECT x.id, count(*) OVER (PARTITION BY x."cellId") AS n,
         rank() OVER (PARTITION BY x."cellId" ORDER BY CASE WHEN d.direction = 'higher' THEN x.value ELSE -x.value END) - 1 AS worse
  FROM "BenchmarkStanding" x JOIN cells ON x."cellId" = cells.id JOIN "MetricDefinition" d ON d.id = x."metricId"
),
standings AS (
  UPDATE "BenchmarkStanding" s
     SET "releasedPercentileRank" = ${rankSql('2 * r.worse + 1', 'r.n')},
         "releasedQuartile" = ${quartileSql('2 * r.worse + 1', 'r.n')},
         "updatedAt" = now()
  FROM released_rank r WHERE s.id = r.id
  RETURNING 1
)
SELECT (SELECT count(*) FROM cells)::int AS released`;

/** $3 cell ids, $4 decisions (null = publishable): writes the public decision where it changed. */
export const SET_SUPPRESSION_SQL = `
UPDATE "BenchmarkCell" c SET suppression = x.reason::"SuppressionReason", "updatedAt" = now()
FROM unnest($3::uuid[], $4::text[]) AS x(id, reason)
WHERE c.id = x.id AND c."consortiumId" = $1::uuid AND c."periodId" = $2::uuid AND c.suppression IS DISTINCT FROM x.reason::"SuppressionReason"`;
