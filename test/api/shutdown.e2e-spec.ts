import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { Pool, PoolClient } from 'pg';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { EMAIL, dbPool } from './support/fixtures';
import { freeYear } from './support/performance';
import { IMPORT_HEADER } from './support/imports';
import { freePort, start, until, type Started } from './support/processes';
import { lockKey } from '../../apps/worker/src/imports/parse-import.job';

/**
 * Graceful shutdown, and a worker killed mid-job, with the real entry points (apps/api/src/main.ts, apps/worker/src/main.ts),
 * each run as its own process the way a container runs it, and stopped with SIGTERM while it
 * has work in hand: the work is finished, then the process exits 0. The work is held in
 * flight by a row lock this test takes and releases. The processes get a Redis prefix of
 * their own, so no worker of another test file takes their jobs.
 */
jest.setTimeout(180_000);

/** A statement of another session waits for the lock this test holds on the row. */
async function someoneWaitsFor(pool: Pool, table: string): Promise<boolean> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND query LIKE $1`,
    [`%"${table}"%`],
  );
  return (rows[0]?.n ?? 0) > 0;
}

describe('graceful shutdown', () => {
  let pool: Pool;
  let lock: PoolClient | undefined;
  const running: Started[] = [];
  const prefix = `${process.env.REDIS_PREFIX ?? 'tandem_test'}_shutdown_${randomBytes(4).toString('hex')}`;

  beforeAll(() => {
    pool = dbPool();
  });

  afterEach(async () => {
    if (lock) {
      await lock.query('ROLLBACK').catch(() => undefined);
      lock.release();
      lock = undefined;
    }
    for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  });

  afterAll(async () => {
    await pool?.end();
  });

  it('the API answers the requests in flight on SIGTERM, takes no new connection, then exits 0', async () => {
    const port = await freePort();
    const api = start('apps/api/src/main.ts', { PORT: String(port), REDIS_PREFIX: prefix });
    running.push(api);
    const base = `http://127.0.0.1:${port}`;
    await until('the API to be ready', async () => (await fetch(`${base}/health/ready`)).ok);

    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL.staff, password: DEMO_PASSWORD }) });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const year = await freeYear(pool);
    const created = await fetch(`${base}/api/periods`, { method: 'POST', headers: auth, body: JSON.stringify({ code: `${year}-Q1` }) });
    expect(created.status).toBe(201);
    const period = (await created.json()) as { id: string };

    // Hold the period's row: the close below waits for it inside the API.
    lock = await pool.connect();
    await lock.query('BEGIN');
    await lock.query(`SELECT 1 FROM "Period" WHERE id = $1 FOR UPDATE`, [period.id]);
    const closing = fetch(`${base}/api/periods/${period.id}/close`, { method: 'POST', headers: auth });
    await until('the close to wait for the row', () => someoneWaitsFor(pool, 'Period'));

    api.child.kill('SIGTERM');
    // No new connection once the signal is taken; the request in hand is still being served.
    await until('the API to stop listening', async () => {
      try {
        await fetch(`${base}/health`);
        return false;
      } catch {
        return true;
      }
    });
    expect(api.child.exitCode).toBeNull();

    await lock.query('COMMIT');
    lock.release();
    lock = undefined;
    const answer = await closing;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { state: string }).state).toBe('closed');
    expect({ exit: await api.exited, output: api.output.join('').includes('drained: exiting') }).toEqual({ exit: 0, output: true });
    const { rows } = await pool.query<{ state: string }>(`SELECT state FROM "Period" WHERE id = $1`, [period.id]);
    expect(rows[0]?.state).toBe('closed');
  });

  it('a worker finishes the job it runs on SIGTERM, then exits 0', async () => {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO "OutboxMessage" (id, kind, "to", subject, text, status, "createdAt", "updatedAt") VALUES (gen_random_uuid(), 'email', 'someone@example.org', $1, 'held by a lock', 'pending', now(), now()) RETURNING id`,
      [`shutdown ${prefix}`],
    );
    const messageId = rows[0]!.id;
    lock = await pool.connect();
    await lock.query('BEGIN');
    await lock.query(`SELECT 1 FROM "OutboxMessage" WHERE id = $1 FOR UPDATE`, [messageId]);

    const worker = start('apps/worker/src/main.ts', { REDIS_PREFIX: prefix, OUTBOX_RELAY_EVERY_MS: '3600000' });
    running.push(worker);
    const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    const email = new Queue('email', { connection: redis, prefix });
    try {
      await email.add('email.send', { outboxMessageId: messageId }, { jobId: `email-${messageId}` });
      await until('the job to wait for the row', () => someoneWaitsFor(pool, 'OutboxMessage'));

      worker.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 1_000));
      // Still finishing its job: it has not exited, and the job is still active.
      expect(worker.child.exitCode).toBeNull();
      expect(await (await email.getJob(`email-${messageId}`))?.getState()).toBe('active');

      await lock.query('COMMIT');
      lock.release();
      lock = undefined;
      expect({ exit: await worker.exited, output: worker.output.join('').includes('drained: exiting') }).toEqual({ exit: 0, output: true });
      expect(await (await email.getJob(`email-${messageId}`))?.getState()).toBe('completed');
      const { rows: after } = await pool.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM "OutboxMessage" WHERE id = $1`, [messageId]);
      expect(after[0]).toMatchObject({ attempts: 1 });
      expect(['sent', 'recorded']).toContain(after[0]?.status);
    } finally {
      await email.close();
      redis.disconnect();
    }
  });
  it('a worker killed mid-commit leaves nothing half done: another worker takes the job over and commits the import once', async () => {
    const port = await freePort();
    const env = { REDIS_PREFIX: prefix, QUEUE_LOCK_MS: '2000', OUTBOX_RELAY_EVERY_MS: '3600000' };
    const api = start('apps/api/src/main.ts', { ...env, PORT: String(port) });
    const first = start('apps/worker/src/main.ts', env);
    running.push(api, first);
    const base = `http://127.0.0.1:${port}`;
    await until('the API to be ready', async () => (await fetch(`${base}/health/ready`)).ok);
    const signIn = async (email: string) => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
      return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
    };
    const staff = await signIn(EMAIL.staff);
    const contributor = await signIn(EMAIL.acmeContributor);
    const year = await freeYear(pool);
    expect((await fetch(`${base}/api/periods`, { method: 'POST', headers: { ...staff, 'content-type': 'application/json' }, body: JSON.stringify({ code: `${year}-Q1` }) })).status).toBe(201);
    const csv = [IMPORT_HEADER, `acme-castings,${year}-Q1,LEAD_TIME,12.5,,,,`, `acme-castings,${year}-Q1,OEE,71.25,,,,`, `acme-castings,${year}-Q1,OTD,,955,1000,,`].join('\n');
    const uploaded = await fetch(`${base}/api/imports?filename=killed.csv`, { method: 'POST', headers: { ...contributor, 'content-type': 'text/csv' }, body: csv });
    expect(uploaded.status).toBe(201);
    const importId = ((await uploaded.json()) as { id: string }).id;
    const status = async () => ((await (await fetch(`${base}/api/imports/${importId}`, { headers: contributor })).json()) as { status: string; committedRows: number }).status;
    await until('the import to be parsed', async () => (await status()) === 'parsed');

    // The commit waits on the import's lock, held here, inside the first worker; the worker is killed there.
    lock = await pool.connect();
    await lock.query('BEGIN');
    await lock.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKey(importId)]);
    expect((await fetch(`${base}/api/imports/${importId}/commit`, { method: 'POST', headers: contributor })).status).toBe(202);
    await until('the commit to wait for the lock', async () => {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%pg_advisory_xact_lock%' AND pid <> pg_backend_pid()`,
      );
      return (rows[0]?.n ?? 0) > 0;
    });
    first.child.kill('SIGKILL');
    await first.exited;
    await lock.query('COMMIT');
    lock.release();
    lock = undefined;
    // Nothing of the killed run is visible.
    const values = async () =>
      (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "MetricValue" v JOIN "Period" p ON p.id = v."periodId" WHERE p.code = $1 AND v.source = 'csv'`, [`${year}-Q1`])).rows[0]?.n;
    await new Promise((r) => setTimeout(r, 500));
    expect({ status: await status(), values: await values() }).toEqual({ status: 'committing', values: 0 });

    // A second worker takes the job over once its lock has expired, and commits once.
    const second = start('apps/worker/src/main.ts', env);
    running.push(second);
    await until('the import to be committed', async () => (await status()) === 'committed', 60_000);
    expect(await values()).toBe(3);
    const { rows: audits } = await pool.query(`SELECT 1 FROM "AuditEvent" WHERE "entityType" = 'Import' AND "entityId" = $1 AND action = 'import.committed'`, [importId]);
    expect(audits).toHaveLength(1);
    const { rows: revisions } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "MetricValueRevision" r JOIN "MetricValue" v ON v.id = r."metricValueId" JOIN "Period" p ON p.id = v."periodId" WHERE p.code = $1`,
      [`${year}-Q1`],
    );
    expect(revisions[0]?.n).toBe(3);
  });
});
