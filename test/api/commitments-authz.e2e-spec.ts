import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Reciprocity } from '@tandem/contracts';
import { insertMembership, insertOrganisation, insertRelationship } from '../support/sql-fixtures';
import { call, q, startApi, type TestApi } from './support/api';
import { dbPool, loadDemo, uniq, type Demo } from './support/fixtures';
import { documentedRoutes, signInRoles } from './support/authz';

jest.setTimeout(60_000);

/**
 * Authorization table of charters, commitments, commitment reviews and the reciprocity view:
 * {route, role, target, expect}, every documented route of the four resources.
 *
 * Targets are seen from Acme Castings (supplier) and its customer Northstar Engines in glmp:
 * `own` is Acme's record (Northstar's where the row says "customer"), `other-firm` Badger
 * Machining's (or another glmp customer's), `other-consortium` a firm's in fvsn. Charters
 * belong to a consortium, not a firm: their rows skip `other-firm`. Records a row changes are
 * made for that row alone. Expectations are written out: a role without the permission gets
 * 403 before any lookup; with it, a record outside its scope is a 404, never the record.
 */
const ROLES = ['platform', 'staff', 'firmAdmin', 'contributor', 'apiKey', 'buyer', 'union', 'trainer', 'funder', 'fvsnStaff'] as const;
type Role = (typeof ROLES)[number];
type Target = 'own' | 'other-firm' | 'other-consortium';
const TARGETS: Target[] = ['own', 'other-firm', 'other-consortium'];

type Expect = number | `${number} rows`;
type Triple = [Expect | null, Expect | null, Expect | null];

interface Ids {
  consortiumId: string;
  supplierId: string;
  customerId: string;
  /** a superseded charter of the consortium (every member reads it), signed by the supplier */
  charter: string;
  draft: string;
  commitment: string;
  customerCommitment: string;
  review: string;
}
type Fresh = Record<string, string>;

interface Route {
  name: `${'GET' | 'POST' | 'PATCH'} /api/${string}`;
  of?: string;
  fresh?: (t: Ids) => Promise<Fresh>;
  path: (t: Ids, f: Fresh) => string;
  body?: (t: Ids, f: Fresh) => unknown;
  /** for an answer that is not a list: how many rows it holds */
  rows?: (body: unknown) => number;
  expect: Record<Role, Triple>;
}

const F3: Triple = [403, 403, 403];
const C3: Triple = [403, null, 403];
/** A consortium's record (charter): the target's firm does not matter. */
const CHARTER_READ: Record<Role, Triple> = {
  platform: [200, null, 200],
  staff: [200, null, 404],
  firmAdmin: [200, null, 404],
  contributor: [200, null, 404],
  apiKey: [200, null, 404],
  buyer: [200, null, 404],
  union: [200, null, 404],
  trainer: [200, null, 404],
  funder: [200, null, 404],
  fvsnStaff: [404, null, 200],
};
const STAFF_ON_CHARTER = (ok: number): Record<Role, Triple> => ({
  platform: [ok, null, ok],
  staff: [ok, null, 404],
  firmAdmin: C3,
  contributor: C3,
  apiKey: C3,
  buyer: C3,
  union: C3,
  trainer: C3,
  funder: C3,
  fvsnStaff: [404, null, ok],
});
/** Unions, trainers and funders read no firm's commitments (permissions.ts). */
const NO_COMMITMENTS = { union: F3, trainer: F3, funder: F3 };
/** The supplier's commitment (or review): its own firm's people and staff. */
const COMMITMENT_READ: Record<Role, Triple> = {
  platform: [200, 200, 200],
  staff: [200, 200, 404],
  firmAdmin: [200, 404, 404],
  contributor: [200, 404, 404],
  apiKey: [200, 404, 404],
  buyer: [404, 404, 404],
  ...NO_COMMITMENTS,
  fvsnStaff: [404, 404, 200],
};
const COMMITMENT_LIST: Record<Role, Triple> = {
  platform: ['1 rows', '1 rows', '1 rows'],
  staff: ['1 rows', '1 rows', '0 rows'],
  firmAdmin: ['1 rows', '0 rows', '0 rows'],
  contributor: ['1 rows', '0 rows', '0 rows'],
  apiKey: ['1 rows', '0 rows', '0 rows'],
  buyer: ['0 rows', '0 rows', '0 rows'],
  ...NO_COMMITMENTS,
  fvsnStaff: ['0 rows', '0 rows', '1 rows'],
};
const STAFF_ON_COMMITMENT = (ok: number): Record<Role, Triple> => ({
  platform: [ok, ok, ok],
  staff: [ok, ok, 404],
  firmAdmin: F3,
  contributor: F3,
  apiKey: F3,
  buyer: F3,
  ...NO_COMMITMENTS,
  fvsnStaff: [404, 404, ok],
});

