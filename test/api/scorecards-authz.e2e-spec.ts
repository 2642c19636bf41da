import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DEFAULT_STANDINGS, insertMembership, insertOrganisation, insertPeriod, insertRelationship, insertTemplate } from '../../apps/worker/src/scorecards/fixtures';
import { call, q, startApi, type TestApi } from './support/api';
import { dbPool, EMAIL, loadDemo, session, uniq, type Demo } from './support/fixtures';

jest.setTimeout(60_000);

/**
 * Authorization table of the supplier-performance routes of this module: each row is
 * {route, role, target, expect}. Targets are seen from Acme Castings and its customer
 * Northstar Engines in glmp: `own` is their relationship (its scorecard, plan, templates),
 * `other-firm` a relationship of two other glmp firms, `other-consortium` one in fvsn.
 * 404 for what a principal may not see (never revealing existence), 403 for a role without
 * the permission or a forbidden action on a visible record.
 */
type Role = 'staff' | 'buyer' | 'supplierAdmin' | 'contributor' | 'funder' | 'union' | 'trainer' | 'fvsnStaff';
type Target = 'own' | 'other-firm' | 'other-consortium';
const TARGETS: Target[] = ['own', 'other-firm', 'other-consortium'];
const ACCOUNT: Record<Role, string> = {
  staff: EMAIL.staff,
  buyer: EMAIL.buyer,
  supplierAdmin: EMAIL.acmeAdmin,
  contributor: EMAIL.acmeContributor,
  funder: EMAIL.funder,
  union: EMAIL.union,
  trainer: EMAIL.trainer,
  fvsnStaff: EMAIL.fvsnStaff,
};

/** A status, or `n rows` for a list answered 200 with n rows. */
type Expect = number | `${number} rows`;

interface Ids {
  relationship: string;
  scorecard: string;
  plan: string;
  consortiumTemplate: string;
  customerTemplate: string;
  /** the period of `scorecard` (the seed may hold scorecards of other periods) */
  scoredPeriod: string;
  /** a period without scorecards, for recompute requests */
  idlePeriod: string;
  commodity: string;
}

interface Route {
  name: string;
  method: string;
  path: (t: Ids) => string;
  body?: (t: Ids) => unknown;
  /** per role: [own, other-firm, other-consortium]; null skips a target */
  expect: Record<Role, [Expect | null, Expect | null, Expect | null]>;
}

const F3: [Expect, Expect, Expect] = [403, 403, 403];
const NONE_OF_FIGURES = { funder: F3, union: F3, trainer: F3 };
const READ_OWN: Omit<Route['expect'], 'funder' | 'union' | 'trainer'> = {
  staff: [200, 200, 404],
  buyer: [200, 404, 404],
  supplierAdmin: [200, 404, 404],
  contributor: [200, 404, 404],
  fvsnStaff: [404, 404, 200],
};

