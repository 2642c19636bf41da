import { randomBytes, randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { insertConsortium, insertMembership, insertMetric, insertOrganisation, insertPeriod, insertRelationship, insertValue } from '../../../../test/support/sql-fixtures';
import { recomputePeriod, type LastRun, type PeriodRecompute, type RawTransaction } from './recompute-period';

function rawTransaction(client: PoolClient): RawTransaction {
  return {
    $queryRawUnsafe: async <T,>(sql: string, ...values: unknown[]) => (await client.query(sql, values)).rows as T,
    $executeRawUnsafe: async (sql: string, ...values: unknown[]) => (await client.query(sql, values)).rowCount ?? 0,
  };
}

describe('benchmarks: a run over the inputs of the last completed run keeps its results', () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  afterAll(() => pool.end());

  it('an unchanged rerun writes nothing; each kind of input change, and results touched in between, recompute to what a full run stores', async () => {
    const tag = randomBytes(4).toString('hex');
    const consortiumId = await insertConsortium(pool, `bm-reuse-${tag}`);
    const q1 = await insertPeriod(pool, { consortiumId, code: '2025-Q1', startsOn: '2025-01-01', endsOn: '2025-03-31', dueOn: '2025-04-30', state: 'closed' });
    const q2 = await insertPeriod(pool, { consortiumId, code: '2025-Q2', startsOn: '2025-04-01', endsOn: '2025-06-30', dueOn: '2025-07-31', state: 'closed' });
    const otd = await insertMetric(pool, { consortiumId, code: 'OTD', direction: 'higher' });
    const ppm = await insertMetric(pool, { consortiumId, code: 'PPM', direction: 'lower' });
    const customer = await insertOrganisation(pool, { code: `bm-reuse-${tag}-customer`, kind: 'customer' });
    await insertMembership(pool, consortiumId, customer);
    const firms: string[] = [];
    const values = new Map<string, string>(); // `${firm}:${metric}:${period}` → value id
    for (let i = 0; i < 16; i++) {
      const id = await insertOrganisation(pool, { code: `bm-reuse-${tag}-${i}`, kind: 'supplier' });
      await pool.query(`UPDATE "Organisation" SET "naicsCode" = $2, "employeeCount" = $3, region = $4 WHERE id = $1`, [
        id,
        i % 2 === 0 ? '331110' : '332710',
        [12, 45, 150, 600][i % 4],
        i < 10 ? 'North' : 'South',
      ]);
      await insertMembership(pool, consortiumId, id);
      if (i < 7) await insertRelationship(pool, { consortiumId, customerId: customer, supplierId: id });
      firms.push(id);
      for (const [metricId, base] of [
        [otd, 80],
        [ppm, 10],
      ] as const) {
        for (const periodId of [q1, q2]) {
          const status = i === 15 && periodId === q2 ? 'submitted' : 'validated';
          values.set(`${id}:${metricId}:${periodId}`, await insertValue(pool, { consortiumId, organisationId: id, metricId, periodId, value: base + ((i * 7) % 13) + (periodId === q1 ? 1 : 0), status }));
        }
      }
    }
    const [f0, f1, f2, f3, , , , , f8, , , , , , , f15] = firms as [string, ...string[]];
    await pool.query(
      `INSERT INTO "MetricGoal" (id, "consortiumId", "organisationId", "metricId", "baselinePeriodId", "goalValue", "updatedAt") VALUES ($1, $2, $3, $4, $5, 95, now())`,
      [randomUUID(), consortiumId, f0, otd, q1],
    );
    const customGroup = randomUUID();
    await pool.query(
      `INSERT INTO "PeerGroup" (id, "consortiumId", kind, key, name, "organisationIds", "updatedAt") VALUES ($1::uuid, $2, 'custom', $3, 'cohort', $4::uuid[], now())`,
      [customGroup, consortiumId, customGroup, firms.slice(0, 6)],
    );

    let k = 5;
    let last: LastRun | null = null;
    const client = await pool.connect();
    /** As the job runs it: the last completed run's fingerprints in, this run's recorded. */
    const run = async (): Promise<PeriodRecompute> => {
      await client.query('BEGIN');
      try {
        const result = await recomputePeriod(rawTransaction(client), { consortiumId, periodId: q2, k, computedAt: new Date() }, async () => undefined, last);
        await client.query('COMMIT');
        last = { inputRevision: result.inputRevision, inputFingerprint: result.inputFingerprint, resultFingerprint: result.resultFingerprint };
        return result;
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    };
    /** Rows a full recompute would still change (rolled back): 0 when the stored results are right. */
    const staleRows = async (): Promise<number> => {
      await client.query('BEGIN');
      try {
        return (await recomputePeriod(rawTransaction(client), { consortiumId, periodId: q2, k, computedAt: new Date() })).changed;
      } finally {
        await client.query('ROLLBACK');
      }
    };
    const snapshot = async (): Promise<unknown[]> =>
      (await client.query(`SELECT c.*, s.* FROM "BenchmarkCell" c LEFT JOIN "BenchmarkStanding" s ON s."cellId" = c.id WHERE c."periodId" = $1 ORDER BY c.id, s.id`, [q2])).rows;
    const standing = async (organisationId: string, metricId: string): Promise<{ changeSincePrevious: number | null; distanceToGoal: number | null }> =>
      (
        await client.query(
          `SELECT DISTINCT "changeSincePrevious"::float8 AS "changeSincePrevious", "distanceToGoal"::float8 AS "distanceToGoal" FROM "BenchmarkStanding" WHERE "periodId" = $1 AND "organisationId" = $2 AND "metricId" = $3`,
          [q2, organisationId, metricId],
        )
      ).rows[0];
    const membersOf = async (kind: string, key: string): Promise<string[]> =>
      (
        await client.query<{ id: string }>(
          `SELECT DISTINCT s."organisationId" AS id FROM "BenchmarkStanding" s JOIN "PeerGroup" g ON g.id = s."peerGroupId" WHERE s."periodId" = $1 AND g.kind = $2::"PeerGroupKind" AND g.key = $3 ORDER BY 1`,
          [q2, kind, key],
        )
      ).rows.map((r) => r.id);
    const expectKept = async (): Promise<void> => {
      const before = await snapshot();
      const again = await run();
      expect(again).toMatchObject({ reused: true, changed: 0, released: 0 });
      expect(again.cells).toBe(before.length > 0 ? new Set(before.map((r) => (r as { cellId: string }).cellId)).size : 0);
      expect(await snapshot()).toEqual(before);
    };
    const expectRecomputed = async (): Promise<PeriodRecompute> => {
      const result = await run();
      expect(result.reused).toBe(false);
      expect(result.changed).toBeGreaterThan(0);
      expect(await staleRows()).toBe(0);
      await expectKept();
      return result;
    };

    try {
      const first = await run();
      expect(first).toMatchObject({ reused: false });
      expect(first.changed).toBeGreaterThan(0);
      await expectKept();
      // what no run reads changes nothing
      await pool.query(`UPDATE "Organisation" SET name = name || ' (renamed)' WHERE id = $1`, [f0]);
      await expectKept();

      // a value revised
      await pool.query(`UPDATE "MetricValue" SET value = value + 5, revision = revision + 1 WHERE id = $1`, [values.get(`${f1}:${otd}:${q2}`)]);
      await expectRecomputed();
      // a value validated
      await pool.query(`UPDATE "MetricValue" SET status = 'validated' WHERE id = $1`, [values.get(`${f15}:${otd}:${q2}`)]);
      await expectRecomputed();
      expect(await membersOf('consortium', 'all')).toContain(f15);
      // a value of the period before (change since previous)
      await pool.query(`UPDATE "MetricValue" SET value = value - 3, revision = revision + 1 WHERE id = $1`, [values.get(`${f2}:${ppm}:${q1}`)]);
      const prevBefore = (await standing(f2, ppm)).changeSincePrevious;
      await expectRecomputed();
      expect((await standing(f2, ppm)).changeSincePrevious).toBeCloseTo((prevBefore ?? 0) + 3, 6);
      // a goal
      await pool.query(`UPDATE "MetricGoal" SET "goalValue" = 99 WHERE "organisationId" = $1`, [f0]);
      const distanceBefore = (await standing(f0, otd)).distanceToGoal;
      await expectRecomputed();
      expect((await standing(f0, otd)).distanceToGoal).toBeCloseTo((distanceBefore ?? 0) + 4, 6);
      // a firm's NAICS code, size band, region
      await pool.query(`UPDATE "Organisation" SET "naicsCode" = '332999' WHERE id = $1`, [f0]);
      await expectRecomputed();
      expect(await membersOf('naics', '332')).toContain(f0);
      await pool.query(`UPDATE "Organisation" SET "employeeCount" = 700 WHERE id = $1`, [f1]);
      await expectRecomputed();
      expect(await membersOf('size_band', '500+')).toContain(f1);
      await pool.query(`UPDATE "Organisation" SET region = 'South' WHERE id = $1`, [f2]);
      await expectRecomputed();
      expect(await membersOf('region', 'South')).toContain(f2);
      // a membership ends; a custom group's members; a supply relationship
      await pool.query(`UPDATE "Membership" SET status = 'exited' WHERE "consortiumId" = $1 AND "organisationId" = $2`, [consortiumId, f3]);
      await expectRecomputed();
      expect(await membersOf('consortium', 'all')).not.toContain(f3);
      await pool.query(`UPDATE "PeerGroup" SET "organisationIds" = $2::uuid[] WHERE id = $1`, [customGroup, [...firms.slice(0, 6), f8]]);
      await expectRecomputed();
      expect(await membersOf('custom', customGroup)).toContain(f8);
      await insertRelationship(pool, { consortiumId, customerId: customer, supplierId: f8 });
      await expectRecomputed();
      expect(await membersOf('supply_base', customer)).toContain(f8);
      // a metric's direction
      await pool.query(`UPDATE "MetricDefinition" SET direction = 'higher' WHERE id = $1`, [ppm]);
      await expectRecomputed();
      // a metric's valid range: disclosure reads it (members all at a bound are dominated), even where no figure changes
      await pool.query(`UPDATE "MetricDefinition" SET "maxValue" = 1000 WHERE id = $1`, [otd]);
      expect((await run()).reused).toBe(false);
      await expectKept();
      // k
      const suppressedAt5 = (await run()).suppressed;
      k = 3;
      expect((await expectRecomputed()).suppressed).toBeLessThan(suppressedAt5);
      // publishing releases what is shown
      await pool.query(`UPDATE "Period" SET state = 'published', "publishedAt" = now() WHERE id = $1`, [q2]);
      expect((await expectRecomputed()).released).toBeGreaterThan(0);

      // results touched since the last run (here: a standing removed) are recomputed too
      await pool.query(`DELETE FROM "BenchmarkStanding" WHERE id = (SELECT id FROM "BenchmarkStanding" WHERE "periodId" = $1 AND "peerGroupId" = $2 ORDER BY id LIMIT 1)`, [q2, customGroup]);
      await expectRecomputed();
    } finally {
      client.release();
    }
  });
});
