process.env.LOG_LEVEL ??= 'silent';
import type { Pool } from 'pg';
import { call, q, startApi, type TestApi } from './support/api';
import { EMAIL, dbPool, loadDemo, session, uniq, type Demo } from './support/fixtures';
import { AUTHZ_ROLES, documentedRoutes, signInRoles } from './support/authz';

jest.setTimeout(120_000);

/**
 * Authorization table of workforce demand surveys: one row per {route, role, target, expect}.
 *
 * A survey belongs to a consortium, not to a firm: `own` is a survey of the principal's own
 * consortium (glmp; for the fvsn staff member, fvsn's), `other-consortium` one of the other
 * network. `other-firm` is where a firm's answers come in: the answer routes name no firm
 * (a firm reads and writes its own firm's lines, whoever asks), so another firm's answers are
 * out of reach by construction; `other-firm` rows here are the same survey read by a member
 * of another firm (Badger's admin answering the survey Acme answered) and must reach only
 * Badger's lines (demand-surveys.e2e-spec.ts checks the content). Every row gets a fresh
 * survey in the state the route needs (open for answers, a draft to open, open to close,
 * closed for the gap).
 *
 * Expectations: an HTTP status, or `n rows` for a list filtered on the survey's id. A role
 * without the permission gets 403 whatever the target; a survey outside the principal's
 * consortium is 404; a create naming another consortium is a 400 naming the field.
 */
const ROLES = ['platform', 'staff', 'firmAdmin', 'contributor', 'apiKey', 'buyer', 'union', 'trainer', 'funder', 'fvsnStaff', 'otherFirmAdmin'] as const;
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
const READ: Triple = [200, null, 404];
const LIST: Triple = ['1 rows', null, '0 rows'];
/** everyone of a consortium reads its surveys and the gap (as disclosure control lets it); the platform admin every consortium's */
const EVERYONE_READS = (t: Triple): Record<Role, Triple> => ({
  platform: t[0] === 200 ? [200, null, 200] : ['1 rows', null, '1 rows'],
  staff: t,
  firmAdmin: t,
  contributor: t,
  apiKey: t,
  buyer: t,
  union: t,
  trainer: t,
  funder: t,
  fvsnStaff: t,
  otherFirmAdmin: t[0] === 200 ? [null, 200, 404] : [null, '1 rows', '0 rows'],
});
const NOBODY_BUT = (allowed: Partial<Record<Role, Triple>>): Record<Role, Triple> => ({ ...(Object.fromEntries(ROLES.map((r) => [r, F3])) as Record<Role, Triple>), ...allowed });
/** staff run the surveys of their consortium; the platform admin any */
const STAFF_MOVES = NOBODY_BUT({ platform: [200, null, 200], staff: [200, null, 404], fvsnStaff: [200, null, 404] });
/** a firm's admin answers for its own firm: Badger's admin reaches the same survey, for Badger */
const FIRM_ANSWERS = NOBODY_BUT({ firmAdmin: [200, null, 404], otherFirmAdmin: [null, 200, 404] });

// prettier-ignore
const TABLE: Record<string, Record<Role, Triple>> = {
  'GET /api/demand-surveys':              EVERYONE_READS(LIST),
  'GET /api/demand-surveys/:id':          EVERYONE_READS(READ),
  'GET /api/demand-surveys/:id/gap':      EVERYONE_READS(READ),
  // the platform admin names the consortium; staff their own (naming another: 400)
  'POST /api/demand-surveys':             NOBODY_BUT({ platform: [201, null, 201], staff: [201, null, 400], fvsnStaff: [201, null, 400] }),
  'POST /api/demand-surveys/:id/open':    STAFF_MOVES,
  'POST /api/demand-surveys/:id/close':   STAFF_MOVES,
  'GET /api/demand-surveys/:id/answers':  FIRM_ANSWERS,
  'PUT /api/demand-surveys/:id/answers':  FIRM_ANSWERS,
};

const TARGETS: Target[] = ['own', 'other-firm', 'other-consortium'];

export const DEMAND_SURVEYS_AUTHZ: AuthzRow[] = Object.entries(TABLE).flatMap(([route, byRole]) =>
  ROLES.flatMap((role) =>
    TARGETS.flatMap((target, i) => {
      const expect = byRole[role][i];
      return expect === null || expect === undefined ? [] : [{ route, role, target, expect }];
    }),
  ),
);

