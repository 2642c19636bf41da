import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { BulkRowResult, PeriodCompleteness, ValidateManyResult } from '@tandem/contracts';
import { call, q, startApi, type TestApi } from './support/api';
import { dbPool, loadDemo, type Demo } from './support/fixtures';
import { documentedRoutes, signInRoles } from './support/authz';
import { ensureCatalogue, freeYear, metricIds, relate } from './support/performance';

jest.setTimeout(120_000);

/**
 * Authorization table of the supplier-performance routes (metric-definitions,
 * periods, metric-values, metric-goals): one row per {route, role, target, expect}.
 *
 * Targets are seen from the principal: `own` is a record of its own firm (Acme Castings;
 * for the buyer, Northstar's report about its supplier Acme; for staff, a record of its own
 * consortium), `other-firm` a record of Badger Machining (another glmp member, not a
 * supplier of Northstar), `other-consortium` a record of the Fox Valley network (for the
 * fvsn staff member: a glmp record). Every row gets a fresh record, so rows do not depend
 * on one another.
 *
 * Expectations: an HTTP status; `n rows` for a list filtered on the target's id; for the
 * bulk push and bulk validation, what became of the target row; for a period's completeness
 * (one answer about every reporting firm), whether the target firm's row is in it. Roles without the route's
 * permission get 403 whatever the target; a record outside the principal's scope is 404,
 * never 403; a create naming something outside the scope is a 400 naming the field.
 */
const ROLES = ['staff', 'firmAdmin', 'contributor', 'apiKey', 'buyer', 'union', 'trainer', 'funder', 'fvsnStaff'] as const;
type Role = (typeof ROLES)[number];
type Target = 'own' | 'other-firm' | 'other-consortium';
type Expect = number | '0 rows' | '1 rows' | 'row created' | 'row error' | 'validated' | 'skipped' | 'firm shown' | 'firm hidden';

export interface AuthzRow {
  route: string;
  role: Role;
  target: Target;
  expect: Expect;
}

type Triple = [Expect | null, Expect | null, Expect | null];
const F3: Triple = [403, 403, 403];
const NO_FIGURES = { union: F3, trainer: F3, funder: F3 };
const STAFF_ONLY = { firmAdmin: F3, contributor: F3, apiKey: F3, buyer: F3, ...NO_FIGURES };

