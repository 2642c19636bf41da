process.env.LOG_LEVEL ??= 'silent';
import type { Pool } from 'pg';
import { FEEDBACK_QUESTIONS, type CustomerFeedback, type CustomerFeedbackSummary, type Period } from '@tandem/contracts';
import { call, q, startApi, type Call, type TestApi } from './support/api';
import { dbPool, errorPaths, expectProblem, expectStatus, loadDemo, type Demo } from './support/fixtures';
import { signInRoles } from './support/authz';
import { freeYear, freshSession, generateQuarters } from './support/performance';

jest.setTimeout(90_000);

/**
 * Suppliers' voice: a supplier rates each of its customers per period; nobody but
 * that supplier reads an answer; everyone else reads aggregates under disclosure control,
 * once the period no longer collects answers.
 *
 * Demo relationships used: Acme Castings supplies Northstar Engines (the demo buyer) and
 * Prairie Harvest; Menomonee Controls is Badger Machining's customer, not Acme's. Summary
 * data is written straight into PostgreSQL for a closed period of a year no other file uses.
 */
const ROLES = ['platform', 'staff', 'firmAdmin', 'contributor', 'apiKey', 'buyer', 'union', 'trainer', 'funder', 'fvsnStaff'] as const;
type Role = (typeof ROLES)[number];
type Target = 'own' | 'other-firm' | 'other-consortium';
type Triple = [number | null, number | null, number | null];

const F3: Triple = [403, 403, 403];
const NOT_A_SUPPLIER = { platform: F3, staff: F3, buyer: F3, union: F3, trainer: F3, funder: F3, fvsnStaff: F3 };
const FIRM: Triple = [200, 404, 404];

/**
 * Route × role × target. Targets of an answer: Acme's, Badger's (glmp), Fox Cities Gear's
 * (fvsn). A create's target is whose customer it names (Acme's own, Badger's, one in fvsn):
 * a customer that is not the firm's own is a 400 naming customerId, as for a missing one.
 * The summary's targets: a closed glmp period, none, a closed fvsn period.
 */
// prettier-ignore
const TABLE: Record<string, Record<Role, Triple>> = {
  'GET /api/customer-feedback':          { ...NOT_A_SUPPLIER, firmAdmin: [200, null, null], contributor: [200, null, null], apiKey: [200, null, null] },
  'GET /api/customer-feedback/:id':      { ...NOT_A_SUPPLIER, firmAdmin: FIRM, contributor: FIRM, apiKey: FIRM },
  'POST /api/customer-feedback':         { ...NOT_A_SUPPLIER, firmAdmin: [201, 400, 400], contributor: [201, 400, 400], apiKey: [201, 400, 400] },
  'PATCH /api/customer-feedback/:id':    { ...NOT_A_SUPPLIER, firmAdmin: FIRM, contributor: FIRM, apiKey: FIRM },
  'PUT /api/customer-feedback/:id':      { ...NOT_A_SUPPLIER, firmAdmin: FIRM, contributor: FIRM, apiKey: FIRM },
  'DELETE /api/customer-feedback/:id':   { ...NOT_A_SUPPLIER, firmAdmin: FIRM, contributor: FIRM, apiKey: FIRM },
  'GET /api/customer-feedback/summary':  {
    platform: [200, null, 200], staff: [200, null, 404], firmAdmin: [200, null, 404], contributor: [200, null, 404], apiKey: [200, null, 404],
    buyer: [200, null, 404], union: [403, null, 403], trainer: [403, null, 403], funder: [200, null, 404], fvsnStaff: [404, null, 200],
  },
};

const SCORES = { forecastStability: 4, paymentOnTime: 3, rebidThreat: 5, helpReceived: 2, wouldRecommend: 4 };

