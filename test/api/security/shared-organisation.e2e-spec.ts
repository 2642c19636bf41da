import type { Pool } from 'pg';
import type { Organisation } from '@tandem/contracts';
import { call, startApi, type Call, type TestApi } from '../support/api';
import { createOrganisation, dbPool, EMAIL, errorPaths, expectProblem, expectStatus, loadDemo, session, type Demo } from '../support/fixtures';
import { freshSession } from '../support/performance';
import { SideEffectWatch } from '../support/side-effects';

/**
 * An outside attack found: an organisation is one row for every consortium it takes
 * part in, and staff of one consortium changed its shared identity (its code — the org_code
 * of the other consortium's imports and bulk pushes — name, NAICS code, size).
 *
 * Who owns the shared details: the organisation's own firm admin and the platform admin;
 * consortium staff only while every membership of the organisation that is not exited is
 * in their consortium (an organisation they registered that joined nowhere else included).
 * Otherwise 403 with a message saying who can, without naming the other consortium; nothing
 * is written.
 */

jest.setTimeout(60_000);

let api: TestApi;
let pool: Pool;
let demo: Demo;
let watch: SideEffectWatch;

type Who = 'glmpStaff' | 'fvsnStaff' | 'sharedAdmin' | 'platform';
const token = {} as Record<Who, string>;

/** Organisations of the table, each fresh, registered by glmp (the attacker's consortium). */
type Case = 'shared' | 'glmpOnly' | 'exitedElsewhere' | 'registeredOnly' | 'memberElsewhereOnly';
const org = {} as Record<Case, Organisation>;

async function membership(organisationId: string, consortiumId: string, status: 'applicant' | 'active' | 'suspended' | 'exited'): Promise<void> {
  // Written directly: the memberships module is not under test; the trigger keeps consortiumIds in step.
  await pool.query(
    `INSERT INTO "Membership" (id, "consortiumId", "organisationId", tier, status, "joinedAt", "exitedAt", "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'supplier', $3::"MembershipStatus", DATE '2024-01-01', CASE WHEN $3 = 'exited' THEN DATE '2025-01-01' END, now(), now())`,
    [consortiumId, organisationId, status],
  );
}

beforeAll(async () => {
  api = await startApi();
  pool = dbPool();
  demo = await loadDemo(pool);
  watch = new SideEffectWatch(pool);
  token.glmpStaff = await session(api, EMAIL.staff);
  token.fvsnStaff = await session(api, EMAIL.fvsnStaff);
  token.platform = await session(api, EMAIL.platform);
  const { glmp, fvsn } = demo.consortium;

  for (const c of ['shared', 'glmpOnly', 'exitedElsewhere', 'registeredOnly', 'memberElsewhereOnly'] as Case[]) {
    org[c] = await createOrganisation(api, token.glmpStaff, { naicsCode: '332710', employeeCount: 50 });
  }
  await membership(org.shared.id, glmp, 'active');
  await membership(org.shared.id, fvsn, 'applicant');
  await membership(org.glmpOnly.id, glmp, 'active');
  await membership(org.exitedElsewhere.id, glmp, 'active');
  await membership(org.exitedElsewhere.id, fvsn, 'exited');
  await membership(org.memberElsewhereOnly.id, fvsn, 'suspended');
  token.sharedAdmin = (await freshSession(api, token.glmpStaff, { role: 'firm_admin', organisationId: org.shared.id })).token;
});

afterAll(async () => {
  await watch?.close();
  await api?.close();
  await pool?.end();
});

const refusal = (code: string) => `Organisation ${code} is also a member of another consortium: its own admin or the platform admin changes its shared details`;

async function row(id: string): Promise<Record<string, unknown>> {
  const { rows } = await pool.query<Record<string, unknown>>(`SELECT code, name, "naicsCode", "employeeCount", "updatedAt" FROM "Organisation" WHERE id = $1`, [id]);
  return rows[0] ?? {};
}

/** A refused change: 403 with the message, the row untouched, nothing else written. */
async function expectRefused(request: () => Promise<Call>, o: Organisation): Promise<void> {
  const before = await row(o.id);
  const res = await watch.expectNone(request);
  const problem = expectProblem(res, 403);
  expect(problem.detail).toBe(refusal(o.code));
  // who else holds it stays unsaid
  expect(JSON.stringify(res.body)).not.toMatch(/fvsn|fox valley|glmp|great lakes/i);
  expect(await row(o.id)).toEqual(before);
}

