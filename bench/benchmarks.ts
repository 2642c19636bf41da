import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { SIZE_BANDS } from '../libs/domain/src/benchmarks/size-bands';
import { recomputeSettings } from '../apps/worker/src/benchmarks/recompute-period';
import { applyMigrations } from '../prisma/tools/migrate';
import { median, timed } from './stats';
import { assertLoopback, intFromEnv, useAppEnvironment, withScratchDatabase } from './support';

/**
 * `npm run bench -- benchmarks`: one period's benchmarks of BENCH_FIRMS (30 000) suppliers ×
 * 13 metrics, with BENCH_QUARTERS (20) quarters of history, recomputed by the worker's job
 * (RecomputeBenchmarksJob.run: groups, cells, standings, disclosure, run row, in one
 * transaction) against one hand-written statement computing the same statistics (every
 * cell's n, percentiles, mean and pooled ratio and every member's oriented rank) without
 * storing them. Both timed in two states: every figure changed, and nothing changed; with
 * every figure changed, also the CPU seconds both spend (on a shared machine the wall time
 * mostly measures the others' load), and the same statement storing its figures in place
 * (rolled back): what writing them costs, which the target's statement never pays.
 */

interface Settings {
  firms: number;
  quarters: number;
  runs: number;
  adminUrl: string;
  redisUrl: string;
  timeoutSeconds: number;
}

function settings(): Settings {
  const s: Settings = {
    firms: intFromEnv('BENCH_FIRMS', 30_000, 20, 1_000_000),
    quarters: intFromEnv('BENCH_QUARTERS', 20, 2, 80),
    runs: intFromEnv('BENCH_RUNS', 3, 1, 50),
    adminUrl: process.env.BENCH_DATABASE_ADMIN_URL || process.env.TEST_DATABASE_ADMIN_URL || 'postgresql://root@127.0.0.1:5432/postgres',
    redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    timeoutSeconds: intFromEnv('BENCH_TIMEOUT_SECONDS', 3600, 30, 6 * 3600),
  };
  assertLoopback(s.adminUrl, 'BENCH_DATABASE_ADMIN_URL');
  assertLoopback(s.redisUrl, 'REDIS_URL');
  return s;
}

/** 13 metrics as metrics.md has them: lo/hi of the generated values, ratio metrics with numerator and denominator. */
const METRICS = [
  ['OTD', 'higher', 80, 100, true],
  ['PPM', 'lower', 0, 2000, true],
  ['LEAD_TIME', 'lower', 5, 60, false],
  ['CYCLE_TIME', 'lower', 1, 200, false],
  ['SETUP_TIME', 'lower', 5, 240, false],
  ['SCRAP', 'lower', 0, 8, true],
  ['INV_TURNS', 'higher', 2, 30, false],
  ['VA_EMP', 'higher', 60_000, 250_000, false],
  ['COST_INDEX', 'lower', 80, 120, false],
  ['OEE', 'higher', 40, 90, false],
  ['TRIR', 'lower', 0, 8, false],
  ['TRAIN_HRS', 'higher', 0, 60, false],
  ['TRAIN_SPEND', 'higher', 0, 4, false],
] as const;
const CUSTOMERS = 300;

export interface Generated {
  consortiumId: string;
  periodId: string;
  values: number;
}