let pool: Pool;
const targets = {} as Record<Target, Ids>;
let year = 3000 + Math.floor(Math.random() * 1000) * 5;

async function insertCharter(consortiumId: string, state: 'draft' | 'published' | 'superseded'): Promise<{ charter: string; template: string }> {
  const charter = randomUUID();
  await pool.query(
    `INSERT INTO "Charter" (id, "consortiumId", version, title, state, "publishedAt", "updatedAt")
     SELECT $1, $2, COALESCE(max(version), 0) + 1, $3, $4::"CharterState", CASE WHEN $4 = 'draft' THEN NULL ELSE now() END, now() FROM "Charter" WHERE "consortiumId" = $2`,
    [charter, consortiumId, `Authorization charter ${uniq('ch')}`, state],
  );
  const template = randomUUID();
  await pool.query(`INSERT INTO "CommitmentTemplate" (id, "charterId", kind, side, target, description, "updatedAt") VALUES ($1, $2, 'jobs_created', 'supplier', 2, 'Create two jobs', now())`, [template, charter]);
  return { charter, template };
}

const templateOf = {} as Record<string, string>;

async function insertCommitment(consortiumId: string, organisationId: string, attested: number | null = null): Promise<string> {
  const id = randomUUID();
  const y = year++;
  await pool.query(
    `INSERT INTO "Commitment" (id, "consortiumId", "organisationId", "templateId", kind, year, "startsOn", "endsOn", target, "attestedValue", "attestedAt", "updatedAt")
     VALUES ($1, $2, $3, $4, 'jobs_created', $5, make_date($5, 1, 1), make_date($5, 12, 31), 2, $6, CASE WHEN $6::numeric IS NULL THEN NULL ELSE now() END, now())`,
    [id, consortiumId, organisationId, templateOf[consortiumId], y, attested],
  );
  return id;
}

async function insertReview(consortiumId: string, commitmentId: string): Promise<string> {
  const id = randomUUID();
  await pool.query(`INSERT INTO "CommitmentReview" (id, "consortiumId", "commitmentId", "updatedAt") VALUES ($1, $2, $3, now())`, [id, consortiumId, commitmentId]);
  return id;
}

const freshReview = async (t: Ids): Promise<Fresh> => ({ review: await insertReview(t.consortiumId, await insertCommitment(t.consortiumId, t.supplierId)) });