// prettier-ignore
const TABLE: Record<string, Record<Role, Triple>> = {
  // metric definitions: everyone reads the catalogue of its consortium; staff change it
  'GET /api/metric-definitions':               { staff: ['1 rows', null, '0 rows'], firmAdmin: ['1 rows', null, '0 rows'], contributor: ['1 rows', null, '0 rows'], apiKey: ['1 rows', null, '0 rows'], buyer: ['1 rows', null, '0 rows'], union: ['1 rows', null, '0 rows'], trainer: ['1 rows', null, '0 rows'], funder: ['1 rows', null, '0 rows'], fvsnStaff: ['1 rows', null, '0 rows'] },
  'GET /api/metric-definitions/:id':           { staff: [200, null, 404], firmAdmin: [200, null, 404], contributor: [200, null, 404], apiKey: [200, null, 404], buyer: [200, null, 404], union: [200, null, 404], trainer: [200, null, 404], funder: [200, null, 404], fvsnStaff: [200, null, 404] },
  'POST /api/metric-definitions':              { staff: [201, null, null], fvsnStaff: [201, null, null], ...STAFF_ONLY },
  'PUT /api/metric-definitions/:id':           { staff: [200, null, 404], fvsnStaff: [200, null, 404], ...STAFF_ONLY },
  'PATCH /api/metric-definitions/:id':         { staff: [200, null, 404], fvsnStaff: [200, null, 404], ...STAFF_ONLY },
  // periods: everyone reads the calendar of its consortium; staff manage it
  'GET /api/periods':                          { staff: ['1 rows', null, '0 rows'], firmAdmin: ['1 rows', null, '0 rows'], contributor: ['1 rows', null, '0 rows'], apiKey: ['1 rows', null, '0 rows'], buyer: ['1 rows', null, '0 rows'], union: ['1 rows', null, '0 rows'], trainer: ['1 rows', null, '0 rows'], funder: ['1 rows', null, '0 rows'], fvsnStaff: ['1 rows', null, '0 rows'] },
  'GET /api/periods/:id':                      { staff: [200, null, 404], firmAdmin: [200, null, 404], contributor: [200, null, 404], apiKey: [200, null, 404], buyer: [200, null, 404], union: [200, null, 404], trainer: [200, null, 404], funder: [200, null, 404], fvsnStaff: [200, null, 404] },
  'POST /api/periods':                         { staff: [201, null, null], fvsnStaff: [201, null, null], ...STAFF_ONLY },
  'POST /api/periods/generate':                { staff: [201, null, null], fvsnStaff: [201, null, null], ...STAFF_ONLY },
  'PUT /api/periods/:id':                      { staff: [200, null, 404], fvsnStaff: [200, null, 404], ...STAFF_ONLY },
  'PATCH /api/periods/:id':                    { staff: [200, null, 404], fvsnStaff: [200, null, 404], ...STAFF_ONLY },
  'POST /api/periods/:id/close':               { staff: [200, null, 404], fvsnStaff: [200, null, 404], ...STAFF_ONLY },
  'POST /api/periods/:id/reopen':              { staff: [200, null, 404], fvsnStaff: [200, null, 404], ...STAFF_ONLY },
  'POST /api/periods/:id/remind-late':         { staff: [200, null, 404], fvsnStaff: [200, null, 404], ...STAFF_ONLY },
  // completeness: staff see every reporting firm of their consortium, a firm itself only; buyers report no own figures
  'GET /api/periods/:id/completeness':         { staff: ['firm shown', 'firm shown', 404], firmAdmin: ['firm shown', 'firm hidden', 404], contributor: ['firm shown', 'firm hidden', 404], apiKey: ['firm shown', 'firm hidden', 404], buyer: F3, ...NO_FIGURES, fvsnStaff: ['firm shown', null, 404] },
  'POST /api/periods/:id/publish':             { staff: [200, null, 404], fvsnStaff: [200, null, 404], ...STAFF_ONLY },
  // metric values: a firm its own (and its customers' reports about it), a buyer its reports and its suppliers', never funders, unions or trainers
  'GET /api/metric-values':                    { staff: ['1 rows', '1 rows', '0 rows'], firmAdmin: ['1 rows', '0 rows', '0 rows'], contributor: ['1 rows', '0 rows', '0 rows'], apiKey: ['1 rows', '0 rows', '0 rows'], buyer: ['1 rows', '0 rows', '0 rows'], ...NO_FIGURES, fvsnStaff: ['1 rows', null, '0 rows'] },
  'GET /api/metric-values/:id':                { staff: [200, 200, 404], firmAdmin: [200, 404, 404], contributor: [200, 404, 404], apiKey: [200, 404, 404], buyer: [200, 404, 404], ...NO_FIGURES, fvsnStaff: [200, null, 404] },
  'GET /api/metric-values/:id/revisions':      { staff: [200, 200, 404], firmAdmin: [200, 404, 404], contributor: [200, 404, 404], apiKey: [200, 404, 404], buyer: [200, 404, 404], ...NO_FIGURES, fvsnStaff: [200, null, 404] },
  'POST /api/metric-values':                   { staff: [201, 201, 400], firmAdmin: [201, 400, 400], contributor: [201, 400, 400], apiKey: [201, 400, 400], buyer: [201, 400, 400], ...NO_FIGURES, fvsnStaff: [201, null, 400] },
  'PUT /api/metric-values/:id':                { staff: [200, 200, 404], firmAdmin: [200, 404, 404], contributor: [200, 404, 404], apiKey: [200, 404, 404], buyer: [200, 404, 404], ...NO_FIGURES, fvsnStaff: [200, null, 404] },
  'PATCH /api/metric-values/:id':              { staff: [200, 200, 404], firmAdmin: [200, 404, 404], contributor: [200, 404, 404], apiKey: [200, 404, 404], buyer: [200, 404, 404], ...NO_FIGURES, fvsnStaff: [200, null, 404] },
  'POST /api/metric-values/:id/submit':        { staff: [200, 200, 404], firmAdmin: [200, 404, 404], contributor: [200, 404, 404], apiKey: [200, 404, 404], buyer: [200, 404, 404], ...NO_FIGURES, fvsnStaff: [200, null, 404] },
  'POST /api/metric-values/:id/validate':      { staff: [200, 200, 404], fvsnStaff: [200, null, 404], ...STAFF_ONLY },
  'POST /api/metric-values/:id/reject':        { staff: [200, 200, 404], fvsnStaff: [200, null, 404], ...STAFF_ONLY },
  'POST /api/metric-values/validate-many':     { staff: ['validated', 'validated', 'skipped'], fvsnStaff: ['validated', null, 'skipped'], ...STAFF_ONLY },
  'POST /api/metric-values/bulk':              { staff: ['row created', 'row created', 'row error'], firmAdmin: ['row created', 'row error', 'row error'], contributor: ['row created', 'row error', 'row error'], apiKey: ['row created', 'row error', 'row error'], buyer: ['row created', 'row error', 'row error'], ...NO_FIGURES, fvsnStaff: ['row created', null, 'row error'] },
  'POST /api/metric-values/:id/revisions/:revision/approve': { staff: [200, 200, 404], fvsnStaff: [200, null, 404], ...STAFF_ONLY },
  'POST /api/metric-values/:id/revisions/:revision/decline': { staff: [200, 200, 404], fvsnStaff: [200, null, 404], ...STAFF_ONLY },
  // baselines and goals: read like values; firm admins and staff write
  'GET /api/metric-goals':                     { staff: ['1 rows', '1 rows', '0 rows'], firmAdmin: ['1 rows', '0 rows', '0 rows'], contributor: ['1 rows', '0 rows', '0 rows'], apiKey: ['1 rows', '0 rows', '0 rows'], buyer: ['1 rows', '0 rows', '0 rows'], ...NO_FIGURES, fvsnStaff: ['1 rows', null, '0 rows'] },
  'GET /api/metric-goals/:id':                 { staff: [200, 200, 404], firmAdmin: [200, 404, 404], contributor: [200, 404, 404], apiKey: [200, 404, 404], buyer: [200, 404, 404], ...NO_FIGURES, fvsnStaff: [200, null, 404] },
  'POST /api/metric-goals':                    { staff: [201, 201, 400], firmAdmin: [201, 400, 400], contributor: F3, apiKey: F3, buyer: F3, ...NO_FIGURES, fvsnStaff: [201, null, 400] },
  'PUT /api/metric-goals/:id':                 { staff: [200, 200, 404], firmAdmin: [200, 404, 404], contributor: F3, apiKey: F3, buyer: F3, ...NO_FIGURES, fvsnStaff: [200, null, 404] },
  'PATCH /api/metric-goals/:id':               { staff: [200, 200, 404], firmAdmin: [200, 404, 404], contributor: F3, apiKey: F3, buyer: F3, ...NO_FIGURES, fvsnStaff: [200, null, 404] },
  'DELETE /api/metric-goals/:id':              { staff: [200, 200, 404], firmAdmin: [200, 404, 404], contributor: F3, apiKey: F3, buyer: F3, ...NO_FIGURES, fvsnStaff: [200, null, 404] },
};

