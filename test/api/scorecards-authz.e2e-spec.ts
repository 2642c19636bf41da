import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DEFAULT_STANDINGS, OTD_THRESHOLDS, insertMembership, insertMetric, insertOrganisation, insertPeriod, insertRelationship, insertTemplate } from '../support/sql-fixtures';
import { call, q, startApi, type TestApi } from './support/api';
import { dbPool, loadDemo, uniq, type Demo } from './support/fixtures';
import { documentedRoutes, signInRoles } from './support/authz';

jest.setTimeout(60_000);

/**
 * Authorization table of the supply relationships, scorecard templates, scorecards and
 * corrective action plans: each row is {route, role, target, expect}, and every documented
 * route of the four modules has rows named exactly after it (`METHOD /api/path/{param}`);
 * a route with several kinds of record (a template of the consortium or of a customer) has
 * one set of rows per kind, told apart by `of`.
 *
 * Targets are seen from Acme Castings and its customer Northstar Engines in glmp: `own` is
 * their relationship (its scorecard, plan, templates), `other-firm` a relationship of two
 * other glmp firms, `other-consortium` one in fvsn (for the fvsn staff member the glmp
 * records are the foreign ones). The API key is Acme's, acting as a firm contributor.
 *
 * Expectations are written out, never computed: a role without the route's permission
 * (libs/contracts/src/permissions.ts) gets 403 whatever the target — the guard answers before
 * any record is looked up; a role with it gets 404 for a record outside its scope
 * (libs/server/src/database/scope.ts), never the record; 403 on a visible record is a
 * forbidden action (a buyer writing a template that is not its customer's, a contributor
 * moving a task that is not assigned to it); a create naming something outside the scope is
 * a 400. DELETE rows (and rows that rewrite a plan's task
 * list) act on records made for that row alone.
 */
const ROLES = ['platform', 'staff', 'firmAdmin', 'contributor', 'apiKey', 'buyer', 'union', 'trainer', 'funder', 'fvsnStaff'] as const;
type Role = (typeof ROLES)[number];
type Target = 'own' | 'other-firm' | 'other-consortium';
const TARGETS: Target[] = ['own', 'other-firm', 'other-consortium'];

/** A status, or `n rows` for a list filtered on the target's id and answered 200 with n rows. */
type Expect = number | `${number} rows`;
type Triple = [Expect | null, Expect | null, Expect | null];

/** The records of one target. */
interface Ids {
  consortiumId: string;
  /** the customer of the relationship (whose templates are "the customer's") */
  customerId: string;
  relationship: string;
  /** the relationship's writable fields as read, for PUT */
  relationshipFields: { since: string; commodity: string; spendBand: string; sourcingMode: string; sponsored: boolean };
  scorecard: string;
  plan: string;
  consortiumTemplate: string;
  customerTemplate: string;
  /** the period of `scorecard` (the seed may hold scorecards of other periods) */
  scoredPeriod: string;
  /** a period without scorecards, for recompute requests */
  idlePeriod: string;
  /** a higher-is-better metric of the target's consortium, for template criteria */
  metric: string;
}

/** Records made for one row alone. */
type Fresh = Record<string, string>;

interface Route {
  /** exactly the documented route */
  name: `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /api/${string}`;
  /** which record of the target the rows address, when a route has several sets of rows */
  of?: string;
  /** records to make for each row (before the request), from the target's records */
  fresh?: (t: Ids) => Promise<Fresh>;
  path: (t: Ids, f: Fresh) => string;
  body?: (t: Ids, f: Fresh) => unknown;
  /** a DELETE: the row that must be gone after a 200 and still there after a refusal */
  deletes?: (t: Ids, f: Fresh) => { table: string; id: string };
  /** per role: [own, other-firm, other-consortium]; null skips a target */
  expect: Record<Role, Triple>;
}

