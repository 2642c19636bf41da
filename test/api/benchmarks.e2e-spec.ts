process.env.LOG_LEVEL ??= 'silent';
import type { INestApplicationContext } from '@nestjs/common';
import type { Pool } from 'pg';
import type { BenchmarkCell, BenchmarkRun, BenchmarkStanding, PeerGroup, SharingSetting } from '@tandem/contracts';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { RecomputeBenchmarksJob } from '../../apps/worker/src/benchmarks/recompute-benchmarks.job';
import { insertConsortium, insertMembership, insertMetric, insertOrganisation, insertPeriod, insertRelationship, insertUser, insertValue } from '../support/sql-fixtures';
import { recoverable as recoverableFrom } from '../../libs/domain/src/benchmarks/disclosure-oracle';
import { echelonOf, inRowSpan } from '../../libs/domain/src/benchmarks/linear';
import { percentileCont } from '@tandem/domain';
import { call, q, startApi, type TestApi } from './support/api';
import { dbPool, EMAIL, errorPaths, expectProblem, expectStatus, loadDemo, session, uniq, type Demo } from './support/fixtures';
import { waitFor } from './support/wait';

jest.setTimeout(90_000);

const K = 5;
const QUANTILE_AT = { p10: 0.1, p25: 0.25, median: 0.5, p75: 0.75, p90: 0.9 } as const;

/**
 * A consortium of its own, so every membership is known to the test: 12 suppliers s0…s11
 * (NAICS 331: s0–s5, 332: s6–s11; 45 employees but s11, alone in the 500+ band, so that the
 * whole minus the 20–99 band would be s11's value), a customer C whose supply base is s6–s9,
 * a funder, staff, custom groups differing by one firm, and a PPM figure of s0 that
 * dominates every group it is in.
 */