const TARGETS: Target[] = ['own', 'other-firm', 'other-consortium'];

export const PERFORMANCE_AUTHZ: AuthzRow[] = Object.entries(TABLE).flatMap(([route, byRole]) =>
  ROLES.flatMap((role) => TARGETS.flatMap((target, i) => {
    const expect = byRole[role][i];
    return expect === null || expect === undefined ? [] : [{ route, role, target, expect }];
  })),
);

type Owner = 'acme' | 'northstarAboutAcme' | 'badger' | 'fox';
type Consortium = 'glmp' | 'fvsn';

interface World {
  api: TestApi;
  pool: Pool;
  demo: Demo;
  tokens: Record<Role, string>;
  metric: Record<Consortium, Record<string, string>>;
  year: Record<Consortium, number>;
}

/** Whose record a target is, seen from a role. */
function owner(role: Role, target: Target): Owner {
  if (role === 'fvsnStaff') return target === 'own' ? 'fox' : 'acme';
  if (target === 'other-firm') return 'badger';
  if (target === 'other-consortium') return 'fox';
  return role === 'buyer' ? 'northstarAboutAcme' : 'acme';
}

function consortiumOf(o: Owner): Consortium {
  return o === 'fox' ? 'fvsn' : 'glmp';
}

function home(role: Role, target: Target): Consortium {
  return consortiumOf(owner(role, target));
}