// prettier-ignore
const TABLE: [Case, Who, 'PATCH' | 'PUT' | 'DELETE', 200 | 403 | 404 | 409][] = [
  // a member of glmp and fvsn: neither consortium's staff, but its own admin and the platform
  ['shared',              'glmpStaff',   'PATCH',  403],
  ['shared',              'glmpStaff',   'PUT',    403],
  ['shared',              'glmpStaff',   'DELETE', 403],
  ['shared',              'fvsnStaff',   'PATCH',  403],
  ['shared',              'fvsnStaff',   'DELETE', 403],
  ['shared',              'sharedAdmin', 'PATCH',  200],
  ['shared',              'sharedAdmin', 'PUT',    200],
  ['shared',              'platform',    'PATCH',  200],
  // glmp's alone: glmp staff as before; fvsn staff do not see it
  ['glmpOnly',            'glmpStaff',   'PATCH',  200],
  ['glmpOnly',            'glmpStaff',   'PUT',    200],
  ['glmpOnly',            'fvsnStaff',   'PATCH',  404],
  // it left fvsn: its details are glmp's to keep (fvsn staff still see it, but no longer change it)
  ['exitedElsewhere',     'glmpStaff',   'PATCH',  200],
  ['exitedElsewhere',     'fvsnStaff',   'PATCH',  403],
  // registered by glmp, member nowhere: glmp staff change and delete it
  ['registeredOnly',      'glmpStaff',   'PATCH',  200],
  // registered by glmp but a member of fvsn only: fvsn's now, not glmp's
  ['memberElsewhereOnly', 'glmpStaff',   'PATCH',  403],
  ['memberElsewhereOnly', 'glmpStaff',   'DELETE', 403],
  ['memberElsewhereOnly', 'fvsnStaff',   'PATCH',  200],
  ['memberElsewhereOnly', 'fvsnStaff',   'DELETE', 409],
  ['registeredOnly',      'glmpStaff',   'DELETE', 200],
];

describe('who changes the shared details of an organisation', () => {
  it.each(TABLE)('%s: %s %s → %s', async (c, who, method, expected) => {
    const o = org[c];
    const current = await row(o.id);
    const path = `/api/organisations/${o.id}`;
    // PATCH renames, PUT also tries the code (what breaks another consortium's imports)
    const body =
      method === 'PATCH'
        ? { name: `${String(current['name'])} (renamed)` }
        : method === 'PUT'
          ? { code: `${o.code}-x`.slice(0, 40), name: String(current['name']), kind: 'supplier' }
          : undefined;
    const request = () => call(api, method, path, { token: token[who], body });
    if (expected === 403) return expectRefused(request, o);
    if (expected === 404 || expected === 409) {
      expectProblem(await watch.expectNone(request), expected);
      return;
    }
    const res = await request();
    expectStatus(res, 200);
    if (method === 'DELETE') {
      expect((await pool.query(`SELECT 1 FROM "Organisation" WHERE id = $1`, [o.id])).rowCount).toBe(0);
      return;
    }
    const after = await row(o.id);
    if (method === 'PATCH') expect(after['name']).toBe(body && 'name' in body ? body.name : undefined);
    if (method === 'PUT') {
      expect(after['code']).toBe(`${o.code}-x`.slice(0, 40));
      // put the code back so later rows find the organisation by the code they know
      expectStatus(await call(api, 'PATCH', path, { token: token[who], body: { code: o.code } }), 200);
    }
  });

  it('the refusal is the same whether or not the change would change anything', async () => {
    const o = org.shared;
    const current = await row(o.id);
    await expectRefused(() => call(api, 'PATCH', `/api/organisations/${o.id}`, { token: token.glmpStaff, body: { name: current['name'] } }), o);
    await expectRefused(() => call(api, 'PATCH', `/api/organisations/${o.id}`, { token: token.glmpStaff, body: {} }), o);
  });

  it('the demo organisation in both consortia (sheboygan-stampings) is refused to either staff', async () => {
    const { rows } = await pool.query<{ id: string; code: string }>(`SELECT id, code FROM "Organisation" WHERE code = 'sheboygan-stampings'`);
    const sheboygan = rows[0];
    expect(sheboygan).toBeDefined();
    const o = { id: sheboygan?.id, code: sheboygan?.code } as Organisation;
    for (const who of ['glmpStaff', 'fvsnStaff'] as const) {
      await expectRefused(() => call(api, 'PATCH', `/api/organisations/${o.id}`, { token: token[who], body: { naicsCode: '336390' } }), o);
    }
  });

  it('a firm admin still changes its own organisation only', async () => {
    expectProblem(await watch.expectNone(() => call(api, 'PATCH', `/api/organisations/${org.glmpOnly.id}`, { token: token.sharedAdmin, body: { name: 'Not mine' } })), 404);
    const acmeAdmin = await session(api, EMAIL.acmeAdmin);
    expectProblem(await watch.expectNone(() => call(api, 'PATCH', `/api/organisations/${org.shared.id}`, { token: acmeAdmin, body: { name: 'Not mine' } })), 404);
  });

  it('a firm admin does not reclassify its own firm (a supplier turned customer could grant buyer roles)', async () => {
    const acmeAdmin = await session(api, EMAIL.acmeAdmin);
    const acme = (await pool.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'acme-castings'`)).rows[0]!.id;
    const current = (await call(api, 'GET', `/api/organisations/${acme}`, { token: acmeAdmin })).body as Organisation;
    const replacement = { code: current.code, name: current.name, kind: 'customer' };
    for (const [method, body] of [['PATCH', { kind: 'customer' }], ['PUT', replacement]] as const) {
      const problem = expectProblem(await watch.expectNone(() => call(api, method, `/api/organisations/${acme}`, { token: acmeAdmin, body })), 403);
      expect(errorPaths(problem)).toEqual(['kind']);
    }
  });
});