describe('customer feedback (suppliers’ voice)', () => {
  let api: TestApi;
  let pool: Pool;
  let demo: Demo;
  const tokens = {} as Record<Role, string>;
  const org = {} as Record<'prairie' | 'menomonee' | 'foxCustomer', string>;
  /** Q1: collecting answers; Q2: closed, summary data; Q3: reopened after a close */
  let collectingPeriod: Period;
  let closedPeriod: Period;
  let reopenedPeriod: Period;
  let fvsnPeriod: string;
  /** answers that the read/change rows act on */
  const answer = {} as Record<Target, string>;
  const others: string[] = [];

  const orgId = async (code: string): Promise<string> => (await pool.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = $1`, [code])).rows[0]?.id as string;
  const count = async (): Promise<number> => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "CustomerFeedback"`)).rows[0]?.n);

  async function insertAnswer(periodId: string, consortiumId: string, supplierId: string, customerId: string, score: number): Promise<string> {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO "CustomerFeedback" (id, "consortiumId", "periodId", "supplierId", "customerId", "forecastStability", "paymentOnTime", "rebidThreat", "helpReceived", "wouldRecommend", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $5, $5, $5, $5, now())
       ON CONFLICT ("periodId", "supplierId", "customerId") DO UPDATE SET "updatedAt" = now() RETURNING id`,
      [consortiumId, periodId, supplierId, customerId, score],
    );
    return rows[0]?.id as string;
  }

  async function newOrganisation(kind: 'supplier' | 'customer', name: string): Promise<string> {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO "Organisation" (id, code, name, kind, "updatedAt") VALUES (gen_random_uuid(), 'cf-' || gen_random_uuid(), $1, $2, now()) RETURNING id`,
      [name, kind],
    );
    return rows[0]?.id as string;
  }

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    demo = await loadDemo(pool);
    org.prairie = await orgId('prairie-harvest');
    org.menomonee = await orgId('menomonee-controls');
    Object.assign(tokens, await signInRoles(api, ROLES));

    const year = await freeYear(pool);
    const quarters = await generateQuarters(api, tokens.staff, year);
    collectingPeriod = quarters.Q1 as Period;
    closedPeriod = quarters.Q2 as Period;
    reopenedPeriod = quarters.Q3 as Period;
    await pool.query(`UPDATE "Period" SET state = 'closed', "closedAt" = now() WHERE id = $1`, [closedPeriod.id]);
    await pool.query(`UPDATE "Period" SET state = 'open', "reopenCount" = 1, "reopenedAt" = now() WHERE id = $1`, [reopenedPeriod.id]);

    // fvsn: a closed period and an answer of Fox Cities Gear about a customer of its own
    org.foxCustomer = await newOrganisation('customer', 'Fox Valley Buyer');
    await pool.query(`INSERT INTO "Membership" (id, "consortiumId", "organisationId", tier, status, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'anchor_customer', 'active', now())`, [demo.consortium.fvsn, org.foxCustomer]);
    await pool.query(
      `INSERT INTO "SupplyRelationship" (id, "consortiumId", "customerId", "supplierId", since, commodity, "spendBand", "sourcingMode", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, DATE '2024-01-01', 'gears', '1-5M', 'multi_year', now())`,
      [demo.consortium.fvsn, org.foxCustomer, demo.org.fox],
    );
    const fvsnYear = year; // periods are per consortium: the same year is free in fvsn too
    const fvsnQuarters = await generateQuarters(api, tokens.fvsnStaff, fvsnYear);
    fvsnPeriod = (fvsnQuarters.Q1 as Period).id;
    await pool.query(`UPDATE "Period" SET state = 'closed', "closedAt" = now() WHERE id = $1`, [fvsnPeriod]);
    answer['other-consortium'] = await insertAnswer(fvsnPeriod, demo.consortium.fvsn, demo.org.fox, org.foxCustomer, 3);
    answer['other-firm'] = await insertAnswer(collectingPeriod.id, demo.consortium.glmp, demo.org.badger, org.menomonee, 3);

    // The closed period's answers. Acme answers 2 about Northstar and Prairie Harvest; five
    // other suppliers S1…S5 answer their number about Northstar, S1…S4 about Prairie Harvest,
    // S1…S5 about three more customers, and S1…S3 about Menomonee Controls.
    for (let i = 1; i <= 5; i += 1) others.push(await newOrganisation('supplier', `Feedback supplier ${i}`));
    const extra = [await newOrganisation('customer', 'Feedback customer X1'), await newOrganisation('customer', 'Feedback customer X2'), await newOrganisation('customer', 'Feedback customer X3')];
    const g = demo.consortium.glmp;
    await insertAnswer(closedPeriod.id, g, demo.org.acme, demo.org.northstar, 2);
    await insertAnswer(closedPeriod.id, g, demo.org.acme, org.prairie, 2);
    for (const [i, s] of others.entries()) {
      await insertAnswer(closedPeriod.id, g, s, demo.org.northstar, i + 1);
      if (i < 4) await insertAnswer(closedPeriod.id, g, s, org.prairie, i + 1);
      for (const x of extra) await insertAnswer(closedPeriod.id, g, s, x, i + 1);
      if (i < 3) await insertAnswer(closedPeriod.id, g, s, org.menomonee, i + 1);
    }
  });

  afterAll(async () => {
    await pool.end();
    await api.close();
  });

  const post = (token: string, body: Record<string, unknown>): Promise<Call> => call(api, 'POST', '/api/customer-feedback', { token, body });
  const summary = async (token: string, periodId: string): Promise<CustomerFeedbackSummary> => {
    const res = await call(api, 'GET', `/api/customer-feedback/summary${q({ periodId })}`, { token });
    expectStatus(res, 200);
    return res.body as CustomerFeedbackSummary;
  };

  describe('a supplier answers about its own customers while the period collects', () => {
    let mine: CustomerFeedback;

    it('records an answer and lists it to the firm only', async () => {
      await pool.query(`DELETE FROM "CustomerFeedback" WHERE "periodId" = $1 AND "supplierId" = $2`, [collectingPeriod.id, demo.org.acme]);
      const res = await post(tokens.firmAdmin, { periodId: collectingPeriod.id, customerId: demo.org.northstar, ...SCORES });
      expectStatus(res, 201);
      mine = res.body as CustomerFeedback;
      expect(mine).toMatchObject({ supplierId: demo.org.acme, customerId: demo.org.northstar, ...SCORES });
      const list = await call(api, 'GET', `/api/customer-feedback${q({ filter: { periodId: collectingPeriod.id } })}`, { token: tokens.contributor });
      expectStatus(list, 200);
      expect((list.body as CustomerFeedback[]).map((f) => f.id)).toEqual([mine.id]);
    });

    it('refuses a second answer about the same customer, and changes the first', async () => {
      const before = await count();
      expectProblem(await post(tokens.firmAdmin, { periodId: collectingPeriod.id, customerId: demo.org.northstar, ...SCORES }), 409);
      expect(await count()).toBe(before);
      const res = await call(api, 'PATCH', `/api/customer-feedback/${mine.id}`, { token: tokens.firmAdmin, body: { paymentOnTime: 1 } });
      expectStatus(res, 200);
      expect(res.body).toMatchObject({ paymentOnTime: 1, forecastStability: SCORES.forecastStability });
    });

    it('refuses bad input naming every bad field, and writes nothing', async () => {
      const before = await count();
      const cases: [Record<string, unknown>, string[]][] = [
        [{ periodId: collectingPeriod.id, customerId: org.prairie, ...SCORES, forecastStability: 0, paymentOnTime: 6, rebidThreat: 2.5, helpReceived: '3', wouldRecommend: null }, FEEDBACK_QUESTIONS.slice()],
        [{ periodId: collectingPeriod.id, customerId: org.menomonee, ...SCORES }, ['customerId']],
        [{ periodId: fvsnPeriod, customerId: org.menomonee, ...SCORES }, ['customerId', 'periodId']],
        [{ periodId: 'not-an-id', customerId: org.prairie, ...SCORES }, ['periodId']],
        [{ periodId: collectingPeriod.id, customerId: org.prairie, ...SCORES, supplierId: demo.org.badger }, ['supplierId']],
        [{ periodId: collectingPeriod.id, customerId: org.prairie }, FEEDBACK_QUESTIONS.slice()],
      ];
      for (const [body, paths] of cases) {
        const p = expectProblem(await post(tokens.firmAdmin, body), 400);
        expect(errorPaths(p).sort()).toEqual([...paths].sort());
      }
      const patch = expectProblem(await call(api, 'PATCH', `/api/customer-feedback/${mine.id}`, { token: tokens.firmAdmin, body: { wouldRecommend: 9 } }), 400);
      expect(errorPaths(patch)).toEqual(['wouldRecommend']);
      expect(await count()).toBe(before);
    });

    it('refuses answers for a period that closed, even once reopened, and freezes answers once their period closes', async () => {
      const before = await count();
      for (const period of [closedPeriod, reopenedPeriod]) {
        const p = expectProblem(await post(tokens.firmAdmin, { periodId: period.id, customerId: org.prairie, ...SCORES }), 409);
        expect(errorPaths(p)).toEqual(['periodId']);
      }
      expect(await count()).toBe(before);
      const closing = await insertAnswer(reopenedPeriod.id, demo.consortium.glmp, demo.org.acme, org.prairie, 4);
      expectProblem(await call(api, 'PATCH', `/api/customer-feedback/${closing}`, { token: tokens.firmAdmin, body: { paymentOnTime: 1 } }), 409);
      expectProblem(await call(api, 'DELETE', `/api/customer-feedback/${closing}`, { token: tokens.firmAdmin }), 409);
      const { rows } = await pool.query<{ paymentOnTime: number }>(`SELECT "paymentOnTime" FROM "CustomerFeedback" WHERE id = $1`, [closing]);
      expect(rows[0]?.paymentOnTime).toBe(4);
      await pool.query(`DELETE FROM "CustomerFeedback" WHERE id = $1`, [closing]);
    });

    it('never lets the customer, staff or the audit trail tell who said what', async () => {
      for (const who of ['buyer', 'staff', 'platform'] as const) {
        expectProblem(await call(api, 'GET', `/api/customer-feedback/${mine.id}`, { token: tokens[who] }), 403);
        expectProblem(await call(api, 'GET', '/api/customer-feedback', { token: tokens[who] }), 403);
      }
      // staff read no trail of answers at all (outside attack: a supplier with one customer answered
      // about that one); the firm reads its own, which names neither the customer nor a score
      const staffTrail = await call(api, 'GET', `/api/audit-events${q({ filter: { entityType: 'CustomerFeedback' }, range: [0, 99] })}`, { token: tokens.staff });
      expectStatus(staffTrail, 200);
      expect(staffTrail.body).toEqual([]);
      const trail = await call(api, 'GET', `/api/audit-events${q({ filter: { entityType: 'CustomerFeedback' }, range: [0, 99] })}`, { token: tokens.firmAdmin });
      expectStatus(trail, 200);
      const text = JSON.stringify(trail.body);
      expect((trail.body as unknown[]).length).toBeGreaterThan(0);
      expect(text).not.toContain(demo.org.northstar);
      expect(text).not.toMatch(/paymentOnTime|forecastStability|wouldRecommend/);
    });

    it('shows no aggregate while the period collects answers', async () => {
      expect(await summary(tokens.staff, collectingPeriod.id)).toEqual({ periodId: collectingPeriod.id, periodCode: collectingPeriod.code, collecting: true, subjects: [] });
    });
  });

  describe('aggregates once the period has closed', () => {
    const subject = (s: CustomerFeedbackSummary, customerId: string | null) => s.subjects.find((x) => x.customerId === customerId);
    const means = (s: CustomerFeedbackSummary, customerId: string | null) => subject(s, customerId)?.questions.map((x) => x.mean);

    it('staff read every customer: k answering suppliers shown, fewer withheld with no number, never a supplier', async () => {
      const s = await summary(tokens.staff, closedPeriod.id);
      expect(s.collecting).toBe(false);
      // Northstar: 2, 1, 2, 3, 4, 5 → 17 / 6; Prairie: 2, 1, 2, 3, 4 → 12 / 5
      expect(subject(s, demo.org.northstar)).toMatchObject({ answering: 6 });
      expect(means(s, demo.org.northstar)).toEqual(FEEDBACK_QUESTIONS.map(() => 2.83));
      expect(means(s, org.prairie)).toEqual(FEEDBACK_QUESTIONS.map(() => 2.4));
      expect(subject(s, org.menomonee)).toMatchObject({ answering: null });
      expect(subject(s, org.menomonee)?.questions.every((x) => x.mean === null && x.withheld === 'fewer_than_k' && x.withheldMessage === 'fewer than 5 peers')).toBe(true);
      // all customers: the five shown ones only, (17 + 12 + 3 × 15) / 26
      expect(subject(s, null)).toMatchObject({ customerName: 'All customers', answering: 6 });
      expect(means(s, null)).toEqual(FEEDBACK_QUESTIONS.map(() => 2.85));
      const text = JSON.stringify(s);
      for (const supplier of [demo.org.acme, ...others]) expect(text).not.toContain(supplier);
    });

    it('a customer reads only itself and all customers', async () => {
      const s = await summary(tokens.buyer, closedPeriod.id);
      expect(s.subjects.map((x) => x.customerId)).toEqual([null, demo.org.northstar]);
      expect(means(s, demo.org.northstar)).toEqual(FEEDBACK_QUESTIONS.map(() => 2.83));
    });

    it('a supplier that answered is not counted among the k: with four others, its customer is withheld from it', async () => {
      const s = await summary(tokens.firmAdmin, closedPeriod.id);
      expect(s.subjects.map((x) => x.customerId).sort()).toEqual([null, demo.org.northstar, org.prairie].sort());
      expect(subject(s, demo.org.northstar)?.answering).toBe(6);
      expect(subject(s, org.prairie)).toMatchObject({ answering: null });
      expect(means(s, org.prairie)).toEqual(FEEDBACK_QUESTIONS.map(() => null));
      // only four customers are shown to Acme: too few for an all-customers figure
      expect(means(s, null)).toEqual(FEEDBACK_QUESTIONS.map(() => null));
    });

    it('a person acting for two suppliers knows both answers: a customer shown to one of them with k others is withheld from it', async () => {
      const person = await freshSession(api, tokens.staff, { role: 'firm_admin', organisationId: demo.org.acme });
      // signed in as Acme's admin alone, Northstar has five other answering suppliers: shown
      expect(subject(await summary(person.token, closedPeriod.id), demo.org.northstar)?.answering).toBe(6);
      // the same person also acts for S1 (a role it did not sign in with): four others are left
      await pool.query(`INSERT INTO "RoleAssignment" (id, "userId", role, "consortiumId", "organisationId", "updatedAt") VALUES (gen_random_uuid(), $1, 'firm_contributor', $2, $3, now())`, [
        person.userId,
        demo.consortium.glmp,
        others[0],
      ]);
      const s = await summary(person.token, closedPeriod.id);
      expect(subject(s, demo.org.northstar)).toMatchObject({ answering: null });
      expect(means(s, demo.org.northstar)).toEqual(FEEDBACK_QUESTIONS.map(() => null));
      // the shared database's Acme is not left with a person who knows S1's answers
      await pool.query(`DELETE FROM "RoleAssignment" WHERE "userId" = $1 AND "organisationId" = $2`, [person.userId, others[0]]);
    });

    it('a funder reads the all-customers figure and no customer', async () => {
      const s = await summary(tokens.funder, closedPeriod.id);
      expect(s.subjects.map((x) => x.customerId)).toEqual([null]);
      expect(means(s, null)).toEqual(FEEDBACK_QUESTIONS.map(() => 2.85));
    });

    it('refuses a summary without a period, naming the field', async () => {
      const p = expectProblem(await call(api, 'GET', '/api/customer-feedback/summary', { token: tokens.staff }), 400);
      expect(errorPaths(p)).toEqual(['periodId']);
    });
  });

  describe('the demo', () => {
    it('holds answers of every closed glmp period with customers above and below k, and a period still collecting', async () => {
      const kettle = await orgId('kettle-moraine-marine');
      // the seed's periods (this file's own year has answers too, but none about Kettle Moraine)
      const { rows } = await pool.query<{ id: string; state: string; reopenCount: number }>(
        `SELECT p.id, p.state::text AS state, p."reopenCount" FROM "Period" p
          WHERE p."consortiumId" = $1 AND EXISTS (SELECT 1 FROM "CustomerFeedback" f WHERE f."periodId" = p.id AND f."customerId" = $2) ORDER BY p."startsOn" DESC`,
        [demo.consortium.glmp, kettle],
      );
      const open = rows.find((p) => p.state === 'open' && p.reopenCount === 0);
      const closed = rows.find((p) => p.state !== 'open');
      expect(open && closed).toBeTruthy();
      expect((await summary(tokens.staff, open?.id as string)).collecting).toBe(true);
      const s = await summary(tokens.staff, closed?.id as string);
      expect(s.subjects.find((x) => x.customerId === kettle)?.questions.every((x) => x.withheld === 'fewer_than_k')).toBe(true);
      expect(s.subjects.filter((x) => x.customerId !== null && x.answering !== null).length).toBeGreaterThanOrEqual(5);
      expect(s.subjects.find((x) => x.customerId === null)?.questions.every((x) => x.mean !== null)).toBe(true);
    });
  });

  describe('authorization table', () => {
    const rows = Object.entries(TABLE).flatMap(([route, byRole]) =>
      ROLES.flatMap((role) =>
        (['own', 'other-firm', 'other-consortium'] as Target[]).flatMap((target, i) => {
          const expected = byRole[role][i];
          return expected === null || expected === undefined ? [] : [{ route, role, target, expected }];
        }),
      ),
    );
    const customerOf: Record<Target, () => string> = { own: () => org.prairie, 'other-firm': () => org.menomonee, 'other-consortium': () => org.foxCustomer };

    it.each(rows)('$route as $role on $target → $expected', async ({ route, role, target, expected }) => {
      const [method, path] = route.split(' ') as [string, string];
      const token = tokens[role];
      let url = path;
      let body: Record<string, unknown> | undefined;
      let id = answer[target];
      const allowedOwnChange = target === 'own' && expected < 300 && method !== 'GET';
      if (path.includes(':id')) {
        if (target === 'own') {
          // an answer of Acme's made for this row, so a change or a withdrawal acts on its own record
          id = await insertAnswer(collectingPeriod.id, demo.consortium.glmp, demo.org.acme, org.prairie, 3);
        }
        url = path.replace(':id', id);
      }
      if (route === 'GET /api/customer-feedback/summary') url = `${path}${q({ periodId: target === 'own' ? closedPeriod.id : fvsnPeriod })}`;
      if (method === 'POST') {
        await pool.query(`DELETE FROM "CustomerFeedback" WHERE "periodId" = $1 AND "supplierId" = $2 AND "customerId" = $3`, [collectingPeriod.id, demo.org.acme, org.prairie]);
        body = { periodId: collectingPeriod.id, customerId: customerOf[target](), ...SCORES };
      }
      if (method === 'PATCH') body = { helpReceived: 5 };
      if (method === 'PUT') body = { ...SCORES };
      const before = await count();
      const res = await call(api, method, url, { token, ...(body ? { body } : {}) });
      expect({ status: res.status, body: res.status >= 300 ? res.body : undefined }).toMatchObject({ status: expected });
      if (res.status >= 300) expect(res.contentType).toContain('application/problem+json');
      if (res.status === 200 && method === 'GET' && path === '/api/customer-feedback') {
        expect((res.body as CustomerFeedback[]).every((f) => f.supplierId === demo.org.acme)).toBe(true);
      }
      if (!allowedOwnChange && method !== 'GET') expect(await count()).toBe(before);
      if (target === 'own' && path.includes(':id')) await pool.query(`DELETE FROM "CustomerFeedback" WHERE id = $1`, [id]);
    });
  });
});
