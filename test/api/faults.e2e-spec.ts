import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { JobProducer } from '@tandem/server';
import { PartitionProxy } from '../support/partition-proxy';
import { readCall, startApiWith, type Call, type TestApi } from './support/api';
import { EMAIL, dbPool, expectProblem } from './support/fixtures';
import { freeYear } from './support/performance';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';

jest.setTimeout(120_000);

/**
 * An unresponsive dependency never hangs a request. PostgreSQL and Redis are reached through
 * proxies that go silent on `pause()` (a partition: connections open, no bytes), the way a
 * paused or partitioned server behaves, unlike a clean stop that refuses connections at once.
 */
describe('a dependency that stops answering', () => {
  let pg: PartitionProxy;
  let redis: PartitionProxy;
  let api: TestApi;
  let pool: Pool;
  let token: string;
  const importDir = mkdtempSync(path.join(tmpdir(), 'tandem-faults-'));

  /** No answer within this is a hang: far above the deadlines configured below. */
  const HANG_MS = 15_000;

  async function ask(method: string, route: string, opts: { token?: string; body?: unknown; form?: FormData } = {}): Promise<Call> {
    const headers: Record<string, string> = {};
    if (opts.token) headers['Authorization'] = `Bearer ${opts.token}`;
    let body: string | FormData | undefined = opts.form;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['Content-Type'] = 'application/json';
    }
    let res: Response;
    try {
      res = await fetch(`${api.url}${route}`, { method, headers, body, signal: AbortSignal.timeout(HANG_MS) });
    } catch (error) {
      throw new Error(`${method} ${route} hung: no answer within ${HANG_MS} ms (${String(error)})`);
    }
    return readCall(res);
  }

  function csvForm(): FormData {
    const form = new FormData();
    form.append('file', new Blob(['organisation,metric,period,value\n'], { type: 'text/csv' }), 'values.csv');
    return form;
  }

  function expectUnavailable(res: Call): void {
    const problem = expectProblem(res, 503);
    expect(problem.detail).toMatch(/not answering/);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  }

  /** A signed-in list answers 200 again within 15 s of the dependencies coming back, without a restart. */
  async function expectServingAgain(): Promise<void> {
    let after: Call | undefined;
    for (let i = 0; i < 30 && after?.status !== 200; i++) {
      after = await ask('GET', '/api/organisations', { token });
      if (after.status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(after?.status).toBe(200);
  }

  beforeAll(async () => {
    pool = dbPool();
    pg = await PartitionProxy.start(process.env.DATABASE_URL!);
    redis = await PartitionProxy.start(process.env.REDIS_URL!);
    api = await startApiWith({
      DATABASE_URL: pg.via(process.env.DATABASE_URL!),
      REDIS_URL: redis.via(process.env.REDIS_URL!),
      DATABASE_QUERY_TIMEOUT_MS: '1500',
      DATABASE_CONNECT_TIMEOUT_MS: '1500',
      REDIS_COMMAND_TIMEOUT_MS: '1000',
      IMPORT_DIR: importDir,
    });
    const login = await ask('POST', '/api/auth/login', { body: { email: EMAIL.staff, password: DEMO_PASSWORD } });
    expect(login.status).toBe(200);
    token = (login.body as { accessToken: string }).accessToken;
  });

  afterEach(() => {
    pg.up();
    pg.resume();
    redis.resume();
  });

  afterAll(async () => {
    await api?.close();
    await pg?.close();
    await redis?.close();
    await pool?.end();
    rmSync(importDir, { recursive: true, force: true });
  });

  it('PostgreSQL silent: a list, a login and an upload answer 503 with Retry-After; readiness names PostgreSQL; all serve again after', async () => {
    expect((await ask('GET', '/api/organisations', { token })).status).toBe(200);
    pg.pause();

    expectUnavailable(await ask('GET', '/api/organisations', { token }));
    expectUnavailable(await ask('POST', '/api/auth/login', { body: { email: EMAIL.acmeAdmin, password: DEMO_PASSWORD } }));
    expectUnavailable(await ask('POST', '/api/imports', { token, form: csvForm() }));
    const ready = await ask('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(JSON.stringify(ready.body)).toMatch(/postgresql/);
    expect(JSON.stringify(ready.body)).not.toMatch(/"redis":\{"status":"down"/);

    pg.resume();
    await expectServingAgain();
    expect((await ask('GET', '/health/ready')).status).toBe(200);
  });

  it('Redis and PostgreSQL both silent: a signed-in read answers 503, not 401 (the revocation check falls back to PostgreSQL, which does not answer either)', async () => {
    expect((await ask('GET', '/api/organisations', { token })).status).toBe(200);
    redis.pause();
    pg.pause();
    expectUnavailable(await ask('GET', '/api/organisations', { token }));
    redis.resume();
    pg.resume();
    await expectServingAgain();
  });

  it('Redis silent: reads and sign-in keep serving, readiness names Redis, an upload is kept and enqueued once Redis is back', async () => {
    redis.pause();

    expect((await ask('GET', '/api/organisations', { token })).status).toBe(200);
    expect((await ask('POST', '/api/auth/login', { body: { email: EMAIL.acmeAdmin, password: DEMO_PASSWORD } })).status).toBe(200);
    const ready = await ask('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(JSON.stringify(ready.body)).toMatch(/redis/);

    // The upload's work is recorded: the import row, and its parse job kept for the relay.
    const uploaded = await ask('POST', '/api/imports', { token, form: csvForm() });
    expect(uploaded.status).toBe(201);
    const importId = (uploaded.body as { id: string }).id;
    const kept = await pool.query<{ name: string; jobId: string }>(`SELECT name, "jobId" FROM "PendingJob" WHERE data->>'importId' = $1`, [importId]);
    expect(kept.rows).toEqual([{ name: 'imports.parse', jobId: `import-parse-${importId}` }]);

    // Redis back: the worker's relay tick hands it to its queue, once.
    redis.resume();
    const jobs = api.app.get(JobProducer);
    let relayed = 0;
    for (let i = 0; i < 20; i++) {
      try {
        relayed += await jobs.relayPending();
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    expect(relayed).toBeGreaterThanOrEqual(1);
    expect((await pool.query(`SELECT 1 FROM "PendingJob" WHERE data->>'importId' = $1`, [importId])).rowCount).toBe(0);
    const job = await jobs.queue('imports').getJob(`import-parse-${importId}`);
    expect(job?.name).toBe('imports.parse');
    expect(job?.data).toEqual({ importId });
  });
  it('PostgreSQL restarted: requests answer 503 during the outage, a write cut off mid-transaction leaves nothing behind, and the API serves again without a restart', async () => {
    expect((await ask('GET', '/api/organisations', { token })).status).toBe(200);
    // A close of a period of its own, held mid-transaction by a lock on its row (taken directly, not through the proxy).
    const year = await freeYear(pool);
    const created = await ask('POST', '/api/periods', { token, body: { code: `${year}-Q1` } });
    expect(created.status).toBe(201);
    const periodId = (created.body as { id: string }).id;
    const lock = await pool.connect();
    try {
      await lock.query('BEGIN');
      await lock.query(`SELECT 1 FROM "Period" WHERE id = $1 FOR UPDATE`, [periodId]);
      const closing = ask('POST', `/api/periods/${periodId}/close`, { token });
      for (let i = 0; i < 100; i++) {
        const { rows } = await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%"Period"%'`,
        );
        if ((rows[0]?.n ?? 0) > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }

      pg.goDown();
      expectUnavailable(await closing);
      expectUnavailable(await ask('GET', '/api/organisations', { token }));
      expectUnavailable(await ask('POST', '/api/auth/login', { body: { email: EMAIL.acmeAdmin, password: DEMO_PASSWORD } }));
      const ready = await ask('GET', '/health/ready');
      expect(ready.status).toBe(503);
      expect(JSON.stringify(ready.body)).toMatch(/postgresql/);
      await lock.query('COMMIT');
    } finally {
      lock.release();
    }

    pg.up();
    await expectServingAgain();
    expect((await ask('GET', '/health/ready')).status).toBe(200);
    // The close that was cut off rolled back whole: still open, no audit of a close, no job row.
    const { rows: period } = await pool.query<{ state: string; closedAt: Date | null }>(`SELECT state, "closedAt" FROM "Period" WHERE id = $1`, [periodId]);
    expect(period[0]).toEqual({ state: 'open', closedAt: null });
    const { rows: audit } = await pool.query(`SELECT 1 FROM "AuditEvent" WHERE "entityId" = $1 AND action LIKE 'period.%' AND action <> 'period.created'`, [periodId]);
    expect(audit).toEqual([]);
    // and the same close, asked again, goes through
    const again = await ask('POST', `/api/periods/${periodId}/close`, { token });
    expect(again.status).toBe(200);
  });
});