const F3: Triple = [403, 403, 403];
/** Funders, union representatives and trainers see no firm's figures (domain.md). */
const NO_FIGURES = { funder: F3, union: F3, trainer: F3 };
const READ: Record<Exclude<Role, 'union' | 'trainer' | 'funder'>, Triple> = {
  platform: [200, 200, 200],
  staff: [200, 200, 404],
  firmAdmin: [200, 404, 404],
  contributor: [200, 404, 404],
  apiKey: [200, 404, 404],
  buyer: [200, 404, 404],
  fvsnStaff: [404, 404, 200],
};
const LIST: Record<Exclude<Role, 'union' | 'trainer' | 'funder'>, Triple> = {
  platform: ['1 rows', '1 rows', '1 rows'],
  staff: ['1 rows', '1 rows', '0 rows'],
  firmAdmin: ['1 rows', '0 rows', '0 rows'],
  contributor: ['1 rows', '0 rows', '0 rows'],
  apiKey: ['1 rows', '0 rows', '0 rows'],
  buyer: ['1 rows', '0 rows', '0 rows'],
  fvsnStaff: ['0 rows', '0 rows', '1 rows'],
};
/** supply-relationships.update / scorecard-templates.write on a customer's record: staff, the platform and that customer's buyer. */
const CUSTOMER_WRITE = (ok: number): Route['expect'] => ({
  platform: [ok, ok, ok],
  staff: [ok, ok, 404],
  firmAdmin: F3,
  contributor: F3,
  apiKey: F3,
  buyer: [ok, 404, 404],
  ...NO_FIGURES,
  fvsnStaff: [404, 404, ok],
});
/** scorecard-templates.write on the consortium's own template: a buyer sees it but may not write it. */
const CONSORTIUM_TEMPLATE_WRITE = (ok: number): Route['expect'] => ({
  platform: [ok, null, ok],
  staff: [ok, null, 404],
  firmAdmin: [403, null, 403],
  contributor: [403, null, 403],
  apiKey: [403, null, 403],
  buyer: [403, null, 404],
  funder: [403, null, 403],
  union: [403, null, 403],
  trainer: [403, null, 403],
  fvsnStaff: [404, null, ok],
});
/** corrective-action-plans.write: staff, the platform, the supplier's firm admin and the customer's buyer. */
const PLAN_WRITE = (ok: number): Route['expect'] => ({
  platform: [ok, ok, ok],
  staff: [ok, ok, 404],
  firmAdmin: [ok, 404, 404],
  contributor: F3,
  apiKey: F3,
  buyer: [ok, 404, 404],
  ...NO_FIGURES,
  fvsnStaff: [404, 404, ok],
});
/** A task of the target's plan addressed through the own plan (Northstar × Acme): never reached that way. */
const TASK_THROUGH_OWN_PLAN: Route['expect'] = {
  platform: [null, 404, 404],
  staff: [null, 404, 404],
  firmAdmin: [null, 404, 404],
  contributor: [null, 403, 403],
  apiKey: [null, 403, 403],
  buyer: [null, 404, 404],
  funder: [null, 403, 403],
  union: [null, 403, 403],
  trainer: [null, 403, 403],
  fvsnStaff: [null, 404, 404],
};

/**
 * corrective-action-tasks.update-status on a task nobody is assigned: plan writers move it;
 * a contributor (or Acme's API key) who reaches the plan but is not the assignee is refused.
 */
const TASK_STATUS_UNASSIGNED: Route['expect'] = {
  ...PLAN_WRITE(200),
  contributor: [403, 404, 404],
  apiKey: [403, 404, 404],
};
/** …on a task assigned to Acme's contributor: the assignee moves it too — where it reaches the plan (an assignment never widens the scope). */
const TASK_STATUS_ASSIGNED: Route['expect'] = {
  ...PLAN_WRITE(200),
  contributor: [200, 404, 404],
  apiKey: [403, 404, 404],
};
/** A task of the target's plan addressed through the own plan, for the status route (held by contributors too). */
const TASK_STATUS_THROUGH_OWN_PLAN: Route['expect'] = {
  ...TASK_THROUGH_OWN_PLAN,
  contributor: [null, 404, 404],
  apiKey: [null, 404, 404],
};

// Module state the request builders read (set in beforeAll).
let pool: Pool;
const targets = {} as Record<Target, Ids>;
/** Acme's contributor (demo account): the assignee of the "assigned" task rows. */
let acmeContributor: string;

async function freshTemplate(t: Ids, customerId: string | null): Promise<Fresh> {
  const { id } = await insertTemplate(pool, { consortiumId: t.consortiumId, customerId, active: false, name: `authz fresh ${randomBytes(3).toString('hex')}`, criteria: [] });
  return { template: id };
}