const ROUTES: Route[] = [
  { name: 'GET /api/supply-relationships/{id}', method: 'GET', path: (t) => `/api/supply-relationships/${t.relationship}`, expect: { ...READ_OWN, ...NONE_OF_FIGURES } },
  {
    name: 'GET /api/supply-relationships?filter={id}',
    method: 'GET',
    path: (t) => `/api/supply-relationships${q({ filter: { id: [t.relationship] } })}`,
    expect: {
      staff: ['1 rows', '1 rows', '0 rows'],
      buyer: ['1 rows', '0 rows', '0 rows'],
      supplierAdmin: ['1 rows', '0 rows', '0 rows'],
      contributor: ['1 rows', '0 rows', '0 rows'],
      fvsnStaff: ['0 rows', '0 rows', '1 rows'],
      ...NONE_OF_FIGURES,
    },
  },
  {
    name: 'POST /api/supply-relationships',
    method: 'POST',
    path: () => '/api/supply-relationships',
    // parties that are nobody's members: permitted roles get 400, nothing is written
    body: () => ({ customerId: randomUUID(), supplierId: randomUUID(), since: '2020-01-01', commodity: 'x', spendBand: 'x', sourcingMode: 'multi_year' }),
    expect: { staff: [400, null, null], fvsnStaff: [400, null, null], buyer: [403, null, null], supplierAdmin: [403, null, null], contributor: [403, null, null], ...NONE_OF_FIGURES },
  },
  {
    name: 'PATCH /api/supply-relationships/{id}',
    method: 'PATCH',
    path: (t) => `/api/supply-relationships/${t.relationship}`,
    body: (t) => ({ commodity: t.commodity }),
    expect: { staff: [200, 200, 404], buyer: [200, 404, 404], supplierAdmin: F3, contributor: F3, fvsnStaff: [404, 404, 200], ...NONE_OF_FIGURES },
  },
  { name: 'GET /api/supply-relationships/{id}/standing-history', method: 'GET', path: (t) => `/api/supply-relationships/${t.relationship}/standing-history`, expect: { ...READ_OWN, ...NONE_OF_FIGURES } },
  { name: 'GET /api/scorecards/{id}', method: 'GET', path: (t) => `/api/scorecards/${t.scorecard}`, expect: { ...READ_OWN, ...NONE_OF_FIGURES } },
  {
    name: 'GET /api/scorecards?filter={relationshipId,periodId}',
    method: 'GET',
    path: (t) => `/api/scorecards${q({ filter: { relationshipId: t.relationship, periodId: t.scoredPeriod } })}`,
    expect: {
      staff: ['1 rows', '1 rows', '0 rows'],
      buyer: ['1 rows', '0 rows', '0 rows'],
      supplierAdmin: ['1 rows', '0 rows', '0 rows'],
      contributor: ['1 rows', '0 rows', '0 rows'],
      fvsnStaff: ['0 rows', '0 rows', '1 rows'],
      ...NONE_OF_FIGURES,
    },
  },
  {
    name: 'POST /api/scorecards/recompute',
    method: 'POST',
    path: () => '/api/scorecards/recompute',
    body: (t) => ({ periodId: t.idlePeriod }),
    expect: { staff: [202, 202, 400], fvsnStaff: [400, 400, 202], buyer: F3, supplierAdmin: F3, contributor: F3, ...NONE_OF_FIGURES },
  },
  {
    name: 'GET /api/scorecard-templates/{consortium template}',
    method: 'GET',
    path: (t) => `/api/scorecard-templates/${t.consortiumTemplate}`,
    expect: { staff: [200, null, 404], buyer: [200, null, 404], supplierAdmin: [200, null, 404], contributor: [200, null, 404], fvsnStaff: [404, null, 200], ...NONE_OF_FIGURES },
  },
  {
    name: 'PATCH /api/scorecard-templates/{consortium template}',
    method: 'PATCH',
    path: (t) => `/api/scorecard-templates/${t.consortiumTemplate}`,
    body: () => ({ name: 'Consortium template (authz)' }),
    expect: { staff: [200, null, 404], buyer: [403, null, 404], supplierAdmin: [403, null, 403], contributor: [403, null, 403], fvsnStaff: [404, null, 200], ...NONE_OF_FIGURES },
  },
  {
    name: "GET /api/scorecard-templates/{customer's template}",
    method: 'GET',
    path: (t) => `/api/scorecard-templates/${t.customerTemplate}`,
    expect: { staff: [200, 200, 404], buyer: [200, 404, 404], supplierAdmin: [404, 404, 404], contributor: [404, 404, 404], fvsnStaff: [404, 404, 200], ...NONE_OF_FIGURES },
  },
  {
    name: "PATCH /api/scorecard-templates/{customer's template}",
    method: 'PATCH',
    path: (t) => `/api/scorecard-templates/${t.customerTemplate}`,
    body: () => ({ name: 'Customer template (authz)' }),
    expect: { staff: [200, 200, 404], buyer: [200, 404, 404], supplierAdmin: F3, contributor: F3, fvsnStaff: [404, 404, 200], ...NONE_OF_FIGURES },
  },
  { name: 'GET /api/corrective-action-plans/{id}', method: 'GET', path: (t) => `/api/corrective-action-plans/${t.plan}`, expect: { ...READ_OWN, ...NONE_OF_FIGURES } },
  {
    name: 'PATCH /api/corrective-action-plans/{id}',
    method: 'PATCH',
    path: (t) => `/api/corrective-action-plans/${t.plan}`,
    body: () => ({ status: 'in_progress' }),
    expect: { staff: [200, 200, 404], buyer: [200, 404, 404], supplierAdmin: [200, 404, 404], contributor: F3, fvsnStaff: [404, 404, 200], ...NONE_OF_FIGURES },
  },
  {
    name: 'POST /api/corrective-action-plans/{id}/tasks',
    method: 'POST',
    path: (t) => `/api/corrective-action-plans/${t.plan}/tasks`,
    body: () => ({ title: 'Authorization check', dueOn: '2026-06-30' }),
    expect: { staff: [201, 201, 404], buyer: [201, 404, 404], supplierAdmin: [201, 404, 404], contributor: F3, fvsnStaff: [404, 404, 201], ...NONE_OF_FIGURES },
  },
];

interface Row {
  route: string;
  role: Role;
  target: Target;
  expect: Expect;
}

const ROWS: Row[] = ROUTES.flatMap((r) =>
  (Object.keys(ACCOUNT) as Role[]).flatMap((role) => TARGETS.flatMap((target, i) => (r.expect[role][i] === null ? [] : [{ route: r.name, role, target, expect: r.expect[role][i] as Expect }]))),
);

