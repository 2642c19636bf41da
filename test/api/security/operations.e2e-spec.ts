import type { Pool } from 'pg';
import type { OutboxMessage } from '@tandem/contracts';
import { requestLogSerializers } from '../../../apps/api/src/app.module';
import { call, q, startApi, type TestApi } from '../support/api';
import { EMAIL, dbPool, expectProblem, loadDemo, sendInvitation, session, type Demo } from '../support/fixtures';


// Each test may start an API of its own: more than Jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

/**
 * Finding 5: Bull Board showed every consortium's jobs and accepted pause/clean/retry from
 * any consortium's staff, and its `?token=` access token landed in the request log.
 * Finding 6: staff read invitation links in the outbox and took over invited accounts.
 */
describe('security: the queue board is the platform operator’s (finding 5)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  }, 30_000);

  afterAll(async () => {
    await api?.close();
  });

  it('staff of any consortium, firm people and API keys get no board session, and no action through the board', async () => {
    for (const account of [EMAIL.staff, EMAIL.fvsnStaff, EMAIL.acmeAdmin, EMAIL.funder]) {
      const token = await session(api, account);
      expectProblem(await call(api, 'POST', '/api/queue-board/session', { token, body: {} }), 403);
      // the board's own API (what its buttons call) is closed to a bearer token too
      expectProblem(await call(api, 'GET', '/api/queues/api/queues', { token }), 401);
      expectProblem(await call(api, 'PUT', '/api/queues/api/queues/email/pause', { token }), 401);
      expectProblem(await call(api, 'PUT', `/api/queues/api/queues/email/clean/completed?token=${encodeURIComponent(token)}`, {}), 401);
    }
  });

  it('the platform admin’s board session is an HttpOnly cookie for /api/queues only, and opens the board’s API', async () => {
    const opened = await call(api, 'POST', '/api/queue-board/session', { token: await session(api, EMAIL.platform), body: {} });
    expect(opened.status).toBe(204);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
    const queues = await call(api, 'GET', '/api/queues/api/queues', { headers: { cookie } });
    expect(queues.status).toBe(200);
    // the cookie is not an access token: it opens nothing else
    const token = cookie.slice(cookie.indexOf('=') + 1);
    expectProblem(await call(api, 'GET', '/api/auth/me', { token }), 401);
  });

  it('request log lines carry no secret: secret-named query parameters are redacted and no header but the agent is kept', () => {
    const line = requestLogSerializers.req({
      id: 'r1',
      method: 'GET',
      url: '/api/queues?token=eyJhbGciOi.secret.sig&apiKey=tdm_abc&password=hunter2&q=steel',
      headers: { authorization: 'Bearer eyJhbGciOi.secret.sig', cookie: 'tandem_board=eyJ', 'user-agent': 'curl/8' },
      remoteAddress: '127.0.0.1',
    });
    const text = JSON.stringify(line);
    for (const secret of ['eyJhbGciOi', 'tdm_abc', 'hunter2', 'tandem_board']) expect(text).not.toContain(secret);
    expect(line).toEqual({ id: 'r1', method: 'GET', url: '/api/queues?token=[REDACTED]&apiKey=[REDACTED]&password=[REDACTED]&q=steel', userAgent: 'curl/8', remoteAddress: '127.0.0.1' });
  });
});

describe('security: invitation links never reach anyone but their recipient (finding 6)', () => {
  let api: TestApi;
  let pool: Pool;
  let demo: Demo;

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    demo = await loadDemo(pool);
  }, 30_000);

  afterAll(async () => {
    await pool?.end();
    await api?.close();
  });

  it('staff and the platform admin see recipient, subject and state of an invitation, never its text', async () => {
    const staff = await session(api, EMAIL.staff);
    const invitation = await sendInvitation(api, staff, { role: 'firm_contributor', organisationId: demo.org.acme });
    const stored = (await pool.query<{ id: string; text: string }>(`SELECT id, text FROM "OutboxMessage" WHERE "to" = $1`, [invitation.email])).rows[0]!;
    const secret = /token=([^\s]+)/.exec(stored.text)![1]!;
    for (const account of [EMAIL.staff, EMAIL.platform]) {
      const token = await session(api, account);
      const list = await call(api, 'GET', `/api/outbox${q({ filter: { to: invitation.email } })}`, { token });
      const one = await call(api, 'GET', `/api/outbox/${stored.id}`, { token });
      // a search cannot fish in the text either
      const search = await call(api, 'GET', `/api/outbox${q({ filter: { q: secret.slice(0, 12) } })}`, { token });
      expect((list.body as OutboxMessage[])[0]).toMatchObject({ to: invitation.email, subject: 'You are invited to Tandem', sensitive: true, text: null });
      expect(one.body).toMatchObject({ sensitive: true, text: null });
      expect(search.body).toEqual([]);
      for (const res of [list, one, search]) expect(JSON.stringify(res.body)).not.toContain(secret);
    }
  });

  it('notices without a secret stay readable to staff', async () => {
    const staff = await session(api, EMAIL.staff);
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO "OutboxMessage" (id, "consortiumId", "to", subject, text, "updatedAt") VALUES (gen_random_uuid(), $1, 'notice@example.test', 'Reminder', 'Please report 2026-Q4', now()) RETURNING id`,
      [demo.consortium.glmp],
    );
    expect((await call(api, 'GET', `/api/outbox/${rows[0]!.id}`, { token: staff })).body).toMatchObject({ sensitive: false, text: 'Please report 2026-Q4' });
  });
});