const hex = () => randomBytes(4).toString('hex');

async function one(pool: Pool, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`no row from ${sql}`);
  return rows[0].id;
}

/** A period written directly (arbitrary code, so it never meets another file's calendar). */
function period(w: World, c: Consortium, state: 'open' | 'closed' | 'published' = 'open'): Promise<string> {
  return one(
    w.pool,
    `INSERT INTO "Period" (id, "consortiumId", code, kind, "startsOn", "endsOn", "dueOn", state, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'quarter', DATE '2001-01-01', DATE '2001-03-31', DATE '2001-04-30', $3, now()) RETURNING id`,
    [w.demo.consortium[c], `authz-${hex()}`, state],
  );
}

function orgOf(w: World, o: Owner): { organisationId: string; customerId: string | null } {
  if (o === 'northstarAboutAcme') return { organisationId: w.demo.org.acme, customerId: w.demo.org.northstar };
  return { organisationId: w.demo.org[o], customerId: null };
}

/** A value with its first revision; optionally in a closed period with revision 2 pending. */
async function value(w: World, o: Owner, opts: { status?: string; pending?: boolean } = {}): Promise<string> {
  const c = consortiumOf(o);
  const p = await period(w, c, opts.pending ? 'closed' : 'open');
  const { organisationId, customerId } = orgOf(w, o);
  const status = opts.status ?? 'draft';
  const id = await one(
    w.pool,
    `INSERT INTO "MetricValue" (id, "consortiumId", "organisationId", "metricId", "periodId", "customerId", "subjectKey", value, source, status, revision, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 90, 'form', $7, 1, now()) RETURNING id`,
    [w.demo.consortium[c], organisationId, w.metric[c].OTD, p, customerId, customerId ?? 'self', status],
  );
  await w.pool.query(`INSERT INTO "MetricValueRevision" (id, "metricValueId", revision, value, status, source) VALUES (gen_random_uuid(), $1, 1, 90, $2, 'form')`, [id, status]);
  if (opts.pending) {
    await w.pool.query(`INSERT INTO "MetricValueRevision" (id, "metricValueId", revision, value, status, source, reason, approval) VALUES (gen_random_uuid(), $1, 2, 91, $2, 'form', 'late fix', 'pending')`, [id, status]);
  }
  return id;
}

/** A metric of the consortium's own, so goals never collide on (organisation, metric). */
function customMetric(w: World, c: Consortium): Promise<string> {
  return one(
    w.pool,
    `INSERT INTO "MetricDefinition" (id, "consortiumId", code, name, unit, direction, "minValue", "maxValue", frequency, reporters, category, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'Authz metric', 'x', 'higher', 0, 100, 'quarterly', '{supplier}', 'delivery', now()) RETURNING id`,
    [w.demo.consortium[c], `AZ_${hex().toUpperCase()}`],
  );
}

async function goal(w: World, o: Owner): Promise<string> {
  const c = consortiumOf(o);
  const metricId = await customMetric(w, c);
  return one(
    w.pool,
    `INSERT INTO "MetricGoal" (id, "consortiumId", "organisationId", "metricId", "goalValue", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, 50, now()) RETURNING id`,
    [w.demo.consortium[c], orgOf(w, o).organisationId, metricId],
  );
}

const usedCodes: Record<Consortium, number> = { glmp: 0, fvsn: 0 };
/**
 * A quarter code of this file's own year (both calendars are quarterly): Q1–Q3 are fresh (Q4
 * claimed the year), enough for the requests that create one; refused ones reuse codes harmlessly.
 */