const ROUTES: Route[] = [
  // charters ---------------------------------------------------------------------------------------------------------
  { name: 'GET /api/charters', of: 'a superseded version', path: (t) => `/api/charters${q({ filter: { id: [t.charter] } })}`, expect: mapTriples(CHARTER_READ, (e) => (e === 200 ? '1 rows' : '0 rows')) },
  {
    name: 'GET /api/charters',
    of: 'a draft',
    path: (t) => `/api/charters${q({ filter: { id: [t.draft] } })}`,
    expect: { ...mapTriples(CHARTER_READ, () => '0 rows'), platform: ['1 rows', null, '1 rows'], staff: ['1 rows', null, '0 rows'], fvsnStaff: ['0 rows', null, '1 rows'] },
  },
  { name: 'GET /api/charters/{id}', path: (t) => `/api/charters/${t.charter}`, expect: CHARTER_READ },
  {
    name: 'GET /api/charters/{id}',
    of: 'a draft',
    path: (t) => `/api/charters/${t.draft}`,
    expect: { ...mapTriples(CHARTER_READ, (e) => (e === null ? null : 404)), platform: [200, null, 200], staff: [200, null, 404], fvsnStaff: [404, null, 200] },
  },
  {
    name: 'GET /api/charters/{id}/signatures',
    of: "the target firm's signature",
    path: (t) => `/api/charters/${t.charter}/signatures${q({ filter: { organisationId: t.supplierId } })}`,
    expect: {
      platform: ['1 rows', '1 rows', '1 rows'],
      staff: ['1 rows', '1 rows', 404],
      firmAdmin: ['1 rows', '0 rows', 404],
      contributor: ['1 rows', '0 rows', 404],
      apiKey: ['1 rows', '0 rows', 404],
      buyer: ['0 rows', '0 rows', 404],
      ...NO_COMMITMENTS,
      fvsnStaff: [404, 404, '1 rows'],
    },
  },
  {
    name: 'POST /api/charters',
    path: () => '/api/charters',
    body: (t) => ({ consortiumId: t.consortiumId, title: 'Authorization draft', templates: [] }),
    expect: STAFF_ON_CHARTER(201),
  },
  {
    name: 'PATCH /api/charters/{id}',
    fresh: async (t) => ({ draft: (await insertCharter(t.consortiumId, 'draft')).charter }),
    path: (_t, f) => `/api/charters/${f.draft}`,
    body: () => ({ title: 'Authorization draft, edited' }),
    expect: STAFF_ON_CHARTER(200),
  },
  {
    name: 'POST /api/charters/{id}/publish',
    fresh: async (t) => ({ draft: (await insertCharter(t.consortiumId, 'draft')).charter }),
    path: (_t, f) => `/api/charters/${f.draft}/publish`,
    expect: STAFF_ON_CHARTER(200),
  },
  {
    name: 'POST /api/charters/{id}/sign',
    fresh: async (t) => ({ charter: (await insertCharter(t.consortiumId, 'published')).charter }),
    path: (_t, f) => `/api/charters/${f.charter}/sign`,
    // a firm admin signs for its own firm; nobody signs for a firm
    expect: { ...mapTriples(CHARTER_READ, (e) => (e === null ? null : 403)), firmAdmin: [200, null, 404] },
  },

  // commitments ------------------------------------------------------------------------------------------------------
  { name: 'GET /api/commitments', path: (t) => `/api/commitments${q({ filter: { id: [t.commitment] } })}`, expect: COMMITMENT_LIST },
  {
    name: 'GET /api/commitments',
    of: "the customer's commitment",
    path: (t) => `/api/commitments${q({ filter: { id: [t.customerCommitment] } })}`,
    expect: { ...COMMITMENT_LIST, firmAdmin: ['0 rows', '0 rows', '0 rows'], contributor: ['0 rows', '0 rows', '0 rows'], apiKey: ['0 rows', '0 rows', '0 rows'], buyer: ['1 rows', '0 rows', '0 rows'] },
  },
  { name: 'GET /api/commitments/{id}', path: (t) => `/api/commitments/${t.commitment}`, expect: COMMITMENT_READ },
  {
    name: 'GET /api/commitments/{id}',
    of: "the customer's commitment",
    path: (t) => `/api/commitments/${t.customerCommitment}`,
    expect: { ...COMMITMENT_READ, firmAdmin: [404, 404, 404], contributor: [404, 404, 404], apiKey: [404, 404, 404], buyer: [200, 404, 404] },
  },
  {
    name: 'POST /api/commitments/generate',
    of: "the target's consortium, a year nobody uses",
    path: () => '/api/commitments/generate',
    body: (t) => ({ consortiumId: t.consortiumId, year: 2099 }),
    expect: STAFF_ON_CHARTER(201),
  },
  {
    name: 'POST /api/commitments/{id}/attest',
    fresh: async (t) => ({ commitment: await insertCommitment(t.consortiumId, t.supplierId) }),
    path: (_t, f) => `/api/commitments/${f.commitment}/attest`,
    body: () => ({ value: 3, note: 'two hires' }),
    // the firm's admin only (platform and staff verify, they do not attest)
    expect: { ...STAFF_ON_COMMITMENT(403), platform: F3, staff: F3, fvsnStaff: F3, firmAdmin: [200, 404, 404] },
  },
  {
    name: 'POST /api/commitments/{id}/verify',
    fresh: async (t) => ({ commitment: await insertCommitment(t.consortiumId, t.supplierId, 3) }),
    path: (_t, f) => `/api/commitments/${f.commitment}/verify`,
    expect: STAFF_ON_COMMITMENT(200),
  },
  {
    name: 'POST /api/commitments/{id}/waive',
    fresh: async (t) => ({ commitment: await insertCommitment(t.consortiumId, t.supplierId) }),
    path: (_t, f) => `/api/commitments/${f.commitment}/waive`,
    body: () => ({ reason: 'Plant closed for retooling' }),
    expect: STAFF_ON_COMMITMENT(200),
  },

  // commitment reviews -----------------------------------------------------------------------------------------------
  { name: 'GET /api/commitment-reviews', path: (t) => `/api/commitment-reviews${q({ filter: { id: [t.review] } })}`, expect: COMMITMENT_LIST },
  { name: 'GET /api/commitment-reviews/{id}', path: (t) => `/api/commitment-reviews/${t.review}`, expect: COMMITMENT_READ },
  {
    name: 'POST /api/commitment-reviews/{id}/decide',
    fresh: freshReview,
    path: (_t, f) => `/api/commitment-reviews/${f.review}/decide`,
    body: () => ({ outcome: 'excused', note: 'Flood: excused by the steering committee' }),
    expect: STAFF_ON_COMMITMENT(200),
  },

  // reciprocity ------------------------------------------------------------------------------------------------------
  {
    name: 'GET /api/reciprocity',
    of: "the target's relationship",
    path: (t) => `/api/reciprocity${q({ supplierId: t.supplierId, customerId: t.customerId, consortiumId: t.consortiumId })}`,
    rows: (body) => (body as { rows: unknown[] }).rows.length,
    expect: {
      platform: ['1 rows', '1 rows', '1 rows'],
      staff: ['1 rows', '1 rows', '0 rows'],
      firmAdmin: ['1 rows', '0 rows', '0 rows'],
      contributor: ['1 rows', '0 rows', '0 rows'],
      apiKey: ['1 rows', '0 rows', '0 rows'],
      buyer: ['1 rows', '0 rows', '0 rows'],
      // keep rates only: no firm's commitments
      union: ['0 rows', '0 rows', '0 rows'],
      trainer: ['0 rows', '0 rows', '0 rows'],
      funder: ['0 rows', '0 rows', '0 rows'],
      fvsnStaff: ['0 rows', '0 rows', '1 rows'],
    },
  },
];