/** Set-based, seeded: the same consortium every run. */
export async function generate(pool: Pool, s: Settings): Promise<Generated> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT setseed(0.2026)');
    const consortiumId = (await client.query<{ id: string }>(`INSERT INTO "Consortium" (id, name, slug, region, "updatedAt") VALUES (gen_random_uuid(), 'Bench', 'bench', 'Bench', now()) RETURNING id`)).rows[0]?.id as string;
    await client.query(
      `CREATE TEMP TABLE bench_org ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, 'customer'::"OrganisationKind" AS kind, n FROM generate_series(1, $1::int) n
       UNION ALL SELECT gen_random_uuid(), 'supplier', n FROM generate_series(1, $2::int) n`,
      [CUSTOMERS, s.firms],
    );
    await client.query(
      `INSERT INTO "Organisation" (id, code, name, kind, "naicsCode", "employeeCount", region, "updatedAt")
       SELECT id, 'bench-' || kind || '-' || n, kind || ' ' || n, kind, (ARRAY['326199','331511','332710','333517','336390'])[1 + n % 5],
              5 + (random() * 900)::int, 'Region ' || (n % 8), now() FROM bench_org`,
    );
    await client.query(
      `INSERT INTO "Membership" (id, "consortiumId", "organisationId", tier, status, "joinedAt", "updatedAt")
       SELECT gen_random_uuid(), $1, id, CASE kind WHEN 'customer' THEN 'anchor_customer'::"MembershipTier" ELSE 'supplier' END, 'active', DATE '2020-01-01', now() FROM bench_org`,
      [consortiumId],
    );
    await client.query(
      `INSERT INTO "SupplyRelationship" (id, "consortiumId", "customerId", "supplierId", since, commodity, "spendBand", "sourcingMode", "updatedAt")
       SELECT gen_random_uuid(), $1, c.id, s.id, DATE '2020-01-01', 'parts', '1-5M USD', 'multi_year', now()
       FROM bench_org s CROSS JOIN generate_series(0, 1) k JOIN bench_org c ON c.kind = 'customer' AND c.n = ((s.n * 7 + k * 101) % $2::int) + 1
       WHERE s.kind = 'supplier'`,
      [consortiumId, CUSTOMERS],
    );
    await client.query(
      `INSERT INTO "Period" (id, "consortiumId", code, kind, "startsOn", "endsOn", "dueOn", state, "updatedAt")
       SELECT gen_random_uuid(), $1, (2020 + q / 4) || '-Q' || (1 + q % 4), 'quarter', d::date, (d + interval '3 months' - interval '1 day')::date,
              (d + interval '4 months')::date, 'closed', now()
       FROM generate_series(0, $2::int - 1) q, LATERAL (SELECT DATE '2020-01-01' + (q * interval '3 months') AS d) x`,
      [consortiumId, s.quarters],
    );
    for (const [code, direction, lo, hi, ratio] of METRICS) {
      await client.query(
        `WITH m AS (
           INSERT INTO "MetricDefinition" (id, "consortiumId", code, name, unit, direction, frequency, reporters, "isRatio", "ratioScale", "updatedAt")
           VALUES (gen_random_uuid(), $1, $2, $2, 'unit', $3::"MetricDirection", 'quarterly', '{supplier}', $6, CASE WHEN $6 THEN 100 END, now()) RETURNING id
         )
         INSERT INTO "MetricValue" (id, "consortiumId", "organisationId", "metricId", "periodId", "subjectKey", value, numerator, denominator, source, status, "updatedAt")
         SELECT gen_random_uuid(), $1, o.id, m.id, p.id, 'self', v.value, CASE WHEN $6 THEN v.value * v.den / 100 END, CASE WHEN $6 THEN v.den END, 'csv',
                CASE WHEN random() < 0.9 THEN 'validated'::"MetricValueStatus" ELSE 'submitted' END, now()
         FROM m, "Period" p, bench_org o,
              -- correlated (o.n, p.id): an uncorrelated LATERAL is computed once, and every value was the same
              LATERAL (SELECT round(($4::numeric + random()::numeric * ($5::numeric - $4::numeric)), 3) AS value, (100 + random() * 5000)::int::numeric AS den
                       WHERE o.n IS NOT NULL AND p.id IS NOT NULL) v
         WHERE p."consortiumId" = $1 AND o.kind = 'supplier' AND random() < 0.9`,
        [consortiumId, code, direction, lo, hi, ratio],
      );
    }
    const periodId = (await client.query<{ id: string }>(`SELECT id FROM "Period" WHERE "consortiumId" = $1 ORDER BY "startsOn" DESC LIMIT 1`, [consortiumId])).rows[0]?.id as string;
    const values = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "MetricValue"`)).rows[0]?.n ?? 0;
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { consortiumId, periodId, values };
  } finally {
    client.release();
  }
}

/**
 * The baseline: one statement, the same groups (the PeerGroup rows the job keeps), the same
 * gate, and every figure the job stores — each cell's n, p10–p90, mean, pooled ratio and
 * exclusions per reason; each member's oriented rank, quartile, change since the previous
 * period and since baseline, distance to goal — computed, not stored. Every figure is summed
 * into a checksum: a statement that only counts its rows lets the planner drop the
 * aggregates and window functions it never reads (the first baseline did, and computed
 * nothing but the joins).
 */
export const BASELINE_SQL = `
WITH mem AS (
  SELECT o.id, left(o."naicsCode", 3) AS naics, o.region,
         CASE ${SIZE_BANDS.map((b) => `WHEN o."employeeCount" >= ${b.min}${b.max === null ? '' : ` AND o."employeeCount" <= ${b.max}`} THEN '${b.code}'`).join(' ')} END AS band
  FROM "Membership" m JOIN "Organisation" o ON o.id = m."organisationId" WHERE m."consortiumId" = $1 AND m.status = 'active'
),
gm AS (
  SELECT g.id AS gid, m.id AS oid FROM "PeerGroup" g JOIN mem m
    ON (g.kind = 'consortium') OR (g.kind = 'naics' AND g.key = m.naics) OR (g.kind = 'size_band' AND g.key = m.band) OR (g.kind = 'region' AND g.key = m.region)
  WHERE g."consortiumId" = $1 AND g.kind IN ('consortium', 'naics', 'size_band', 'region')
  UNION ALL
  SELECT g.id, r."supplierId" FROM "PeerGroup" g JOIN "SupplyRelationship" r ON r."customerId" = g."customerId" AND r."consortiumId" = $1
  WHERE g."consortiumId" = $1 AND g.kind = 'supply_base'
),
prev_period AS (
  SELECT p.id FROM "Period" p JOIN "Period" cur ON cur.id = $2
  WHERE p."consortiumId" = $1 AND p.kind = cur.kind AND p."startsOn" < cur."startsOn" ORDER BY p."startsOn" DESC LIMIT 1
),
x AS (
  SELECT x."organisationId" AS oid, x."metricId", x.value, x.numerator, x.denominator,
         x.status = 'validated' AND (NOT x.outlier OR x."outlierConfirmedAt" IS NOT NULL) AS enters, x.status = 'validated' AS validated
  FROM "MetricValue" x JOIN "MetricDefinition" d ON d.id = x."metricId" AND d.enabled
  WHERE x."consortiumId" = $1 AND x."periodId" = $2 AND x."customerId" IS NULL
),
cells AS (
  SELECT gm.gid, x."metricId", count(*) FILTER (WHERE x.enters) AS n,
         percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9]) WITHIN GROUP (ORDER BY x.value) FILTER (WHERE x.enters) AS pct,
         avg(x.value) FILTER (WHERE x.enters) AS mean,
         sum(x.numerator) FILTER (WHERE x.enters) / nullif(sum(x.denominator) FILTER (WHERE x.enters), 0) AS pooled,
         count(*) FILTER (WHERE NOT x.validated) AS "notValidated", count(*) FILTER (WHERE x.validated AND NOT x.enters) AS outliers
  FROM gm JOIN x ON x.oid = gm.oid GROUP BY gm.gid, x."metricId" HAVING count(*) FILTER (WHERE x.enters) > 0
),
own AS (
  SELECT x.oid, x."metricId", x.value, CASE WHEN d.direction = 'higher' THEN x.value ELSE -x.value END AS oriented,
         x.value - p.value AS "changePrev", x.value - coalesce(g."baselineValue", b.value) AS "changeBase", g."goalValue" - x.value AS distance
  FROM x JOIN "MetricDefinition" d ON d.id = x."metricId"
  LEFT JOIN "MetricValue" p ON p."organisationId" = x.oid AND p."metricId" = x."metricId" AND p."periodId" = (SELECT id FROM prev_period) AND p."customerId" IS NULL
                           AND p.status = 'validated' AND (NOT p.outlier OR p."outlierConfirmedAt" IS NOT NULL)
  LEFT JOIN "MetricGoal" g ON g."consortiumId" = $1 AND g."organisationId" = x.oid AND g."metricId" = x."metricId"
  LEFT JOIN "MetricValue" b ON b."organisationId" = g."organisationId" AND b."metricId" = g."metricId" AND b."periodId" = g."baselinePeriodId"
                           AND b."customerId" IS NULL AND b.status = 'validated'
  WHERE x.enters
),
ranked AS (
  SELECT gm.gid, o.*, count(*) OVER (PARTITION BY gm.gid, o."metricId") AS n,
         rank() OVER (PARTITION BY gm.gid, o."metricId" ORDER BY o.oriented) - 1 AS worse,
         count(*) OVER (PARTITION BY gm.gid, o."metricId", o.value) AS tied
  FROM gm JOIN own o ON o.oid = gm.oid
),
standings AS (
  SELECT (2 * worse + tied) / (2.0 * n) * 100 AS rank,
         CASE WHEN 2 * (2 * worse + tied) >= 3 * n THEN 1 WHEN 2 * worse + tied >= n THEN 2 WHEN 2 * (2 * worse + tied) >= n THEN 3 ELSE 4 END AS quartile,
         gid, "metricId", oid, value, "changePrev", "changeBase", distance
  FROM ranked
)
SELECT c.cells, c.checksum AS "cellsChecksum", s.standings, s.checksum AS "standingsChecksum"
FROM (SELECT count(*) AS cells,
             sum(n + coalesce(pct[1], 0) + pct[2] + pct[3] + pct[4] + coalesce(pct[5], 0) + mean + coalesce(pooled, 0) + "notValidated" + outliers) AS checksum
      FROM cells) c,
     (SELECT count(*) AS standings,
             sum(rank + quartile + value + coalesce("changePrev", 0) + coalesce("changeBase", 0) + coalesce(distance, 0)) AS checksum
      FROM standings) s`;

/**
 * The same statement storing what it computes: every cell's statistics and every standing's
 * figures UPDATEd in place over the rows the job stored (in the job's transaction settings,
 * rolled back). Not the target's baseline: what a plain statement pays to write 1.9 M standings
 * when it does nothing else — no pairing with what is stored, no new or gone rows, no
 * disclosure. (Not a floor: computing into a temporary table and updating from it was faster
 * on a kept database; docs/architecture.md.)
 */
export const BASELINE_STORING_SQL = `${BASELINE_SQL.slice(0, BASELINE_SQL.lastIndexOf('\nSELECT c.cells'))},
cell_rows AS (
  UPDATE "BenchmarkCell" c SET n = x.n, p10 = x.pct[1], p25 = x.pct[2], median = x.pct[3], p75 = x.pct[4], p90 = x.pct[5], mean = x.mean, pooled = x.pooled,
         "excludedNotValidated" = x."notValidated", "excludedOutlier" = x.outliers
  FROM cells x WHERE c."periodId" = $2 AND c."peerGroupId" = x.gid AND c."metricId" = x."metricId"
  RETURNING 1
),
standing_rows AS (
  UPDATE "BenchmarkStanding" s SET value = x.value, "percentileRank" = x.rank, quartile = x.quartile, "changeSincePrevious" = x."changePrev",
         "changeSinceBaseline" = x."changeBase", "distanceToGoal" = x.distance
  FROM standings x WHERE s."periodId" = $2 AND s."peerGroupId" = x.gid AND s."metricId" = x."metricId" AND s."organisationId" = x.oid
  RETURNING 1
)
SELECT (SELECT count(*) FROM cell_rows) AS cells, (SELECT count(*) FROM standing_rows) AS standings`;

/** The baseline statement (or another), in a transaction with the settings the job's transaction has (work_mem, no JIT); rolled back when asked. */
export async function baseline(pool: Pool, g: Generated, workMemMb: number, sql = BASELINE_SQL, rollback = false): Promise<Record<string, unknown>> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const setting of recomputeSettings(workMemMb)) await client.query(setting);
    const { rows } = await client.query<Record<string, unknown>>(sql, [g.consortiumId, g.periodId]);
    await client.query(rollback ? 'ROLLBACK' : 'COMMIT');
    return rows[0] ?? {};
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat; 0 once it is gone. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

/**
 * CPU seconds spent by fn in the scratch database's backends (same machine: loopback only)
 * and in this process (the worker runs in it). On a shared, loaded machine wall time mostly
 * measures the others' load; this is what the job itself costs.
 */
async function cpuDuring(pool: Pool, fn: () => Promise<unknown>): Promise<{ db: number; node: number }> {
  const backends = async () => (await pool.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)).rows.map((r) => r.pid);
  const before = new Map((await backends()).map((pid) => [pid, cpuSecondsOf(pid)]));
  const node = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(node);
  const db = (await backends()).reduce((sum, pid) => sum + cpuSecondsOf(pid) - (before.get(pid) ?? 0), 0);
  return { db, node: (used.user + used.system) / 1e6 };
}

/** Every value of the period moves inside its range (v → lo + hi − v), so every figure changes. */
export async function flipValues(pool: Pool, g: Generated): Promise<void> {
  const cases = METRICS.map(([code, , lo, hi]) => `WHEN '${code}' THEN ${lo + hi}`).join(' ');
  await pool.query(`UPDATE "MetricValue" v SET value = (CASE d.code ${cases} END) - v.value, revision = v.revision + 1 FROM "MetricDefinition" d WHERE d.id = v."metricId" AND v."periodId" = $1`, [g.periodId]);
}

export async function runBenchmarksBenchmark(): Promise<void> {
  const s = settings();
  let pool: Pool | undefined;
  let worker: INestApplicationContext | undefined;
  const release = async (): Promise<void> => {
    await worker?.close().catch((error: unknown) => console.error(`closing the worker: ${String(error)}`));
    await pool?.end().catch(() => undefined);
  };
  await withScratchDatabase('benchmarks', s, async (scratch) => {
    let t = performance.now();
    await applyMigrations(scratch.databaseUrl);
    pool = new Pool({ connectionString: scratch.databaseUrl, max: 4 });
    const g = await generate(pool, s);
    console.log(`generated ${s.firms} firms × ${METRICS.length} metrics × ${s.quarters} quarters: ${g.values} metric values in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    useAppEnvironment(scratch, s.redisUrl);
    // imported late: the configuration is read once, from the variables just set
    const { createWorker } = await import('../apps/worker/src/bootstrap');
    const { RecomputeBenchmarksJob } = await import('../apps/worker/src/benchmarks/recompute-benchmarks.job');
    worker = await createWorker();
    const job = worker.get(RecomputeBenchmarksJob);
    let n = 0;
    // where the time goes: the job reports progress after groups and staging (10), cells (40), standings with disclosure decided beside them (80), decisions written (90)
    let lastSteps = '';
    const viaJob = async () => {
      const marks: string[] = [];
      let last = performance.now();
      const result = await job.run({ consortiumId: g.consortiumId, periodId: g.periodId, reason: 'on_demand' }, `benchmarks:bench-${++n}`, async (p) => {
        const now = performance.now();
        marks.push(`${p} %: +${((now - last) / 1000).toFixed(2)} s`);
        last = now;
      });
      lastSteps = marks.join(', ');
      return result;
    };
    const { APP_CONFIG } = await import('@tandem/server');
    const workMemMb = worker.get<{ BENCHMARK_WORK_MEM_MB: number }>(APP_CONFIG).BENCHMARK_WORK_MEM_MB;
    const viaSql = () => baseline(pool as Pool, g, workMemMb);
    const viaSqlStoring = () => baseline(pool as Pool, g, workMemMb, BASELINE_STORING_SQL, true);
    const cpu = { job: [] as number[], sql: [] as number[] };
    const withCpu = (fn: () => Promise<unknown>, into: number[]) => async () => {
      const used = await cpuDuring(pool as Pool, fn);
      into.push(used.db + used.node);
      return used;
    };

    t = performance.now();
    const first = await viaJob();
    console.log(`first run (inserts every cell and standing): ${((performance.now() - t) / 1000).toFixed(2)} s; ${JSON.stringify(first)} (${lastSteps})`);
    const base = await viaSql();
    console.log(`baseline statement: ${JSON.stringify(base)}`);

    const changed = { job: [] as number[], sql: [] as number[], storing: [] as number[] };
    const unchanged = { job: [] as number[], sql: [] as number[] };
    for (let i = 0; i < s.runs; i++) {
      await flipValues(pool, g);
      changed.job.push(await timed(withCpu(viaJob, cpu.job)));
      console.log(`  job, every figure changes: ${lastSteps}; CPU ${cpu.job.at(-1)?.toFixed(1)} s`);
      unchanged.job.push(await timed(viaJob));
      console.log(`  job, nothing changes:      ${lastSteps}`);
      await flipValues(pool, g);
      changed.sql.push(await timed(withCpu(viaSql, cpu.sql)));
      unchanged.sql.push(await timed(viaSql));
      // the stored figures are the flipped values' (the job's last run): every row is rewritten
      changed.storing.push(await timed(viaSqlStoring));
    }
    const rows: [string, number[]][] = [
      ['job (groups, cells, standings, disclosure), every figure changes', changed.job],
      ['one SQL statement (pg), same statistics, not stored', changed.sql],
      ['the statement storing them in place (UPDATE, rolled back)', changed.storing],
      ['job, nothing changes', unchanged.job],
      ['one SQL statement, nothing changes', unchanged.sql],
    ];
    console.log(`\nbenchmarks of one period, ${s.firms} firms × ${METRICS.length} metrics, median of ${s.runs} runs each:\n`);
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, xs] of rows) console.log(`${label.padEnd(width)}  ${median(xs).toFixed(0).padStart(7)} ms   (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`);
    console.log(`\njob / SQL, every figure changes: ${(median(changed.job) / median(changed.sql)).toFixed(2)}x (target ≤ 1.3x)`);
    console.log(`job / SQL, nothing changes:      ${(median(unchanged.job) / median(unchanged.sql)).toFixed(2)}x`);
    console.log(`job / the statement storing in place, every figure changes: ${(median(changed.job) / median(changed.storing)).toFixed(2)}x (statement storing / statement: ${(median(changed.storing) / median(changed.sql)).toFixed(2)}x)`);
    console.log(
      `CPU seconds, every figure changes (PostgreSQL backends + this process): job ${median(cpu.job).toFixed(1)}, statement ${median(cpu.sql).toFixed(1)}: ` +
        `${(median(cpu.job) / median(cpu.sql)).toFixed(2)}x (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})\n`,
    );
  }, release);
}
