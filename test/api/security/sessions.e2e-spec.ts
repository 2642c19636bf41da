import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { TokenPair } from '@tandem/contracts';
import { PUBLIC_SECRETS } from '../../../libs/server/src/config/config';
import { call, startApi, startApiWith, type TestApi } from '../support/api';
import { EMAIL, INVITEE_PASSWORD, createApiKey, dbPool, expectProblem, invite, loadDemo, loginPair, session, type Demo } from '../support/fixtures';


// Each test may start an API of its own: more than Jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

/**
 * Finding 2: tokens signed with the repository's development secret were accepted, so anyone
 * could mint a platform admin's token for a default install.
 * Finding 4: access tokens outlived logout, account disable and role removal by up to 15
 * minutes. A revoked session, a disabled account, a suspended or removed role must stop the
 * next request.
 */
describe('security: forged tokens (finding 2)', () => {
  let api: TestApi;
  let demo: Demo;

  beforeAll(async () => {
    api = await startApi();
    const pool = dbPool();
    demo = await loadDemo(pool);
    await pool.end();
  }, 30_000);

  afterAll(async () => {
    await api?.close();
  });

  const claims = (): Record<string, unknown> => ({ sub: demo.user.platform, ra: demo.roleAssignment.platform, role: 'platform_admin', c: null, o: null, fam: randomUUID(), ims: Date.now() });

  it('a platform admin token minted with a published secret is refused everywhere', async () => {
    for (const secret of PUBLIC_SECRETS) {
      const forged = await new JwtService({ secret }).signAsync(claims(), { algorithm: 'HS256', expiresIn: 900, audience: 'tandem:api' });
      for (const path of ['/api/auth/me', '/api/consortia', '/api/users', '/api/profile']) expectProblem(await call(api, 'GET', path, { token: forged }), 401);
      expectProblem(await call(api, 'POST', '/api/consortia', { token: forged, body: { name: 'Forged', slug: 'forged', region: 'x' } }), 401);
    }
  });

  it('unsigned, differently signed and re-aimed tokens are refused', async () => {
    const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims(), exp: Math.floor(Date.now() / 1000) + 900 })}.`;
    expectProblem(await call(api, 'GET', '/api/auth/me', { token: none }), 401);
    const other = await new JwtService({ secret: 'a'.repeat(48) }).signAsync(claims(), { algorithm: 'HS256', expiresIn: 900, audience: 'tandem:api' });
    expectProblem(await call(api, 'GET', '/api/auth/me', { token: other }), 401);
    // a real token with its payload swapped for a platform admin's
    const real = (await loginPair(api, EMAIL.acmeContributor)).accessToken.split('.');
    const swapped = `${real[0]}.${b64({ ...claims(), exp: Math.floor(Date.now() / 1000) + 900 })}.${real[2]}`;
    expectProblem(await call(api, 'GET', '/api/auth/me', { token: swapped }), 401);
  });

  it('an instance without JWT_SECRET outside development and test does not start, in one line', async () => {
    await expect(startApiWith({ NODE_ENV: 'production', JWT_SECRET: undefined })).rejects.toThrow(/^Invalid configuration: JWT_SECRET: is required when NODE_ENV=production$/);
    await expect(startApiWith({ JWT_SECRET: PUBLIC_SECRETS[0] })).rejects.toThrow(/JWT_SECRET: is a published value/);
  });
});

describe('security: a session ends at the next request (finding 4)', () => {
  let api: TestApi;
  let pool: Pool;
  let demo: Demo;
  let staff: string;

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    demo = await loadDemo(pool);
    staff = await session(api, EMAIL.staff);
  }, 30_000);

  afterAll(async () => {
    await pool?.end();
    await api?.close();
  });

  const me = (token: string) => call(api, 'GET', '/api/auth/me', { token });
  const person = () => invite(api, staff, { role: 'firm_contributor', organisationId: demo.org.acme });

  it('logout: that session’s access token stops at once; the person’s other sessions go on', async () => {
    const p = await person();
    const other = (await call(api, 'POST', '/api/auth/login', { body: { email: p.email, password: INVITEE_PASSWORD } })).body as TokenPair;
    expect((await me(p.pair.accessToken)).status).toBe(200);
    expect((await call(api, 'POST', '/api/auth/logout', { token: p.pair.accessToken, body: {} })).status).toBe(204);
    expectProblem(await me(p.pair.accessToken), 401);
    expectProblem(await call(api, 'POST', '/api/auth/refresh', { body: { refreshToken: p.pair.refreshToken } }), 401);
    expect((await me(other.accessToken)).status).toBe(200);
  });

  it('a revoked role ends the sessions acting under it; the refresh token dies with it', async () => {
    const p = await person();
    expect((await call(api, 'DELETE', `/api/role-assignments/${p.roleAssignmentId}`, { token: staff })).status).toBe(200);
    expectProblem(await me(p.pair.accessToken), 401);
    expectProblem(await call(api, 'GET', '/api/organisations', { token: p.pair.accessToken }), 401);
    expectProblem(await call(api, 'POST', '/api/auth/refresh', { body: { refreshToken: p.pair.refreshToken } }), 401);
  });

  it('a suspended role ends its sessions and cannot be signed in with; reactivated, it can again', async () => {
    const p = await person();
    const second = await invite(api, staff, { email: p.email, role: 'customer_buyer', organisationId: demo.org.northstar }, INVITEE_PASSWORD);
    expect((await call(api, 'PATCH', `/api/role-assignments/${p.roleAssignmentId}`, { token: staff, body: { status: 'suspended' } })).status).toBe(200);
    expectProblem(await me(p.pair.accessToken), 401);
    expectProblem(await call(api, 'POST', '/api/auth/refresh', { body: { refreshToken: p.pair.refreshToken } }), 401);
    // the other role still works, and a login can no longer choose the suspended one
    expect((await me(second.pair.accessToken)).status).toBe(200);
    expectProblem(await call(api, 'POST', '/api/auth/login', { body: { email: p.email, password: INVITEE_PASSWORD, roleAssignmentId: p.roleAssignmentId } }), 400);
    const login = (await call(api, 'POST', '/api/auth/login', { body: { email: p.email, password: INVITEE_PASSWORD } })).body as TokenPair;
    expect(login.user.roleAssignmentId).toBe(second.roleAssignmentId);
    expect(login.user.assignments.map((a) => a.id)).toEqual([second.roleAssignmentId]);
    expect((await call(api, 'PATCH', `/api/role-assignments/${p.roleAssignmentId}`, { token: staff, body: { status: 'active' } })).status).toBe(200);
    const again = await call(api, 'POST', '/api/auth/login', { body: { email: p.email, password: INVITEE_PASSWORD, roleAssignmentId: p.roleAssignmentId } });
    expect(again.status).toBe(200);
    // the suspension's marker covers tokens issued before it, not the ones after reactivation
    expect((await me((again.body as TokenPair).accessToken)).status).toBe(200);
  });

  it('an API key stops with its creator: account disabled or creating role suspended; back when they are', async () => {
    const admin = await invite(api, staff, { role: 'firm_admin', organisationId: demo.org.acme });
    const key = await createApiKey(api, admin.pair.accessToken, { name: `erp ${admin.email}` });
    const useKey = () => call(api, 'GET', '/api/metric-values', { token: key.key });
    expect((await useKey()).status).toBe(200);

    expect((await call(api, 'PATCH', `/api/role-assignments/${admin.roleAssignmentId}`, { token: staff, body: { status: 'suspended' } })).status).toBe(200);
    expectProblem(await useKey(), 401);
    expect((await call(api, 'PATCH', `/api/role-assignments/${admin.roleAssignmentId}`, { token: staff, body: { status: 'active' } })).status).toBe(200);
    expect((await useKey()).status).toBe(200);

    const platform = await session(api, EMAIL.platform);
    expect((await call(api, 'PATCH', `/api/users/${admin.id}`, { token: platform, body: { status: 'disabled' } })).status).toBe(200);
    expectProblem(await useKey(), 401);
    expectProblem(await call(api, 'POST', '/api/metric-values/bulk', { token: key.key, body: { values: [] } }), 401);
  });

  it('sign out everywhere and a password change end every session, the new pair excepted', async () => {
    const p = await person();
    const a = (await call(api, 'POST', '/api/auth/login', { body: { email: p.email, password: INVITEE_PASSWORD } })).body as TokenPair;
    const changed = await call(api, 'POST', '/api/profile/password', { token: a.accessToken, body: { currentPassword: INVITEE_PASSWORD, newPassword: 'a brand new passphrase' } });
    expect(changed.status).toBe(200);
    const fresh = changed.body as TokenPair;
    for (const old of [p.pair, a]) {
      expectProblem(await me(old.accessToken), 401);
      expectProblem(await call(api, 'POST', '/api/auth/refresh', { body: { refreshToken: old.refreshToken } }), 401);
    }
    expect((await me(fresh.accessToken)).status).toBe(200);
    expectProblem(await call(api, 'POST', '/api/auth/login', { body: { email: p.email, password: INVITEE_PASSWORD } }), 401);

    expect((await call(api, 'POST', '/api/profile/sign-out-everywhere', { token: fresh.accessToken, body: {} })).status).toBe(204);
    expectProblem(await me(fresh.accessToken), 401);
    expectProblem(await call(api, 'POST', '/api/auth/refresh', { body: { refreshToken: fresh.refreshToken } }), 401);
    expect((await call(api, 'POST', '/api/auth/login', { body: { email: p.email, password: 'a brand new passphrase' } })).status).toBe(200);
  });

  it('with Redis unreachable a revoked token is still refused (the database answers), and ending a session is refused rather than half done', async () => {
    const p = await person();
    const down = await startApiWith({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      expect((await call(down, 'GET', '/api/auth/me', { token: p.pair.accessToken })).status).toBe(200);
      // revoked in the database only (as if the marker had been lost): the fallback refuses it
      await pool.query(`UPDATE "RefreshTokenFamily" SET "revokedAt" = now() WHERE "userId" = $1`, [p.id]);
      expectProblem(await call(down, 'GET', '/api/auth/me', { token: p.pair.accessToken }), 401);
      // a logout cannot leave a marker: it says so (503, Retry-After) and changes nothing
      const q = await person();
      const res = await call(down, 'POST', '/api/auth/logout', { token: q.pair.accessToken, body: {} });
      expectProblem(res, 503);
      expect(res.headers.get('retry-after')).toBeTruthy();
      expect((await pool.query(`SELECT count(*)::int AS n FROM "RefreshTokenFamily" WHERE "userId" = $1 AND "revokedAt" IS NOT NULL`, [q.id])).rows[0]).toEqual({ n: 0 });
    } finally {
      await down.close();
    }
  });
});
