import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { API_KEY_PREFIX, type ApiKey, type Organisation } from '@tandem/contracts';
import { call, q, startApi, type TestApi } from './support/api';
import { EMAIL, createApiKey, dbPool, expectProblem, loadDemo, session, type CreatedApiKey, type Demo } from './support/fixtures';

/** api.md: machine clients use per-organisation API keys, scoped like a firm contributor, revocable, stored hashed. */
describe('API keys', () => {
  let api: TestApi;
  let pool: Pool;
  let demo: Demo;
  let firmAdmin: string;
  let key: CreatedApiKey;

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    demo = await loadDemo(pool);
    firmAdmin = await session(api, EMAIL.acmeAdmin);
    key = await createApiKey(api, firmAdmin, { name: 'ERP nightly export' });
  }, 30_000);

  afterAll(async () => {
    await pool?.end();
    await api?.close();
  });

  it('is created for the firm admin’s own organisation and shown once', async () => {
    expect(key.key).toMatch(new RegExp(`^${API_KEY_PREFIX}[A-Za-z0-9_-]{43}$`));
    expect(key).toMatchObject({ organisationId: demo.org.acme, consortiumId: demo.consortium.glmp, prefix: key.key.slice(0, 12), revokedAt: null });

    const one = await call(api, 'GET', `/api/api-keys/${key.id}`, { token: firmAdmin });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: key.id, prefix: key.prefix, name: 'ERP nightly export' });
    expect(one.body).not.toHaveProperty('key');
    expect(JSON.stringify(one.body)).not.toContain(key.key);

    const list = await call(api, 'GET', `/api/api-keys${q({ filter: { id: [key.id] } })}`, { token: firmAdmin });
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ id: key.id })]);
    expect(JSON.stringify(list.body)).not.toContain(key.key);
  });

  it('sees only its own organisation', async () => {
    const list = await call(api, 'GET', `/api/organisations${q({ range: [0, 499] })}`, { token: key.key });
    expect(list.status).toBe(200);
    expect((list.body as Organisation[]).map((o) => o.code)).toEqual(['acme-castings']);
    expect(list.headers.get('content-range')).toBe('organisations 0-0/1');

    const own = await call(api, 'GET', `/api/organisations/${demo.org.acme}`, { token: key.key });
    expect(own.status).toBe(200);
    for (const other of [demo.org.badger, demo.org.fox]) {
      const res = await call(api, 'GET', `/api/organisations/${other}`, { token: key.key });
      expectProblem(res, 404);
      expect(JSON.stringify(res.body)).not.toContain(other);
    }
    const memberships = await call(api, 'GET', '/api/memberships', { token: key.key });
    expect((memberships.body as { organisationId: string }[]).map((m) => m.organisationId)).toEqual([demo.org.acme]);
  });

  it('acts as a firm contributor: no key management, no user session', async () => {
    expectProblem(await call(api, 'GET', '/api/api-keys', { token: key.key }), 403);
    expectProblem(await call(api, 'POST', '/api/api-keys', { token: key.key, body: { name: 'self-replicating' } }), 403);
    expectProblem(await call(api, 'PATCH', `/api/organisations/${demo.org.acme}`, { token: key.key, body: { name: 'Renamed by a key' } }), 403);
    expectProblem(await call(api, 'GET', '/api/auth/me', { token: key.key }), 401);
  });

  it('is stored hashed: the key itself is in no column of any table', async () => {
    const { rows } = await pool.query<{ keyHash: string; prefix: string; row: string }>(`SELECT "keyHash", prefix, row_to_json(k)::text AS row FROM "ApiKey" k WHERE id = $1`, [key.id]);
    expect(rows).toHaveLength(1);
    const stored = rows[0]!;
    expect(stored.keyHash).not.toBe(key.key);
    expect(stored.keyHash).toBe(createHash('sha256').update(key.key).digest('hex'));
    expect(stored.row).not.toContain(key.key);
    // the secret part (after the displayed prefix) appears nowhere in the database, audit trail included
    const secret = key.key.slice(key.prefix.length);
    const { rows: tables } = await pool.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
    for (const { name } of tables) {
      const hit = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}" t WHERE strpos(t::text, $1) > 0`, [secret]);
      expect({ table: name, rows: hit.rows[0]?.n }).toEqual({ table: name, rows: 0 });
    }
  });

  it('records when it was last used', async () => {
    const { rows } = await pool.query<{ lastUsedAt: Date | null }>(`SELECT "lastUsedAt" FROM "ApiKey" WHERE id = $1`, [key.id]);
    expect(rows[0]?.lastUsedAt).toBeInstanceOf(Date);
    const one = (await call(api, 'GET', `/api/api-keys/${key.id}`, { token: firmAdmin })).body as ApiKey;
    expect(one.lastUsedAt).not.toBeNull();
  });

  it('a revoked key answers 401 problem+json, and revoking again changes nothing', async () => {
    const doomed = await createApiKey(api, firmAdmin, { name: 'to be revoked' });
    expect((await call(api, 'GET', '/api/organisations', { token: doomed.key })).status).toBe(200);

    const revoke = await call(api, 'DELETE', `/api/api-keys/${doomed.id}`, { token: firmAdmin });
    expect(revoke.status).toBe(200);
    expect((revoke.body as ApiKey).revokedAt).toEqual(expect.any(String));

    const refused = await call(api, 'GET', '/api/organisations', { token: doomed.key });
    const p = expectProblem(refused, 401);
    expect(p.detail).not.toContain(doomed.key);

    const again = await call(api, 'DELETE', `/api/api-keys/${doomed.id}`, { token: firmAdmin });
    expect(again.status).toBe(200);
    expect((again.body as ApiKey).revokedAt).toBe((revoke.body as ApiKey).revokedAt);
    // still listed, for the audit trail
    const listed = await call(api, 'GET', `/api/api-keys${q({ filter: { revoked: true, id: [doomed.id] } })}`, { token: firmAdmin });
    expect(listed.body).toEqual([expect.objectContaining({ id: doomed.id })]);
  });

  it('a made-up key with the right prefix answers 401', async () => {
    expectProblem(await call(api, 'GET', '/api/organisations', { token: `${API_KEY_PREFIX}${'A'.repeat(43)}` }), 401);
  });

  it('an expired key answers 401', async () => {
    const expiring = await createApiKey(api, firmAdmin, { name: 'expires', expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expectProblem(await call(api, 'GET', '/api/organisations', { token: expiring.key }), 401);
  });
});