describe('benchmarks under disclosure control', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let pool: Pool;
  let demo: Demo;
  const tag = uniq('bm');
  let consortiumId: string;
  const s: string[] = [];
  let customer: string;
  let funderOrg: string;
  const metric = {} as Record<'otd' | 'ppm', string>;
  const period = {} as Record<'closed' | 'open', string>;
  const email = {
    staff: `staff.${tag}@example.test`,
    s0: `s0.${tag}@example.test`,
    s6: `s6.${tag}@example.test`,
    s6contrib: `s6c.${tag}@example.test`,
    twoFirms: `s0s1.${tag}@example.test`,
    buyer: `buyer.${tag}@example.test`,
    funder: `funder.${tag}@example.test`,
  };
  const value = new Map<string, number>(); // `${metric}:${org}` → value
  const members = new Map<string, Set<string>>(); // peer group id → members
  let run: BenchmarkRun;
  let filterGroup: string;

  beforeAll(async () => {
    api = await startApi();
    worker = await createWorker();
    pool = dbPool();
    demo = await loadDemo(pool);
    consortiumId = await insertConsortium(pool, tag);
    for (let i = 0; i < 12; i++) {
      const id = await insertOrganisation(pool, { code: `${tag}-s${i}`, kind: 'supplier' });
      await pool.query(`UPDATE "Organisation" SET "naicsCode" = $2, "employeeCount" = $3, region = 'Lakeshore' WHERE id = $1`, [id, i < 6 ? '331511' : '332710', i === 11 ? 600 : 45]);
      await insertMembership(pool, consortiumId, id);
      s.push(id);
    }
    customer = await insertOrganisation(pool, { code: `${tag}-c`, kind: 'customer' });
    await insertMembership(pool, consortiumId, customer);
    for (const i of [6, 7, 8, 9]) await insertRelationship(pool, { consortiumId, customerId: customer, supplierId: s[i] as string });
    funderOrg = await insertOrganisation(pool, { code: `${tag}-f`, kind: 'funder' });
    await insertMembership(pool, consortiumId, funderOrg);
    await insertUser(pool, { email: email.staff, role: 'consortium_staff', consortiumId, organisationId: null });
    await insertUser(pool, { email: email.s0, role: 'firm_admin', consortiumId, organisationId: s[0] as string });
    await insertUser(pool, { email: email.s6, role: 'firm_admin', consortiumId, organisationId: s[6] as string });
    await insertUser(pool, { email: email.s6contrib, role: 'firm_contributor', consortiumId, organisationId: s[6] as string });
    // one person acting for two firms: s0's admin and s1's contributor
    const twoFirms = await insertUser(pool, { email: email.twoFirms, role: 'firm_admin', consortiumId, organisationId: s[0] as string });
    await pool.query(`INSERT INTO "RoleAssignment" (id, "userId", role, "consortiumId", "organisationId", "updatedAt") VALUES (gen_random_uuid(), $1, 'firm_contributor', $2, $3, now())`, [twoFirms, consortiumId, s[1]]);
    await insertUser(pool, { email: email.buyer, role: 'customer_buyer', consortiumId, organisationId: customer });
    await insertUser(pool, { email: email.funder, role: 'funder', consortiumId, organisationId: funderOrg });
    metric.otd = await insertMetric(pool, { consortiumId, code: 'OTD', direction: 'higher' });
    metric.ppm = await insertMetric(pool, { consortiumId, code: 'PPM', direction: 'lower' });
    period.closed = await insertPeriod(pool, { consortiumId, code: '2025-Q3', startsOn: '2025-07-01', endsOn: '2025-09-30', dueOn: '2025-10-31', state: 'closed' });
    period.open = await insertPeriod(pool, { consortiumId, code: '2025-Q4', startsOn: '2025-10-01', endsOn: '2025-12-31', dueOn: '2026-01-31', state: 'open' });
    for (const [i, org] of s.entries()) {
      const otd = 90 + ((i * 7) % 10) + i / 100;
      const ppm = i === 0 ? 100_000 : 40 + i * 3;
      value.set(`${metric.otd}:${org}`, otd);
      value.set(`${metric.ppm}:${org}`, ppm);
      await insertValue(pool, { consortiumId, organisationId: org, metricId: metric.otd, periodId: period.closed, value: otd });
      await insertValue(pool, { consortiumId, organisationId: org, metricId: metric.ppm, periodId: period.closed, value: ppm });
    }
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await pool.end();
  });

  const token = (who: keyof typeof email): Promise<string> => session(api, email[who]);

  async function cellsAs(who: keyof typeof email, filter: Record<string, unknown> = { periodId: period.closed }): Promise<BenchmarkCell[]> {
    const res = await call(api, 'GET', `/api/benchmark-cells${q({ filter, range: [0, 499] })}`, { token: await token(who) });
    expectStatus(res, 200);
    return res.body as BenchmarkCell[];
  }

  async function recompute(): Promise<BenchmarkRun> {
    const res = await call(api, 'POST', '/api/benchmark-runs', { token: await token('staff'), body: { periodId: period.closed } });
    expectStatus(res, 202);
    const started = res.body as BenchmarkRun;
    return waitFor(async () => {
      const r = await call(api, 'GET', `/api/benchmark-runs/${started.id}`, { token: await token('staff') });
      const body = r.body as BenchmarkRun;
      return body.state === 'completed' ? body : undefined;
    }, 'the benchmark run', 30_000, 150);
  }

  it('staff save custom groups; members of the consortium only, errors name the field', async () => {
    const staff = await token('staff');
    const bad = await call(api, 'POST', '/api/peer-groups', { token: staff, body: { name: 'outsiders', organisationIds: [s[1], demo.org.acme] } });
    expect(errorPaths(expectProblem(bad, 400))).toEqual(['organisationIds.1']);
    const pairA = [s[0], s[1], s[2], s[6], s[7], s[10], s[11]] as string[];
    for (const [name, ids] of [
      ['pair A', pairA],
      ['pair B', [...pairA, s[3] as string]],
      ['five with s0', [s[0], s[2], s[4], s[8], s[10]] as string[]],
    ] as const) {
      const res = await call(api, 'POST', '/api/peer-groups', { token: staff, body: { name: `${name} ${tag}`, organisationIds: ids } });
      expectStatus(res, 201);
      expect((res.body as PeerGroup).kind).toBe('custom');
    }
    expectProblem(await call(api, 'POST', '/api/peer-groups', { token: await token('s0'), body: { name: 'mine', organisationIds: [s[0]] } }), 403);
    // or a saved filter, recomputed at every run; never both, never neither; errors name the field
    const saved = await call(api, 'POST', '/api/peer-groups', { token: staff, body: { name: `NAICS 331 of 20–99 ${tag}`, filterNaics: ['331'], filterSizeBands: ['20-99'] } });
    expectStatus(saved, 201);
    expect(saved.body as PeerGroup).toMatchObject({ kind: 'custom', organisationIds: [], filterNaics: ['331'], filterSizeBands: ['20-99'], filterRegions: [] });
    filterGroup = (saved.body as PeerGroup).id;
    expect(errorPaths(expectProblem(await call(api, 'POST', '/api/peer-groups', { token: staff, body: { name: 'x', filterSizeBands: ['20-99', 'huge'], filterNaics: ['3311'] } }), 400)).sort()).toEqual(['filterNaics', 'filterSizeBands']);
    expect(errorPaths(expectProblem(await call(api, 'POST', '/api/peer-groups', { token: staff, body: { name: 'x', organisationIds: [s[1]], filterRegions: ['Lakeshore'] } }), 400))).toEqual(['organisationIds']);
    expect(errorPaths(expectProblem(await call(api, 'POST', '/api/peer-groups', { token: staff, body: { name: 'x' } }), 400)).sort()).toEqual(['filterNaics', 'organisationIds']);
  });

  it('starts a run for a closed period only (202), and the worker completes it with progress, in its background job too', async () => {
    const staff = await token('staff');
    expect(errorPaths(expectProblem(await call(api, 'POST', '/api/benchmark-runs', { token: staff, body: { periodId: period.open } }), 400))).toEqual(['periodId']);
    expectProblem(await call(api, 'POST', '/api/benchmark-runs', { token: await token('s0'), body: { periodId: period.closed } }), 403);
    run = await recompute();
    expect(run).toMatchObject({ state: 'completed', progress: 100, threshold: K, reason: 'on_demand' });
    expect(run.inputRevision).toMatch(/^[0-9a-f]{32}$/);
    expect(run.cells).toBeGreaterThan(0);
    const jobs = await call(api, 'GET', `/api/background-jobs${q({ filter: { subjectId: period.closed } })}`, { token: staff });
    expect((jobs.body as { name: string; state: string }[]).some((j) => j.name === 'benchmarks.recompute')).toBe(true);

    // memberships of every group, from the database (the API never tells them but to staff)
    const { rows } = await pool.query<{ peerGroupId: string; organisationId: string }>(`SELECT DISTINCT "peerGroupId", "organisationId" FROM "BenchmarkStanding" WHERE "periodId" = $1`, [period.closed]);
    for (const r of rows) members.set(r.peerGroupId, new Set([...(members.get(r.peerGroupId) ?? []), r.organisationId]));
    // the saved filter holds NAICS 331's six firms, all of 20–99 employees
    expect(members.get(filterGroup)).toEqual(new Set(s.slice(0, 6)));
  });

  it('a second run rewrites nothing', async () => {
    const snapshot = async (): Promise<unknown[]> =>
      (await pool.query(`SELECT c.*, s.* FROM "BenchmarkCell" c LEFT JOIN "BenchmarkStanding" s ON s."cellId" = c.id WHERE c."periodId" = $1 ORDER BY c.id, s.id`, [period.closed])).rows;
    const before = await snapshot();
    const again = await recompute();
    expect(again.inputRevision).toBe(run.inputRevision);
    // nothing it reads changed: the run kept the stored results, with their time
    expect(again).toMatchObject({ state: 'completed', progress: 100, reusedResults: true, computedAt: run.computedAt, cells: run.cells });
    expect(await snapshot()).toEqual(before);
  });

  it('a worker killed mid-run leaves the stored results whole, and the retried job completes its run once', async () => {
    const snapshot = async (): Promise<unknown[]> =>
      (await pool.query(`SELECT c.id, c.n, c.median, c.suppression, c."updatedAt" FROM "BenchmarkCell" c WHERE c."periodId" = $1 ORDER BY c.id`, [period.closed])).rows;
    const before = await snapshot();
    // a revised value changes the input; the first attempt dies after the cells and standings were written
    await pool.query(`UPDATE "MetricValue" SET value = value + 1, revision = revision + 1 WHERE "organisationId" = $1 AND "metricId" = $2 AND "periodId" = $3`, [s[5], metric.otd, period.closed]);
    const job = worker.get(RecomputeBenchmarksJob);
    const queueJobId = `benchmarks:killed-${tag}`;
    const data = { consortiumId, periodId: period.closed, reason: 'values_validated' as const };
    await expect(
      job.run(data, queueJobId, async (p) => {
        if (p >= 70) throw new Error('worker killed');
      }),
    ).rejects.toThrow('worker killed');
    expect(await snapshot()).toEqual(before);
    const failed = await pool.query(`SELECT state FROM "BenchmarkRun" WHERE "queueJobId" = $1`, [queueJobId]);
    expect(failed.rows).toEqual([{ state: 'failed' }]);
    const result = await job.run(data, queueJobId);
    expect(result).toMatchObject({ changed: expect.any(Number) });
    const done = await pool.query(`SELECT state, progress FROM "BenchmarkRun" WHERE "queueJobId" = $1`, [queueJobId]);
    expect(done.rows).toEqual([{ state: 'completed', progress: 100 }]);
    expect(await snapshot()).not.toEqual(before);
    value.set(`${metric.otd}:${s[5]}`, (value.get(`${metric.otd}:${s[5]}`) ?? 0) + 1);
  });

  /** What a viewer knowing `known` could subtract: nothing it is shown isolates 1 … k − 1 firms. */
  function expectSafe(cells: BenchmarkCell[], known: Set<string>): void {
    const shown = cells.filter((c) => !c.suppressed);
    for (const c of cells) {
      if (c.suppressed) {
        expect(c).toMatchObject({ n: null, median: null, p25: null, p75: null, p10: null, p90: null, mean: null, pooled: null });
        expect(c.reason).toEqual(expect.any(String));
        expect(c.exclusions).toBeUndefined();
      }
    }
    for (const c of shown) {
      const m = members.get(c.peerGroupId) ?? new Set();
      expect(c.n).toBe(m.size);
      expect([...m].filter((id) => !known.has(id)).length).toBeGreaterThanOrEqual(K);
      for (const d of shown) {
        if (d === c || d.metricId !== c.metricId || d.periodId !== c.periodId) continue;
        const other = members.get(d.peerGroupId) ?? new Set();
        const diff = [...m].filter((id) => !other.has(id)).concat([...other].filter((id) => !m.has(id))).filter((id) => !known.has(id)).length;
        expect(diff === 0 || diff >= K).toBe(true);
      }
    }
  }

  /** The firms a reader knowing `known` could work out from the cells it is shown (memberships from the database). */
  const recoverable = (cells: BenchmarkCell[], known: Set<string>): string[] =>
    recoverableFrom(cells.filter((c) => !c.suppressed).map((c) => members.get(c.peerGroupId) ?? new Set<string>()), known);

  /**
   * No unknown member's value follows from what a reader is shown of one cell: its quantiles
   * (each one's weight on each member measured on percentileCont itself) and its total, with
   * the values the reader knows put in. Members and values as released, from the database.
   */
  async function expectNoValueTold(cells: BenchmarkCell[], known: Set<string>): Promise<number> {
    let checked = 0;
    for (const c of cells.filter((x) => !x.suppressed)) {
      const { rows } = await pool.query<{ figures: { members: { organisationId: string; value: number }[] } }>(`SELECT "releasedFigures" AS figures FROM "BenchmarkCell" WHERE id = $1`, [c.id]);
      const members = (rows[0]?.figures.members ?? []).map((m, i) => ({ ...m, value: m.value + i * 1e-9 }));
      const unknown = members.filter((m) => !known.has(m.organisationId));
      const shown = (['p10', 'p25', 'median', 'p75', 'p90'] as const).filter((q) => c[q] !== null);
      const rowsOf = shown.map((q) => {
        const at = percentileCont(members.map((m) => m.value), QUANTILE_AT[q]) ?? 0;
        return unknown.map((u) => Math.round((((percentileCont(members.map((m) => (m === u ? m.value + 1e-4 : m.value)), QUANTILE_AT[q]) ?? 0) - at) / 1e-4) * 1e3) / 1e3);
      });
      const system = [unknown.map(() => 1), ...rowsOf];
      const e = echelonOf(system, unknown.length);
      const told = unknown.filter((_, i) => inRowSpan(e, unknown.map((__, j) => (j === i ? 1 : 0))));
      expect({ cell: c.id, told: told.map((t) => t.organisationId) }).toEqual({ cell: c.id, told: [] });
      checked += 1;
    }
    return checked;
  }

  it('staff read every figure, with the reason a cell is withheld from others and the exclusions', async () => {
    const cells = await cellsAs('staff');
    expect(cells.every((c) => c.n !== null && c.median !== null && c.exclusions !== undefined)).toBe(true);
    const reasons = new Set(cells.map((c) => c.reasonCode));
    expect(reasons).toEqual(new Set([null, 'fewer_than_k', 'dominated', 'differencing']));
    expect(cells.find((c) => c.reasonCode === 'fewer_than_k')?.reason).toBe('fewer than 5 peers');
    // the whole consortium minus the 20–99 band is s11 (alone at 500+): the band goes, the whole stays
    const groups = (await call(api, 'GET', `/api/peer-groups${q({ range: [0, 99] })}`, { token: await token('staff') })).body as PeerGroup[];
    const band = groups.find((g) => g.kind === 'size_band' && g.key === '20-99');
    const whole = groups.find((g) => g.kind === 'consortium');
    const otd = (g?: PeerGroup): BenchmarkCell | undefined => cells.find((c) => c.peerGroupId === g?.id && c.metricId === metric.otd);
    expect(otd(band)).toMatchObject({ suppressed: true, reasonCode: 'differencing', reason: 'would disclose by difference' });
    expect(otd(whole)).toMatchObject({ suppressed: false });
  });

  it('before the period is published nothing leaves staff: no cell, no standing, not even a count', async () => {
    for (const who of ['funder', 's0', 'buyer'] as const) {
      const res = await call(api, 'GET', `/api/benchmark-cells${q({ filter: { periodId: period.closed } })}`, { token: await token(who) });
      expectStatus(res, 200);
      expect(res.body).toEqual([]);
      expect(res.headers.get('content-range')).toMatch(/\/0$/);
    }
    const standings = await call(api, 'GET', `/api/standings${q({ filter: { periodId: period.closed } })}`, { token: await token('s0') });
    expect(standings.body).toEqual([]);
    const any = (await cellsAs('staff'))[0] as BenchmarkCell;
    expectProblem(await call(api, 'GET', `/api/benchmark-cells/${any.id}`, { token: await token('funder') }), 404);
  });

  it('publishing the period releases what disclosure control shows, through a recompute staff can follow', async () => {
    const staff = await token('staff');
    expectStatus(await call(api, 'POST', `/api/periods/${period.closed}/publish`, { token: staff }), 200);
    const published = await waitFor(async () => {
      const r = await call(api, 'GET', `/api/benchmark-runs${q({ filter: { periodId: period.closed } })}`, { token: staff });
      return (r.body as BenchmarkRun[]).find((x) => x.reason === 'period_published' && x.state === 'completed');
    }, 'the publication run', 30_000, 150);
    expect(published.progress).toBe(100);
    const released = await pool.query<{ kind: string; n: number; members: number }>(
      `SELECT g.kind::text, c.n, jsonb_array_length(c."releasedFigures"->'members') AS members FROM "BenchmarkCell" c JOIN "PeerGroup" g ON g.id = c."peerGroupId"
        WHERE c."periodId" = $1 AND c."releasedAt" IS NOT NULL`,
      [period.closed],
    );
    expect(released.rows.length).toBeGreaterThan(0);
    // never a custom group; each released with the members it was computed over
    expect(released.rows.every((r) => r.kind !== 'custom' && r.n === r.members)).toBe(true);
  });

  it('a funder reads aggregates only: nothing withheld carries a figure, nothing shown isolates fewer than k firms', async () => {
    const cells = await cellsAs('funder');
    expect(cells.some((c) => !c.suppressed)).toBe(true);
    expectSafe(cells, new Set());
    for (const m of [metric.otd, metric.ppm]) expect(recoverable(cells.filter((c) => c.metricId === m), new Set())).toEqual([]);
    expect(await expectNoValueTold(cells, new Set())).toBeGreaterThan(0);
    // withheld cells of the published period are listed with their reason (and no figure: expectSafe)
    expect(new Set(cells.filter((c) => c.suppressed).map((c) => c.reasonCode))).toEqual(new Set(['fewer_than_k', 'dominated', 'differencing']));
    // custom groups are staff's: not named, no cell
    const custom = (await call(api, 'GET', `/api/peer-groups${q({ filter: { kind: 'custom' }, range: [0, 99] })}`, { token: await token('funder') })).body as PeerGroup[];
    expect(custom).toEqual([]);
    const staffGroups = (await call(api, 'GET', `/api/peer-groups${q({ range: [0, 99] })}`, { token: await token('staff') })).body as PeerGroup[];
    const hidden = staffGroups.filter((g) => g.kind === 'custom' || g.kind === 'supply_base').map((g) => g.id);
    expect(hidden.length).toBeGreaterThan(0);
    expect(cells.some((c) => hidden.includes(c.peerGroupId))).toBe(false);
  });

  it("a firm sees itself: a group is shown to it only with k others, and the dominated PPM never", async () => {
    const cells = await cellsAs('s0');
    const me = new Set([s[0] as string]);
    expectSafe(cells, me);
    for (const m of [metric.otd, metric.ppm]) expect(recoverable(cells.filter((c) => c.metricId === m), me)).toEqual([]);
    expect(await expectNoValueTold(cells, me)).toBeGreaterThan(0);
    // the attack on a six-firm group: p25 and s0's own value (its rank places it) gave a neighbour's value
    const withheld = cells.filter((c) => c.withheldStatistics.length > 0);
    expect(withheld.length).toBeGreaterThan(0);
    for (const c of withheld) for (const q of c.withheldStatistics) expect(c[q as 'median']).toBeNull();
    // NAICS 331 is s0 and five others: shown to s0 too; the five-firm custom group is not s0's to name
    const groups = (await call(api, 'GET', `/api/peer-groups${q({ range: [0, 99] })}`, { token: await token('s0') })).body as PeerGroup[];
    expect(groups.some((g) => g.kind === 'custom' || g.name.includes('five with s0'))).toBe(false);
    for (const c of cells.filter((x) => x.metricId === metric.ppm && members.get(x.peerGroupId)?.has(s[0] as string))) expect(c.suppressed).toBe(true);
  });

  it('a person acting for two firms knows both firms’ values, whichever role it signed in with: a group shown to one of them with k others is withheld from it', async () => {
    const groups = (await call(api, 'GET', `/api/peer-groups${q({ range: [0, 99] })}`, { token: await token('staff') })).body as PeerGroup[];
    const n331 = groups.find((g) => g.kind === 'naics' && g.key === '331');
    const otdOf = (cells: BenchmarkCell[]) => cells.find((c) => c.peerGroupId === n331?.id && c.metricId === metric.otd);
    // NAICS 331 is s0, s1 and four more: s0's people alone read its OTD
    expect(otdOf(await cellsAs('s0'))?.suppressed).toBe(false);
    const known = new Set([s[0], s[1]] as string[]);
    const cells = await cellsAs('twoFirms');
    expectSafe(cells, known);
    for (const m of [metric.otd, metric.ppm]) expect(recoverable(cells.filter((c) => c.metricId === m), known)).toEqual([]);
    await expectNoValueTold(cells, known);
    expect(otdOf(cells)).toMatchObject({ suppressed: true, n: null, median: null, mean: null });
  });

  it("a buyer who sees four suppliers of a six-firm NAICS group never gets that group's statistic; it sees its own supply base only as suppressed", async () => {
    const known = new Set([customer, s[6], s[7], s[8], s[9]] as string[]);
    const cells = await cellsAs('buyer');
    expectSafe(cells, known);
    for (const m of [metric.otd, metric.ppm]) expect(recoverable(cells.filter((c) => c.metricId === m), known)).toEqual([]);
    await expectNoValueTold(cells, known);
    const groups = (await call(api, 'GET', `/api/peer-groups${q({ range: [0, 99] })}`, { token: await token('buyer') })).body as PeerGroup[];
    const naics332 = groups.find((g) => g.kind === 'naics' && g.key === '332');
    const supplyBase = groups.find((g) => g.kind === 'supply_base');
    expect(supplyBase?.customerId).toBe(customer);
    expect(cells.filter((c) => c.peerGroupId === naics332?.id).every((c) => c.suppressed)).toBe(true);
    expect(cells.filter((c) => c.peerGroupId === supplyBase?.id).every((c) => c.suppressed && c.reasonCode === 'fewer_than_k')).toBe(true);
    // the funder, who knows none of them, reads NAICS 332's OTD
    const funderCells = await cellsAs('funder');
    expect(funderCells.find((c) => c.peerGroupId === naics332?.id && c.metricId === metric.otd)?.suppressed).toBe(false);
  });

  it("standings: a member's own value always, a rank only where the group is shown to it; another firm's standing is 404 without a figure", async () => {
    const res = await call(api, 'GET', `/api/standings${q({ filter: { periodId: period.closed }, range: [0, 99] })}`, { token: await token('s0') });
    expectStatus(res, 200);
    const mine = res.body as BenchmarkStanding[];
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((x) => x.organisationId))).toEqual(new Set([s[0]]));
    for (const x of mine) {
      expect(x.value).toBe(value.get(`${x.metricId}:${s[0]}`));
      if (x.suppressed) expect(x).toMatchObject({ percentileRank: null, quartile: null });
      else expect(x.percentileRank).toEqual(expect.any(Number));
    }
    // s6 sits in its customer's supply base: that group is the customer's, so not among s6's standings
    const s6 = (await call(api, 'GET', `/api/standings${q({ filter: { periodId: period.closed }, range: [0, 99] })}`, { token: await token('s6') })).body as BenchmarkStanding[];
    const s6Groups = (await pool.query<{ peerGroupId: string }>(`SELECT "peerGroupId" FROM "BenchmarkStanding" s JOIN "PeerGroup" g ON g.id = s."peerGroupId" WHERE s."organisationId" = $1 AND g.kind = 'supply_base'`, [s[6]])).rows;
    expect(s6Groups.length).toBeGreaterThan(0);
    expect(s6.length).toBeGreaterThan(0);
    expect(s6.filter((x) => s6Groups.some((g) => g.peerGroupId === x.peerGroupId))).toEqual([]);
    const { rows } = await pool.query<{ id: string; value: string }>(`SELECT id, value::text FROM "BenchmarkStanding" WHERE "organisationId" = $1 LIMIT 1`, [s[1]]);
    const other = rows[0];
    const forbidden = await call(api, 'GET', `/api/standings/${other?.id}`, { token: await token('s0') });
    const problem = expectProblem(forbidden, 404);
    expect(problem.detail).toBe('Standing not found');
    expect(JSON.stringify({ ...problem, requestId: undefined })).not.toContain(String(Number(other?.value)));
    expectProblem(await call(api, 'GET', `/api/standings${q({ sort: ['percentileRank', 'ASC'] })}`, { token: await token('s0') }), 400);
    expectProblem(await call(api, 'GET', '/api/standings', { token: await token('funder') }), 403);
  });

  it('a released group keeps its population: when a firm moves between groups, the next run withholds those groups instead of telling the difference', async () => {
    const funderBefore = await cellsAs('funder');
    const groups = (await call(api, 'GET', `/api/peer-groups${q({ range: [0, 99] })}`, { token: await token('staff') })).body as PeerGroup[];
    const n331 = groups.find((g) => g.kind === 'naics' && g.key === '331');
    const n332 = groups.find((g) => g.kind === 'naics' && g.key === '332');
    const whole = groups.find((g) => g.kind === 'consortium');
    const otdOf = (cells: BenchmarkCell[], g?: PeerGroup): BenchmarkCell | undefined => cells.find((c) => c.peerGroupId === g?.id && c.metricId === metric.otd);
    expect(otdOf(funderBefore, n331)?.suppressed).toBe(false);
    expect(otdOf(funderBefore, n332)?.suppressed).toBe(false);
    // s10 moves from NAICS 332 to 331: 331 before and after would give s10's value
    await pool.query(`UPDATE "Organisation" SET "naicsCode" = '331511' WHERE id = $1`, [s[10]]);
    try {
      await recompute();
      const after = await cellsAs('funder');
      for (const g of [n331, n332]) expect(otdOf(after, g)).toMatchObject({ suppressed: true, reasonCode: 'differencing', n: null, mean: null, median: null });
      // the whole did not change members: still shown, the same figure
      expect(otdOf(after, whole)).toMatchObject({ suppressed: false, mean: otdOf(funderBefore, whole)?.mean });
      // staff read the new figures
      const staffCells = await cellsAs('staff');
      expect(otdOf(staffCells, n331)?.n).toBe(7);
      const frozen = await pool.query<{ members: string[] }>(`SELECT ARRAY(SELECT m->>'organisationId' FROM jsonb_array_elements("releasedFigures"->'members') m) AS members FROM "BenchmarkCell" WHERE "peerGroupId" = $1 AND "metricId" = $2 AND "periodId" = $3`, [n331?.id, metric.otd, period.closed]);
      expect(new Set(frozen.rows[0]?.members)).toEqual(new Set(s.slice(0, 6)));
    } finally {
      await pool.query(`UPDATE "Organisation" SET "naicsCode" = '332710' WHERE id = $1`, [s[10]]);
      await recompute();
    }
    // back to the released members: shown again, as released
    expect(otdOf(await cellsAs('funder'), n331)?.suppressed).toBe(false);
  });

  it('a value revised after publication changes what staff read, never what was released (two versions would tell the change)', async () => {
    const before = await cellsAs('funder');
    const s0Before = (await call(api, 'GET', `/api/standings${q({ filter: { periodId: period.closed }, range: [0, 99] })}`, { token: await token('s0') })).body as BenchmarkStanding[];
    const staffBefore = await cellsAs('staff');
    await pool.query(`UPDATE "MetricValue" SET value = value - 3, revision = revision + 1 WHERE "organisationId" = $1 AND "metricId" = $2 AND "periodId" = $3`, [s[7], metric.otd, period.closed]);
    await recompute();
    const after = await cellsAs('funder');
    const strip = (cells: BenchmarkCell[]) => cells.map(({ id, n, mean, median, p25, p75, suppressed, computedAt }) => ({ id, n, mean, median, p25, p75, suppressed, computedAt }));
    expect(strip(after)).toEqual(strip(before));
    const s0After = (await call(api, 'GET', `/api/standings${q({ filter: { periodId: period.closed }, range: [0, 99] })}`, { token: await token('s0') })).body as BenchmarkStanding[];
    expect(s0After.map(({ id, percentileRank, quartile, computedAt }) => ({ id, percentileRank, quartile, computedAt }))).toEqual(s0Before.map(({ id, percentileRank, quartile, computedAt }) => ({ id, percentileRank, quartile, computedAt })));
    // staff read the new mean of the whole
    const staffAfter = await cellsAs('staff');
    const changed = staffAfter.filter((c) => c.metricId === metric.otd && c.mean !== staffBefore.find((b) => b.id === c.id)?.mean);
    expect(changed.length).toBeGreaterThan(0);
    expectProblem(await call(api, 'GET', `/api/benchmark-cells${q({ sort: ['computedAt', 'ASC'] })}`, { token: await token('funder') }), 400);
  });

  it('never sorts cells by a figure, answers 404 across consortia and 403 to roles without benchmarks', async () => {
    const sorted = await call(api, 'GET', `/api/benchmark-cells${q({ sort: ['median', 'ASC'] })}`, { token: await token('s0') });
    expect(errorPaths(expectProblem(sorted, 400))).toEqual(['sort']);
    const any = (await cellsAs('staff'))[0] as BenchmarkCell;
    expectProblem(await call(api, 'GET', `/api/benchmark-cells/${any.id}`, { token: await session(api, EMAIL.fvsnStaff) }), 404);
    expectProblem(await call(api, 'GET', `/api/benchmark-cells/${any.id}`, { token: await session(api, EMAIL.acmeAdmin) }), 404);
    expectProblem(await call(api, 'GET', `/api/benchmark-runs/${run.id}`, { token: await session(api, EMAIL.staff) }), 404);
    expectProblem(await call(api, 'GET', '/api/benchmark-cells', { token: await session(api, EMAIL.union) }), 403);
    const total = await call(api, 'GET', `/api/benchmark-cells${q({ filter: { periodId: period.closed } })}`, { token: await session(api, EMAIL.acmeAdmin) });
    expect(total.headers.get('content-range')).toMatch(/\/0$/);
  });

  it('sharing settings: the supplier decides per customer; the buyer reads what concerns it; others see nothing of it', async () => {
    const admin = await token('s6');
    const bad = await call(api, 'POST', '/api/sharing-settings', { token: admin, body: { customerId: demo.org.northstar, categories: ['delivery', 'cost', 'bogus'] } });
    expect(errorPaths(expectProblem(bad, 400))).toEqual(['categories']);
    const notMine = await call(api, 'POST', '/api/sharing-settings', { token: admin, body: { customerId: demo.org.northstar, categories: ['delivery'] } });
    expect(errorPaths(expectProblem(notMine, 400))).toEqual(['customerId']);
    const res = await call(api, 'POST', '/api/sharing-settings', { token: admin, body: { customerId: customer, categories: ['delivery'] } });
    expectStatus(res, 201);
    const setting = res.body as SharingSetting;
    expectProblem(await call(api, 'POST', '/api/sharing-settings', { token: admin, body: { customerId: customer, categories: [] } }), 409);
    const changed = await call(api, 'PUT', `/api/sharing-settings/${setting.id}`, { token: admin, body: { ...setting, categories: ['delivery', 'quality', 'cost'] } });
    expectStatus(changed, 200);
    expect((changed.body as SharingSetting).categories).toEqual(['delivery', 'quality', 'cost']);
    const buyerView = await call(api, 'GET', '/api/sharing-settings', { token: await token('buyer') });
    expect((buyerView.body as SharingSetting[]).map((x) => x.id)).toEqual([setting.id]);
    expectProblem(await call(api, 'PUT', `/api/sharing-settings/${setting.id}`, { token: await token('buyer'), body: { categories: [] } }), 403);
    expectProblem(await call(api, 'PUT', `/api/sharing-settings/${setting.id}`, { token: await token('s6contrib'), body: { categories: [] } }), 403);
    expectProblem(await call(api, 'GET', `/api/sharing-settings/${setting.id}`, { token: await token('s0') }), 404);
    expectProblem(await call(api, 'POST', '/api/sharing-settings', { token: await token('staff'), body: { customerId: customer, categories: [] } }), 403);
    const audit = await pool.query(`SELECT action FROM "AuditEvent" WHERE "entityId" = $1 ORDER BY id`, [setting.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['sharing_setting.created', 'sharing_setting.updated']);
  });

  it('a supplier that stops sharing does not make its customer forget: the buyer is shown nothing more than before', async () => {
    const before = await cellsAs('buyer');
    const admin = await token('s6');
    const settings = (await call(api, 'GET', '/api/sharing-settings', { token: admin })).body as SharingSetting[];
    const mine = settings.find((x) => x.customerId === customer) as SharingSetting;
    expectStatus(await call(api, 'PUT', `/api/sharing-settings/${mine.id}`, { token: admin, body: { categories: [] } }), 200);
    try {
      const after = await cellsAs('buyer');
      expect(after.map((c) => [c.id, c.suppressed, c.withheldStatistics])).toEqual(before.map((c) => [c.id, c.suppressed, c.withheldStatistics]));
    } finally {
      expectStatus(await call(api, 'PUT', `/api/sharing-settings/${mine.id}`, { token: admin, body: { categories: mine.categories } }), 200);
    }
  });
});