function mapTriples(e: Record<Role, Triple>, f: (x: Expect) => Expect | null): Record<Role, Triple> {
  return Object.fromEntries(Object.entries(e).map(([role, triple]) => [role, triple.map((x) => (x === null ? null : f(x))) as Triple])) as Record<Role, Triple>;
}

const keyOf = (r: Route): string => (r.of ? `${r.name} (${r.of})` : r.name);
const ROWS = ROUTES.flatMap((r) =>
  ROLES.flatMap((role) => TARGETS.flatMap((target, i) => (r.expect[role][i] === null ? [] : [{ route: keyOf(r), role, target, expect: r.expect[role][i] as Expect }]))),
);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

describe('authorization table: charters, commitments, commitment reviews, reciprocity', () => {
  let api: TestApi;
  let demo: Demo;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    demo = await loadDemo(pool);
    Object.assign(tokens, await signInRoles(api, ROLES));
    const tag = uniq('cz');
    const { glmp, fvsn } = demo.consortium;
    await pool.query(
      `INSERT INTO "SupplyRelationship" (id, "consortiumId", "customerId", "supplierId", since, commodity, "spendBand", "sourcingMode", "updatedAt")
       VALUES ($1, $2, $3, $4, DATE '2018-06-01', 'grey iron castings', '1-5M USD', 'multi_year', now())
       ON CONFLICT ("consortiumId", "customerId", "supplierId") DO NOTHING`,
      [randomUUID(), glmp, demo.org.northstar, demo.org.acme],
    );
    const otherCustomer = await insertOrganisation(pool, { code: `${tag}-cust`, kind: 'customer' });
    await insertMembership(pool, glmp, otherCustomer);
    await insertRelationship(pool, { consortiumId: glmp, customerId: otherCustomer, supplierId: demo.org.badger });
    const fvsnCustomer = await insertOrganisation(pool, { code: `${tag}-fvsn`, kind: 'customer' });
    await insertMembership(pool, fvsn, fvsnCustomer);
    await insertRelationship(pool, { consortiumId: fvsn, customerId: fvsnCustomer, supplierId: demo.org.fox });

    const charters: Record<string, { charter: string; draft: string }> = {};
    for (const c of [glmp, fvsn]) {
      const { charter, template } = await insertCharter(c, 'superseded');
      templateOf[c] = template;
      charters[c] = { charter, draft: (await insertCharter(c, 'draft')).charter };
    }
    const build = async (consortiumId: string, supplierId: string, customerId: string): Promise<Ids> => {
      await pool.query(`INSERT INTO "CharterSignature" (id, "consortiumId", "charterId", "organisationId", "signedAt", "signerName") VALUES ($1, $2, $3, $4, now(), 'Test signer')`, [
        randomUUID(),
        consortiumId,
        charters[consortiumId]!.charter,
        supplierId,
      ]);
      const commitment = await insertCommitment(consortiumId, supplierId);
      return {
        consortiumId,
        supplierId,
        customerId,
        ...charters[consortiumId]!,
        commitment,
        customerCommitment: await insertCommitment(consortiumId, customerId),
        review: await insertReview(consortiumId, commitment),
      };
    };
    targets.own = await build(glmp, demo.org.acme, demo.org.northstar);
    targets['other-firm'] = await build(glmp, demo.org.badger, otherCustomer);
    targets['other-consortium'] = await build(fvsn, demo.org.fox, fvsnCustomer);
  });

  afterAll(async () => {
    await api?.close();
    await pool?.end();
  });

  it('has rows for every documented route of the four resources, for every role', async () => {
    const documented = await documentedRoutes(api, /^\/api\/(charters|commitments|commitment-reviews|reciprocity)(\/|$)/);
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
      const rows = res.status === 200 ? (r.rows ? r.rows(res.body) : Array.isArray(res.body) ? res.body.length : -1) : res.body;
      expect({ status: res.status, rows }).toEqual({ status: 200, rows: Number(expected.split(' ')[0]) });
    }
    const ids = path.split('?')[0]!.match(UUID) ?? [];
    if (res.status >= 400) {
      expect(res.contentType).toContain('application/problem+json');
      for (const id of ids) expect(JSON.stringify(res.body)).not.toContain(id);
    } else if (ids.length > 0 && method === 'GET' && !r.name.endsWith('/signatures')) {
      expect((res.body as { id?: unknown }).id).toBe(ids[ids.length - 1]);
    }
  });

  it('in the reciprocity view a counterpart reads the other side’s commitments and states, never its achieved figure (its own metric values)', async () => {
    const t = targets.own;
    // both into one year the view accepts (2000–2100) that neither firm has this kind of commitment in
    const { rows } = await pool.query<{ year: number }>(
      `UPDATE "Commitment" SET actual = 1.5, year = (
         SELECT y FROM generate_series(2030, 2099) y
          WHERE NOT EXISTS (SELECT 1 FROM "Commitment" c WHERE c."organisationId" IN ($2::uuid, $3::uuid) AND c.kind = 'jobs_created' AND c.year = y)
          ORDER BY random() LIMIT 1)
        WHERE id = ANY($1::uuid[]) RETURNING year`,
      [[t.commitment, t.customerCommitment], t.supplierId, t.customerId],
    );
    const figures = async (role: Role, year: number) => {
      const res = await call(api, 'GET', `/api/reciprocity${q({ year, supplierId: t.supplierId, customerId: t.customerId })}`, { token: tokens[role] });
      expect(res.status).toBe(200);
      const view = res.body as Reciprocity;
      const row = view.rows[0]!;
      return { supplier: row.supplierCommitments.filter((c) => c.id === t.commitment).map((c) => c.actual), customer: row.customerCommitments.filter((c) => c.id === t.customerCommitment).map((c) => c.actual) };
    };
    const [supplierYear, customerYear] = rows.map((r) => r.year) as [number, number];
    expect(supplierYear).toBe(customerYear);
    expect(await figures('staff', supplierYear)).toMatchObject({ supplier: [1.5] });
    expect(await figures('staff', customerYear)).toMatchObject({ customer: [1.5] });
    // the supplier reads its own figure and not its customer's; the buyer the other way round
    expect(await figures('firmAdmin', supplierYear)).toMatchObject({ supplier: [1.5] });
    expect(await figures('firmAdmin', customerYear)).toMatchObject({ customer: [null] });
    expect(await figures('buyer', supplierYear)).toMatchObject({ supplier: [null] });
    expect(await figures('buyer', customerYear)).toMatchObject({ customer: [1.5] });
  });
});
