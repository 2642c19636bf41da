import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { Pool } from 'pg';
import type { Consortium, LateReminderResult, MetricDefinition, Period, PeriodCompleteness, PeriodGenerateResult } from '@tandem/contracts';
import { call, q, startApi, type TestApi } from './support/api';
import { EMAIL, dbPool, errorPaths, expectProblem, loadDemo, session, uniq, type Demo } from './support/fixtures';
import { definitions, ensureCatalogue, freeYear, ok, report, metricIds } from './support/performance';
import { JOB_STATES, SideEffectWatch } from './support/side-effects';

jest.setTimeout(60_000);

/**
 * Reporting periods: the calendar (single periods and generated years, of the kinds the
 * consortium's calendar runs), the state machine open → closed (→ reopened by staff with a
 * reason) → published, locking of values, the scorecard and benchmark recomputations that a
 * close enqueues — once per close, after the commit, never for a refused request — and the
 * completeness view of who has submitted.
 */
describe('periods', () => {
  let api: TestApi;
  let pool: Pool;
  let watch: SideEffectWatch;
  let demo: Demo;
  let redis: IORedis;
  let benchmarks: Queue;
  let metrics: Queue;
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
    metrics = new Queue('follow-up', { connection: redis, prefix: process.env.REDIS_PREFIX });
  });

  afterAll(async () => {
    await benchmarks?.close();
    await metrics?.close();
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

  /** scorecards.recompute jobs of one period that a close enqueued, in any state. */
  async function scorecardJobs(periodId: string) {
    const jobs = await metrics.getJobs([...JOB_STATES]);
    return jobs.filter((j) => j.name === 'scorecards.recompute' && (j.data as { periodId?: string }).periodId === periodId && j.id?.includes('-closed-'));
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

    it("refuses months in a quarterly calendar, naming the field, and writes nothing", async () => {
      const generated = await watch.expectNone(() => call(api, 'POST', '/api/periods/generate', { token: t.staff, body: { year: Y, kind: 'month', dueDays: 10 } }));
      expect(expectProblem(generated, 400).errors).toEqual([{ path: 'kind', message: 'the consortium reports quarterly: a month is not one of its periods; its calendar has quarters only' }]);
      const single = await watch.expectNone(() => call(api, 'POST', '/api/periods', { token: t.staff, body: { code: `${Y}-11` } }));
      expect(expectProblem(single, 400).errors).toEqual([{ path: 'code', message: `the consortium reports quarterly: ${Y}-11 is a month; its calendar has quarters only` }]);
    });

    it('generates months in a monthly calendar, which runs quarters too (for the quarterly metrics)', async () => {
      const slug = uniq('monthly');
      const consortium = await ok<Consortium>(call(api, 'POST', '/api/consortia', { token: t.platform, body: { name: `Monthly ${slug}`, slug, region: 'Testland', reportingCalendar: 'monthly' } }), 201);
      const months = await ok<PeriodGenerateResult>(call(api, 'POST', '/api/periods/generate', { token: t.platform, body: { consortiumId: consortium.id, year: Y, kind: 'month', dueDays: 10 } }), 201);
      expect(months.created).toHaveLength(12);
      expect(months.created[1]).toMatchObject({ code: `${Y}-02`, kind: 'month', startsOn: `${Y}-02-01`, dueOn: expect.stringMatching(new RegExp(`^${Y}-03-1[01]$`)) });
      const quarter = await ok<Period>(call(api, 'POST', '/api/periods', { token: t.platform, body: { consortiumId: consortium.id, code: `${Y}-Q1` } }), 201);
      expect(quarter.kind).toBe('quarter');
      // the other consortium's calendar is its own: the same codes are free there
      const fvsn = await ok<PeriodGenerateResult>(call(api, 'POST', '/api/periods/generate', { token: t.fvsn, body: { year: Y, kind: 'quarter' } }), 201);
      expect(fvsn.created.map((p) => p.consortiumId)).toEqual(Array(4).fill(demo.consortium.fvsn));

      // the catalogue says at which frequency each metric is collected under each calendar
      const frequencies = (list: MetricDefinition[]) => Object.fromEntries(list.filter((m) => ['OTD', 'PPM', 'LEAD_TIME'].includes(m.code)).map((m) => [m.code, [m.frequency, m.collectionFrequency]]));
      expect(frequencies(await definitions(api, t.staff))).toEqual({ OTD: ['monthly', 'quarterly'], PPM: ['monthly', 'quarterly'], LEAD_TIME: ['quarterly', 'quarterly'] });
      expect(frequencies(await definitions(api, t.platform, consortium.id))).toEqual({ OTD: ['monthly', 'monthly'], PPM: ['monthly', 'monthly'], LEAD_TIME: ['quarterly', 'quarterly'] });
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
      // an action without a body refuses one with fields, naming each, rather than ignoring it
      const extra = expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/close`, { token: t.staff, body: { extra: 1, force: true } })), 400);
      expect(errorPaths(extra).sort()).toEqual(['extra', 'force']);
      expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/close`, { token: t.staff, raw: '[1]' })), 400);
      expect(await recomputeJobs(period.id)).toHaveLength(0);
      expect((await ok<Period>(call(api, 'GET', `/api/periods/${period.id}`, { token: t.staff }))).state).toBe('open');
    });

    it('closing locks the values and enqueues exactly one benchmarks.recompute and one scorecards.recompute job', async () => {
      const M = await metricIds(pool, demo.consortium.glmp);
      const value = await report(api, t.contributor, { metricId: M.OEE as string, periodId: period.id, value: 70, submit: true });

      const closed = await ok<Period>(call(api, 'POST', `/api/periods/${period.id}/close`, { token: t.staff }));
      expect(closed).toMatchObject({ state: 'closed', closedAt: expect.any(String), publishedAt: null });
      const jobs = await recomputeJobs(period.id);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]?.data).toEqual({ consortiumId: demo.consortium.glmp, periodId: period.id, reason: 'period_closed' });
      expect(jobs[0]?.id).toBe(`benchmarks-recompute-${period.id}-period_closed`);
      // the close is when provisional scorecards become final: the worker recomputes them
      const cards = await scorecardJobs(period.id);
      expect(cards.map((j) => [j.id, j.data])).toEqual([[`scorecards-recompute-${period.id}-closed-r0`, { consortiumId: demo.consortium.glmp, periodId: period.id }]]);

      // closing again is a conflict, and the queues still hold one job each
      const again = await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/close`, { token: t.staff }));
      expect(expectProblem(again, 409).detail).toBe(`Period ${Y}-Q1 is closed and cannot be closed: only an open period can be closed`);
      expect(await recomputeJobs(period.id)).toHaveLength(1);
      expect(await scorecardJobs(period.id)).toHaveLength(1);

      // values of the closed period are locked: no change without a reason, no new values
      const change = await watch.expectNone(() => call(api, 'PATCH', `/api/metric-values/${value.id}`, { token: t.contributor, body: { revision: value.revision, value: 75 } }));
      expect(errorPaths(expectProblem(change, 400))).toEqual(['reason']);
      const fresh = await watch.expectNone(() => call(api, 'POST', '/api/metric-values', { token: t.contributor, body: { metricId: M.LEAD_TIME, periodId: period.id, value: 12 } }));
      expectProblem(fresh, 409);
      // and its dates no longer move
      const moved = await watch.expectNone(() => call(api, 'PATCH', `/api/periods/${period.id}`, { token: t.staff, body: { startsOn: `${Y}-01-02` } }));
      expectProblem(moved, 409);
    });

    it('reopens a closed period with a reason, audited: values change again, and the next close is a close of its own', async () => {
      const M = await metricIds(pool, demo.consortium.glmp);
      // a reason is required, and a refused reopening writes nothing
      for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 42 }]) {
        const res = await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/reopen`, { token: t.staff, body }));
        expect([...new Set(errorPaths(expectProblem(res, 400)))]).toEqual(['reason']);
      }
      expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/reopen`, { token: t.admin, body: { reason: 'mine' } })), 403);
      expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/reopen`, { token: t.fvsn, body: { reason: 'not mine' } })), 404);

      const reason = 'Badger restated its lead time after the close';
      const reopened = await ok<Period>(call(api, 'POST', `/api/periods/${period.id}/reopen`, { token: t.staff, body: { reason } }));
      expect(reopened).toMatchObject({ state: 'open', closedAt: null, reopenCount: 1, reopenedAt: expect.any(String), reopenReason: reason });
      // reopening enqueues nothing: the first close's jobs stay as they are
      expect(await recomputeJobs(period.id)).toHaveLength(1);
      expect(await scorecardJobs(period.id)).toHaveLength(1);
      // an open period is not reopened twice
      const twice = await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/reopen`, { token: t.staff, body: { reason } }));
      expect(expectProblem(twice, 409).detail).toBe(`Period ${Y}-Q1 is open and cannot be reopened: only a closed period can be reopened`);

      // values of the reopened period can be reported again
      const late = await report(api, t.contributor, { metricId: M.LEAD_TIME as string, periodId: period.id, value: 12, submit: true });
      expect(late.status).toBe('submitted');

      // closing again: new jobs, one each
      const closed = await ok<Period>(call(api, 'POST', `/api/periods/${period.id}/close`, { token: t.staff }));
      expect(closed).toMatchObject({ state: 'closed', reopenCount: 1 });
      expect((await recomputeJobs(period.id)).map((j) => j.id).sort()).toEqual([`benchmarks-recompute-${period.id}-period_closed`, `benchmarks-recompute-${period.id}-period_closed-r1`]);
      expect((await scorecardJobs(period.id)).map((j) => j.id).sort()).toEqual([`scorecards-recompute-${period.id}-closed-r0`, `scorecards-recompute-${period.id}-closed-r1`]);

      const { rows } = await pool.query<{ after: { reason: string; reopenCount: number } }>(`SELECT after FROM "AuditEvent" WHERE "entityId" = $1 AND action = 'period.reopened'`, [period.id]);
      expect(rows.map((r) => [r.after.reason, r.after.reopenCount])).toEqual([[reason, 1]]);
    });

    it('publishes a closed period, once', async () => {
      const published = await ok<Period>(call(api, 'POST', `/api/periods/${period.id}/publish`, { token: t.staff }));
      expect(published).toMatchObject({ state: 'published', publishedAt: expect.any(String) });
      expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/publish`, { token: t.staff })), 409);
      expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/close`, { token: t.staff })), 409);
      // a published period is final: never reopened
      const reopen = await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/reopen`, { token: t.staff, body: { reason: 'too late' } }));
      expect(expectProblem(reopen, 409).detail).toBe(`Period ${Y}-Q1 is published and cannot be reopened: a published period is final`);
      // publishing asks for one recompute more (it releases what disclosure control shows), once
      expect((await recomputeJobs(period.id)).map((j) => j.id).sort()).toEqual([
        `benchmarks-recompute-${period.id}-period_closed`,
        `benchmarks-recompute-${period.id}-period_closed-r1`,
        `benchmarks-recompute-${period.id}-period_published`,
      ]);
    });

    it('audits every state change', async () => {
      const { rows } = await pool.query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "entityId" = $1 ORDER BY id`, [period.id]);
      expect(rows.map((r) => r.action)).toEqual(['period.created', 'period.closed', 'period.reopened', 'period.closed', 'period.published']);
    });
  });

  describe('completeness', () => {
    let period: Period;
    let M: Record<string, string>;

    /** Every firm of the view, page by page (the API answers at most 500 firms a page). */
    const everyFirm = async (token: string, filter = ''): Promise<PeriodCompleteness> => {
      const first = await ok<PeriodCompleteness>(call(api, 'GET', `/api/periods/${period.id}/completeness?limit=500${filter}`, { token }));
      const firms = [...first.firms];
      while (firms.length < first.matching) {
        const next = await ok<PeriodCompleteness>(call(api, 'GET', `/api/periods/${period.id}/completeness?limit=500&offset=${firms.length}${filter}`, { token }));
        if (next.firms.length === 0) break;
        firms.push(...next.firms);
      }
      return { ...first, firms };
    };

    beforeAll(async () => {
      [period] = (await ok<Period[]>(call(api, 'GET', `/api/periods${q({ filter: { code: `${Y}-Q2` } })}`, { token: t.staff }))) as [Period];
      M = await metricIds(pool, demo.consortium.glmp);
    });

    it('tells staff, for every reporting firm, what it owes, what it submitted and what is missing; a firm sees itself only', async () => {
      // Acme submits two of the figures it owes, one stays a draft
      await report(api, t.contributor, { metricId: M.OTD as string, periodId: period.id, value: 96, submit: true });
      await report(api, t.contributor, { metricId: M.LEAD_TIME as string, periodId: period.id, value: 14, submit: true });
      await report(api, t.contributor, { metricId: M.OEE as string, periodId: period.id, value: 70 });

      const view = await everyFirm(t.staff);
      // a quarterly calendar collects every supplier-reported metric per quarter, OTD and PPM included
      expect(view).toMatchObject({ id: period.id, code: `${Y}-Q2`, state: 'open', dueOn: period.dueOn });
      // (other suites add metrics of their own to glmp's catalogue: the standard ones are there, the derived ones are not)
      expect(view.expectedMetrics).toEqual(expect.arrayContaining(['COST_INDEX', 'CYCLE_TIME', 'INV_TURNS', 'LEAD_TIME', 'OEE', 'OTD', 'PPM', 'SCRAP', 'SETUP_TIME', 'TRIR', 'VA_EMP']));
      expect(view.expectedMetrics).not.toContain('TRAIN_HRS');
      const { rows: members } = await pool.query<{ id: string }>(
        `SELECT o.id FROM "Membership" m JOIN "Organisation" o ON o.id = m."organisationId" WHERE m."consortiumId" = $1 AND m.status = 'active' AND o.kind = 'supplier'`,
        [demo.consortium.glmp],
      );
      expect(view.firms.map((f) => f.organisationId).sort()).toEqual(members.map((m) => m.id).sort());
      const acme = view.firms.find((f) => f.organisationId === demo.org.acme);
      const owed = view.expectedMetrics.length;
      expect(acme).toMatchObject({ organisationName: 'Acme Castings', expected: owed, submitted: 2, validated: 0, status: 'partial', late: false, lastSubmittedAt: expect.any(String) });
      expect(acme?.missingMetrics).toEqual(view.expectedMetrics.filter((c) => c !== 'OTD' && c !== 'LEAD_TIME'));
      expect(view.firms.find((f) => f.organisationId === demo.org.badger)).toMatchObject({ submitted: 0, status: 'missing', late: false });
      expect(view.totals).toEqual({
        firms: members.length,
        complete: view.firms.filter((f) => f.status === 'complete').length,
        partial: view.firms.filter((f) => f.status === 'partial').length,
        missing: view.firms.filter((f) => f.status === 'missing').length,
        late: 0,
      });

      // a firm sees its own row, however it asks
      for (const token of [t.admin, t.contributor]) {
        const own = await ok<PeriodCompleteness>(call(api, 'GET', `/api/periods/${period.id}/completeness`, { token }));
        expect(own.firms.map((f) => f.organisationId)).toEqual([demo.org.acme]);
        expect(own.totals.firms).toBe(1);
      }
      // funders see no firm's reporting; another consortium's staff no such period
      expectProblem(await call(api, 'GET', `/api/periods/${period.id}/completeness`, { token: t.funder }), 403);
      expectProblem(await call(api, 'GET', `/api/periods/${period.id}/completeness`, { token: t.fvsn }), 404);
    });

    it('marks firms late once the due date has passed with figures missing', async () => {
      await pool.query(`UPDATE "Period" SET "dueOn" = DATE '2000-01-31', "startsOn" = DATE '2000-01-01', "endsOn" = DATE '2000-01-30' WHERE id = $1`, [period.id]);
      const view = await everyFirm(t.staff);
      expect(view.firms.every((f) => f.late === (f.status !== 'complete'))).toBe(true);
      expect(view.totals.late).toBe(view.firms.filter((f) => f.status !== 'complete').length);
      expect(view.firms.find((f) => f.organisationId === demo.org.acme)).toMatchObject({ status: 'partial', late: true });
    });

    it('answers the totals over every firm and one page of the firms the filters choose, late and incomplete first', async () => {
      const all = await everyFirm(t.staff);
      const page = await ok<PeriodCompleteness>(call(api, 'GET', `/api/periods/${period.id}/completeness?late=true&limit=3&offset=1`, { token: t.staff }));
      const late = all.firms.filter((f) => f.late);
      expect(page.totals).toEqual(all.totals);
      expect(page).toMatchObject({ matching: late.length, offset: 1, limit: 3 });
      expect(page.firms.map((f) => f.organisationId)).toEqual(late.slice(1, 4).map((f) => f.organisationId));
      // the order: late first, then missing, partial, complete, by name
      const rank = { missing: 0, partial: 1, complete: 2 } as const;
      const keys = all.firms.map((f) => [f.late ? 0 : 1, rank[f.status], f.organisationName] as const);
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
      expect(keys.map((k) => `${k[0]}${k[1]}`)).toEqual(sorted.map((k) => `${k[0]}${k[1]}`));
      const partial = await ok<PeriodCompleteness>(call(api, 'GET', `/api/periods/${period.id}/completeness?status=partial&limit=500`, { token: t.staff }));
      expect(partial.firms.every((f) => f.status === 'partial')).toBe(true);
      expect(partial.matching).toBe(all.totals.partial);
      expect(partial.firms.map((f) => f.organisationId)).toContain(demo.org.acme);
      // past the last page: no firms, the same totals
      const beyond = await ok<PeriodCompleteness>(call(api, 'GET', `/api/periods/${period.id}/completeness?offset=999999`, { token: t.staff }));
      expect(beyond).toMatchObject({ firms: [], totals: all.totals });
      // one firm by id: staff see its row, the totals stay those of every firm; a firm asking for another gets nothing
      const one = await ok<PeriodCompleteness>(call(api, 'GET', `/api/periods/${period.id}/completeness?organisationId=${demo.org.acme}`, { token: t.staff }));
      expect(one).toMatchObject({ matching: 1, totals: all.totals });
      expect(one.firms.map((f) => f.organisationId)).toEqual([demo.org.acme]);
      const other = await ok<PeriodCompleteness>(call(api, 'GET', `/api/periods/${period.id}/completeness?organisationId=${demo.org.badger}`, { token: t.admin }));
      expect(other).toMatchObject({ firms: [], matching: 0, totals: { firms: 1 } });
      // a firm's filters apply to its own row only
      const own = await ok<PeriodCompleteness>(call(api, 'GET', `/api/periods/${period.id}/completeness?status=complete`, { token: t.admin }));
      expect(own).toMatchObject({ firms: [], matching: 0, totals: { firms: 1 } });
    });

    it('refuses a bad filter or an oversized page, naming each field', async () => {
      const res = await call(api, 'GET', `/api/periods/${period.id}/completeness?late=maybe&status=done&limit=501&offset=-1`, { token: t.staff });
      expect(errorPaths(expectProblem(res, 400)).sort()).toEqual(['late', 'limit', 'offset', 'status']);
      const abc = expectProblem(await call(api, 'GET', `/api/periods/${period.id}/completeness?limit=abc`, { token: t.staff }), 400);
      expect(abc.errors).toEqual([{ path: 'limit', message: 'must be a whole number from 1 to 500' }]);
      expectProblem(await call(api, 'GET', `/api/periods/${period.id}/completeness?firm=x`, { token: t.staff }), 400);
    });

    it('staff e-mail the late firms what they still owe, once a day per firm, audited; nobody else may', async () => {
      const view = await everyFirm(t.staff);
      const late = view.firms.filter((f) => f.late);
      expect(late.length).toBeGreaterThan(0);
      for (const token of [t.admin, t.contributor, t.funder]) expectProblem(await call(api, 'POST', `/api/periods/${period.id}/remind-late`, { token }), 403);
      expectProblem(await call(api, 'POST', `/api/periods/${period.id}/remind-late`, { token: t.fvsn }), 404);

      // a client's option the route does not have is refused, not ignored (a "dryRun" would have sent the e-mails)
      const dry = expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/periods/${period.id}/remind-late`, { token: t.staff, body: { dryRun: true } })), 400);
      expect(errorPaths(dry)).toEqual(['dryRun']);

      const first = await ok<LateReminderResult>(call(api, 'POST', `/api/periods/${period.id}/remind-late`, { token: t.staff, body: {} }));
      expect(first).toMatchObject({ periodId: period.id, code: `${Y}-Q2`, alreadyReminded: 0 });
      expect(first.reminded + first.withoutRecipients).toBe(late.length);
      const acme = late.find((f) => f.organisationId === demo.org.acme);
      const { rows: mail } = await pool.query<{ to: string; subject: string; text: string }>(
        `SELECT "to", subject, text FROM "OutboxMessage" WHERE subject = $1 AND text LIKE $2`,
        [`Overdue: ${Y}-Q2 figures were due on 2000-01-31`, '%Acme Castings%'],
      );
      expect(mail).toHaveLength(1);
      expect(mail[0]?.to).toContain(EMAIL.acmeContributor);
      expect(mail[0]?.text).toContain(`Not yet submitted: ${acme?.missingMetrics.join(', ')}.`);
      // nothing of another firm in Acme's message
      expect(mail[0]?.text).not.toContain('Badger');
      const { rows: audit } = await pool.query<{ organisationId: string }>(
        `SELECT "organisationId" FROM "AuditEvent" WHERE action = 'period.late_reminder' AND "entityId" = $1`,
        [period.id],
      );
      expect(audit.map((a) => a.organisationId).sort()).toEqual(late.map((f) => f.organisationId).sort());
      // each firm's audit row names the message that went to that firm (written in one insert, matched in order)
      const { rows: linked } = await pool.query<{ organisationId: string; text: string; name: string }>(
        `SELECT a."organisationId", m.text, o.name FROM "AuditEvent" a
           JOIN "OutboxMessage" m ON m.id = (a.after->>'outboxMessageId')::uuid
           JOIN "Organisation" o ON o.id = a."organisationId"
          WHERE a.action = 'period.late_reminder' AND a."entityId" = $1`,
        [period.id],
      );
      expect(linked).toHaveLength(first.reminded);
      for (const row of linked) expect(row.text).toContain(`Hello ${row.name},`);

      // a second click the same day e-mails nobody again; a firm that had nobody to e-mail is tried again
      const again = await ok<LateReminderResult>(call(api, 'POST', `/api/periods/${period.id}/remind-late`, { token: t.staff }));
      expect(again).toMatchObject({ reminded: 0, alreadyReminded: first.reminded, withoutRecipients: first.withoutRecipients });
    });
  });

  it('filters periods that have begun (started=true) from those set up ahead (started=false)', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const read = async (started: boolean) => ok<Period[]>(call(api, 'GET', `/api/periods${q({ filter: { started }, range: [0, 499] })}`, { token: t.staff }));
    const begun = await read(true);
    const ahead = await read(false);
    expect(begun.length).toBeGreaterThan(0);
    expect(begun.every((p) => p.startsOn <= today)).toBe(true);
    expect(ahead.every((p) => p.startsOn > today)).toBe(true);
  });
});
