import { randomBytes } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { cellStatistics, percentileRank, quartileOf, releasedRank } from '@tandem/domain';
import { insertConsortium, insertMembership, insertMetric, insertOrganisation, insertPeriod, insertRelationship, insertValue } from '../../../../test/support/sql-fixtures';
import { recomputePeriod, stagedPeriodCells, type RawTransaction } from './recompute-period';

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function rawTransaction(client: PoolClient): RawTransaction {
  return {
    $queryRawUnsafe: async <T,>(sql: string, ...values: unknown[]) => (await client.query(sql, values)).rows as T,
    $executeRawUnsafe: async (sql: string, ...values: unknown[]) => (await client.query(sql, values)).rowCount ?? 0,
  };
}

/** recomputePeriod (the job's and the seed's) over a pg client, in one transaction; returns how many rows changed. */
async function recompute(client: PoolClient, consortiumId: string, periodId: string, k: number): Promise<number> {
  const tx = rawTransaction(client);
  await client.query('BEGIN');
  try {
    const { changed } = await recomputePeriod(tx, { consortiumId, periodId, k, computedAt: new Date() });
    await client.query('COMMIT');
    return changed;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}

/** recompute on a client of its own. */
async function recomputeOnce(pool: Pool, consortiumId: string, periodId: string, k: number): Promise<number> {
  const client = await pool.connect();
  try {
    return await recompute(client, consortiumId, periodId, k);
  } finally {
    client.release();
  }
}

describe('benchmarks: the SQL statements and the TypeScript statistics agree', () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  afterAll(() => pool.end());

  it('computes n, percentiles, mean, ranks and quartiles like libs/domain, keeps outliers and unvalidated values out, and a second run writes nothing', async () => {
    const rnd = lcg(8);
    const tag = randomBytes(4).toString('hex');
    const consortiumId = await insertConsortium(pool, `bm-sql-${tag}`);
    const q1 = await insertPeriod(pool, { consortiumId, code: '2025-Q1', startsOn: '2025-01-01', endsOn: '2025-03-31', dueOn: '2025-04-30', state: 'closed' });
    const q2 = await insertPeriod(pool, { consortiumId, code: '2025-Q2', startsOn: '2025-04-01', endsOn: '2025-06-30', dueOn: '2025-07-31', state: 'closed' });
    const otd = await insertMetric(pool, { consortiumId, code: 'OTD', direction: 'higher' });
    const ppm = await insertMetric(pool, { consortiumId, code: 'PPM', direction: 'lower' });
    const firms: { id: string; naics: string; employees: number }[] = [];
    for (let i = 0; i < 14; i++) {
      const id = await insertOrganisation(pool, { code: `bm-${tag}-${i}`, kind: 'supplier' });
      const naics = i % 2 === 0 ? '331110' : '332710';
      const employees = [12, 45, 150, 600][i % 4] as number;
      await pool.query(`UPDATE "Organisation" SET "naicsCode" = $2, "employeeCount" = $3, region = 'North' WHERE id = $1`, [id, naics, employees]);
      await insertMembership(pool, consortiumId, id);
      firms.push({ id, naics, employees });
    }
    // an exited member's value never counts
    const gone = await insertOrganisation(pool, { code: `bm-${tag}-gone`, kind: 'supplier' });
    await insertMembership(pool, consortiumId, gone, 'exited');
    await insertValue(pool, { consortiumId, organisationId: gone, metricId: otd, periodId: q2, value: 1 });

    const expected = new Map<string, number[]>(); // metric → values entering
    const valueOf = new Map<string, number>();
    for (const [i, f] of firms.entries()) {
      for (const metricId of [otd, ppm]) {
        const value = Math.round(rnd() * 20) + (metricId === otd ? 80 : 10); // ties on purpose
        const status = i === 3 ? 'submitted' : 'validated';
        const id = await insertValue(pool, { consortiumId, organisationId: f.id, metricId, periodId: q2, value, status });
        if (i === 5) await pool.query(`UPDATE "MetricValue" SET outlier = true WHERE id = $1`, [id]);
        if (i === 6) await pool.query(`UPDATE "MetricValue" SET outlier = true, "outlierConfirmedAt" = now() WHERE id = $1`, [id]);
        if (i !== 3 && i !== 5) {
          expected.set(metricId, [...(expected.get(metricId) ?? []), value]);
          valueOf.set(`${metricId}:${f.id}`, value);
        }
        await insertValue(pool, { consortiumId, organisationId: f.id, metricId, periodId: q1, value: value - 1 });
      }
    }

    const client = await pool.connect();
    try {
      expect(await recompute(client, consortiumId, q2, 5)).toBeGreaterThan(0);
      const { rows: groups } = await client.query<{ id: string; kind: string; key: string }>(`SELECT id, kind, key FROM "PeerGroup" WHERE "consortiumId" = $1 ORDER BY kind, key`, [consortiumId]);
      expect(groups.map((g) => `${g.kind}:${g.key}`).sort()).toEqual(
        ['consortium:all', 'naics:331', 'naics:332', 'size_band:1-19', 'size_band:20-99', 'size_band:100-499', 'size_band:500+', 'region:North'].sort(),
      );
      const all = groups.find((g) => g.kind === 'consortium')?.id;
      const { rows: cells } = await client.query(
        `SELECT "metricId", n, median::float8, p25::float8, p75::float8, p10::float8, p90::float8, mean::float8, "excludedNotValidated", "excludedOutlier", suppression
           FROM "BenchmarkCell" WHERE "peerGroupId" = $1 AND "periodId" = $2`,
        [all, q2],
      );
      expect(cells).toHaveLength(2);
      for (const c of cells) {
        const values = expected.get(c.metricId) ?? [];
        const s = cellStatistics(values);
        expect(c.n).toBe(12);
        for (const f of ['median', 'p25', 'p75', 'p10', 'p90', 'mean'] as const) expect(c[f]).toBeCloseTo(s[f] as number, 5);
        expect(c.excludedNotValidated).toBe(1);
        expect(c.excludedOutlier).toBe(1);
      }
      const { rows: standings } = await client.query(
        `SELECT "metricId", "organisationId", value::float8, "percentileRank"::float8 AS rank, quartile, "changeSincePrevious"::float8 AS prev FROM "BenchmarkStanding" WHERE "peerGroupId" = $1 AND "periodId" = $2`,
        [all, q2],
      );
      expect(standings).toHaveLength(24);
      for (const s of standings) {
        const values = expected.get(s.metricId) ?? [];
        const rank = percentileRank(s.value, values, s.metricId === otd ? 'higher' : 'lower');
        expect(s.value).toBe(valueOf.get(`${s.metricId}:${s.organisationId}`));
        expect(s.rank).toBeCloseTo(rank, 2);
        expect(s.quartile).toBe(quartileOf(rank));
        expect(s.prev).toBe(1);
      }
      // the size bands of 3–4 firms are below k = 5
      const { rows: small } = await client.query(`SELECT c.suppression FROM "BenchmarkCell" c JOIN "PeerGroup" g ON g.id = c."peerGroupId" WHERE g.kind = 'size_band' AND c."periodId" = $1`, [q2]);
      expect(small.length).toBeGreaterThan(0);
      expect(small.every((r) => r.suppression === 'fewer_than_k')).toBe(true);

      const snapshot = async (): Promise<unknown[]> =>
        (await client.query(`SELECT c.*, s.* FROM "BenchmarkCell" c LEFT JOIN "BenchmarkStanding" s ON s."cellId" = c.id WHERE c."consortiumId" = $1 ORDER BY c.id, s.id`, [consortiumId])).rows;
      const before = await snapshot();
      expect(await recompute(client, consortiumId, q2, 5)).toBe(0);
      expect(await snapshot()).toEqual(before);
    } finally {
      client.release();
    }
  });

  it('stores a cell whose members all reported the same value as dominated (its quantiles and mean would tell each), and one with a firm off it as shown', async () => {
    const tag = randomBytes(4).toString('hex');
    const consortiumId = await insertConsortium(pool, `bm-bound-${tag}`);
    const q = await insertPeriod(pool, { consortiumId, code: '2025-Q1', startsOn: '2025-01-01', endsOn: '2025-03-31', dueOn: '2025-04-30', state: 'closed' });
    const otd = await insertMetric(pool, { consortiumId, code: 'OTD', direction: 'higher' });
    const ppm = await insertMetric(pool, { consortiumId, code: 'PPM', direction: 'lower' });
    await pool.query(`UPDATE "MetricDefinition" SET "minValue" = 0, "maxValue" = 100 WHERE id = $1`, [otd]);
    for (let i = 0; i < 6; i++) {
      const id = await insertOrganisation(pool, { code: `bm-bound-${tag}-${i}`, kind: 'supplier' });
      await insertMembership(pool, consortiumId, id);
      // every firm 100 % on time; parts per million alike but for one firm
      await insertValue(pool, { consortiumId, organisationId: id, metricId: otd, periodId: q, value: 100 });
      await insertValue(pool, { consortiumId, organisationId: id, metricId: ppm, periodId: q, value: i === 0 ? 260 : 250 });
    }
    await recomputeOnce(pool, consortiumId, q, 5);
    const decided = async (metricId: string) =>
      (await pool.query<{ suppression: string | null }>(`SELECT c.suppression FROM "BenchmarkCell" c JOIN "PeerGroup" g ON g.id = c."peerGroupId" WHERE c."metricId" = $1 AND c."periodId" = $2 AND g.kind = 'consortium'`, [metricId, q])).rows;
    expect(await decided(otd)).toEqual([{ suppression: 'dominated' }]);
    expect(await decided(ppm)).toEqual([{ suppression: null }]);
  });

  it('releases to members a rank that counts a peer with exactly their value as better: its fraction does not tell a tie', async () => {
    const tag = randomBytes(4).toString('hex');
    const consortiumId = await insertConsortium(pool, `bm-ties-${tag}`);
    const q = await insertPeriod(pool, { consortiumId, code: '2025-Q1', startsOn: '2025-01-01', endsOn: '2025-03-31', dueOn: '2025-04-30', state: 'published' });
    const ct = await insertMetric(pool, { consortiumId, code: 'CYCLE_TIME', direction: 'lower' });
    // eleven firms, two of them at exactly 90.4 h
    const values = [80, 85, 88, 90.4, 90.4, 92, 95, 97, 99, 101, 104];
    const ids: string[] = [];
    for (const [i, value] of values.entries()) {
      const id = await insertOrganisation(pool, { code: `bm-ties-${tag}-${i}`, kind: 'supplier' });
      await insertMembership(pool, consortiumId, id);
      await insertValue(pool, { consortiumId, organisationId: id, metricId: ct, periodId: q, value });
      ids.push(id);
    }
    await recomputeOnce(pool, consortiumId, q, 5);
    const { rows } = await pool.query<{ organisationId: string; value: number; rank: number; quartile: number; released: number | null; releasedQuartile: number | null }>(
      `SELECT s."organisationId", s.value::float8 AS value, s."percentileRank"::float8 AS rank, s.quartile, s."releasedPercentileRank"::float8 AS released, s."releasedQuartile"
         FROM "BenchmarkStanding" s JOIN "PeerGroup" g ON g.id = s."peerGroupId" WHERE s."periodId" = $1 AND g.kind = 'consortium'`,
      [q],
    );
    expect(rows).toHaveLength(values.length);
    for (const r of rows) {
      // staff read the formula; members its tie-blind form
      expect(r.rank).toBeCloseTo(percentileRank(r.value, values, 'lower'), 2);
      const blind = releasedRank(r.value, values, 'lower');
      expect(r.released).toBeCloseTo(blind, 2);
      expect(r.releasedQuartile).toBe(quartileOf(blind));
    }
    // one of the tied pair: 6 worse + ½ + ½ of 11 for staff (63.64), 6 worse + ½ for it (59.09), as for a firm just ahead of a better one
    const tied = rows.find((r) => r.organisationId === ids[3]);
    expect(tied).toMatchObject({ rank: 63.64, released: 59.09 });
  });
  it('ranks exactly over the whole range of a stored value: the sixth decimal, both signs, ties, in every group and both directions', async () => {
    const tag = randomBytes(4).toString('hex');
    const consortiumId = await insertConsortium(pool, `bm-exact-${tag}`);
    const q = await insertPeriod(pool, { consortiumId, code: '2025-Q1', startsOn: '2025-01-01', endsOn: '2025-03-31', dueOn: '2025-04-30', state: 'closed' });
    const metrics = { higher: await insertMetric(pool, { consortiumId, code: 'OTD', direction: 'higher' }), lower: await insertMetric(pool, { consortiumId, code: 'PPM', direction: 'lower' }) };
    // the largest magnitude a value can have (|v| < 10¹², MAX_ABS_VALUE; as doubles the two largest
    // are one number) and values one millionth apart
    const values = ['999999999999.999878', '999999999999.999877', '999999999999.999877', '-999999999999.999878', '0', '0.000001', '0.000002', '0.000001', '-0.000001', '50.5', '50.500001', '-50.5'];
    const micros = (v: string): bigint => {
      const [whole = '0', fraction = ''] = v.replace('-', '').split('.');
      const m = BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
      return v.startsWith('-') ? -m : m;
    };
    const ids: string[] = [];
    for (const [i] of values.entries()) {
      const id = await insertOrganisation(pool, { code: `bm-exact-${tag}-${i}`, kind: 'supplier' });
      await pool.query(`UPDATE "Organisation" SET "naicsCode" = $2, region = 'North' WHERE id = $1`, [id, i % 2 === 0 ? '331110' : '332710']);
      await insertMembership(pool, consortiumId, id);
      for (const [d, metricId] of Object.entries(metrics)) {
        // the lower-is-better metric gets the values in another order
        const value = values[d === 'higher' ? i : (i * 5) % values.length] as string;
        await pool.query(
          `INSERT INTO "MetricValue" (id, "consortiumId", "organisationId", "metricId", "periodId", "subjectKey", value, source, status, "updatedAt")
           VALUES (gen_random_uuid(), $1, $2, $3, $4, 'self', $5::numeric, 'form', 'validated', now())`,
          [consortiumId, id, metricId, q, value],
        );
      }
      ids.push(id);
    }
    await recomputeOnce(pool, consortiumId, q, 5);
    const { rows } = await pool.query<{ cellId: string; metricId: string; organisationId: string; value: string; rank: string; quartile: number }>(
      `SELECT s."cellId", s."metricId", s."organisationId", s.value::text, s."percentileRank"::text AS rank, s.quartile FROM "BenchmarkStanding" s WHERE s."periodId" = $1`,
      [q],
    );
    const cells = new Map<string, typeof rows>();
    for (const r of rows) cells.set(r.cellId, [...(cells.get(r.cellId) ?? []), r]);
    expect(cells.size).toBe(2 * 4); // consortium, two NAICS codes, one region; two metrics
    for (const members of cells.values()) {
      const n = BigInt(members.length);
      for (const r of members) {
        const sign = r.metricId === metrics.higher ? 1n : -1n;
        const own = sign * micros(r.value);
        const worse = BigInt(members.filter((o) => sign * micros(o.value) < own).length);
        const tied = BigInt(members.filter((o) => micros(o.value) === micros(r.value)).length);
        const hundredths = (10_000n * (2n * worse + tied) + n) / (2n * n); // half up
        expect(r.rank).toBe(`${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`);
        expect(r.quartile).toBe(quartileOf(Number(2n * worse + tied) / Number(2n * n) * 100));
      }
    }
    // the two largest values of the higher-is-better metric, in the consortium's and the region's
    // cell (everyone): apart, though equal as doubles
    const top = rows.filter((r) => r.metricId === metrics.higher && r.value.startsWith('999999999999.9998') && cells.get(r.cellId)?.length === values.length);
    expect(top.map((r) => r.rank).sort()).toEqual(['83.33', '83.33', '83.33', '83.33', '95.83', '95.83']);
  });
  it('decides every cell on exactly the members its stored standings were computed over, with their stored figures', async () => {
    const rnd = lcg(20);
    const tag = randomBytes(4).toString('hex');
    const consortiumId = await insertConsortium(pool, `bm-members-${tag}`);
    const q1 = await insertPeriod(pool, { consortiumId, code: '2025-Q1', startsOn: '2025-01-01', endsOn: '2025-03-31', dueOn: '2025-04-30', state: 'closed' });
    const otd = await insertMetric(pool, { consortiumId, code: 'OTD', direction: 'higher' });
    const ppm = await insertMetric(pool, { consortiumId, code: 'PPM', direction: 'lower' });
    const off = await insertMetric(pool, { consortiumId, code: 'LEAD_TIME', direction: 'lower', enabled: false });
    // a ratio metric: numerator and denominator are contributions of their own
    await pool.query(`UPDATE "MetricDefinition" SET "isRatio" = true, "ratioScale" = 1000000 WHERE id = $1`, [ppm]);
    const customer = await insertOrganisation(pool, { code: `bm-members-${tag}-c`, kind: 'customer' });
    await insertMembership(pool, consortiumId, customer);
    const firms: string[] = [];
    for (let i = 0; i < 16; i++) {
      const id = await insertOrganisation(pool, { code: `bm-members-${tag}-${i}`, kind: 'supplier' });
      await pool.query(`UPDATE "Organisation" SET "naicsCode" = $2, "employeeCount" = $3, region = $4 WHERE id = $1`, [id, i % 3 === 0 ? '331110' : '332710', 10 + i * 40, i % 2 === 0 ? 'North' : 'South']);
      await insertMembership(pool, consortiumId, id, i === 15 ? 'exited' : 'active');
      if (i % 2 === 1) await insertRelationship(pool, { consortiumId, customerId: customer, supplierId: id });
      firms.push(id);
      for (const metricId of [otd, ppm, off]) {
        if (i === 4 && metricId === otd) continue; // no value
        const value = Math.round(rnd() * 50) + (i === 7 ? 400 : 10);
        const status = i === 2 ? 'submitted' : 'validated';
        const valueId = await insertValue(pool, { consortiumId, organisationId: id, metricId, periodId: q1, value, status });
        if (metricId === ppm) await pool.query(`UPDATE "MetricValue" SET numerator = $2, denominator = $3 WHERE id = $1`, [valueId, value * 3, 3000 + i]);
        if (i === 9) await pool.query(`UPDATE "MetricValue" SET outlier = true WHERE id = $1`, [valueId]);
      }
    }
    // a custom group by list (with the exited firm, which never counts) and one by filter
    await pool.query(
      `INSERT INTO "PeerGroup" (id, "consortiumId", kind, key, name, "organisationIds", "updatedAt") VALUES (gen_random_uuid(), $1, 'custom', $2, 'Cohort', $3::uuid[], now())`,
      [consortiumId, `cohort-${tag}`, [firms[0], firms[1], firms[3], firms[5], firms[6], firms[7], firms[15]]],
    );
    await pool.query(
      `INSERT INTO "PeerGroup" (id, "consortiumId", kind, key, name, "filterRegions", "updatedAt") VALUES (gen_random_uuid(), $1, 'custom', $2, 'North', ARRAY['North'], now())`,
      [consortiumId, `north-${tag}`],
    );

    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const tx = rawTransaction(client);
      await recomputePeriod(tx, { consortiumId, periodId: q1, k: 3, computedAt: new Date() });
      const { cells } = await stagedPeriodCells(tx, { consortiumId, periodId: q1 });
      const { rows: standings } = await client.query<{ cellId: string; organisationId: string; value: number; numerator: number | null; denominator: number | null }>(
        `SELECT "cellId", "organisationId", value::float8 AS value, numerator::float8 AS numerator, denominator::float8 AS denominator
           FROM "BenchmarkStanding" WHERE "periodId" = $1 ORDER BY "cellId", "organisationId"`,
        [q1],
      );
      await client.query('COMMIT');
      const stored = new Map<string, [string, ...number[]][]>();
      for (const r of standings) {
        const contributions = r.numerator === null ? [r.value] : [r.value, r.numerator, r.denominator ?? 0];
        stored.set(r.cellId, [...(stored.get(r.cellId) ?? []), [r.organisationId, ...contributions]]);
      }
      // every kind of group is there, and no cell is decided on anything but its standings
      const { rows: kinds } = await pool.query<{ kind: string }>(`SELECT DISTINCT g.kind::text FROM "BenchmarkCell" c JOIN "PeerGroup" g ON g.id = c."peerGroupId" WHERE c."periodId" = $1`, [q1]);
      expect(kinds.map((k) => k.kind).sort()).toEqual(['consortium', 'custom', 'naics', 'region', 'size_band', 'supply_base']);
      expect(cells.length).toBe(stored.size);
      for (const c of cells) {
        expect({ cell: c.key, members: c.members.map((m) => [m.organisationId, ...m.contributions]) }).toEqual({ cell: c.key, members: stored.get(c.key) ?? [] });
      }
      expect(cells.some((c) => c.members.some((m) => m.organisationId === firms[15]))).toBe(false);
    } finally {
      client.release();
    }
  });
});
