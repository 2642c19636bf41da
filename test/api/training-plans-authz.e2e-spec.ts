import type { Pool } from 'pg';
import { call, q, startApi, type TestApi } from './support/api';
import { dbPool, loadDemo, type Demo } from './support/fixtures';
import { documentedRoutes, signInRoles } from './support/authz';
import { memberOrg, oneId, planRow, representation } from './support/training-plans';

jest.setTimeout(120_000);

/**
 * Authorization table of training plans and union representations: one row per {route, role, target, expect}.
 *
 * Targets are seen from the principal: `own` is a record of its own firm (Acme Castings; for
 * the union representative of USW Local 1343, Acme is a firm its union represents; for staff
 * and the platform admin, Acme as a glmp member), `other-firm` a record of Badger Machining
 * (another glmp member, which the union does not represent), `other-consortium` a record of
 * the Fox Valley network (for the fvsn staff member: Acme's). Every row gets a fresh record.
 *
 * Expectations: an HTTP status, or `n rows` for a list filtered on the target's id. A role
 * without the permission gets 403 whatever the target; a record outside the principal's scope
 * is 404, never 403; a create naming something outside the scope is a 400 naming the field.
 * Staff read every plan of their consortium and decide nothing: no write, submit, approve or
 * return on either side's behalf.
 */
const ROLES = ['platform', 'staff', 'firmAdmin', 'contributor', 'apiKey', 'buyer', 'union', 'trainer', 'funder', 'fvsnStaff'] as const;
type Role = (typeof ROLES)[number];
type Target = 'own' | 'other-firm' | 'other-consortium';
type Expect = number | '0 rows' | '1 rows';
type Triple = [Expect | null, Expect | null, Expect | null];

export interface AuthzRow {
  route: string;
  role: Role;
  target: Target;
  expect: Expect;
}

const F3: Triple = [403, 403, 403];
const BYSTANDERS = { buyer: F3, trainer: F3, funder: F3 };
const READ_PLAN: Record<Role, Triple> = {
  platform: [200, 200, 200],
  staff: [200, 200, 404],
  firmAdmin: [200, 404, 404],
  contributor: [200, 404, 404],
  apiKey: [200, 404, 404],
  union: [200, 404, 404],
  ...BYSTANDERS,
  fvsnStaff: [200, null, 404],
};
const LIST_PLAN: Record<Role, Triple> = {
  platform: ['1 rows', '1 rows', '1 rows'],
  staff: ['1 rows', '1 rows', '0 rows'],
  firmAdmin: ['1 rows', '0 rows', '0 rows'],
  contributor: ['1 rows', '0 rows', '0 rows'],
  apiKey: ['1 rows', '0 rows', '0 rows'],
  union: ['1 rows', '0 rows', '0 rows'],
  ...BYSTANDERS,
  fvsnStaff: ['1 rows', null, '0 rows'],
};
/** Only the firm's own people write its plan (staff and the platform admin read only). */
const WRITE_PLAN: Record<Role, Triple> = {
  platform: F3, staff: F3, firmAdmin: [200, 404, 404], contributor: [200, 404, 404], apiKey: [200, 404, 404], union: F3, ...BYSTANDERS, fvsnStaff: F3,
};
/** The firm admin submits; the firm admin and the union representative decide, each for its side. */
const SUBMIT_PLAN: Record<Role, Triple> = { platform: F3, staff: F3, firmAdmin: [200, 404, 404], contributor: F3, apiKey: F3, union: F3, ...BYSTANDERS, fvsnStaff: F3 };
const DECIDE_PLAN: Record<Role, Triple> = { platform: F3, staff: F3, firmAdmin: [200, 404, 404], contributor: F3, apiKey: F3, union: [200, 404, 404], ...BYSTANDERS, fvsnStaff: F3 };

