import type { Pool } from 'pg';
import type { BulkRowResult, MetricValue, MetricValueRevision, Period, ValidateManyResult } from '@tandem/contracts';
import { call, q, startApi, type TestApi } from './support/api';
import { EMAIL, createApiKey, dbPool, errorPaths, expectProblem, loadDemo, session, uniq, type Demo } from './support/fixtures';
import { ensureCatalogue, freeYear, freshSession, generateQuarters, metricIds, ok, relate, report } from './support/performance';
import { SideEffectWatch } from './support/side-effects';

jest.setTimeout(60_000);

/**
 * Metric values: every rule of metrics.md (each refusal names what is wrong and writes
 * nothing), outliers, revisions with before/after, optimistic concurrency, closed periods,
 * customer reports, the bulk push of an ERP, baselines and goals.
 */
describe('metric values', () => {
  let api: TestApi;
  let pool: Pool;
  let watch: SideEffectWatch;
  let demo: Demo;
  let Y: number;
  let Q: Record<string, Period>;
  let month: Period;
  let M: Record<string, string>;
  const t = {} as Record<'staff' | 'admin' | 'contributor' | 'buyer' | 'badger' | 'funder' | 'union' | 'trainer', string>;

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    watch = new SideEffectWatch(pool);
    demo = await loadDemo(pool);
    await ensureCatalogue(api, demo.consortium.glmp);
    t.staff = await session(api, EMAIL.staff);
    t.admin = await session(api, EMAIL.acmeAdmin);
    t.contributor = await session(api, EMAIL.acmeContributor);
    t.buyer = await session(api, EMAIL.buyer);
    t.badger = await session(api, EMAIL.badgerAdmin);
    t.funder = await session(api, EMAIL.funder);
    t.union = await session(api, EMAIL.union);
    t.trainer = await session(api, EMAIL.trainer);
    Y = await freeYear(pool);
    Q = await generateQuarters(api, t.staff, Y);
    month = await monthOfGlmp(`${Y}-01`);
    M = await metricIds(pool, demo.consortium.glmp);
    // Northstar Engines buys from Acme Castings.
    await relate(pool, demo.consortium.glmp, demo.org.northstar, demo.org.acme);
  });

  afterAll(async () => {
    await watch?.close();
    await pool?.end();
    await api?.close();
  });

  const post = (token: string, body: Record<string, unknown>) => call(api, 'POST', '/api/metric-values', { token, body });

  /**
   * A month period of glmp, written directly: glmp's calendar is quarterly, so the API no
   * longer creates months there — but a consortium that switched calendars keeps its old
   * months, and values in them follow the same rules.
   */
  async function monthOfGlmp(code: string): Promise<Period> {
    const [year, mm] = code.split('-').map(Number) as [number, number];
    const end = new Date(Date.UTC(year, mm, 0)).toISOString().slice(0, 10);
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO "Period" (id, "consortiumId", code, kind, "startsOn", "endsOn", "dueOn", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'month', $3::date, $4::date, $4::date + 30, now()) RETURNING id`,
      [demo.consortium.glmp, code, `${code}-01`, end],
    );
    return ok<Period>(call(api, 'GET', `/api/periods/${rows[0]?.id}`, { token: t.staff }));
  }

  /** A refused report: the status, the message in the detail and in the named field, and not one row or job written. */
  async function refused(token: string, body: Record<string, unknown>, status: number, path: string, message: string | RegExp): Promise<void> {
    const res = await watch.expectNone(() => post(token, body));
    const p = expectProblem(res, status);
    expect(errorPaths(p)).toContain(path);
    const messages = (p.errors ?? []).filter((e) => e.path === path).map((e) => e.message);
    if (typeof message === 'string') {
      expect(p.detail).toContain(message);
      expect(messages).toContain(message);
    } else {
      expect(p.detail).toMatch(message);
      expect(messages.some((m) => message.test(m))).toBe(true);
    }
  }

  describe('validation as metrics.md states it', () => {
    it('a value outside its range names the metric, the range and the value', async () => {
      await refused(t.contributor, { metricId: M.OTD, periodId: Q.Q1.id, value: 120 }, 400, 'value', 'OTD must be between 0 and 100 %; got 120');
      await refused(t.contributor, { metricId: M.PPM, periodId: Q.Q1.id, value: -5 }, 400, 'value', 'PPM must be at least 0 parts per million; got -5');
      await refused(t.contributor, { metricId: M.SETUP_TIME, periodId: Q.Q1.id, value: 12000 }, 400, 'value', 'SETUP_TIME must be between 0 and 10,000 minutes; got 12,000');
      await refused(t.contributor, { metricId: M.LEAD_TIME, periodId: Q.Q1.id, value: 400 }, 400, 'value', 'LEAD_TIME must be between 0 and 365 days; got 400');
    });

    it('OEE cannot exceed 100 %', async () => {
      await refused(t.contributor, { metricId: M.OEE, periodId: Q.Q1.id, value: 101 }, 400, 'value', 'OEE must be between 0 and 100 %; got 101');
    });

    it('a computed ratio is range-checked too', async () => {
      await refused(t.contributor, { metricId: M.SCRAP, periodId: Q.Q1.id, value: 130 }, 400, 'value', 'SCRAP must be between 0 and 100 % of sales; got 130');
    });

    it('a value with a unit is a wrong type, and a value is required', async () => {
      await refused(t.contributor, { metricId: M.OTD, periodId: Q.Q1.id, value: '95%' }, 400, 'value', /must be a number without units/);
      await refused(t.contributor, { metricId: M.OTD, periodId: Q.Q1.id, value: '95' }, 400, 'value', /must be a number/);
      await refused(t.contributor, { metricId: M.OEE, periodId: Q.Q1.id }, 400, 'value', 'is required for OEE');
    });

    it('percentages need numerator ≤ denominator and a positive denominator', async () => {
      await refused(
        t.contributor,
        { metricId: M.OTD, periodId: Q.Q1.id, numerator: 51, denominator: 50 },
        400,
        'numerator',
        'OTD: numerator (order lines delivered on or before the promised date) must not exceed denominator (order lines delivered); got 51 > 50',
      );
      await refused(t.contributor, { metricId: M.OTD, periodId: Q.Q1.id, numerator: 0, denominator: 0 }, 400, 'denominator', 'OTD: denominator (order lines delivered) must be greater than 0; got 0');
      await refused(t.contributor, { metricId: M.OTD, periodId: Q.Q1.id, numerator: 5 }, 400, 'denominator', 'OTD: numerator and denominator come together; denominator is missing');
    });

    it('a value beside numerator and denominator must agree with them within its rounding', async () => {
      await refused(t.contributor, { metricId: M.OTD, periodId: Q.Q1.id, value: 95.2, numerator: 81, denominator: 85 }, 400, 'value', 'OTD: value 95.2 does not match numerator ÷ denominator × 100 = 95.294118');
    });

    it('a metric that is not a ratio takes no numerator and denominator', async () => {
      await refused(t.contributor, { metricId: M.OEE, periodId: Q.Q1.id, value: 80, numerator: 4, denominator: 5 }, 400, 'numerator', 'OEE is not a ratio: send its value only, without numerator and denominator');
    });

    it('a disabled metric cannot be reported', async () => {
      const code = `DIS_${uniq('m').slice(2).toUpperCase()}`;
      const def = await ok<{ id: string }>(
        call(api, 'POST', '/api/metric-definitions', { token: t.staff, body: { code, name: 'Disabled one', unit: 'x', direction: 'higher', frequency: 'quarterly', reporters: ['supplier'] } }),
        201,
      );
      await ok(call(api, 'PATCH', `/api/metric-definitions/${def.id}`, { token: t.staff, body: { enabled: false } }));
      await refused(t.contributor, { metricId: def.id, periodId: Q.Q1.id, value: 1 }, 400, 'metricId', `${code} is disabled in this consortium's catalogue`);
    });

    it('who reports what: derived metrics never, customer metrics only OTD and PPM, quarterly metrics not in a month', async () => {
      await refused(t.contributor, { metricId: M.TRAIN_HRS, periodId: Q.Q1.id, value: 3 }, 400, 'metricId', 'TRAIN_HRS is derived from training records and cannot be reported');
      await refused(t.buyer, { organisationId: demo.org.acme, metricId: M.LEAD_TIME, periodId: Q.Q1.id, value: 10 }, 400, 'metricId', 'LEAD_TIME cannot be reported by a customer about its supplier; it is reported by: supplier');
      await refused(t.contributor, { metricId: M.LEAD_TIME, periodId: month.id, value: 10 }, 400, 'periodId', `LEAD_TIME is reported quarterly; ${Y}-01 is a month`);
    });

    it('a firm reports its own figures; a buyer only about its own suppliers', async () => {
      await refused(t.contributor, { organisationId: demo.org.badger, metricId: M.OEE, periodId: Q.Q1.id, value: 70 }, 400, 'organisationId', 'a firm reports figures of its own organisation only');
      await refused(t.contributor, { customerId: demo.org.northstar, metricId: M.OTD, periodId: Q.Q1.id, value: 70 }, 400, 'customerId', 'only a customer reports figures about its suppliers');
      await refused(t.buyer, { organisationId: demo.org.badger, metricId: M.OTD, periodId: Q.Q1.id, value: 90 }, 400, 'organisationId', 'is not a supplier of your organisation (no supply relationship in this consortium)');
      await refused(t.buyer, { metricId: M.OTD, periodId: Q.Q1.id, value: 90 }, 400, 'organisationId', 'is required: the supplier the figure is about');
    });

    it('cross-metric consistency: the cycle time fits in the lead time of the same period', async () => {
      await report(api, t.contributor, { metricId: M.LEAD_TIME, periodId: Q.Q4.id, value: 10 });
      await refused(
        t.contributor,
        { metricId: M.CYCLE_TIME, periodId: Q.Q4.id, value: 300 },
        400,
        'value',
        'CYCLE_TIME (300 hours) cannot exceed LEAD_TIME of the same period (10 days = 240 hours): the cycle time is part of the lead time',
      );
      expect((await report(api, t.contributor, { metricId: M.CYCLE_TIME, periodId: Q.Q4.id, value: 200 })).value).toBe(200);
    });

    it('unknown fields are refused by name, and nothing is written', async () => {
      await refused(t.contributor, { metricId: M.OEE, periodId: Q.Q1.id, value: 70, status: 'validated' }, 400, 'status', 'unknown field');
    });

    it('a second report of the same key is a conflict', async () => {
      const first = await report(api, t.contributor, { metricId: M.TRIR, periodId: Q.Q1.id, numerator: 2, denominator: 100000 });
      expect(first).toMatchObject({ value: 4, numerator: 2, denominator: 100000, status: 'draft', source: 'form', subjectKey: 'self', revision: 1 });
      await refused(t.contributor, { metricId: M.TRIR, periodId: Q.Q1.id, value: 5 }, 409, 'metricId', /already reported/);
    });
  });

  describe('outliers', () => {
    it('a move of more than 3× from the previous period is accepted and flagged for staff', async () => {
      const q1 = await report(api, t.contributor, { metricId: M.PPM, periodId: Q.Q1.id, value: 100, submit: true });
      expect(q1).toMatchObject({ outlier: false, outlierNote: null, status: 'submitted' });
      const q2 = await report(api, t.contributor, { metricId: M.PPM, periodId: Q.Q2.id, numerator: 9, denominator: 20000, submit: true });
      expect(q2).toMatchObject({ value: 450, status: 'submitted', outlier: true });
      expect(q2.outlierNote).toBe(`PPM moved from 100 in ${Y}-Q1 to 450 parts per million, more than 3× its previous value; accepted and flagged for review`);
      const q3 = await report(api, t.contributor, { metricId: M.PPM, periodId: Q.Q3.id, value: 300, submit: true });
      expect(q3.outlier).toBe(false);

      // the staff validation queue: filter by status and outlier flag
      const queue = await call(api, 'GET', `/api/metric-values${q({ filter: { status: 'submitted', outlier: true, organisationId: demo.org.acme, periodId: Q.Q2.id }, range: [0, 99] })}`, { token: t.staff });
      expect(queue.status).toBe(200);
      expect((queue.body as MetricValue[]).map((v) => v.id)).toEqual([q2.id]);
      const calm = await call(api, 'GET', `/api/metric-values${q({ filter: { outlier: false, periodId: Q.Q2.id, metricId: M.PPM } })}`, { token: t.staff });
      expect((calm.body as MetricValue[]).map((v) => v.id)).not.toContain(q2.id);
    });
  });

  describe('revisions', () => {
    let value: MetricValue;

    it('every change is a revision with before/after, who, when and why', async () => {
      value = await report(api, t.contributor, { metricId: M.SETUP_TIME, periodId: Q.Q1.id, value: 50, note: 'first count' });
      const put = await call(api, 'PUT', `/api/metric-values/${value.id}`, { token: t.contributor, body: { ...value, value: 45, reason: 'miscounted one changeover' } });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ value: 45, revision: 2, status: 'draft', note: 'first count' });
      const submitted = await ok<MetricValue>(call(api, 'POST', `/api/metric-values/${value.id}/submit`, { token: t.contributor }));
      expect(submitted).toMatchObject({ status: 'submitted', revision: 3 });

      const revisions = await ok<MetricValueRevision[]>(call(api, 'GET', `/api/metric-values/${value.id}/revisions`, { token: t.admin }));
      expect(revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
      expect(revisions[0]).toMatchObject({ before: null, after: { value: 50, status: 'draft', note: 'first count', source: 'form' }, actorUserId: demo.user.acmeContributor, approval: 'not_needed' });
      expect(revisions[1]).toMatchObject({ before: { value: 50 }, after: { value: 45, status: 'draft' }, reason: 'miscounted one changeover', actorUserId: demo.user.acmeContributor });
      expect(revisions[2]).toMatchObject({ before: { value: 45, status: 'draft' }, after: { value: 45, status: 'submitted' } });
      for (const r of revisions) expect(Date.parse(r.createdAt)).not.toBeNaN();

      // the old figures are still there, nothing was overwritten
      const { rows } = await pool.query<{ value: string }>(`SELECT value::text FROM "MetricValueRevision" WHERE "metricValueId" = $1 ORDER BY revision`, [value.id]);
      expect(rows.map((r) => Number(r.value))).toEqual([50, 45, 45]);
    });

    it('a stale revision is a 409 naming revision, and changes nothing', async () => {
      const res = await watch.expectNone(() => call(api, 'PUT', `/api/metric-values/${value.id}`, { token: t.contributor, body: { revision: 2, value: 40 } }));
      const p = expectProblem(res, 409);
      expect(p.errors).toEqual([{ path: 'revision', message: 'is stale: the current revision is 3' }]);
      const missing = await watch.expectNone(() => call(api, 'PATCH', `/api/metric-values/${value.id}`, { token: t.contributor, body: { value: 40 } }));
      expect(errorPaths(expectProblem(missing, 400))).toContain('revision');
      const outOfRange = await watch.expectNone(() => call(api, 'PATCH', `/api/metric-values/${value.id}`, { token: t.contributor, body: { revision: 3, value: -1 } }));
      expect(expectProblem(outOfRange, 400).detail).toBe('SETUP_TIME must be between 0 and 10,000 minutes; got -1');
    });

    it('validated and rejected values: staff decide, a rejection needs a reason, a change sends the value back', async () => {
      const noReason = await watch.expectNone(() => call(api, 'POST', `/api/metric-values/${value.id}/reject`, { token: t.staff, body: {} }));
      expect(new Set(errorPaths(expectProblem(noReason, 400)))).toEqual(new Set(['reason']));
      const asFirm = await watch.expectNone(() => call(api, 'POST', `/api/metric-values/${value.id}/validate`, { token: t.admin }));
      expectProblem(asFirm, 403);
      const rejected = await ok<MetricValue>(call(api, 'POST', `/api/metric-values/${value.id}/reject`, { token: t.staff, body: { reason: 'includes weekend shifts' } }));
      expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'includes weekend shifts', revision: 4 });
      const again = await watch.expectNone(() => call(api, 'POST', `/api/metric-values/${value.id}/validate`, { token: t.staff }));
      expectProblem(again, 409);
      const fixed = await ok<MetricValue>(call(api, 'PATCH', `/api/metric-values/${value.id}`, { token: t.contributor, body: { revision: 4, value: 42, submit: true } }));
      expect(fixed).toMatchObject({ status: 'submitted', rejectionReason: null, value: 42, revision: 5 });
      const validated = await ok<MetricValue>(call(api, 'POST', `/api/metric-values/${value.id}/validate`, { token: t.staff }));
      expect(validated).toMatchObject({ status: 'validated', validatedById: demo.user.staff, revision: 6 });
      const changed = await ok<MetricValue>(call(api, 'PATCH', `/api/metric-values/${value.id}`, { token: t.contributor, body: { revision: 6, value: 41 } }));
      expect(changed).toMatchObject({ status: 'submitted', validatedAt: null, revision: 7 });
    });

    it('a rejection tells the firm that reported the value, in one message with the reason and its own figures only', async () => {
      const messages = async (subject: string) =>
        (await pool.query<{ to: string; text: string; consortiumId: string }>(`SELECT "to", text, "consortiumId" FROM "OutboxMessage" WHERE subject = $1 ORDER BY "createdAt"`, [subject])).rows;
      // the firm's own figure: its admins and contributors hear of it, not its union representative, not staff
      const own = await report(api, t.contributor, { metricId: M.TRIR, periodId: Q.Q3.id, value: 3.5, note: 'two recordables in the foundry', submit: true });
      const reason = 'Hours worked exclude the temporary staff';
      await ok(call(api, 'POST', `/api/metric-values/${own.id}/reject`, { token: t.staff, body: { reason } }));
      const [mail, ...more] = await messages(`Figure returned: TRIR ${Y}-Q3`);
      expect(more).toEqual([]);
      const to = mail?.to.split(', ') ?? [];
      expect(to).toEqual(expect.arrayContaining([EMAIL.acmeAdmin, EMAIL.acmeContributor]));
      expect(to).not.toContain(EMAIL.union);
      expect(to).not.toContain(EMAIL.staff);
      const { rows: firmPeople } = await pool.query<{ email: string }>(
        `SELECT DISTINCT u.email FROM "RoleAssignment" ra JOIN "User" u ON u.id = ra."userId"
          WHERE ra."consortiumId" = $1 AND ra."organisationId" = $2 AND ra.role IN ('firm_admin', 'firm_contributor', 'customer_buyer') AND u.status <> 'disabled'`,
        [demo.consortium.glmp, demo.org.acme],
      );
      expect([...to].sort()).toEqual(firmPeople.map((r) => r.email).sort());
      expect(mail?.consortiumId).toBe(demo.consortium.glmp);
      expect(mail?.text).toContain(reason);
      expect(mail?.text).toContain('TRIR — ');
      expect(mail?.text).toContain('3.5 per 200,000 hours');
      expect(mail?.text).toContain(`/#/metric-values/${own.id}/show`);
      expect(mail?.text).not.toContain('About:');
      expect(mail?.text).not.toContain('Kowalski'); // who decided stays with the consortium

      // a customer's report about its supplier: the customer hears of it, not the supplier
      const report2 = await report(api, t.buyer, { organisationId: demo.org.acme, metricId: M.PPM, periodId: Q.Q4.id, numerator: 3, denominator: 10000, submit: true });
      await ok(call(api, 'POST', `/api/metric-values/${report2.id}/reject`, { token: t.staff, body: { reason: 'Units of another supplier included' } }));
      const [buyerMail] = await messages(`Figure returned: PPM ${Y}-Q4`);
      expect(buyerMail?.to.split(', ')).toContain(EMAIL.buyer);
      expect(buyerMail?.to).not.toContain(EMAIL.acmeAdmin);
      expect(buyerMail?.text).toContain('About:   Acme Castings');
      expect(buyerMail?.text).toContain('300 parts per million (3 ÷ 10000)');
    });

    it('staff validate many at once and are told which were skipped', async () => {
      const a = await report(api, t.contributor, { metricId: M.OEE, periodId: Q.Q2.id, value: 71, submit: true });
      const b = await report(api, t.contributor, { metricId: M.SCRAP, periodId: Q.Q2.id, numerator: 2, denominator: 100, submit: true });
      const draft = await report(api, t.contributor, { metricId: M.INV_TURNS, periodId: Q.Q3.id, value: 7 });
      const stranger = '0190f0f0-0000-7000-8000-000000000000';
      const res = await ok<ValidateManyResult>(call(api, 'POST', '/api/metric-values/validate-many', { token: t.staff, body: { ids: [a.id, b.id, draft.id, stranger] } }));
      expect(res.validated.sort()).toEqual([a.id, b.id].sort());
      expect(res.skipped).toEqual([
        { id: draft.id, reason: 'is draft, not submitted' },
        { id: stranger, reason: 'not found' },
      ]);
      const one = await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${a.id}`, { token: t.contributor }));
      expect(one).toMatchObject({ status: 'validated', revision: 2, validatedById: demo.user.staff });
      const revisions = await ok<MetricValueRevision[]>(call(api, 'GET', `/api/metric-values/${a.id}/revisions`, { token: t.contributor }));
      expect(revisions[1]).toMatchObject({ before: { status: 'submitted' }, after: { status: 'validated' }, actorUserId: demo.user.staff });
      const { rows } = await pool.query(`SELECT 1 FROM "AuditEvent" WHERE "entityId" = $1 AND action = 'metric_value.validated'`, [a.id]);
      expect(rows).toHaveLength(1);
      expectProblem(await call(api, 'POST', '/api/metric-values/validate-many', { token: t.contributor, body: { ids: [a.id] } }), 403);
    });
  });

  describe('a closed period', () => {
    let value: MetricValue;
    let closed: Period;

    beforeAll(async () => {
      closed = await monthOfGlmp(`${Y}-02`);
      value = await report(api, t.contributor, { metricId: M.OTD, periodId: closed.id, numerator: 47, denominator: 50, submit: true });
      await ok(call(api, 'POST', `/api/metric-values/${value.id}/validate`, { token: t.staff }));
      await ok(call(api, 'POST', `/api/periods/${closed.id}/close`, { token: t.staff }));
      value = await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${value.id}`, { token: t.contributor }));
    });

    it('cannot change in place: a change needs a reason and stays pending until staff approve it', async () => {
      const noReason = await watch.expectNone(() => call(api, 'PATCH', `/api/metric-values/${value.id}`, { token: t.contributor, body: { revision: value.revision, numerator: 48, denominator: 50 } }));
      expect(errorPaths(expectProblem(noReason, 400))).toEqual(['reason']);

      const pending = await ok<MetricValue>(
        call(api, 'PATCH', `/api/metric-values/${value.id}`, { token: t.contributor, body: { revision: value.revision, numerator: 48, denominator: 50, reason: 'one late line was re-dated by the carrier' } }),
      );
      expect(pending).toMatchObject({ value: 94, numerator: 47, revision: value.revision, pendingRevision: value.revision + 1, status: 'validated' });

      const blocked = await watch.expectNone(() => call(api, 'PATCH', `/api/metric-values/${value.id}`, { token: t.contributor, body: { revision: value.revision, value: 99, reason: 'another one' } }));
      expect(expectProblem(blocked, 409).errors?.[0]?.path).toBe('revision');
      expectProblem(await call(api, 'POST', `/api/metric-values/${value.id}/revisions/${value.revision + 1}/approve`, { token: t.admin }), 403);

      const revisions = await ok<MetricValueRevision[]>(call(api, 'GET', `/api/metric-values/${value.id}/revisions`, { token: t.contributor }));
      expect(revisions.at(-1)).toMatchObject({ approval: 'pending', reason: 'one late line was re-dated by the carrier', before: { value: 94 }, after: { value: 96, numerator: 48 } });

      const approved = await ok<MetricValue>(call(api, 'POST', `/api/metric-values/${value.id}/revisions/${value.revision + 1}/approve`, { token: t.staff }));
      expect(approved).toMatchObject({ value: 96, numerator: 48, denominator: 50, revision: value.revision + 1, pendingRevision: null });
      const twice = await call(api, 'POST', `/api/metric-values/${value.id}/revisions/${value.revision + 1}/approve`, { token: t.staff });
      expectProblem(twice, 409);
      const after = await ok<MetricValueRevision[]>(call(api, 'GET', `/api/metric-values/${value.id}/revisions`, { token: t.contributor }));
      expect(after.at(-1)).toMatchObject({ approval: 'approved', decidedById: demo.user.staff });
    });

    it('a declined change leaves the value as it was', async () => {
      const current = await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${value.id}`, { token: t.contributor }));
      const pending = await ok<MetricValue>(call(api, 'PUT', `/api/metric-values/${value.id}`, { token: t.contributor, body: { ...current, value: 99, numerator: null, denominator: null, reason: 'rounded up' } }));
      const declined = await ok<MetricValue>(call(api, 'POST', `/api/metric-values/${value.id}/revisions/${pending.pendingRevision}/decline`, { token: t.staff, body: { reason: 'no evidence' } }));
      expect(declined).toMatchObject({ value: 96, revision: current.revision, pendingRevision: null });
      // the next change is based on the current revision and gets the next free number
      const next = await ok<MetricValue>(call(api, 'PATCH', `/api/metric-values/${value.id}`, { token: t.contributor, body: { revision: current.revision, value: 97, reason: 'recount' } }));
      expect(next.pendingRevision).toBe((pending.pendingRevision ?? 0) + 1);
    });

    it('no new value can be reported for it', async () => {
      await refused(t.contributor, { metricId: M.PPM, periodId: closed.id, value: 10 }, 409, 'periodId', 'is closed');
    });
  });

  describe('customer reports', () => {
    let otd: MetricValue;

    it('a buyer reports OTD about its supplier; the supplier sees it, no other customer does', async () => {
      otd = await report(api, t.buyer, { organisationId: demo.org.acme, metricId: M.OTD, periodId: Q.Q1.id, numerator: 180, denominator: 200, submit: true });
      expect(otd).toMatchObject({ organisationId: demo.org.acme, customerId: demo.org.northstar, subjectKey: demo.org.northstar, value: 90, status: 'submitted' });

      // the supplier reads its customer's report about itself, in the list too
      expect((await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${otd.id}`, { token: t.admin }))).value).toBe(90);
      const listed = await ok<MetricValue[]>(call(api, 'GET', `/api/metric-values${q({ filter: { customerReported: true, periodId: Q.Q1.id } })}`, { token: t.contributor }));
      expect(listed.map((v) => v.id)).toEqual([otd.id]);

      // another customer's buyer and another supplier see nothing
      const lakeview = await pool.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'lakeview-power'`);
      const other = await freshSession(api, t.staff, { role: 'customer_buyer', organisationId: lakeview.rows[0]?.id as string });
      expectProblem(await call(api, 'GET', `/api/metric-values/${otd.id}`, { token: other.token }), 404);
      expect(await ok<MetricValue[]>(call(api, 'GET', `/api/metric-values${q({ filter: { id: [otd.id] } })}`, { token: other.token }))).toEqual([]);
      expectProblem(await call(api, 'GET', `/api/metric-values/${otd.id}`, { token: t.badger }), 404);
      expect(await ok<MetricValue[]>(call(api, 'GET', `/api/metric-values${q({ filter: { periodId: Q.Q1.id } })}`, { token: other.token }))).toEqual([]);
    });

    it('each side changes only what it reported', async () => {
      const own = await report(api, t.contributor, { metricId: M.OTD, periodId: Q.Q1.id, value: 93 });
      // a draft never leaves the firm (an outside attack found it): its customer's buyer does not see it
      expectProblem(await call(api, 'GET', `/api/metric-values/${own.id}`, { token: t.buyer }), 404);
      await ok(call(api, 'POST', `/api/metric-values/${own.id}/submit`, { token: t.contributor }));
      // the buyer sees its supplier's own figure once submitted, but it is not the buyer's to change
      expect((await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${own.id}`, { token: t.buyer }))).value).toBe(93);
      expectProblem(await watch.expectNone(() => call(api, 'PATCH', `/api/metric-values/${own.id}`, { token: t.buyer, body: { revision: 2, value: 50 } })), 403);
      expectProblem(await watch.expectNone(() => call(api, 'PATCH', `/api/metric-values/${otd.id}`, { token: t.admin, body: { revision: otd.revision, value: 99 } })), 403);
      expectProblem(await watch.expectNone(() => call(api, 'POST', `/api/metric-values/${otd.id}/submit`, { token: t.contributor })), 403);
    });

    it('funders, union representatives and trainers read no value at all', async () => {
      for (const token of [t.funder, t.union, t.trainer]) {
        expectProblem(await call(api, 'GET', '/api/metric-values', { token }), 403);
        expectProblem(await call(api, 'GET', `/api/metric-values/${otd.id}`, { token }), 403);
        expectProblem(await call(api, 'GET', `/api/metric-values/${otd.id}/revisions`, { token }), 403);
      }
    });
  });

  describe('bulk push with an API key', () => {
    let key: string;
    const push = (rows: Record<string, unknown>[]) => call(api, 'POST', '/api/metric-values/bulk', { token: key, body: { rows } });

    beforeAll(async () => {
      key = (await createApiKey(api, t.admin, {})).key;
    });

    it('answers per row, and the same payload twice changes nothing the second time', async () => {
      const rows = [
        { period: `${Y}-Q4`, metric: 'OTD', value: 91 },
        { orgCode: 'acme-castings', period: `${Y}-Q4`, metric: 'PPM', numerator: 3, denominator: 10000, note: 'from ERP' },
        { period: `${Y}-Q4`, metric: 'SETUP_TIME', value: '95%' },
        { period: `${Y}-Q4`, metric: 'WIDGETS', value: 1 },
        { orgCode: 'badger-machining', period: `${Y}-Q4`, metric: 'OEE', value: 60 },
        { period: `${Y}-Q9`, metric: 'OEE', value: 60 },
        { period: `${Y}-Q4`, metric: 'OEE', value: 160 },
        { period: `${Y}-Q4`, metric: 'OTD', value: 92 },
        { period: `${Y}-Q4`, metric: 'OEE', value: 60, colour: 'blue' },
      ];
      const first = await ok<BulkRowResult[]>(push(rows));
      expect(first.map((r) => [r.row, r.status])).toEqual([
        [1, 'created'],
        [2, 'created'],
        [3, 'error'],
        [4, 'error'],
        [5, 'error'],
        [6, 'error'],
        [7, 'error'],
        [8, 'error'],
        [9, 'error'],
      ]);
      expect(first[2]?.errors).toEqual([{ path: 'value', message: 'must be a number without units; got "95%"' }]);
      expect(first[3]?.errors).toEqual([{ path: 'metric', message: 'unknown metric "WIDGETS" in this consortium' }]);
      expect(first[4]?.errors).toEqual([{ path: 'orgCode', message: 'must be your own organisation (acme-castings): a firm pushes its own figures only' }]);
      expect(first[5]?.errors).toEqual([{ path: 'period', message: `unknown period "${Y}-Q9" in this consortium` }]);
      expect(first[6]?.errors).toEqual([{ path: 'value', message: 'OEE must be between 0 and 100 %; got 160' }]);
      expect(first[7]?.errors).toEqual([{ path: 'metric', message: 'duplicates row 1 (same organisation, metric, period and customer)' }]);
      expect(first[8]?.errors).toEqual([{ path: 'colour', message: 'unknown field' }]);

      const created = await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${first[1]?.id}`, { token: t.admin }));
      expect(created).toMatchObject({ value: 300, numerator: 3, denominator: 10000, note: 'from ERP', source: 'api', status: 'submitted', revision: 1 });
      const revisions = await ok<MetricValueRevision[]>(call(api, 'GET', `/api/metric-values/${created.id}/revisions`, { token: t.admin }));
      expect(revisions[0]?.actorApiKeyId).toEqual(expect.any(String));

      const second = await watch.expectNone(() => push(rows));
      const again = (second.body as BulkRowResult[]).map((r) => [r.row, r.status, r.id ?? null]);
      expect(again.slice(0, 2)).toEqual([
        [1, 'unchanged', first[0]?.id],
        [2, 'unchanged', first[1]?.id],
      ]);
      expect(again.slice(2).every(([, status]) => status === 'error')).toBe(true);
    });

    it('changes with the current revision, replays are unchanged, stale revisions are refused per row', async () => {
      const update = [{ period: `${Y}-Q4`, metric: 'OTD', value: 93, revision: 1 }];
      const first = await ok<BulkRowResult[]>(push(update));
      expect(first[0]).toMatchObject({ status: 'updated', revision: 2 });
      // the same request again, and the very first push again: both already applied
      expect((await ok<BulkRowResult[]>(watch.expectNone(() => push(update))))[0]).toMatchObject({ status: 'unchanged', revision: 2 });
      expect((await ok<BulkRowResult[]>(watch.expectNone(() => push([{ period: `${Y}-Q4`, metric: 'OTD', value: 91 }]))))[0]).toMatchObject({ status: 'unchanged' });
      const stale = await ok<BulkRowResult[]>(watch.expectNone(() => push([{ period: `${Y}-Q4`, metric: 'OTD', value: 80, revision: 1 }])));
      expect(stale[0]).toMatchObject({ status: 'error', errors: [{ path: 'revision', message: 'is stale: the current revision is 2' }] });
      const noRevision = await ok<BulkRowResult[]>(watch.expectNone(() => push([{ period: `${Y}-Q4`, metric: 'OTD', value: 80 }])));
      expect(noRevision[0]?.errors).toEqual([{ path: 'revision', message: 'a value exists already (revision 2); send revision 2 to change it' }]);
      const revisions = await ok<MetricValueRevision[]>(call(api, 'GET', `/api/metric-values/${first[0]?.id}/revisions`, { token: t.admin }));
      expect(revisions.map((r) => [r.before?.value ?? null, r.after.value])).toEqual([
        [null, 91],
        [91, 93],
      ]);
    });

    it('checks cross-metric consistency within the payload and against stored values', async () => {
      // two rows that contradict each other are both refused
      const res = await ok<BulkRowResult[]>(
        watch.expectNone(() =>
          push([
            { period: `${Y}-Q3`, metric: 'LEAD_TIME', value: 5 },
            { period: `${Y}-Q3`, metric: 'CYCLE_TIME', value: 130 },
          ]),
        ),
      );
      expect(res.map((r) => r.errors)).toEqual([
        [{ path: 'value', message: 'LEAD_TIME (5 days = 120 hours) cannot be shorter than CYCLE_TIME of the same period (130 hours): the cycle time is part of the lead time' }],
        [{ path: 'value', message: 'CYCLE_TIME (130 hours) cannot exceed LEAD_TIME of the same period (5 days = 120 hours): the cycle time is part of the lead time' }],
      ]);
      expect((await ok<BulkRowResult[]>(push([{ period: `${Y}-Q3`, metric: 'LEAD_TIME', value: 5 }])))[0]?.status).toBe('created');
      const stored = await ok<BulkRowResult[]>(watch.expectNone(() => push([{ period: `${Y}-Q3`, metric: 'CYCLE_TIME', value: 121 }])));
      expect(stored[0]?.errors?.[0]?.message).toBe('CYCLE_TIME (121 hours) cannot exceed LEAD_TIME of the same period (5 days = 120 hours): the cycle time is part of the lead time');
      expect((await ok<BulkRowResult[]>(push([{ period: `${Y}-Q3`, metric: 'CYCLE_TIME', value: 120 }])))[0]?.status).toBe('created');
    });

    it('refuses a payload that is not rows, or too many rows, as a whole', async () => {
      expectProblem(await watch.expectNone(() => call(api, 'POST', '/api/metric-values/bulk', { token: key, body: { rows: [] } })), 400);
      expectProblem(await watch.expectNone(() => call(api, 'POST', '/api/metric-values/bulk', { token: key, body: { rows: ['x'] } })), 400);
      expectProblem(await watch.expectNone(() => call(api, 'POST', '/api/metric-values/bulk', { token: key, body: [] })), 400);
    });

    it('a buyer pushes its reports about its suppliers; staff push for any member', async () => {
      const res = await ok<BulkRowResult[]>(
        call(api, 'POST', '/api/metric-values/bulk', {
          token: t.buyer,
          body: { rows: [{ orgCode: 'acme-castings', period: `${Y}-Q2`, metric: 'PPM', value: 120 }, { orgCode: 'badger-machining', period: `${Y}-Q2`, metric: 'PPM', value: 10 }] },
        }),
      );
      expect(res.map((r) => r.status)).toEqual(['created', 'error']);
      expect(res[1]?.errors).toEqual([{ path: 'orgCode', message: 'must be one of your suppliers: an organisation with a supply relationship with northstar-engines in this consortium' }]);
      const v = await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${res[0]?.id}`, { token: t.admin }));
      expect(v).toMatchObject({ customerId: demo.org.northstar, value: 120 });
      const staff = await ok<BulkRowResult[]>(call(api, 'POST', '/api/metric-values/bulk', { token: t.staff, body: { rows: [{ orgCode: 'badger-machining', period: `${Y}-Q2`, metric: 'OEE', value: 55 }] } }));
      expect(staff[0]?.status).toBe('created');
    });
  });

  describe('baselines and goals', () => {
    it('every listing shows improvement since baseline and distance to goal, oriented so positive is better', async () => {
      const q1 = await report(api, t.contributor, { metricId: M.INV_TURNS, periodId: Q.Q1.id, value: 4, submit: true });
      await ok(call(api, 'POST', `/api/metric-values/${q1.id}/validate`, { token: t.staff }));
      const q2 = await report(api, t.contributor, { metricId: M.INV_TURNS, periodId: Q.Q2.id, value: 5 });
      // no goal yet: the baseline is the firm's first validated period
      expect(await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${q2.id}`, { token: t.admin }))).toMatchObject({ baselineValue: 4, improvementSinceBaseline: 25, goalValue: null, distanceToGoal: null });

      const goal = await ok<{ baselinePeriodId: string; baselineValue: number }>(call(api, 'POST', '/api/metric-goals', { token: t.admin, body: { metricId: M.INV_TURNS, goalValue: 6, goalDate: `${Y + 2}-12-31` } }), 201);
      expect(goal).toMatchObject({ baselinePeriodId: Q.Q1.id, baselineValue: 4 });
      const listed = await ok<MetricValue[]>(call(api, 'GET', `/api/metric-values${q({ filter: { metricId: M.INV_TURNS, organisationId: demo.org.acme, periodId: Q.Q2.id } })}`, { token: t.contributor }));
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ id: q2.id, baselineValue: 4, goalValue: 6, improvementSinceBaseline: 25, distanceToGoal: 1 });

      // lower is better: a drop in setup time is an improvement
      const s1 = await report(api, t.contributor, { metricId: M.SETUP_TIME, periodId: Q.Q2.id, value: 40, submit: true });
      await ok(call(api, 'POST', `/api/metric-goals`, { token: t.staff, body: { organisationId: demo.org.acme, metricId: M.SETUP_TIME, baselineValue: 50, goalValue: 30 } }), 201);
      expect(await ok<MetricValue>(call(api, 'GET', `/api/metric-values/${s1.id}`, { token: t.admin }))).toMatchObject({ baselineValue: 50, improvementSinceBaseline: 20, goalValue: 30, distanceToGoal: 10 });
    });

    it('goals are checked against the metric range and one per firm and metric', async () => {
      const bad = await watch.expectNone(() => call(api, 'POST', '/api/metric-goals', { token: t.admin, body: { metricId: M.OTD, goalValue: 120 } }));
      expect(expectProblem(bad, 400).errors).toEqual([{ path: 'goalValue', message: 'OTD must be between 0 and 100 %; got 120' }]);
      expectProblem(await watch.expectNone(() => call(api, 'POST', '/api/metric-goals', { token: t.admin, body: { metricId: M.INV_TURNS, goalValue: 7 } })), 409);
      expectProblem(await watch.expectNone(() => call(api, 'POST', '/api/metric-goals', { token: t.contributor, body: { metricId: M.OEE, goalValue: 80 } })), 403);
      expectProblem(await watch.expectNone(() => call(api, 'POST', '/api/metric-goals', { token: t.admin, body: { organisationId: demo.org.badger, metricId: M.OEE, goalValue: 80 } })), 400);
    });
  });

  it('records every change in the audit trail', async () => {
    const { rows } = await pool.query<{ action: string }>(
      `SELECT DISTINCT action FROM "AuditEvent" WHERE "entityType" = 'MetricValue' AND "consortiumId" = $1 ORDER BY action`,
      [demo.consortium.glmp],
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'metric_value.created',
        'metric_value.updated',
        'metric_value.submitted',
        'metric_value.validated',
        'metric_value.rejected',
        'metric_value.revision_requested',
        'metric_value.revision_approved',
        'metric_value.revision_declined',
      ]),
    );
  });
});
