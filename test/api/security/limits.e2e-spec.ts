import type { Pool } from 'pg';
import { DEMO_PASSWORD } from '../../../prisma/seed/demo-accounts';
import { call, startApi, startApiWith, type TestApi } from '../support/api';
import { EMAIL, dbPool, expectProblem, invite, loadDemo, session, uniq, type Demo } from '../support/fixtures';
import { SideEffectWatch } from '../support/side-effects';


// Each test may start an API of its own: more than Jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

/**
 * Finding 10, the smaller holes: /metrics was public; there was no API-wide rate limit
 * (6 000 requests and unlimited invitation e-mails went through); ten wrong passwords
 * locked an account for everyone; TRUST_PROXY=true trusted any X-Forwarded-For.
 */
describe('security: limits (finding 10)', () => {
  let pool: Pool;
  let watch: SideEffectWatch;
  let demo: Demo;

  beforeAll(async () => {
    pool = dbPool();
    watch = new SideEffectWatch(pool);
    demo = await loadDemo(pool);
  });

  afterAll(async () => {
    await watch?.close();
    await pool?.end();
  });

  const withApi = async (env: Record<string, string | undefined>, fn: (api: TestApi) => Promise<void>): Promise<void> => {
    const api = await startApiWith(env);
    try {
      await fn(api);
    } finally {
      await api.close();
    }
  };

  it('/metrics takes the scraper’s token; without one configured it does not exist', async () => {
    const api = await startApi();
    try {
      expectProblem(await call(api, 'GET', '/metrics'), 401);
      expectProblem(await call(api, 'GET', '/metrics', { token: await session(api, EMAIL.platform) }), 401);
      expectProblem(await call(api, 'GET', '/metrics', { token: `${process.env.METRICS_TOKEN}x` }), 401);
      expect((await call(api, 'GET', '/metrics', { token: process.env.METRICS_TOKEN })).status).toBe(200);
    } finally {
      await api.close();
    }
    await withApi({ METRICS_TOKEN: undefined }, async (api) => {
      expectProblem(await call(api, 'GET', '/metrics'), 404);
    });
  });

  it('requests are limited per address, answered 429 problem+json with Retry-After', async () => {
    await withApi({ RATE_LIMIT_PER_ADDRESS: '25', REDIS_PREFIX: `${process.env.REDIS_PREFIX}_${uniq('rl')}` }, async (api) => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await call(api, 'POST', '/api/auth/login', { body: { email: `${uniq('n')}@example.test`, password: 'x' } })).status);
      expect(statuses.slice(0, 25).every((s) => s === 401)).toBe(true);
      const refused = await call(api, 'GET', '/api/consortia');
      expectProblem(refused, 429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // the probes are not counted: an orchestrator must always reach them
      expect((await call(api, 'GET', '/health')).status).toBe(200);
    });
  });

  it('requests are limited per principal, wherever they come from', async () => {
    await withApi({ RATE_LIMIT_PER_PRINCIPAL: '10', TRUST_PROXY: '1', REDIS_PREFIX: `${process.env.REDIS_PREFIX}_${uniq('rl')}` }, async (api) => {
      const login = await call(api, 'POST', '/api/auth/login', { body: { email: EMAIL.funder, password: DEMO_PASSWORD } });
      const token = (login.body as { accessToken: string }).accessToken;
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await call(api, 'GET', '/api/consortia', { token, headers: { 'X-Forwarded-For': `203.0.113.${i}` } })).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
      expect(statuses[11]).toBe(429);
      // another person is not affected
      expect((await call(api, 'GET', '/api/consortia', { token: await session(api, EMAIL.trainer) })).status).toBe(200);
    });
  });

  it('a firm sends a bounded number of invitations a day; the one over the cap writes nothing and sends nothing', async () => {
    await withApi({ INVITATIONS_PER_FIRM_PER_DAY: '3', REDIS_PREFIX: `${process.env.REDIS_PREFIX}_${uniq('rl')}` }, async (api) => {
      // a fresh firm admin of a fresh member, so earlier tests' invitations do not count
      const staff = await session(api, EMAIL.staff);
      const org = (await call(api, 'POST', '/api/organisations', { token: staff, body: { code: uniq('capped'), name: 'Capped Firm', kind: 'supplier' } })).body as { id: string };
      await call(api, 'POST', '/api/memberships', { token: staff, body: { organisationId: org.id, tier: 'supplier' } });
      const admin = await invite(api, staff, { role: 'firm_admin', organisationId: org.id });
      // the admin's own invitation (sent by staff) counts for the firm too
      for (let i = 0; i < 2; i++) {
        expect((await call(api, 'POST', '/api/invitations', { token: admin.pair.accessToken, body: { email: `${uniq('c')}@example.test`, name: 'C', role: 'firm_contributor' } })).status).toBe(201);
      }
      const res = await watch.expectNone(() => call(api, 'POST', '/api/invitations', { token: admin.pair.accessToken, body: { email: `${uniq('c')}@example.test`, name: 'C', role: 'firm_contributor' } }));
      expectProblem(res, 429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  it('the cap holds against requests sent all at once, and one address gets at most 3 invitations a day from a firm', async () => {
    await withApi({ INVITATIONS_PER_FIRM_PER_DAY: '6', REDIS_PREFIX: `${process.env.REDIS_PREFIX}_${uniq('rl')}` }, async (api) => {
      const staff = await session(api, EMAIL.staff);
      const org = (await call(api, 'POST', '/api/organisations', { token: staff, body: { code: uniq('raced'), name: 'Raced Firm', kind: 'supplier' } })).body as { id: string };
      await call(api, 'POST', '/api/memberships', { token: staff, body: { organisationId: org.id, tier: 'supplier' } });
      const admin = await invite(api, staff, { role: 'firm_admin', organisationId: org.id });
      const send = (email: string) => call(api, 'POST', '/api/invitations', { token: admin.pair.accessToken, body: { email, name: 'C', role: 'firm_contributor' } });

      const same = `${uniq('again')}@example.test`;
      const resends = [];
      for (let i = 0; i < 4; i++) resends.push((await send(same)).status);
      expect(resends).toEqual([201, 201, 201, 429]);

      // 1 (the admin's) + 3 sent above: 2 left under the cap of 6, whatever the concurrency
      const statuses = await Promise.all(Array.from({ length: 12 }, () => send(`${uniq('par')}@example.test`).then((r) => r.status)));
      expect(statuses.filter((s) => s === 201)).toHaveLength(2);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Invitation" WHERE "organisationId" = $1`, [org.id]);
      expect(rows[0]!.n).toBe(6);
    });
  });

  it('failed sign-ins block the account from that address only: its owner, elsewhere, still gets in', async () => {
    await withApi({ TRUST_PROXY: '1', REDIS_PREFIX: `${process.env.REDIS_PREFIX}_${uniq('rl')}` }, async (api) => {
      const attacker = { 'X-Forwarded-For': '198.51.100.66' };
      const owner = { 'X-Forwarded-For': '192.0.2.10' };
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await call(api, 'POST', '/api/auth/login', { headers: attacker, body: { email: EMAIL.badgerAdmin, password: `guess-${i}` } })).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses[10]).toBe(429);
      // the attacker's address cannot use the right password either
      expectProblem(await call(api, 'POST', '/api/auth/login', { headers: attacker, body: { email: EMAIL.badgerAdmin, password: DEMO_PASSWORD } }), 429);
      // the owner, from their own address
      expect((await call(api, 'POST', '/api/auth/login', { headers: owner, body: { email: EMAIL.badgerAdmin, password: DEMO_PASSWORD } })).status).toBe(200);
    });
  });

  it('without a trusted proxy, X-Forwarded-For is ignored: a client cannot pick a fresh address for each guess', async () => {
    await withApi({ TRUST_PROXY: undefined, LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '5', REDIS_PREFIX: `${process.env.REDIS_PREFIX}_${uniq('rl')}` }, async (api) => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        statuses.push((await call(api, 'POST', '/api/auth/login', { headers: { 'X-Forwarded-For': `203.0.113.${i}` }, body: { email: `${uniq('g')}@example.test`, password: 'x' } })).status);
      }
      expect(statuses.slice(0, 5)).toEqual(Array(5).fill(401));
      expect(statuses[6]).toBe(429);
    });
    await expect(startApiWith({ TRUST_PROXY: 'true' })).rejects.toThrow(/TRUST_PROXY/);
  });

  it('an invitee’s address is not a way to spam: the same pending offer is replaced, not multiplied', async () => {
    const api = await startApi();
    try {
      const staff = await session(api, EMAIL.staff);
      const email = `${uniq('spam')}@example.test`;
      for (let i = 0; i < 3; i++) await call(api, 'POST', '/api/invitations', { token: staff, body: { email, name: 'S', role: 'firm_contributor', organisationId: demo.org.acme } });
      const { rows } = await pool.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM "Invitation" WHERE email = $1 GROUP BY status ORDER BY status`, [email]);
      expect(rows).toEqual([
        { status: 'pending', n: 1 },
        { status: 'revoked', n: 2 },
      ]);
    } finally {
      await api.close();
    }
  });
});
