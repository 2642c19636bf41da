import type { Pool } from 'pg';
import { call, startApi, type TestApi } from './support/api';
import { EMAIL, dbPool, errorPaths, expectProblem, loadDemo, session, type Demo } from './support/fixtures';
import { SideEffectWatch } from './support/side-effects';
import { memberOrg, planRow } from './support/training-plans';

/**
 * Bad input to every write route of training plans and union representations: 4xx
 * problem+json naming each bad field, and nothing written (no row counted differently, no
 * job, and the addressed plan unchanged).
 */
type Body = Record<string, unknown>;
interface Case {
  name: string;
  method: string;
  path: () => string;
  token: () => string;
  body: () => Body;
  status: number;
  /** the fields the problem names ([] for a refusal about the whole request) */
  fields: string[];
}

describe('training plans: bad input', () => {
  let api: TestApi;
  let pool: Pool;
  let demo: Demo;
  let watch: SideEffectWatch;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  const VALID = { year: 2099, skillAreas: ['lean'], frontlineWorkers: 10, hours: 240, budget: 9000, providers: [] };

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    watch = new SideEffectWatch(pool);
    demo = await loadDemo(pool);
    t['admin'] = await session(api, EMAIL.acmeAdmin);
    t['union'] = await session(api, EMAIL.union);
    t['staff'] = await session(api, EMAIL.staff);
    id['draft'] = await planRow(pool, demo.consortium.glmp, demo.org.acme, 'draft');
    id['submitted'] = await planRow(pool, demo.consortium.glmp, demo.org.acme, 'submitted', { coGoverned: true });
    id['approved'] = await planRow(pool, demo.consortium.glmp, demo.org.acme, 'approved', { coGoverned: true });
    id['firmApproved'] = await planRow(pool, demo.consortium.glmp, demo.org.acme, 'submitted', { coGoverned: true, firmApproved: true });
    id['firm'] = await memberOrg(pool, demo.consortium.glmp, 'supplier', { unionised: true });
  }, 60_000);

  afterAll(async () => {
    await watch?.close();
    await pool?.end();
    await api?.close();
  });

  const plan = (key: string) => () => `/api/training-plans/${id[key]}`;
  const admin = () => t['admin'] as string;
  const union = () => t['union'] as string;
  const CASES: Case[] = [
    { name: 'create without a year', method: 'POST', path: () => '/api/training-plans', token: admin, body: () => ({ ...VALID, year: undefined }), status: 400, fields: ['year'] },
    { name: 'create with hours as text and a negative budget', method: 'POST', path: () => '/api/training-plans', token: admin, body: () => ({ ...VALID, hours: 'many', budget: -1 }), status: 400, fields: ['budget', 'hours'] },
    { name: 'create with no frontline workers, a fractional count and a year out of range', method: 'POST', path: () => '/api/training-plans', token: admin, body: () => ({ ...VALID, frontlineWorkers: 0, year: 1999 }), status: 400, fields: ['frontlineWorkers', 'year'] },
    { name: 'create with hours of more decimals than kept', method: 'POST', path: () => '/api/training-plans', token: admin, body: () => ({ ...VALID, hours: 12.25 }), status: 400, fields: ['hours'] },
    { name: 'create with a skill area twice and a provider that is not text', method: 'POST', path: () => '/api/training-plans', token: admin, body: () => ({ ...VALID, skillAreas: ['lean', 'lean'], providers: [5] }), status: 400, fields: ['providers', 'skillAreas'] },
    { name: 'create for another firm', method: 'POST', path: () => '/api/training-plans', token: admin, body: () => ({ ...VALID, organisationId: demo.org.badger }), status: 400, fields: ['organisationId'] },
    { name: 'replace without skill areas', method: 'PUT', path: plan('draft'), token: admin, body: () => ({ frontlineWorkers: 10, hours: 240, budget: 9000 }), status: 400, fields: ['skillAreas'] },
    { name: 'patch with a null budget', method: 'PATCH', path: plan('draft'), token: admin, body: () => ({ budget: null }), status: 400, fields: ['budget'] },
    { name: 'patch with a fractional head count', method: 'PATCH', path: plan('draft'), token: admin, body: () => ({ frontlineWorkers: 1.5 }), status: 400, fields: ['frontlineWorkers'] },
    { name: 'edit a submitted plan', method: 'PATCH', path: plan('submitted'), token: admin, body: () => ({ hours: 10 }), status: 409, fields: ['status'] },
    { name: 'submit with a field it does not take', method: 'POST', path: () => `${plan('draft')()}/submit`, token: admin, body: () => ({ status: 'approved' }), status: 400, fields: ['status'] },
    { name: 'submit a submitted plan', method: 'POST', path: () => `${plan('submitted')()}/submit`, token: admin, body: () => ({}), status: 409, fields: ['status'] },
    { name: 'approve with a comment that is not text', method: 'POST', path: () => `${plan('submitted')()}/approve`, token: union, body: () => ({ comment: 5 }), status: 400, fields: ['comment'] },
    { name: 'approve a draft', method: 'POST', path: () => `${plan('draft')()}/approve`, token: admin, body: () => ({}), status: 409, fields: ['status'] },
    { name: 'approve an approved plan (a plan approved twice)', method: 'POST', path: () => `${plan('approved')()}/approve`, token: admin, body: () => ({}), status: 409, fields: ['status'] },
    { name: 'approve again for the same side', method: 'POST', path: () => `${plan('firmApproved')()}/approve`, token: admin, body: () => ({}), status: 409, fields: ['status'] },
    { name: 'return without a comment', method: 'POST', path: () => `${plan('submitted')()}/return`, token: union, body: () => ({}), status: 400, fields: ['comment'] },
    { name: 'return with a comment too short to say anything', method: 'POST', path: () => `${plan('submitted')()}/return`, token: union, body: () => ({ comment: 'no' }), status: 400, fields: ['comment'] },
    { name: 'return an approved plan', method: 'POST', path: () => `${plan('approved')()}/return`, token: union, body: () => ({ comment: 'Too late, sadly' }), status: 409, fields: ['status'] },
    { name: 'representation without a firm', method: 'POST', path: () => '/api/union-representations', token: () => t['staff'] as string, body: () => ({ unionOrganisationId: demo.org.usw }), status: 400, fields: ['firmOrganisationId'] },
    { name: 'representation naming a union by a number', method: 'POST', path: () => '/api/union-representations', token: () => t['staff'] as string, body: () => ({ unionOrganisationId: 12, firmOrganisationId: id['firm'] }), status: 400, fields: ['unionOrganisationId'] },
    { name: 'representation of a firm by a firm', method: 'POST', path: () => '/api/union-representations', token: () => t['staff'] as string, body: () => ({ unionOrganisationId: demo.org.badger, firmOrganisationId: id['firm'] }), status: 400, fields: ['unionOrganisationId'] },
    { name: 'representation of another network’s firm', method: 'POST', path: () => '/api/union-representations', token: () => t['staff'] as string, body: () => ({ unionOrganisationId: demo.org.usw, firmOrganisationId: demo.org.fox }), status: 400, fields: ['firmOrganisationId'] },
  ];

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const planId = /training-plans\/([0-9a-f-]{36})/.exec(c.path())?.[1];
    const before = planId ? (await pool.query(`SELECT * FROM "TrainingPlan" WHERE id = $1`, [planId])).rows[0] : undefined;
    await watch.expectNone(
      () => call(api, c.method, c.path(), { token: c.token(), body: c.body() }),
      (res) => expect([...new Set(errorPaths(expectProblem(res, c.status)))].sort()).toEqual(c.fields),
    );
    if (planId) expect((await pool.query(`SELECT * FROM "TrainingPlan" WHERE id = $1`, [planId])).rows[0]).toEqual(before);
  });

  it('the control: the valid create is accepted', async () => {
    const res = await call(api, 'POST', '/api/training-plans', { token: admin(), body: VALID });
    expect(res.status).toBe(201);
  });
});
