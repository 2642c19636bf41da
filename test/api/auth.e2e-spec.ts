import { call, startApi, tokenFor, type TestApi } from './support/api';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';

describe('auth', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('logs in, answers me, and rotates refresh tokens with reuse detection', async () => {
    const login = await call(api, 'POST', '/api/auth/login', { body: { email: 'staff.admin@glmp.demo', password: DEMO_PASSWORD } });
    expect(login.status).toBe(200);
    const pair = login.body as { accessToken: string; refreshToken: string; user: { role: string } };
    expect(pair.user.role).toBe('consortium_staff');

    const me = await call(api, 'GET', '/api/auth/me', { token: pair.accessToken });
    expect(me.status).toBe(200);
    expect((me.body as { email: string }).email).toBe('staff.admin@glmp.demo');

    const r1 = await call(api, 'POST', '/api/auth/refresh', { body: { refreshToken: pair.refreshToken } });
    expect(r1.status).toBe(200);
    const pair2 = r1.body as { refreshToken: string };
    const r2 = await call(api, 'POST', '/api/auth/refresh', { body: { refreshToken: pair2.refreshToken } });
    expect(r2.status).toBe(200);
    const pair3 = r2.body as { refreshToken: string };

    // Reusing the first (spent) token revokes the whole family: the newest one dies too.
    const reuse = await call(api, 'POST', '/api/auth/refresh', { body: { refreshToken: pair.refreshToken } });
    expect(reuse.status).toBe(401);
    expect(reuse.contentType).toContain('application/problem+json');
    const after = await call(api, 'POST', '/api/auth/refresh', { body: { refreshToken: pair3.refreshToken } });
    expect(after.status).toBe(401);
  });

  it('answers the same 401 for an unknown email and a wrong password', async () => {
    const unknown = await call(api, 'POST', '/api/auth/login', { body: { email: 'nobody@nowhere.demo', password: 'whatever-password' } });
    const wrong = await call(api, 'POST', '/api/auth/login', { body: { email: 'funder@wi-workforce.demo', password: 'wrong-password' } });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect((unknown.body as { detail: string }).detail).toBe((wrong.body as { detail: string }).detail);
  });

  it('rate-limits failed logins per account with 429', async () => {
    const email = 'trainer@lakeshore-tech.demo';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await call(api, 'POST', '/api/auth/login', { body: { email, password: `bad-${i}` } })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[11]).toBe(429);
    // Even the right password is refused while the account is locked out.
    const right = await call(api, 'POST', '/api/auth/login', { body: { email, password: DEMO_PASSWORD } });
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toBeTruthy();
  });

  it('logout revokes the session', async () => {
    const login = await call(api, 'POST', '/api/auth/login', { body: { email: 'union@glmp.demo', password: DEMO_PASSWORD } });
    const pair = login.body as { accessToken: string; refreshToken: string };
    expect((await call(api, 'POST', '/api/auth/logout', { token: pair.accessToken, body: {} })).status).toBe(204);
    expect((await call(api, 'POST', '/api/auth/refresh', { body: { refreshToken: pair.refreshToken } })).status).toBe(401);
  });

  it('refuses requests without a token with problem+json', async () => {
    const res = await call(api, 'GET', '/api/organisations');
    expect(res.status).toBe(401);
    expect(res.contentType).toContain('application/problem+json');
    expect(await tokenFor(api, 'platform@tandem.demo')).toBeTruthy();
  });
});