async function freshTask(planId: string, ownerUserId: string | null = null): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    // A title of its own: browser journeys running beside this file pick a task by its title.
    `INSERT INTO "CorrectiveActionTask" (id, "planId", title, "ownerUserId", "dueOn", "updatedAt") VALUES ($1, $2, $4, $3, DATE '2026-06-30', now()) RETURNING id`,
    [randomUUID(), planId, ownerUserId, `Fresh authorization task ${randomBytes(3).toString('hex')}`],
  );
  return rows[0]!.id;
}

/** A plan of the target's relationship (no scorecard), with one task: for rows that rewrite the task list. */
async function freshPlan(t: Ids): Promise<Fresh> {
  const plan = randomUUID();
  await pool.query(
    `INSERT INTO "CorrectiveActionPlan" (id, "consortiumId", "relationshipId", "scorecardId", "supplierId", "customerId", standing, title, "dueOn", "updatedAt")
     SELECT $1, r."consortiumId", r.id, NULL, r."supplierId", r."customerId", 'development', 'Fresh authorization plan', DATE '2026-06-30', now() FROM "SupplyRelationship" r WHERE r.id = $2`,
    [plan, t.relationship],
  );
  return { plan, task: await freshTask(plan) };
}

const templateBody = (t: Ids, name: string) => ({ name, active: false, standings: DEFAULT_STANDINGS, criteria: [{ metricId: t.metric, weight: 1, thresholds: OTD_THRESHOLDS }] });

