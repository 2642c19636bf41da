import type { INestApplicationContext } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import IORedis from 'ioredis';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { applyMigrations } from '../prisma/tools/migrate';
import { median, timed } from './stats';
import { intFromEnv, scratchSettings, useAppEnvironment, withScratchDatabase } from './support';

/**
 * `npm run bench -- scorecards`: scorecards of BENCH_RELATIONSHIPS (30 000) supply
 * relationships recomputed through the job code path — enqueued on the `metrics` queue and
 * run by the worker's processor (advisory lock, the statement, corrective-action plans,
 * audit, in one transaction) — against the single SQL statement that computes them, sent
 * straight through `pg`. Both are timed in two states: every scorecard changes (the values
 * are flipped before each run) and nothing changes (a repeated run).
 */

interface Settings {
  relationships: number;
  runs: number;
  adminUrl: string;
  redisUrl: string;
  timeoutSeconds: number;
}

function settings(): Settings {
  const s: Settings = {
    relationships: intFromEnv('BENCH_RELATIONSHIPS', 30_000, 3, 1_000_000),
    runs: intFromEnv('BENCH_RUNS', 5, 1, 50),
    ...scratchSettings(),
  };
  return s;
}

/** Metrics of the generated consortium: value range (flipping v → lo + hi − v keeps it inside) and thresholds. */
const METRICS = [
  { code: 'OTD', direction: 'higher', lo: 90, hi: 100, weight: 3, thresholds: [{ atLeast: 98, score: 100 }, { atLeast: 95, score: 80 }, { atLeast: 90, score: 50 }, { atLeast: 0, score: 0 }] },
  { code: 'PPM', direction: 'lower', lo: 0, hi: 300, weight: 2, thresholds: [{ atMost: 50, score: 100 }, { atMost: 200, score: 70 }, { atMost: 1000, score: 30 }] },
  { code: 'LEAD_TIME', direction: 'lower', lo: 5, hi: 30, weight: 1, thresholds: [{ atMost: 10, score: 100 }, { atMost: 20, score: 70 }, { atMost: 30, score: 40 }] },
  { code: 'OEE', direction: 'higher', lo: 60, hi: 95, weight: 1, thresholds: [{ atLeast: 85, score: 100 }, { atLeast: 75, score: 70 }, { atLeast: 60, score: 40 }] },
] as const;
const STANDINGS = [
  { standing: 'preferred', minScore: 85 },
  { standing: 'approved', minScore: 70 },
  { standing: 'development', minScore: 50 },
  { standing: 'probation', minScore: 0 },
];
const CUSTOMERS = 300;

interface Generated {
  consortiumId: string;
  periodId: string;
  values: number;
}

/**
 * One consortium: 300 customers, relationships ÷ 3 suppliers with three customers each, the
 * consortium's template over four metrics and an own two-metric template for every third
 * customer, self-reported values (90 % present, 85 % of those validated) and customer reports
 * of OTD and PPM (70 % present). Set-based SQL, seeded random: the same rows every run.
 */
