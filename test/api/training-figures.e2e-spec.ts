process.env.LOG_LEVEL ??= 'silent';
import type { Pool } from 'pg';
import type { TrainingFigures } from '@tandem/contracts';
import { call, q, startApi, type TestApi } from './support/api';
import { AUTHZ_ROLES, signInRoles, type AuthzRole } from './support/authz';
import { dbPool, errorPaths, expectProblem, expectStatus, loadDemo, type Demo } from './support/fixtures';

jest.setTimeout(90_000);

/**
 * Training spend vs payroll: per firm (its own, staff every one, a union the firms it
 * represents without payroll or wages) and the consortium's totals and wage gains under
 * disclosure control. Years far from the seed's, written straight into PostgreSQL.
 *
 * 2089, hand-computed. Acme: workforce 10 frontline, $1 000 000 payroll; a session of 8 h at
 * $500 a seat with 4 frontline enrolments (32 h, $2 000), the same session logged in bulk
 * with 10 participants (80 h, $5 000: 6 uncovered → 48 h, $3 000) and a bulk activity of
 * 5 × 4 h, $1 000 → 100 h, $6 000 → 10 h per frontline worker, 0.6 % of payroll; two of its
 * enrolments earned a confirmed wage step of $2.50 an hour each. Five more firms: 10 × 10 h,
 * $2 000, 10 frontline, $500 000 payroll, one step of $1.00 each. Consortium: 600 h,
 * $16 000, $3 500 000 → 0.46 %, 600 h ÷ 60 = 10 h per worker; 7 steps, $10.00, mean $1.43.
 * 2088: Acme and two firms trained: too few for anyone but staff.
 */
const ROLES = AUTHZ_ROLES;
type Role = AuthzRole;

// prettier-ignore
const TABLE: Record<string, Record<Role, number>> = {
  // the platform admin belongs to no consortium: there is none to add up (403, as for talent circulation)
  'GET /api/training-figures': { platform: 403, staff: 200, firmAdmin: 200, contributor: 200, apiKey: 200, buyer: 200, union: 200, trainer: 200, funder: 200, fvsnStaff: 200 },
};

const SECRET_NAME = 'Philippa Wagestone';