function nextQuarterCode(w: World, c: Consortium): string {
  usedCodes[c] += 1;
  return `${w.year[c]}-Q${((usedCodes[c] - 1) % 3) + 1}`;
}

const orgCode = (o: Owner) => ({ acme: 'acme-castings', northstarAboutAcme: 'acme-castings', badger: 'badger-machining', fox: 'fox-cities-gear' })[o];

interface Req {
  path: string;
  body?: unknown;
  /** id of the record the row is about, for list and bulk checks */
  targetId?: string;
}

type Builder = (w: World, role: Role, target: Target) => Promise<Req>;

/** The def, period or value the principal names: in its home consortium or the other one. */
const defOf = (w: World, role: Role, target: Target) => w.metric[home(role, target)].OTD as string;

const REQUESTS: Record<string, Builder> = {
  'GET /api/metric-definitions': async (w, role, target) => {
    const id = await customMetric(w, home(role, target));
    return { path: `/api/metric-definitions${q({ filter: { id: [id] } })}`, targetId: id };
  },
  'GET /api/metric-definitions/:id': async (w, role, target) => ({ path: `/api/metric-definitions/${defOf(w, role, target)}` }),
  'POST /api/metric-definitions': async () => ({
    path: '/api/metric-definitions',
    body: { code: `AZ_${hex().toUpperCase()}`, name: 'Authz', unit: 'x', direction: 'lower', frequency: 'quarterly', reporters: ['supplier'] },
  }),
  'PUT /api/metric-definitions/:id': async (w, role, target) => ({ path: `/api/metric-definitions/${await customMetric(w, home(role, target))}`, body: { name: 'Renamed', outlierFactor: 4 } }),
  'PATCH /api/metric-definitions/:id': async (w, role, target) => ({ path: `/api/metric-definitions/${await customMetric(w, home(role, target))}`, body: { enabled: false } }),

  'GET /api/periods': async (w, role, target) => {
    const id = await period(w, home(role, target));
    return { path: `/api/periods${q({ filter: { id: [id] } })}`, targetId: id };
  },
  'GET /api/periods/:id': async (w, role, target) => ({ path: `/api/periods/${await period(w, home(role, target))}` }),
  'POST /api/periods': async (w, role) => ({ path: '/api/periods', body: { code: nextQuarterCode(w, role === 'fvsnStaff' ? 'fvsn' : 'glmp') } }),
  'POST /api/periods/generate': async (w, role) => ({ path: '/api/periods/generate', body: { year: w.year[role === 'fvsnStaff' ? 'fvsn' : 'glmp'] + 1, kind: 'quarter' } }),
  'PUT /api/periods/:id': async (w, role, target) => ({ path: `/api/periods/${await period(w, home(role, target))}`, body: { dueOn: '2001-05-15' } }),
  'PATCH /api/periods/:id': async (w, role, target) => ({ path: `/api/periods/${await period(w, home(role, target))}`, body: { dueOn: '2001-05-20' } }),
  'POST /api/periods/:id/close': async (w, role, target) => ({ path: `/api/periods/${await period(w, home(role, target))}/close` }),
  'POST /api/periods/:id/remind-late': async (w, role, target) => ({ path: `/api/periods/${await period(w, home(role, target))}/remind-late` }),
  'POST /api/periods/:id/reopen': async (w, role, target) => ({ path: `/api/periods/${await period(w, home(role, target), 'closed')}/reopen`, body: { reason: 'authz check' } }),
  'GET /api/periods/:id/completeness': async (w, role, target) => {
    // asked for the target firm alone: whatever the number of firms other suites add, it is on the page if it is visible at all
    const firm = orgOf(w, owner(role, target)).organisationId;
    return { path: `/api/periods/${await period(w, home(role, target))}/completeness?organisationId=${firm}`, targetId: firm };
  },
  'POST /api/periods/:id/publish': async (w, role, target) => ({ path: `/api/periods/${await period(w, home(role, target), 'closed')}/publish` }),

  'GET /api/metric-values': async (w, role, target) => {
    const id = await value(w, owner(role, target));
    return { path: `/api/metric-values${q({ filter: { id: [id] } })}`, targetId: id };
  },
  'GET /api/metric-values/:id': async (w, role, target) => ({ path: `/api/metric-values/${await value(w, owner(role, target))}` }),
  'GET /api/metric-values/:id/revisions': async (w, role, target) => ({ path: `/api/metric-values/${await value(w, owner(role, target))}/revisions` }),
  'POST /api/metric-values': async (w, role, target) => {
    const o = owner(role, target);
    // other-consortium: the period is the other network's, which the principal cannot name
    const periodId = await period(w, target === 'other-consortium' ? consortiumOf(o) : home(role, 'own'));
    const c = home(role, 'own');
    const { organisationId, customerId } = orgOf(w, o);
    const firm = role === 'firmAdmin' || role === 'contributor' || role === 'apiKey';
    return {
      path: '/api/metric-values',
      body: { metricId: w.metric[c].OTD, periodId, value: 90, ...(firm && target === 'own' ? {} : { organisationId }), ...(role !== 'buyer' && customerId ? { customerId } : {}) },
    };
  },
  'PUT /api/metric-values/:id': async (w, role, target) => ({ path: `/api/metric-values/${await value(w, owner(role, target))}`, body: { revision: 1, value: 91, note: 'authz' } }),
  'PATCH /api/metric-values/:id': async (w, role, target) => ({ path: `/api/metric-values/${await value(w, owner(role, target))}`, body: { revision: 1, value: 92 } }),
  'POST /api/metric-values/:id/submit': async (w, role, target) => ({ path: `/api/metric-values/${await value(w, owner(role, target))}/submit` }),
  'POST /api/metric-values/:id/validate': async (w, role, target) => ({ path: `/api/metric-values/${await value(w, owner(role, target), { status: 'submitted' })}/validate` }),
  'POST /api/metric-values/:id/reject': async (w, role, target) => ({ path: `/api/metric-values/${await value(w, owner(role, target), { status: 'submitted' })}/reject`, body: { reason: 'authz check' } }),
  'POST /api/metric-values/validate-many': async (w, role, target) => {
    const id = await value(w, owner(role, target), { status: 'submitted' });
    return { path: '/api/metric-values/validate-many', body: { ids: [id] }, targetId: id };
  },
  'POST /api/metric-values/bulk': async (w, role, target) => {
    const o = owner(role, target);
    const code = `authz-${hex()}`;
    // the period exists in the principal's consortium; the target firm decides the row's fate
    await w.pool.query(
      `INSERT INTO "Period" (id, "consortiumId", code, kind, "startsOn", "endsOn", "dueOn", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'quarter', DATE '2001-01-01', DATE '2001-03-31', DATE '2001-04-30', now())`,
      [w.demo.consortium[home(role, 'own')], code],
    );
    return { path: '/api/metric-values/bulk', body: { rows: [{ orgCode: orgCode(o), period: code, metric: 'OTD', value: 88 }] } };
  },
  'POST /api/metric-values/:id/revisions/:revision/approve': async (w, role, target) => ({ path: `/api/metric-values/${await value(w, owner(role, target), { pending: true })}/revisions/2/approve` }),
  'POST /api/metric-values/:id/revisions/:revision/decline': async (w, role, target) => ({ path: `/api/metric-values/${await value(w, owner(role, target), { pending: true })}/revisions/2/decline`, body: { reason: 'authz' } }),

  'GET /api/metric-goals': async (w, role, target) => {
    const id = await goal(w, owner(role, target));
    return { path: `/api/metric-goals${q({ filter: { id: [id] } })}`, targetId: id };
  },
  'GET /api/metric-goals/:id': async (w, role, target) => ({ path: `/api/metric-goals/${await goal(w, owner(role, target))}` }),
  'POST /api/metric-goals': async (w, role, target) => {
    const o = owner(role, target);
    const metricId = await customMetric(w, consortiumOf(o));
    return { path: '/api/metric-goals', body: { metricId, goalValue: 60, ...(target === 'own' && role !== 'staff' && role !== 'fvsnStaff' ? {} : { organisationId: orgOf(w, o).organisationId }) } };
  },
  'PUT /api/metric-goals/:id': async (w, role, target) => ({ path: `/api/metric-goals/${await goal(w, owner(role, target))}`, body: { goalValue: 70, goalDate: '2030-12-31' } }),
  'PATCH /api/metric-goals/:id': async (w, role, target) => ({ path: `/api/metric-goals/${await goal(w, owner(role, target))}`, body: { goalValue: 75 } }),
  'DELETE /api/metric-goals/:id': async (w, role, target) => ({ path: `/api/metric-goals/${await goal(w, owner(role, target))}` }),
};