async function generate(pool: Pool, relationships: number): Promise<Generated> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT setseed(0.2026)');
    const consortiumId = (await client.query<{ id: string }>(`INSERT INTO "Consortium" (id, name, slug, region, "updatedAt") VALUES (gen_random_uuid(), 'Bench consortium', 'bench', 'Bench', now()) RETURNING id`)).rows[0]?.id as string;
    const suppliers = Math.ceil(relationships / 3);
    await client.query(
      `CREATE TEMP TABLE bench_org ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, 'customer'::"OrganisationKind" AS kind, n FROM generate_series(1, $1::int) n
       UNION ALL SELECT gen_random_uuid(), 'supplier', n FROM generate_series(1, $2::int) n`,
      [CUSTOMERS, suppliers],
    );
    await client.query(`INSERT INTO "Organisation" (id, code, name, kind, "updatedAt") SELECT id, 'bench-' || kind || '-' || n, initcap(kind::text) || ' ' || n, kind, now() FROM bench_org`);
    await client.query(
      `INSERT INTO "Membership" (id, "consortiumId", "organisationId", tier, status, "joinedAt", "updatedAt")
       SELECT gen_random_uuid(), $1, id, CASE kind WHEN 'customer' THEN 'anchor_customer'::"MembershipTier" ELSE 'supplier' END, 'active', DATE '2023-01-01', now() FROM bench_org`,
      [consortiumId],
    );
    // supplier n sells to three distinct customers
    await client.query(
      `INSERT INTO "SupplyRelationship" (id, "consortiumId", "customerId", "supplierId", since, commodity, "spendBand", "sourcingMode", "updatedAt")
       SELECT gen_random_uuid(), $1, c.id, s.id, DATE '2020-01-01', 'castings', '1-5M USD', 'multi_year', now()
       FROM bench_org s CROSS JOIN generate_series(0, 2) k
       JOIN bench_org c ON c.kind = 'customer' AND c.n = ((s.n * 7 + k * 101) % $2::int) + 1
       WHERE s.kind = 'supplier' AND (s.n - 1) * 3 + k < $3::int`,
      [consortiumId, CUSTOMERS, relationships],
    );
    const periodId = (
      await client.query<{ id: string }>(
        `INSERT INTO "Period" (id, "consortiumId", code, kind, "startsOn", "endsOn", "dueOn", state, "updatedAt")
         VALUES (gen_random_uuid(), $1, '2025-Q1', 'quarter', DATE '2025-01-01', DATE '2025-03-31', DATE '2025-04-30', 'closed', now()) RETURNING id`,
        [consortiumId],
      )
    ).rows[0]?.id as string;
    const metricIds: string[] = [];
    for (const m of METRICS) {
      const id = (
        await client.query<{ id: string }>(
          `INSERT INTO "MetricDefinition" (id, "consortiumId", code, name, unit, direction, frequency, reporters, "updatedAt")
           VALUES (gen_random_uuid(), $1, $2, $2, 'unit', $3::"MetricDirection", 'quarterly', '{supplier,customer}', now()) RETURNING id`,
          [consortiumId, m.code, m.direction],
        )
      ).rows[0]?.id as string;
      metricIds.push(id);
      await client.query(
        `INSERT INTO "MetricValue" (id, "consortiumId", "organisationId", "metricId", "periodId", "subjectKey", value, source, status, "updatedAt")
         SELECT gen_random_uuid(), $1, s.id, $2, $3, 'self', round(($4::numeric + random()::numeric * ($5::numeric - $4::numeric)), 3), 'csv',
                CASE WHEN random() < 0.85 THEN 'validated'::"MetricValueStatus" ELSE 'submitted' END, now()
         FROM bench_org s WHERE s.kind = 'supplier' AND random() < 0.9`,
        [consortiumId, id, periodId, m.lo, m.hi],
      );
      if (m.code === 'OTD' || m.code === 'PPM') {
        await client.query(
          `INSERT INTO "MetricValue" (id, "consortiumId", "organisationId", "metricId", "periodId", "customerId", "subjectKey", value, source, status, "updatedAt")
           SELECT gen_random_uuid(), $1, r."supplierId", $2, $3, r."customerId", r."customerId"::text,
                  round(($4::numeric + random()::numeric * ($5::numeric - $4::numeric)), 3), 'form', 'validated', now()
           FROM "SupplyRelationship" r WHERE r."consortiumId" = $1 AND random() < 0.7`,
          [consortiumId, id, periodId, m.lo, m.hi],
        );
      }
    }
    const template = async (customerId: string | null, metrics: readonly (typeof METRICS)[number][]): Promise<void> => {
      const id = (
        await client.query<{ id: string }>(
          `INSERT INTO "ScorecardTemplate" (id, "consortiumId", "customerId", name, standings, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Bench', $3::jsonb, now()) RETURNING id`,
          [consortiumId, customerId, JSON.stringify(STANDINGS)],
        )
      ).rows[0]?.id as string;
      for (const m of metrics) {
        await client.query(`INSERT INTO "ScorecardCriterion" (id, "templateId", "metricId", weight, thresholds) VALUES (gen_random_uuid(), $1, $2, $3, $4::jsonb)`, [
          id,
          metricIds[METRICS.indexOf(m)],
          m.weight,
          JSON.stringify(m.thresholds),
        ]);
      }
    };
    await template(null, METRICS);
    const own = await client.query<{ id: string }>(`SELECT id FROM bench_org WHERE kind = 'customer' AND n % 3 = 0 ORDER BY n`);
    for (const c of own.rows) await template(c.id, [METRICS[0], METRICS[1]]);
    const values = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "MetricValue" WHERE "periodId" = $1`, [periodId])).rows[0]?.n ?? 0;
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { consortiumId, periodId, values };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** v → lo + hi − v for every value of the period: an involution, so two flips restore the data and every run has work to do. */
async function flipValues(pool: Pool, g: Generated): Promise<void> {
  const cases = METRICS.map((m) => `WHEN '${m.code}' THEN ${m.lo + m.hi}`).join(' ');
  await pool.query(
    `UPDATE "MetricValue" v SET value = (CASE d.code ${cases} END) - v.value
     FROM "MetricDefinition" d WHERE d.id = v."metricId" AND v."periodId" = $1`,
    [g.periodId],
  );
}

export async function runScorecardsBenchmark(): Promise<void> {
  const s = settings();
  let pool: Pool | undefined;
  let worker: INestApplicationContext | undefined;
  let events: QueueEvents | undefined;
  let redis: IORedis | undefined;
  const release = async (): Promise<void> => {
    await events?.close().catch(() => undefined);
    await worker?.close().catch((error: unknown) => console.error(`closing the worker: ${String(error)}`));
    await pool?.end().catch(() => undefined);
    redis?.disconnect();
  };
  await withScratchDatabase('scorecards', s, async (scratch) => {
    const { databaseUrl, redisPrefix } = scratch;
    let t = performance.now();
    await applyMigrations(databaseUrl);
    pool = new Pool({ connectionString: databaseUrl, max: 4 });
    const g = await generate(pool, s.relationships);
    console.log(`generated ${s.relationships} relationships, ${g.values} metric values in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    useAppEnvironment(scratch, s.redisUrl);
    // imported late: the configuration is read once, from the variables just set
    const { createWorker } = await import('../apps/worker/src/bootstrap');
    const { JobProducer } = await import('../libs/server/src/queue/job-producer');
    const { RECOMPUTE_SCORECARDS_SQL } = await import('../apps/worker/src/scorecards/scorecards.sql');
    worker = await createWorker();
    redis = new IORedis(s.redisUrl, { maxRetriesPerRequest: null });
    events = new QueueEvents('follow-up', { connection: redis.duplicate(), prefix: redisPrefix });
    await events.waitUntilReady();
    const producer = worker.get(JobProducer);
    const queue = producer.queue('follow-up');
    let n = 0;
    const viaJob = async (): Promise<void> => {
      const jobId = `bench-${++n}`;
      await producer.enqueue('scorecards.recompute', { consortiumId: g.consortiumId, periodId: g.periodId }, { jobId });
      const job = await queue.getJob(jobId);
      if (!job) throw new Error(`job ${jobId} vanished`);
      await job.waitUntilFinished(events as QueueEvents, s.timeoutSeconds * 1000);
    };
    const viaSql = async (): Promise<void> => {
      await (pool as Pool).query(RECOMPUTE_SCORECARDS_SQL, [g.consortiumId, g.periodId]);
    };

    t = performance.now();
    await viaJob();
    const first = performance.now() - t;
    const counts = (await pool.query<{ standing: string; n: number }>(`SELECT standing::text, count(*)::int AS n FROM "Scorecard" GROUP BY 1 ORDER BY 1`)).rows;
    const plans = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "CorrectiveActionPlan"`)).rows[0]?.n ?? 0;
    const total = counts.reduce((a, r) => a + r.n, 0);
    console.log(`first run (inserts every scorecard, opens ${plans} plans): ${(first / 1000).toFixed(2)} s; ${total} scorecards: ${counts.map((r) => `${r.standing} ${r.n}`).join(', ')}`);
    // warm both value states, so every later run only updates (plans of both states exist)
    for (let i = 0; i < 2; i++) {
      await flipValues(pool, g);
      await viaJob();
    }

    const changed = { job: [] as number[], sql: [] as number[] };
    const unchanged = { job: [] as number[], sql: [] as number[] };
    for (let i = 0; i < s.runs; i++) {
      await flipValues(pool, g);
      changed.job.push(await timed(viaJob));
      unchanged.job.push(await timed(viaJob));
      await flipValues(pool, g);
      changed.sql.push(await timed(viaSql));
      unchanged.sql.push(await timed(viaSql));
    }
    const rows: [string, number[]][] = [
      ['job (queue → worker), every scorecard changes', changed.job],
      ['SQL statement (pg),   every scorecard changes', changed.sql],
      ['job (queue → worker), nothing changes', unchanged.job],
      ['SQL statement (pg),   nothing changes', unchanged.sql],
    ];
    console.log(`\nscorecards of ${total} relationships (${s.relationships} generated), median of ${s.runs} runs each:\n`);
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, xs] of rows) console.log(`${label.padEnd(width)}  ${median(xs).toFixed(0).padStart(7)} ms   (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`);
    console.log(`\njob / SQL, every scorecard changes: ${(median(changed.job) / median(changed.sql)).toFixed(2)}x`);
    console.log(`job / SQL, nothing changes:         ${(median(unchanged.job) / median(unchanged.sql)).toFixed(2)}x\n`);
  }, release);
}