const ROUTES: Route[] = [
  // supply relationships ---------------------------------------------------------------------------------------------
  {
    name: 'GET /api/supply-relationships',
    of: 'filter {id}',
    path: (t) => `/api/supply-relationships${q({ filter: { id: [t.relationship] } })}`,
    expect: { ...LIST, ...NO_FIGURES },
  },
  { name: 'GET /api/supply-relationships/{id}', path: (t) => `/api/supply-relationships/${t.relationship}`, expect: { ...READ, ...NO_FIGURES } },
  {
    name: 'POST /api/supply-relationships',
    of: 'parties that are nobody’s members',
    path: () => '/api/supply-relationships',
    // permitted roles get 400 (parties not members), nothing is written
    body: (t) => ({ consortiumId: t.consortiumId, customerId: randomUUID(), supplierId: randomUUID(), since: '2020-01-01', commodity: 'x', spendBand: 'x', sourcingMode: 'multi_year' }),
    expect: {
      platform: [400, null, null],
      staff: [400, null, null],
      fvsnStaff: [400, null, null],
      firmAdmin: [403, null, null],
      contributor: [403, null, null],
      apiKey: [403, null, null],
      buyer: [403, null, null],
      ...NO_FIGURES,
    },
  },
  {
    name: 'PUT /api/supply-relationships/{id}',
    of: 'the record as read',
    path: (t) => `/api/supply-relationships/${t.relationship}`,
    body: (t) => ({ id: t.relationship, ...t.relationshipFields }),
    expect: CUSTOMER_WRITE(200),
  },
  {
    name: 'PATCH /api/supply-relationships/{id}',
    path: (t) => `/api/supply-relationships/${t.relationship}`,
    body: (t) => ({ commodity: t.relationshipFields.commodity }),
    expect: CUSTOMER_WRITE(200),
  },
  { name: 'GET /api/supply-relationships/{id}/standing-history', path: (t) => `/api/supply-relationships/${t.relationship}/standing-history`, expect: { ...READ, ...NO_FIGURES } },

  // scorecards -------------------------------------------------------------------------------------------------------
  {
    name: 'GET /api/scorecards',
    of: 'filter {relationshipId, periodId}',
    path: (t) => `/api/scorecards${q({ filter: { relationshipId: t.relationship, periodId: t.scoredPeriod } })}`,
    expect: { ...LIST, ...NO_FIGURES },
  },
  { name: 'GET /api/scorecards/{id}', path: (t) => `/api/scorecards/${t.scorecard}`, expect: { ...READ, ...NO_FIGURES } },
  {
    name: 'POST /api/scorecards/recompute',
    of: "a period of the target's consortium",
    path: () => '/api/scorecards/recompute',
    body: (t) => ({ periodId: t.idlePeriod }),
    expect: { platform: [202, 202, 202], staff: [202, 202, 400], fvsnStaff: [400, 400, 202], firmAdmin: F3, contributor: F3, apiKey: F3, buyer: F3, ...NO_FIGURES },
  },

  // scorecard templates ----------------------------------------------------------------------------------------------
  {
    name: 'GET /api/scorecard-templates',
    of: "the customer's template",
    path: (t) => `/api/scorecard-templates${q({ filter: { id: [t.customerTemplate] } })}`,
    expect: {
      platform: ['1 rows', '1 rows', '1 rows'],
      staff: ['1 rows', '1 rows', '0 rows'],
      firmAdmin: ['0 rows', '0 rows', '0 rows'],
      contributor: ['0 rows', '0 rows', '0 rows'],
      apiKey: ['0 rows', '0 rows', '0 rows'],
      buyer: ['1 rows', '0 rows', '0 rows'],
      ...NO_FIGURES,
      fvsnStaff: ['0 rows', '0 rows', '1 rows'],
    },
  },
  {
    name: 'GET /api/scorecard-templates',
    of: 'the consortium template',
    path: (t) => `/api/scorecard-templates${q({ filter: { id: [t.consortiumTemplate] } })}`,
    expect: {
      platform: ['1 rows', null, '1 rows'],
      staff: ['1 rows', null, '0 rows'],
      firmAdmin: ['1 rows', null, '0 rows'],
      contributor: ['1 rows', null, '0 rows'],
      apiKey: ['1 rows', null, '0 rows'],
      buyer: ['1 rows', null, '0 rows'],
      funder: [403, null, 403],
      union: [403, null, 403],
      trainer: [403, null, 403],
      fvsnStaff: ['0 rows', null, '1 rows'],
    },
  },
  {
    name: 'POST /api/scorecard-templates',
    of: "a template for the target's customer",
    path: () => '/api/scorecard-templates',
    // staff always write into their own consortium (consortiumId is for platform admins):
    // a customer of another consortium is not a member there → 400 on customerId
    body: (t) => ({ consortiumId: t.consortiumId, customerId: t.customerId, ...templateBody(t, `authz created ${randomBytes(3).toString('hex')}`) }),
    expect: {
      platform: [201, 201, 201],
      staff: [201, 201, 400],
      firmAdmin: F3,
      contributor: F3,
      apiKey: F3,
      // a buyer writes its own customer's template only (the same 403 for a customer id that does not exist)
      buyer: [201, 403, 403],
      ...NO_FIGURES,
      fvsnStaff: [400, 400, 201],
    },
  },
  {
    name: 'GET /api/scorecard-templates/{id}',
    of: "the customer's template",
    path: (t) => `/api/scorecard-templates/${t.customerTemplate}`,
    expect: {
      platform: [200, 200, 200],
      staff: [200, 200, 404],
      firmAdmin: [404, 404, 404],
      contributor: [404, 404, 404],
      apiKey: [404, 404, 404],
      buyer: [200, 404, 404],
      ...NO_FIGURES,
      fvsnStaff: [404, 404, 200],
    },
  },
  {
    name: 'GET /api/scorecard-templates/{id}',
    of: 'the consortium template',
    path: (t) => `/api/scorecard-templates/${t.consortiumTemplate}`,
    expect: {
      platform: [200, null, 200],
      staff: [200, null, 404],
      firmAdmin: [200, null, 404],
      contributor: [200, null, 404],
      apiKey: [200, null, 404],
      buyer: [200, null, 404],
      funder: [403, null, 403],
      union: [403, null, 403],
      trainer: [403, null, 403],
      fvsnStaff: [404, null, 200],
    },
  },
  {
    name: 'PUT /api/scorecard-templates/{id}',
    of: "the customer's template",
    path: (t) => `/api/scorecard-templates/${t.customerTemplate}`,
    body: (t) => ({ id: t.customerTemplate, ...templateBody(t, 'Customer template (authz, PUT)') }),
    expect: CUSTOMER_WRITE(200),
  },
  {
    name: 'PUT /api/scorecard-templates/{id}',
    of: 'the consortium template',
    path: (t) => `/api/scorecard-templates/${t.consortiumTemplate}`,
    body: (t) => ({ id: t.consortiumTemplate, ...templateBody(t, 'Consortium template (authz, PUT)') }),
    expect: CONSORTIUM_TEMPLATE_WRITE(200),
  },
  {
    name: 'PATCH /api/scorecard-templates/{id}',
    of: "the customer's template",
    path: (t) => `/api/scorecard-templates/${t.customerTemplate}`,
    body: () => ({ name: 'Customer template (authz)' }),
    expect: CUSTOMER_WRITE(200),
  },
  {
    name: 'PATCH /api/scorecard-templates/{id}',
    of: 'the consortium template',
    path: (t) => `/api/scorecard-templates/${t.consortiumTemplate}`,
    body: () => ({ name: 'Consortium template (authz)' }),
    expect: CONSORTIUM_TEMPLATE_WRITE(200),
  },
  {
    name: 'DELETE /api/scorecard-templates/{id}',
    of: "a fresh template of the target's customer",
    fresh: (t) => freshTemplate(t, t.customerId),
    path: (_t, f) => `/api/scorecard-templates/${f.template}`,
    deletes: (_t, f) => ({ table: 'ScorecardTemplate', id: f.template! }),
    expect: CUSTOMER_WRITE(200),
  },
  {
    name: 'DELETE /api/scorecard-templates/{id}',
    of: "a fresh template of the target's consortium",
    fresh: (t) => freshTemplate(t, null),
    path: (_t, f) => `/api/scorecard-templates/${f.template}`,
    deletes: (_t, f) => ({ table: 'ScorecardTemplate', id: f.template! }),
    expect: CONSORTIUM_TEMPLATE_WRITE(200),
  },

  // corrective action plans ------------------------------------------------------------------------------------------
  {
    name: 'GET /api/corrective-action-plans',
    of: 'filter {id}',
    path: (t) => `/api/corrective-action-plans${q({ filter: { id: [t.plan] } })}`,
    expect: { ...LIST, ...NO_FIGURES },
  },
  { name: 'GET /api/corrective-action-plans/{id}', path: (t) => `/api/corrective-action-plans/${t.plan}`, expect: { ...READ, ...NO_FIGURES } },
  {
    name: 'PUT /api/corrective-action-plans/{id}',
    of: "a fresh plan of the target's relationship, its task list sent back",
    fresh: (t) => freshPlan(t),
    path: (_t, f) => `/api/corrective-action-plans/${f.plan}`,
    body: (_t, f) => ({
      id: f.plan,
      title: 'Fresh authorization plan',
      status: 'in_progress',
      dueOn: '2026-06-30',
      ownerUserId: null,
      tasks: [{ id: f.task, title: 'Fresh authorization task', owner: null, dueOn: '2026-06-30', status: 'doing' }],
    }),
    expect: PLAN_WRITE(200),
  },
  {
    name: 'PATCH /api/corrective-action-plans/{id}',
    path: (t) => `/api/corrective-action-plans/${t.plan}`,
    body: () => ({ status: 'in_progress' }),
    expect: PLAN_WRITE(200),
  },
  {
    name: 'POST /api/corrective-action-plans/{id}/tasks',
    path: (t) => `/api/corrective-action-plans/${t.plan}/tasks`,
    body: () => ({ title: 'Authorization check', dueOn: '2026-06-30' }),
    expect: PLAN_WRITE(201),
  },
  {
    name: 'PATCH /api/corrective-action-plans/{id}/tasks/{taskId}',
    of: "a fresh task of the target's plan",
    fresh: async (t) => ({ task: await freshTask(t.plan) }),
    path: (t, f) => `/api/corrective-action-plans/${t.plan}/tasks/${f.task}`,
    body: () => ({ status: 'doing', owner: 'Plant manager' }),
    expect: PLAN_WRITE(200),
  },
  {
    name: 'PATCH /api/corrective-action-plans/{id}/tasks/{taskId}',
    of: "a fresh task of the target's plan, through the own plan",
    fresh: async (t) => ({ task: await freshTask(t.plan) }),
    path: (_t, f) => `/api/corrective-action-plans/${targets.own.plan}/tasks/${f.task}`,
    body: () => ({ status: 'doing' }),
    expect: TASK_THROUGH_OWN_PLAN,
  },
  {
    name: 'PATCH /api/corrective-action-plans/{id}/tasks/{taskId}/status',
    of: "a fresh task of the target's plan, assigned to nobody",
    fresh: async (t) => ({ task: await freshTask(t.plan) }),
    path: (t, f) => `/api/corrective-action-plans/${t.plan}/tasks/${f.task}/status`,
    body: () => ({ status: 'doing' }),
    expect: TASK_STATUS_UNASSIGNED,
  },
  {
    name: 'PATCH /api/corrective-action-plans/{id}/tasks/{taskId}/status',
    of: "a fresh task of the target's plan, assigned to Acme's contributor",
    fresh: async (t) => ({ task: await freshTask(t.plan, acmeContributor) }),
    path: (t, f) => `/api/corrective-action-plans/${t.plan}/tasks/${f.task}/status`,
    body: () => ({ status: 'done' }),
    expect: TASK_STATUS_ASSIGNED,
  },
  {
    name: 'PATCH /api/corrective-action-plans/{id}/tasks/{taskId}/status',
    of: "a fresh task of the target's plan assigned to Acme's contributor, through the own plan",
    fresh: async (t) => ({ task: await freshTask(t.plan, acmeContributor) }),
    path: (_t, f) => `/api/corrective-action-plans/${targets.own.plan}/tasks/${f.task}/status`,
    body: () => ({ status: 'doing' }),
    expect: TASK_STATUS_THROUGH_OWN_PLAN,
  },
  {
    name: 'DELETE /api/corrective-action-plans/{id}/tasks/{taskId}',
    of: "a fresh task of the target's plan",
    fresh: async (t) => ({ task: await freshTask(t.plan) }),
    path: (t, f) => `/api/corrective-action-plans/${t.plan}/tasks/${f.task}`,
    deletes: (_t, f) => ({ table: 'CorrectiveActionTask', id: f.task! }),
    expect: PLAN_WRITE(200),
  },
  {
    name: 'DELETE /api/corrective-action-plans/{id}/tasks/{taskId}',
    of: "a fresh task of the target's plan, through the own plan",
    fresh: async (t) => ({ task: await freshTask(t.plan) }),
    path: (_t, f) => `/api/corrective-action-plans/${targets.own.plan}/tasks/${f.task}`,
    deletes: (_t, f) => ({ table: 'CorrectiveActionTask', id: f.task! }),
    expect: TASK_THROUGH_OWN_PLAN,
  },
];

