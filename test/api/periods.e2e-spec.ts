import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { Pool } from 'pg';
import type { Period, PeriodGenerateResult } from '@tandem/contracts';
import { call, q, startApi, type TestApi } from './support/api';
import { EMAIL, dbPool, errorPaths, expectProblem, loadDemo, session, type Demo } from './support/fixtures';
import { ensureCatalogue, freeYear, ok, report, metricIds } from './support/performance';
import { JOB_STATES, SideEffectWatch } from './support/side-effects';

jest.setTimeout(60_000);

/**
 * Reporting periods: the calendar (single periods and generated years), the state machine
 * open → closed → published, locking of values, and the benchmark recomputation that a
 * close enqueues — once, after the commit, never for a refused request.
 */
describe('periods', () => {
  let api: TestApi;
  let pool: Pool;
  let watch: SideEffectWatch;
  let demo: Demo;
  let redis: IORedis;
  let benchmarks: Queue;
  let Y: number;
  const t = {} as Record<'staff' | 'fvsn' | 'admin' | 'contributor' | 'funder' | 'platform', string>;

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    watch = new SideEffectWatch(pool);
    demo = await loadDemo(pool);
    await ensureCatalogue(api, demo.consortium.glmp);
    t.staff = await session(api, EMAIL.staff);
    t.fvsn = await session(api, EMAIL.fvsnStaff);
    t.admin = await session(api, EMAIL.acmeAdmin);
    t.contributor = await session(api, EMAIL.acmeContributor);
    t.funder = await session(api, EMAIL.funder);
    t.platform = await session(api, EMAIL.platform);
    Y = await freeYear(pool);
    redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    benchmarks = new Queue('benchmarks', { connection: redis, prefix: process.env.REDIS_PREFIX });
  });

  afterAll(async () => {
    await benchmarks?.close();
    await redis?.quit();
    await watch?.close();
    await pool?.end();
    await api?.close();
  });

  /** benchmarks.recompute jobs of one period, in any state. */
  async function recomputeJobs(periodId: string) {
    const jobs = await benchmarks.getJobs([...JOB_STATES]);
    return jobs.filter((j) => j.name === 'benchmarks.recompute' && (j.data as { periodId?: string }).periodId === periodId);
  }

  describe('calendar', () => {
    it('generates the quarters of a year with their dates, and skips codes that exist', async () => {
      const first = await ok<PeriodGenerateResult>(call(api, 'POST', '/api/periods/generate', { token: t.staff, body: { year: Y, kind: 'quarter', dueDays: 30 } }), 201);
      expect(first.skipped).toEqual([]);
      expect(first.created.map((p) => [p.code, p.kind, p.startsOn, p.endsOn, p.dueOn, p.state])).toEqual([
        [`${Y}-Q1`, 'quarter', `${Y}-01-01`, `${Y}-03-31`, `${Y}-04-30`, 'open'],
        [`${Y}-Q2`, 'quarter', `${Y}-04-01`, `${Y}-06-30`, `${Y}-07-30`, 'open'],
        [`${Y}-Q3`, 'quarter', `${Y}-07-01`, `${Y}-09-30`, `${Y}-10-30`, 'open'],
        [`${Y}-Q4`, 'quarter', `${Y}-10-01`, `${Y}-12-31`, `${Y + 1}-01-30`, 'open'],
      ]);
      expect(first.created.every((p) => p.consortiumId === demo.consortium.glmp)).toBe(true);

      const again = await watch.expectNone(() => call(api, 'POST', '/api/periods/generate', { token: t.staff, body: { year: Y, kind: 'quarter' } }));
      expect(again.status).toBe(201);
      expect(again.body).toEqual({ created: [], skipped: [`${Y}-Q1`, `${Y}-Q2`, `${Y}-Q3`, `${Y}-Q4`] });
    });

    it('generates months, each in its own consortium', async () => {
      const months = await ok<PeriodGenerateResult>(call(api, 'POST', '/api/periods/generate', { token: t.staff, body: { year: Y, kind: 'month', dueDays: 10 } }), 201);
      expect(months.created).toHaveLength(12);
      expect(months.created[1]).toMatchObject({ code: `${Y}-02`, kind: 'month', startsOn: `${Y}-02-01`, dueOn: expect.stringMatching(new RegExp(`^${Y}-03-1[01]$`)) });
      // the other consortium's calendar is its own: the same codes are free there
      const fvsn = await ok<PeriodGenerateResult>(call(api, 'POST', '/api/periods/generate', { token: t.fvsn, body: { year: Y, kind: 'quarter' } }), 201);
      expect(fvsn.created.map((p) => p.consortiumId)).toEqual(Array(4).fill(demo.consortium.fvsn));
    });

    it('creates a single period whose kind and dates follow from its code', async () => {
      const p = await ok<Period>(call(api, 'POST', '/api/periods', { token: t.staff, body: { code: `${Y + 1}-Q2`, dueOn: `${Y + 1}-07-15` } }), 201);
      expect(p).toMatchObject({ code: `${Y + 1}-Q2`, kind: 'quarter', startsOn: `${Y + 1}-04-01`, endsOn: `${Y + 1}-06-30`, dueOn: `${Y + 1}-07-15`, state: 'open' });
      const dup = await watch.expectNone(() => call(api, 'POST', '/api/periods', { token: t.staff, body: { code: `${Y + 1}-Q2` } }));
      expect(errorPaths(expectProblem(dup, 409))).toEqual(['code']);
    });

    it('refuses malformed codes and dates that do not follow one another, writing nothing', async () => {
      for (const code of [`${Y}-Q5`, `${Y}-13`, `Q1-${Y}`, `${Y}-q1`]) {
        const res = await watch.expectNone(() => call(api, 'POST', '/api/periods', { token: t.staff, body: { code } }));
        expect(errorPaths(expectProblem(res, 400))).toEqual(['code']);
      }
      const order = await watch.expectNone(() => call(api, 'POST', '/api/periods', { token: t.staff, body: { code: `${Y + 1}-Q3`, dueOn: `${Y + 1}-08-01` } }));
      expect(expectProblem(order, 400).errors).toEqual([{ path: 'dueOn', message: `must not be before endsOn (${Y + 1}-09-30)` }]);
      const notADay = await watch.expectNone(() => call(api, 'POST', '/api/periods', { token: t.staff, body: { code: `${Y + 1}-Q3`, dueOn: `${Y + 1}-02-30` } }));
      expect(errorPaths(expectProblem(notADay, 400))).toEqual(['dueOn']);
      const badYear = await watch.expectNone(() => call(api, 'POST', '/api/periods/generate', { token: t.staff, body: { year: 26, kind: 'quarter' } }));
      expect(errorPaths(expectProblem(badYear, 400))).toEqual(['year']);
      const badKind = await watch.expectNone(() => call(api, 'POST', '/api/periods/generate', { token: t.staff, body: { year: Y, kind: 'week' } }));
      expect(errorPaths(expectProblem(badKind, 400))).toEqual(['kind']);
    });

    it('only staff manage the calendar; everyone of the consortium reads it', async () => {
      expectProblem(await watch.expectNone(() => call(api, 'POST', '/api/periods', { token: t.admin, body: { code: `${Y + 1}-Q4` } })), 403);
      expectProblem(await watch.expectNone(() => call(api, 'POST', '/api/periods/generate', { token: t.contributor, body: { year: Y + 1, kind: 'quarter' } })), 403);
      const list = await ok<Period[]>(call(api, 'GET', `/api/periods${q({ filter: { code: `${Y}-Q1` } })}`, { token: t.funder }));
      expect(list.map((p) => p.consortiumId)).toEqual([demo.consortium.glmp]);
      const fvsnList = await ok<Period[]>(call(api, 'GET', `/api/periods${q({ filter: { code: `${Y}-Q1` } })}`, { token: t.fvsn }));
      expect(fvsnList.map((p) => p.consortiumId)).toEqual([demo.consortium.fvsn]);
      expectProblem(await call(api, 'GET', `/api/periods/${list[0]?.id}`, { token: t.fvsn }), 404);
      // platform admins name the consortium
      const missing = await watch.expectNone(() => call(api, 'POST', '/api/periods', { token: t.platform, body: { code: `${Y + 1}-Q4` } }));
      expect(errorPaths(expectProblem(missing, 400))).toEqual(['consortiumId']);
    });

    it('moves the due date; the start and end only while open', async () => {
      const [p] = await ok<Period[]>(call(api, 'GET', `/api/periods${q({ filter: { code: `${Y}-Q3` } })}`, { token: t.staff }));
      const moved = await ok<Period>(call(api, 'PATCH', `/api/periods/${p?.id}`, { token: t.staff, body: { dueOn: `${Y}-11-15` } }));
      expect(moved.dueOn).toBe(`${Y}-11-15`);
      const put = await ok<Period>(call(api, 'PUT', `/api/periods/${p?.id}`, { token: t.staff, body: { ...moved, dueOn: `${Y}-11-20` } }));
      expect(put).toMatchObject({ dueOn: `${Y}-11-20`, code: `${Y}-Q3`, state: 'open' });
      const bad = await watch.expectNone(() => call(api, 'PATCH', `/api/periods/${p?.id}`, { token: t.staff, body: { dueOn: `${Y}-09-01` } }));
      expect(errorPaths(expectProblem(bad, 400))).toEqual(['dueOn']);
    });
  });

  describe('closing and publishing', () => {
    let period: Period;

    beforeAll(async () => {
      [period] = (await ok<Period[]>(call(api, 'GET', `/api/periods${q({ filter: { code: `${Y}-Q1` } })}`, { token: t.staff }))) as [Period];
    });

    it('a refused close enqueues nothing and changes nothing', async () => {
      expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/close`, { token: t.admin })), 403);
      expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/close`, { token: t.fvsn })), 404);
      expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/publish`, { token: t.staff })), 409);
      expect(await recomputeJobs(period.id)).toHaveLength(0);
    });

    it('closing locks the values and enqueues exactly one benchmarks.recompute job', async () => {
      const M = await metricIds(pool, demo.consortium.glmp);
      const value = await report(api, t.contributor, { metricId: M.OEE as string, periodId: period.id, value: 70, submit: true });

      const closed = await ok<Period>(call(api, 'POST', `/api/periods/${period.id}/close`, { token: t.staff }));
      expect(closed).toMatchObject({ state: 'closed', closedAt: expect.any(String), publishedAt: null });
      const jobs = await recomputeJobs(period.id);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]?.data).toEqual({ consortiumId: demo.consortium.glmp, periodId: period.id, reason: 'period_closed' });
      expect(jobs[0]?.id).toBe(`benchmarks-recompute-${period.id}-period_closed`);

      // closing again is a conflict, and the queue still holds one job
      const again = await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/close`, { token: t.staff }));
      expect(expectProblem(again, 409).detail).toBe(`Period ${Y}-Q1 is closed and cannot be closed: only an open period can be closed`);
      expect(await recomputeJobs(period.id)).toHaveLength(1);

      // values of the closed period are locked: no change without a reason, no new values
      const change = await watch.expectNone(() => call(api, 'PATCH', `/api/metric-values/${value.id}`, { token: t.contributor, body: { revision: value.revision, value: 75 } }));
      expect(errorPaths(expectProblem(change, 400))).toEqual(['reason']);
      const fresh = await watch.expectNone(() => call(api, 'POST', '/api/metric-values', { token: t.contributor, body: { metricId: M.LEAD_TIME, periodId: period.id, value: 12 } }));
      expectProblem(fresh, 409);
      // and its dates no longer move
      const moved = await watch.expectNone(() => call(api, 'PATCH', `/api/periods/${period.id}`, { token: t.staff, body: { startsOn: `${Y}-01-02` } }));
      expectProblem(moved, 409);
    });

    it('publishes a closed period, once', async () => {
      const published = await ok<Period>(call(api, 'POST', `/api/periods/${period.id}/publish`, { token: t.staff }));
      expect(published).toMatchObject({ state: 'published', publishedAt: expect.any(String) });
      expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/publish`, { token: t.staff })), 409);
      expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/close`, { token: t.staff })), 409);
      expect(await recomputeJobs(period.id)).toHaveLength(1);
    });

    it('audits every state change', async () => {
      const { rows } = await pool.query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "entityId" = $1 ORDER BY id`, [period.id]);
      expect(rows.map((r) => r.action)).toEqual(['period.created', 'period.closed', 'period.published']);
    });
  });
});