// prettier-ignore
const TABLE: Record<string, Record<Role, Triple>> = {
  'GET /api/training-plans':                  LIST_PLAN,
  'GET /api/training-plans/:id':              READ_PLAN,
  'GET /api/training-plans/:id/events':       READ_PLAN,
  // a create names no firm: the plan is the principal's own firm's; naming another is an unknown field (400)
  'POST /api/training-plans':                 { platform: F3, staff: F3, firmAdmin: [201, 400, null], contributor: [201, 400, null], apiKey: [201, 400, null], union: F3, ...BYSTANDERS, fvsnStaff: F3 },
  'PUT /api/training-plans/:id':              WRITE_PLAN,
  'PATCH /api/training-plans/:id':            WRITE_PLAN,
  'POST /api/training-plans/:id/submit':      SUBMIT_PLAN,
  'POST /api/training-plans/:id/approve':     DECIDE_PLAN,
  'POST /api/training-plans/:id/return':      DECIDE_PLAN,
  // representations: staff keep them; a union reads whom it represents, a firm who represents it
  'GET /api/union-representations':           { platform: ['1 rows', '1 rows', '1 rows'], staff: ['1 rows', '1 rows', '0 rows'], firmAdmin: ['1 rows', '0 rows', '0 rows'], contributor: ['1 rows', '0 rows', '0 rows'], apiKey: ['1 rows', '0 rows', '0 rows'], union: ['1 rows', '0 rows', '0 rows'], ...BYSTANDERS, fvsnStaff: ['1 rows', null, '0 rows'] },
  'GET /api/union-representations/:id':       { platform: [200, 200, 200], staff: [200, 200, 404], firmAdmin: [200, 404, 404], contributor: [200, 404, 404], apiKey: [200, 404, 404], union: [200, 404, 404], ...BYSTANDERS, fvsnStaff: [200, null, 404] },
  // the platform admin belongs to no consortium: it names none here (400), staff record their own consortium's
  'POST /api/union-representations':          { platform: [400, null, 400], staff: [201, null, 400], firmAdmin: F3, contributor: F3, apiKey: F3, union: F3, ...BYSTANDERS, fvsnStaff: [201, null, 400] },
  'DELETE /api/union-representations/:id':    { platform: [200, 200, 200], staff: [200, 200, 404], firmAdmin: F3, contributor: F3, apiKey: F3, union: F3, ...BYSTANDERS, fvsnStaff: [200, null, 404] },
};

const TARGETS: Target[] = ['own', 'other-firm', 'other-consortium'];

export const TRAINING_PLANS_AUTHZ: AuthzRow[] = Object.entries(TABLE).flatMap(([route, byRole]) =>
  ROLES.flatMap((role) =>
    TARGETS.flatMap((target, i) => {
      const expect = byRole[role][i];
      return expect === null || expect === undefined ? [] : [{ route, role, target, expect }];
    }),
  ),
);

type Owner = 'acme' | 'badger' | 'fox';

interface World {
  api: TestApi;
  pool: Pool;
  demo: Demo;
  tokens: Record<Role, string>;
  /** a union of each consortium, and the representation each target reads */
  union: { glmp: string; other: string; fvsn: string };
  rep: Record<Owner, string>;
}

function owner(role: Role, target: Target): Owner {
  if (role === 'fvsnStaff') return target === 'own' ? 'fox' : 'acme';
  if (target === 'other-firm') return 'badger';
  if (target === 'other-consortium') return 'fox';
  return 'acme';
}

const consortiumOf = (w: World, o: Owner): string => (o === 'fox' ? w.demo.consortium.fvsn : w.demo.consortium.glmp);
const plan = (w: World, o: Owner, state: 'draft' | 'submitted' = 'draft') => planRow(w.pool, consortiumOf(w, o), w.demo.org[o], state, { coGoverned: state === 'submitted' });

/** A representation a row may delete: the target's union representing a fresh member firm. */
async function freshRepresentation(w: World, o: Owner): Promise<string> {
  const c = consortiumOf(w, o);
  const union = o === 'fox' ? w.union.fvsn : o === 'badger' ? w.union.other : w.union.glmp;
  return representation(w.pool, c, union, await memberOrg(w.pool, c, 'supplier', { unionised: true }));
}

let year = 2040;
const PLAN_BODY = { skillAreas: ['lean', 'safety'], frontlineWorkers: 20, hours: 480, budget: 15000, providers: ['Lakeshore Technical College'] };

interface Req {
  path: string;
  body?: unknown;
}
type Builder = (w: World, role: Role, target: Target) => Promise<Req>;