describe('supplier performance authorization table', () => {
  let w: World;

  beforeAll(async () => {
    const api = await startApi();
    const pool = dbPool();
    const demo = await loadDemo(pool);
    await ensureCatalogue(api, demo.consortium.glmp);
    await ensureCatalogue(api, demo.consortium.fvsn);
    await relate(pool, demo.consortium.glmp, demo.org.northstar, demo.org.acme);
    const tokens = await signInRoles(api, ROLES);
    const glmpYear = await freeYear(pool);
    // claim the year at once, so another file's freeYear cannot pick it
    await call(api, 'POST', '/api/periods', { token: tokens.staff, body: { code: `${glmpYear}-Q4` } });
    const fvsnYear = await freeYear(pool);
    await call(api, 'POST', '/api/periods', { token: tokens.fvsnStaff, body: { code: `${fvsnYear}-Q4` } });
    w = {
      api,
      pool,
      demo,
      tokens,
      metric: { glmp: await metricIds(pool, demo.consortium.glmp), fvsn: await metricIds(pool, demo.consortium.fvsn) },
      year: { glmp: glmpYear, fvsn: fvsnYear },
    };
  }, 60_000);

  afterAll(async () => {
    await w?.pool.end();
    await w?.api.close();
  });

  it('has a request for every route of the table and a row for every route of the four modules', async () => {
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(TABLE).sort());
    const mine = await documentedRoutes(w.api, /^\/api\/(metric-definitions|periods|metric-values|metric-goals)(\/|$)/, { colon: true });
    expect(mine.sort()).toEqual(Object.keys(TABLE).sort());
  });

  describe.each(Object.keys(TABLE))('%s', (route) => {
    const rows = PERFORMANCE_AUTHZ.filter((r) => r.route === route);
    it.each(rows.map((r) => [r.role, r.target, r.expect, r] as const))('%s × %s → %s', async (_role, _target, _expect, row) => {
      const [method] = route.split(' ') as [string];
      const build = REQUESTS[route] as Builder;
      const req = await build(w, row.role, row.target);
      const res = await call(w.api, method, req.path, { token: w.tokens[row.role], body: req.body ?? (method === 'POST' ? {} : undefined) });
      let got: Expect = res.status;
      if (res.status === 200 && typeof row.expect === 'string') {
        if (row.expect.endsWith('rows')) got = `${(res.body as unknown[]).length} rows` as Expect;
        else if (row.expect.startsWith('row ')) got = `row ${(res.body as BulkRowResult[])[0]?.status === 'error' ? 'error' : (res.body as BulkRowResult[])[0]?.status}` as Expect;
        else if (row.expect.startsWith('firm ')) got = (res.body as PeriodCompleteness).firms.some((f) => f.organisationId === req.targetId) ? 'firm shown' : 'firm hidden';
        else {
          const r = res.body as ValidateManyResult;
          got = r.validated.includes(req.targetId as string) ? 'validated' : r.skipped.some((s) => s.id === req.targetId) ? 'skipped' : res.status;
        }
      }
      expect({ route, role: row.role, target: row.target, got, body: got === row.expect ? '(as expected)' : res.body }).toEqual({
        route,
        role: row.role,
        target: row.target,
        got: row.expect,
        body: '(as expected)',
      });
      if (res.status >= 400) {
        expect(res.contentType).toContain('application/problem+json');
        // a refusal never carries the record, not even its id
        const id = /\/api\/[a-z-]+\/([0-9a-f-]{36})/.exec(req.path)?.[1];
        if (id) expect(JSON.stringify(res.body)).not.toContain(id);
      }
    });
  });
});