describe('training figures', () => {
  let api: TestApi;
  let pool: Pool;
  let demo: Demo;
  let tokens: Record<Role, string>;
  const others: string[] = [];
  let curriculum: string;

  async function one(sql: string, params: unknown[]): Promise<string> {
    const { rows } = await pool.query<{ id: string }>(sql, params);
    return rows[0]?.id as string;
  }
  const member = async (name: string): Promise<string> => {
    const id = await one(`INSERT INTO "Organisation" (id, code, name, kind, "updatedAt") VALUES (gen_random_uuid(), 'tf-' || gen_random_uuid(), $1, 'supplier', now()) RETURNING id`, [name]);
    await pool.query(`INSERT INTO "Membership" (id, "consortiumId", "organisationId", tier, status, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'supplier', 'active', now())`, [demo.consortium.glmp, id]);
    return id;
  };
  const workforce = (org: string, year: number, headcount: number, payroll: number) =>
    pool.query(`INSERT INTO "WorkforceYear" (id, "consortiumId", "organisationId", year, "frontlineHeadcount", payroll, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now())`, [
      demo.consortium.glmp,
      org,
      year,
      headcount,
      payroll,
    ]);
  const activity = (org: string, on: string, participants: number, hours: number, cost: number, session: string | null = null) =>
    pool.query(
      `INSERT INTO "TrainingActivity" (id, "consortiumId", "organisationId", "occurredOn", "sessionId", "skillArea", participants, "hoursPerParticipant", cost, frontline, "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3::date, $4, 'lean', $5, $6, $7, true, now())`,
      [demo.consortium.glmp, org, on, session, participants, hours, cost],
    );
  const sessionOn = (startsOn: string, costPerSeat: number) =>
    one(
      `INSERT INTO "CourseSession" (id, "consortiumId", "curriculumId", "providerOrganisationId", "startsOn", "endsOn", hours, location, capacity, "costPerSeat", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4::date, $4::date, 8, 'Lakeshore campus', 40, $5, now()) RETURNING id`,
      [demo.consortium.glmp, curriculum, demo.org.lakeshore, startsOn, costPerSeat],
    );
  /** An enrolment of a new frontline trainee of `org`; with a confirmed wage step when `gain` is given. */
  const enrol = async (org: string, sessionId: string, hours: number, gain?: { before: number; after: number; on: string }) => {
    const t = await one(
      `INSERT INTO "Trainee" (id, "consortiumId", "employerOrganisationId", "firstName", "lastName", frontline, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, true, now()) RETURNING id`,
      [demo.consortium.glmp, org, SECRET_NAME.split(' ')[0], SECRET_NAME.split(' ')[1]],
    );
    await pool.query(
      `INSERT INTO "Enrolment" (id, "consortiumId", "sessionId", "traineeId", "organisationId", status, "hoursAttended", "wageBefore", "wageAfter", "wageStepConfirmedAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 'completed', $5, $6, $7, $8::timestamp, now())`,
      [demo.consortium.glmp, sessionId, t, org, hours, gain?.before ?? null, gain?.after ?? null, gain?.on ?? null],
    );
  };

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    demo = await loadDemo(pool);
    tokens = await signInRoles(api, ROLES);

    curriculum = await one(
      `INSERT INTO "Curriculum" (id, "consortiumId", "ownerOrganisationId", title, "skillArea", hours, level, shared, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Setup reduction', 'lean', 8, 'introductory', true, now()) RETURNING id`,
      [demo.consortium.glmp, demo.org.lakeshore],
    );
    // Acme, 2089
    await workforce(demo.org.acme, 2089, 10, 1_000_000);
    const s = await sessionOn('2089-03-01', 500);
    for (let i = 0; i < 4; i += 1) await enrol(demo.org.acme, s, 8, i < 2 ? { before: 20, after: 22.5, on: '2089-05-01' } : undefined);
    await activity(demo.org.acme, '2089-03-01', 10, 8, 5000, s);
    await activity(demo.org.acme, '2089-04-15', 5, 4, 1000);
    // five more firms, 2089; two of them also train in 2088 (with Acme: three)
    const later = await sessionOn('2089-09-01', 0);
    for (let i = 1; i <= 5; i += 1) {
      const id = await member(`Training figures firm ${i}`);
      others.push(id);
      await workforce(id, 2089, 10, 500_000);
      await activity(id, '2089-06-01', 10, 10, 2000);
      // the enrolment's session costs nothing and its hours are not frontline training of the year's total: 0 h
      await enrol(id, later, 0, { before: 18, after: 19, on: '2089-10-01' });
      if (i <= 2) await activity(id, '2088-06-01', 1, 1, 100);
    }
    await activity(demo.org.acme, '2088-06-01', 1, 1, 100);
  });

  afterAll(async () => {
    await pool.end();
    await api.close();
  });

  const read = async (role: Role, year: number): Promise<TrainingFigures> => {
    const res = await call(api, 'GET', `/api/training-figures${q({ year })}`, { token: tokens[role] });
    expectStatus(res, 200);
    expect(JSON.stringify(res.body)).not.toMatch(/Philippa|Wagestone/);
    return res.body as TrainingFigures;
  };

  const ACME = { hours: 100, frontlineHours: 100, spend: 6000, sessions: 1, enrolments: 4, completions: 4 };
  const ACME_FULL = { ...ACME, frontlineHeadcount: 10, payroll: 1_000_000, hoursPerFrontlineWorker: 10, spendPctOfPayroll: 0.6, wageSteps: 2, meanHourlyGain: 2.5 };
  const CONSORTIUM = { firms: 6, hours: 600, spend: 16_000, payroll: 3_500_000, hoursPerFrontlineWorker: 10, spendPctOfPayroll: 0.46 };
  const WAGES = { firms: 6, wageSteps: 7, totalHourlyGain: 10, meanHourlyGain: 1.43 };
  // outside staff: ratios and counts of firms only (two years' totals differ by the firms in them)
  const CONSORTIUM_SHOWN = { ...CONSORTIUM, hours: null, spend: null, payroll: null };
  const WAGES_SHOWN = { ...WAGES, wageSteps: null, totalHourlyGain: null };

  it('staff read every firm’s hours, spend and payroll without double counting, and the consortium’s (hand-computed)', async () => {
    const f = await read('staff', 2089);
    const byId = new Map(f.firms.map((x) => [x.organisationId, x]));
    expect(byId.get(demo.org.acme)).toMatchObject(ACME_FULL);
    for (const id of others) expect(byId.get(id)).toMatchObject({ hours: 100, spend: 2000, payroll: 500_000, spendPctOfPayroll: 0.4, wageSteps: 1, meanHourlyGain: 1 });
    expect(f.consortium).toEqual({ training: CONSORTIUM, trainingWithheld: null, trainingWithheldMessage: null, wageGains: WAGES, wageGainsWithheld: null, wageGainsWithheldMessage: null });
  });

  it('a firm reads its own row in full and the consortium’s figures, which five other firms make', async () => {
    for (const role of ['firmAdmin', 'contributor', 'apiKey'] as const) {
      const f = await read(role, 2089);
      expect(f.firms).toEqual([{ organisationId: demo.org.acme, organisationName: expect.any(String), ...ACME_FULL }]);
      expect(f.consortium).toMatchObject({ training: CONSORTIUM_SHOWN, wageGains: WAGES_SHOWN });
    }
  });

  it('a union representative reads its represented firms’ training, never their payroll, ratios or wages', async () => {
    const f = await read('union', 2089);
    const acme = f.firms.find((x) => x.organisationId === demo.org.acme);
    expect(acme).toMatchObject({ ...ACME, frontlineHeadcount: null, payroll: null, hoursPerFrontlineWorker: null, spendPctOfPayroll: null, wageSteps: null, meanHourlyGain: null });
    expect(f.firms.some((x) => others.includes(x.organisationId))).toBe(false);
    expect(f.consortium.training).toEqual(CONSORTIUM_SHOWN);
  });

  it('funders, trainers and buyers read the consortium’s figures and no firm', async () => {
    for (const role of ['funder', 'trainer', 'buyer'] as const) {
      const f = await read(role, 2089);
      expect(f.firms).toEqual([]);
      expect(f.consortium).toMatchObject({ training: CONSORTIUM_SHOWN, wageGains: WAGES_SHOWN });
    }
  });

  it('withholds figures of fewer than k firms the reader does not already see, from everyone but staff', async () => {
    expect((await read('staff', 2088)).consortium.training).toMatchObject({ firms: 3, hours: 3 });
    const withheld = { training: null, trainingWithheld: 'fewer_than_k', trainingWithheldMessage: 'fewer than 5 peers', wageGains: null, wageGainsWithheld: 'fewer_than_k', wageGainsWithheldMessage: 'fewer than 5 peers' };
    for (const role of ['funder', 'firmAdmin', 'union'] as const) expect((await read(role, 2088)).consortium).toEqual(withheld);
    // 2089 has six firms with a wage step: a firm knows its own, so five are left, enough; Acme's own two steps are in its own row only
    expect((await read('firmAdmin', 2089)).consortium.wageGainsWithheld).toBeNull();
  });

  it('another consortium’s staff add up nothing of glmp', async () => {
    const f = await read('fvsnStaff', 2089);
    expect(f.firms.filter((x) => x.organisationId === demo.org.acme || others.includes(x.organisationId))).toEqual([]);
    expect(f.consortium.training?.hours ?? 0).toBe(0);
  });

  it('refuses a missing or impossible year, naming it', async () => {
    for (const query of ['', '?year=abc', '?year=1999', '?year=2089.5', '?year=2089&other=1']) {
      const p = expectProblem(await call(api, 'GET', `/api/training-figures${query}`, { token: tokens.staff }), 400);
      expect(errorPaths(p).length).toBeGreaterThan(0);
    }
  });

  it('a training record written through the API asks for the derived metrics to be computed again; a refused one does not', async () => {
    const count = async () => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "BackgroundJob" WHERE name = 'training-figures.derive' AND "consortiumId" = $1`, [demo.consortium.glmp])).rows[0]?.n);
    const before = await count();
    expectProblem(await call(api, 'POST', '/api/workforce-years', { token: tokens.firmAdmin, body: { year: 2087, frontlineHeadcount: -1, payroll: 1 } }), 400);
    expect(await count()).toBe(before);
    expectStatus(await call(api, 'POST', '/api/workforce-years', { token: tokens.firmAdmin, body: { year: 2087, frontlineHeadcount: 12, payroll: 600_000 } }), 201);
    expect(await count()).toBeGreaterThan(before);
  });

  it('never takes a derived metric typed in: form, ERP push and change are each refused naming the metric', async () => {
    const metric = await one(`SELECT id FROM "MetricDefinition" WHERE "consortiumId" = $1 AND code = 'TRAIN_SPEND'`, [demo.consortium.glmp]);
    const period = (await pool.query<{ id: string; code: string }>(`SELECT id, code FROM "Period" WHERE "consortiumId" = $1 AND kind = 'quarter' AND state = 'open' ORDER BY "startsOn" LIMIT 1`, [demo.consortium.glmp])).rows[0];
    if (!period) throw new Error('glmp has no open quarter');
    const message = 'TRAIN_SPEND is derived from training records and cannot be reported';
    const p = expectProblem(await call(api, 'POST', '/api/metric-values', { token: tokens.contributor, body: { metricId: metric, periodId: period.id, value: 2 } }), 400);
    expect(p.errors).toContainEqual({ path: 'metricId', message });
    const pushed = await call(api, 'POST', '/api/metric-values/bulk', { token: tokens.apiKey, body: { rows: [{ period: period.code, metric: 'TRAIN_SPEND', value: 2 }] } });
    expectStatus(pushed, 200);
    expect(pushed.body).toEqual([expect.objectContaining({ status: 'error', errors: [expect.objectContaining({ message })] })]);
    const derived = (await pool.query<{ id: string; revision: number }>(`SELECT v.id, v.revision FROM "MetricValue" v WHERE v."metricId" = $1 AND v."organisationId" = $2 AND v.source = 'derived' LIMIT 1`, [metric, demo.org.acme])).rows[0];
    if (derived) {
      const changed = expectProblem(await call(api, 'PUT', `/api/metric-values/${derived.id}`, { token: tokens.firmAdmin, body: { value: 9, revision: derived.revision, reason: 'typed in' } }), 400);
      expect(changed.errors).toContainEqual({ path: 'metricId', message });
    }
  });

  it('the seed’s training metrics are derived from its records and enter benchmarks like any validated value', async () => {
    const [row] = (
      await pool.query<{ derived: string; typed: string; cells: string }>(
        `SELECT count(*) FILTER (WHERE v.source = 'derived' AND v.status = 'validated') AS derived, count(*) FILTER (WHERE v.source <> 'derived') AS typed,
                (SELECT count(*) FROM "BenchmarkCell" c WHERE c."metricId" = ANY (array_agg(DISTINCT m.id))) AS cells
           FROM "MetricValue" v JOIN "MetricDefinition" m ON m.id = v."metricId"
          WHERE v."consortiumId" = $1 AND m.code IN ('TRAIN_HRS', 'TRAIN_SPEND')`,
        [demo.consortium.glmp],
      )
    ).rows;
    expect(Number(row?.derived)).toBeGreaterThan(0);
    expect(Number(row?.typed)).toBe(0);
    expect(Number(row?.cells)).toBeGreaterThan(0);
  });

  describe('authorization table', () => {
    const rows = Object.entries(TABLE).flatMap(([route, byRole]) => ROLES.map((role) => ({ route, role, expected: byRole[role] })));
    it.each(rows)('$route as $role → $expected', async ({ route, role, expected }) => {
      const [method, path] = route.split(' ') as [string, string];
      const res = await call(api, method, `${path}${q({ year: 2089 })}`, { token: tokens[role] });
      expect(res.status).toBe(expected);
      if (res.status >= 300) expect(res.contentType).toContain('application/problem+json');
    });
  });
});