interface World {
  api: TestApi;
  pool: Pool;
  demo: Demo;
  tokens: Record<Role, string>;
}

type Status = 'draft' | 'open' | 'closed';

/** The consortium the target's survey belongs to, seen from the role. */
function consortiumFor(w: World, role: Role, target: Target): string {
  const home = role === 'fvsnStaff' ? w.demo.consortium.fvsn : w.demo.consortium.glmp;
  const away = role === 'fvsnStaff' ? w.demo.consortium.glmp : w.demo.consortium.fvsn;
  return target === 'other-consortium' ? away : home;
}

async function survey(w: World, consortiumId: string, status: Status): Promise<string> {
  const { rows } = await w.pool.query<{ id: string }>(
    `INSERT INTO "DemandSurvey" (id, "consortiumId", title, "opensOn", "closesOn", status, "horizonMonths", "updatedAt") VALUES (gen_random_uuid(), $1, $2, DATE '2026-01-05', DATE '2026-02-05', $3::"DemandSurveyStatus", 12, now()) RETURNING id`,
    [consortiumId, uniq('authz survey'), status],
  );
  return rows[0]?.id as string;
}

interface Req {
  path: string;
  body?: unknown;
}
type Builder = (w: World, role: Role, target: Target) => Promise<Req>;
const at = (status: Status, suffix = ''): Builder => async (w, role, target) => ({ path: `/api/demand-surveys/${await survey(w, consortiumFor(w, role, target), status)}${suffix}` });

const REQUESTS: Record<string, Builder> = {
  'GET /api/demand-surveys': async (w, role, target) => ({ path: `/api/demand-surveys${q({ filter: { id: [await survey(w, consortiumFor(w, role, target), 'open')] } })}` }),
  'GET /api/demand-surveys/:id': at('open'),
  'GET /api/demand-surveys/:id/gap': at('closed', '/gap'),
  'POST /api/demand-surveys': async (w, role, target) => ({
    path: '/api/demand-surveys',
    body: { title: 'Authz survey', opensOn: '2026-01-05', closesOn: '2026-02-05', horizonMonths: 12, ...(role === 'platform' || target !== 'own' ? { consortiumId: consortiumFor(w, role, target) } : {}) },
  }),
  'POST /api/demand-surveys/:id/open': at('draft', '/open'),
  'POST /api/demand-surveys/:id/close': at('open', '/close'),
  'GET /api/demand-surveys/:id/answers': at('open', '/answers'),
  'PUT /api/demand-surveys/:id/answers': async (w, role, target) => ({ ...(await at('open', '/answers')(w, role, target)), body: { lines: [{ socCode: '51-4041', expectedOpenings: 2, couldExistJobs: 1 }] } }),
};

describe('demand surveys authorization table', () => {
  let w: World;

  beforeAll(async () => {
    const api = await startApi();
    const pool = dbPool();
    const demo = await loadDemo(pool);
    const tokens: Record<Role, string> = { ...(await signInRoles(api, AUTHZ_ROLES)), otherFirmAdmin: await session(api, EMAIL.badgerAdmin) };
    w = { api, pool, demo, tokens };
  }, 60_000);

  afterAll(async () => {
    await w?.pool.end();
    await w?.api.close();
  });

  it('has a request for every route of the table and a row for every route of the module', async () => {
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(TABLE).sort());
    const mine = await documentedRoutes(w.api, /^\/api\/demand-surveys(\/|$)/, { colon: true });
    expect(mine.sort()).toEqual(Object.keys(TABLE).sort());
  });

  describe.each(Object.keys(TABLE))('%s', (route) => {
    const rows = DEMAND_SURVEYS_AUTHZ.filter((r) => r.route === route);
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

  it('answers 401 without credentials on every route', async () => {
    const id = await survey(w, w.demo.consortium.glmp, 'open');
    for (const route of Object.keys(TABLE)) {
      const [method, path] = route.split(' ') as [string, string];
      expect([route, (await call(w.api, method, path.replace(':id', id), { body: method === 'GET' ? undefined : {} })).status]).toEqual([route, 401]);
    }
  });
});