const REQUESTS: Record<string, Builder> = {
  'GET /api/training-plans': async (w, role, target) => ({ path: `/api/training-plans${q({ filter: { id: [await plan(w, owner(role, target))] } })}` }),
  'GET /api/training-plans/:id': async (w, role, target) => ({ path: `/api/training-plans/${await plan(w, owner(role, target))}` }),
  'GET /api/training-plans/:id/events': async (w, role, target) => ({ path: `/api/training-plans/${await plan(w, owner(role, target))}/events` }),
  'POST /api/training-plans': async (w, role, target) => {
    year += 1;
    return { path: '/api/training-plans', body: { year, ...PLAN_BODY, ...(target === 'own' ? {} : { organisationId: w.demo.org[owner(role, target)] }) } };
  },
  'PUT /api/training-plans/:id': async (w, role, target) => ({ path: `/api/training-plans/${await plan(w, owner(role, target))}`, body: PLAN_BODY }),
  'PATCH /api/training-plans/:id': async (w, role, target) => ({ path: `/api/training-plans/${await plan(w, owner(role, target))}`, body: { hours: 500 } }),
  'POST /api/training-plans/:id/submit': async (w, role, target) => ({ path: `/api/training-plans/${await plan(w, owner(role, target))}/submit` }),
  'POST /api/training-plans/:id/approve': async (w, role, target) => ({ path: `/api/training-plans/${await plan(w, owner(role, target), 'submitted')}/approve`, body: {} }),
  'POST /api/training-plans/:id/return': async (w, role, target) => ({ path: `/api/training-plans/${await plan(w, owner(role, target), 'submitted')}/return`, body: { comment: 'Add the night shift, please.' } }),
  'GET /api/union-representations': async (w, role, target) => ({ path: `/api/union-representations${q({ filter: { id: [w.rep[owner(role, target)]] } })}` }),
  'GET /api/union-representations/:id': async (w, role, target) => ({ path: `/api/union-representations/${w.rep[owner(role, target)]}` }),
  'POST /api/union-representations': async (w, role, target) => {
    // own: the principal's own consortium's union and a fresh firm of it; other-consortium: both of the other network
    const o = target === 'own' ? (role === 'fvsnStaff' ? 'fox' : 'acme') : role === 'fvsnStaff' ? 'acme' : 'fox';
    const c = consortiumOf(w, o);
    return { path: '/api/union-representations', body: { unionOrganisationId: o === 'fox' ? w.union.fvsn : w.union.glmp, firmOrganisationId: await memberOrg(w.pool, c, 'supplier', { unionised: true }) } };
  },
  'DELETE /api/union-representations/:id': async (w, role, target) => ({ path: `/api/union-representations/${await freshRepresentation(w, owner(role, target))}` }),
};

describe('training plans authorization table', () => {
  let w: World;

  beforeAll(async () => {
    const api = await startApi();
    const pool = dbPool();
    const demo = await loadDemo(pool);
    const tokens = await signInRoles(api, ROLES);
    const other = await memberOrg(pool, demo.consortium.glmp, 'union');
    const fvsnUnion = await memberOrg(pool, demo.consortium.fvsn, 'union');
    w = {
      api,
      pool,
      demo,
      tokens,
      union: { glmp: demo.org.usw, other, fvsn: fvsnUnion },
      rep: {
        // the seed's: USW Local 1343 represents Acme Castings
        acme: await oneId(pool, `SELECT id FROM "UnionRepresentation" WHERE "consortiumId" = $1 AND "unionOrganisationId" = $2 AND "firmOrganisationId" = $3`, [demo.consortium.glmp, demo.org.usw, demo.org.acme]),
        badger: await representation(pool, demo.consortium.glmp, other, demo.org.badger),
        fox: await representation(pool, demo.consortium.fvsn, fvsnUnion, demo.org.fox),
      },
    };
  }, 60_000);

  afterAll(async () => {
    await w?.pool.end();
    await w?.api.close();
  });

  it('has a request for every route of the table and a row for every route of the two modules', async () => {
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(TABLE).sort());
    const mine = await documentedRoutes(w.api, /^\/api\/(training-plans|union-representations)(\/|$)/, { colon: true });
    expect(mine.sort()).toEqual(Object.keys(TABLE).sort());
  });

  describe.each(Object.keys(TABLE))('%s', (route) => {
    const rows = TRAINING_PLANS_AUTHZ.filter((r) => r.route === route);
    it.each(rows.map((r) => [r.role, r.target, r.expect, r] as const))('%s × %s → %s', async (_role, _target, _expect, row) => {
      const [method] = route.split(' ') as [string];
      const req = await (REQUESTS[route] as Builder)(w, row.role, row.target);
      const res = await call(w.api, method, req.path, { token: w.tokens[row.role], body: req.body ?? (method === 'POST' ? {} : undefined) });
      const got: Expect = res.status === 200 && typeof row.expect === 'string' ? (`${(res.body as unknown[]).length} rows` as Expect) : res.status;
      expect({ route, role: row.role, target: row.target, got, body: got === row.expect ? '(as expected)' : res.body }).toEqual({ route, role: row.role, target: row.target, got: row.expect, body: '(as expected)' });
      if (res.status >= 400) {
        expect(res.contentType).toContain('application/problem+json');
        // a refusal never carries the record, not even its id
        const id = /\/api\/[a-z-]+\/([0-9a-f-]{36})/.exec(req.path)?.[1];
        if (id) expect(JSON.stringify(res.body)).not.toContain(id);
      }
    });
  });
});