describe('authorization table: supply relationships, scorecards, templates, corrective action plans', () => {
  let api: TestApi;
  let pool: Pool;
  let demo: Demo;
  const targets = {} as Record<Target, Ids>;

  async function scorecardWithPlan(consortiumId: string, relationshipId: string, periodId: string, templateId: string): Promise<{ scorecard: string; plan: string }> {
    const { rows } = await pool.query<{ id: string; supplierId: string; customerId: string }>(`SELECT id, "supplierId", "customerId" FROM "SupplyRelationship" WHERE id = $1`, [relationshipId]);
    const r = rows[0];
    if (!r) throw new Error('relationship missing');
    const scorecard = randomUUID();
    await pool.query(
      `INSERT INTO "Scorecard" (id, "consortiumId", "relationshipId", "periodId", "templateId", "supplierId", "customerId", score, standing, details, "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, 55, 'development', '[]'::jsonb, now())`,
      [scorecard, consortiumId, relationshipId, periodId, templateId, r.supplierId, r.customerId],
    );
    const plan = randomUUID();
    await pool.query(
      `INSERT INTO "CorrectiveActionPlan" (id, "consortiumId", "relationshipId", "scorecardId", "supplierId", "customerId", standing, title, "dueOn", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, 'development', 'Authorization check plan', DATE '2026-06-30', now())`,
      [plan, consortiumId, relationshipId, scorecard, r.supplierId, r.customerId],
    );
    return { scorecard, plan };
  }

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    demo = await loadDemo(pool);
    const tag = uniq('az');
    const { glmp, fvsn } = demo.consortium;
    // Northstar buys from Acme (the demo story); the seed may already hold the relationship
    await pool.query(
      `INSERT INTO "SupplyRelationship" (id, "consortiumId", "customerId", "supplierId", since, commodity, "spendBand", "sourcingMode", "updatedAt")
       VALUES ($1, $2, $3, $4, DATE '2018-06-01', 'grey iron castings', '1-5M USD', 'multi_year', now())
       ON CONFLICT ("consortiumId", "customerId", "supplierId") DO NOTHING`,
      [randomUUID(), glmp, demo.org.northstar, demo.org.acme],
    );
    const own = (await pool.query<{ id: string; commodity: string }>(`SELECT id, commodity FROM "SupplyRelationship" WHERE "consortiumId" = $1 AND "customerId" = $2 AND "supplierId" = $3`, [glmp, demo.org.northstar, demo.org.acme])).rows[0];
    if (!own) throw new Error('Northstar × Acme missing');
    const otherCustomer = await insertOrganisation(pool, { code: `${tag}-cust`, kind: 'customer' });
    await insertMembership(pool, glmp, otherCustomer);
    const otherFirm = await insertRelationship(pool, { consortiumId: glmp, customerId: otherCustomer, supplierId: demo.org.badger });
    const fvsnCustomer = await insertOrganisation(pool, { code: `${tag}-fvsn`, kind: 'customer' });
    await insertMembership(pool, fvsn, fvsnCustomer);
    const otherConsortium = await insertRelationship(pool, { consortiumId: fvsn, customerId: fvsnCustomer, supplierId: demo.org.fox });

    const period = (consortiumId: string, code: string) => insertPeriod(pool, { consortiumId, code: `${tag}-${code}`, startsOn: '2023-01-01', endsOn: '2023-03-31', dueOn: '2023-04-30', state: 'closed' });
    const glmpPeriod = await period(glmp, 'scored');
    const fvsnPeriod = await period(fvsn, 'scored');
    const glmpIdle = await period(glmp, 'idle');
    const fvsnIdle = await period(fvsn, 'idle');
    // inactive templates: they never compete with anyone's active one
    const template = async (consortiumId: string, customerId: string | null) =>
      (await insertTemplate(pool, { consortiumId, customerId, active: false, name: `authz ${tag}`, standings: DEFAULT_STANDINGS, criteria: [] })).id;
    const glmpTemplate = await template(glmp, null);
    const fvsnTemplate = await template(fvsn, null);

    const build = async (consortiumId: string, relationship: string, periodId: string, consortiumTemplate: string, customerId: string, idlePeriod: string, commodity: string): Promise<Ids> => {
      const customerTemplate = await template(consortiumId, customerId);
      const { scorecard, plan } = await scorecardWithPlan(consortiumId, relationship, periodId, consortiumTemplate);
      return { relationship, scorecard, plan, consortiumTemplate, customerTemplate, scoredPeriod: periodId, idlePeriod, commodity };
    };
    targets.own = await build(glmp, own.id, glmpPeriod, glmpTemplate, demo.org.northstar, glmpIdle, own.commodity);
    targets['other-firm'] = await build(glmp, otherFirm, glmpPeriod, glmpTemplate, otherCustomer, glmpIdle, 'castings');
    targets['other-consortium'] = await build(fvsn, otherConsortium, fvsnPeriod, fvsnTemplate, fvsnCustomer, fvsnIdle, 'castings');
  });

  afterAll(async () => {
    await api.close();
    await pool.end();
  });

  it('covers every route for every role and target', () => {
    expect(ROWS.length).toBeGreaterThan(300);
  });

  it.each(ROWS)('$route as $role on $target → $expect', async ({ route, role, target, expect: expected }) => {
    const r = ROUTES.find((x) => x.name === route) as Route;
    const t = targets[target];
    const res = await call(api, r.method, r.path(t), { token: await session(api, ACCOUNT[role]), body: r.body?.(t) });
    if (typeof expected === 'number') {
      expect({ status: res.status, body: res.status === expected ? undefined : res.body }).toEqual({ status: expected, body: undefined });
    } else {
      expect({ status: res.status, rows: Array.isArray(res.body) ? res.body.length : res.body }).toEqual({ status: 200, rows: Number(expected.split(' ')[0]) });
    }
  });
});