const keyOf = (r: Route): string => (r.of ? `${r.name} (${r.of})` : r.name);

interface Row {
  route: string;
  role: Role;
  target: Target;
  expect: Expect;
}

const ROWS: Row[] = ROUTES.flatMap((r) =>
  ROLES.flatMap((role) => TARGETS.flatMap((target, i) => (r.expect[role][i] === null ? [] : [{ route: keyOf(r), role, target, expect: r.expect[role][i] as Expect }]))),
);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

describe('authorization table: supply relationships, scorecards, templates, corrective action plans', () => {
  let api: TestApi;
  let demo: Demo;
  const tokens = {} as Record<Role, string>;

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
    acmeContributor = demo.user.acmeContributor;
    Object.assign(tokens, await signInRoles(api, ROLES));
    const tag = uniq('az');
    const { glmp, fvsn } = demo.consortium;
    // Northstar buys from Acme (the demo story); the seed may already hold the relationship
    await pool.query(
      `INSERT INTO "SupplyRelationship" (id, "consortiumId", "customerId", "supplierId", since, commodity, "spendBand", "sourcingMode", "updatedAt")
       VALUES ($1, $2, $3, $4, DATE '2018-06-01', 'grey iron castings', '1-5M USD', 'multi_year', now())
       ON CONFLICT ("consortiumId", "customerId", "supplierId") DO NOTHING`,
      [randomUUID(), glmp, demo.org.northstar, demo.org.acme],
    );
    const own = (await pool.query<{ id: string }>(`SELECT id FROM "SupplyRelationship" WHERE "consortiumId" = $1 AND "customerId" = $2 AND "supplierId" = $3`, [glmp, demo.org.northstar, demo.org.acme])).rows[0];
    if (!own) throw new Error('Northstar × Acme missing');
    const otherCustomer = await insertOrganisation(pool, { code: `${tag}-cust`, kind: 'customer' });
    await insertMembership(pool, glmp, otherCustomer);
    const otherFirm = await insertRelationship(pool, { consortiumId: glmp, customerId: otherCustomer, supplierId: demo.org.badger });
    const fvsnCustomer = await insertOrganisation(pool, { code: `${tag}-fvsn`, kind: 'customer' });
    await insertMembership(pool, fvsn, fvsnCustomer);
    const otherConsortium = await insertRelationship(pool, { consortiumId: fvsn, customerId: fvsnCustomer, supplierId: demo.org.fox });

    const period = (consortiumId: string, code: string) => insertPeriod(pool, { consortiumId, code: `${tag}-${code}`, startsOn: '2023-01-01', endsOn: '2023-03-31', dueOn: '2023-04-30', state: 'closed' });
    // inactive templates: they never compete with anyone's active one
    const template = async (consortiumId: string, customerId: string | null) =>
      (await insertTemplate(pool, { consortiumId, customerId, active: false, name: `authz ${tag}`, standings: DEFAULT_STANDINGS, criteria: [] })).id;
    const metric = (consortiumId: string) => insertMetric(pool, { consortiumId, code: `AZ_${randomBytes(4).toString('hex').toUpperCase()}`, direction: 'higher' });
    const shared = {
      [glmp]: { scored: await period(glmp, 'scored'), idle: await period(glmp, 'idle'), template: await template(glmp, null), metric: await metric(glmp) },
      [fvsn]: { scored: await period(fvsn, 'scored'), idle: await period(fvsn, 'idle'), template: await template(fvsn, null), metric: await metric(fvsn) },
    };

    const build = async (consortiumId: string, relationship: string, customerId: string): Promise<Ids> => {
      const s = shared[consortiumId]!;
      const customerTemplate = await template(consortiumId, customerId);
      const { scorecard, plan } = await scorecardWithPlan(consortiumId, relationship, s.scored, s.template);
      const { rows } = await pool.query<Ids['relationshipFields']>(
        `SELECT to_char(since, 'YYYY-MM-DD') AS since, commodity, "spendBand", "sourcingMode"::text AS "sourcingMode", sponsored FROM "SupplyRelationship" WHERE id = $1`,
        [relationship],
      );
      return {
        consortiumId,
        customerId,
        relationship,
        relationshipFields: rows[0]!,
        scorecard,
        plan,
        consortiumTemplate: s.template,
        customerTemplate,
        scoredPeriod: s.scored,
        idlePeriod: s.idle,
        metric: s.metric,
      };
    };
    targets.own = await build(glmp, own.id, demo.org.northstar);
    targets['other-firm'] = await build(glmp, otherFirm, otherCustomer);
    targets['other-consortium'] = await build(fvsn, otherConsortium, fvsnCustomer);
  });

  afterAll(async () => {
    await api?.close();
    await pool?.end();
  });

  it('has rows for every documented route of the four modules, for every role', async () => {
    const documented = await documentedRoutes(api, /^\/api\/(supply-relationships|scorecard-templates|scorecards|corrective-action-plans)(\/|$)/);
    expect([...new Set(ROUTES.map((r) => r.name))].sort()).toEqual(documented.sort());
    expect(new Set(ROUTES.map(keyOf)).size).toBe(ROUTES.length);
    for (const r of ROUTES) expect({ route: keyOf(r), roles: Object.keys(r.expect).sort() }).toEqual({ route: keyOf(r), roles: [...ROLES].sort() });
  });

  it.each(ROWS)('$route as $role on $target → $expect', async ({ route, role, target, expect: expected }) => {
    const r = ROUTES.find((x) => keyOf(x) === route) as Route;
    const [method] = r.name.split(' ') as [string];
    const t = targets[target];
    const f = r.fresh ? await r.fresh(t) : {};
    const path = r.path(t, f);
    const res = await call(api, method, path, { token: tokens[role], body: r.body?.(t, f) });
    if (typeof expected === 'number') {
      expect({ status: res.status, body: res.status === expected ? undefined : res.body }).toEqual({ status: expected, body: undefined });
    } else {
      expect({ status: res.status, rows: Array.isArray(res.body) ? res.body.length : res.body }).toEqual({ status: 200, rows: Number(expected.split(' ')[0]) });
    }
    const ids = path.split('?')[0]!.match(UUID) ?? [];
    if (res.status >= 400) {
      expect(res.contentType).toContain('application/problem+json');
      // a refusal never carries the record, not even its id
      for (const id of ids) expect(JSON.stringify(res.body)).not.toContain(id);
    } else if (ids.length > 0 && method !== 'POST' && !r.name.endsWith('/standing-history')) {
      // the answer is the record addressed (the last id of the path)
      expect((res.body as { id?: unknown }).id).toBe(ids[ids.length - 1]);
    }
    if (r.deletes) {
      const d = r.deletes(t, f);
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${d.table}" WHERE id = $1`, [d.id]);
      expect({ [d.table]: d.id, left: rows[0]?.n }).toEqual({ [d.table]: d.id, left: res.status === 200 ? 0 : 1 });
    }
  });
});
