import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { PartitionProxy } from '../support/partition-proxy';
import { EMAIL, dbPool } from './support/fixtures';
import { IMPORT_HEADER } from './support/imports';
import { freeYear } from './support/performance';
import { freePort, start, until, type Started } from './support/processes';

jest.setTimeout(240_000);

/** How long Redis stays silent: the outage the deployment must ride out. */
const OUTAGE_MS = 30_000;

/**
 * Redis silent for 30 s with a real API and a real worker running (processes of their own,
 * reaching Redis through a proxy that goes silent: a partition, not a clean stop). Reads keep
 * serving all along; an upload made during the outage is recorded and its job kept; the worker
 * survives the outage and, once Redis answers again, its relay tick hands the kept job over and
 * the import is parsed, once. Nothing is lost and nobody restarts anything.
 */
describe('Redis away for 30 s with the API and a worker running', () => {
  let pool: Pool;
  let redis: PartitionProxy;
  const running: Started[] = [];
  const importDir = mkdtempSync(path.join(tmpdir(), 'tandem-redis-outage-'));
  const prefix = `${process.env.REDIS_PREFIX ?? 'tandem_test'}_outage_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    pool = dbPool();
    redis = await PartitionProxy.start(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  });

  afterAll(async () => {
    redis?.resume();
    for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await redis?.close();
    await pool?.end();
    rmSync(importDir, { recursive: true, force: true });
  });

  it('reads serve, an upload is kept, the worker lives through it and parses the upload once Redis is back', async () => {
    const port = await freePort();
    const env = {
      REDIS_URL: redis.via(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
      REDIS_PREFIX: prefix,
      REDIS_COMMAND_TIMEOUT_MS: '1000',
      IMPORT_DIR: importDir,
      OUTBOX_RELAY_EVERY_MS: '2000',
    };
    const api = start('apps/api/src/main.ts', { ...env, PORT: String(port) });
    const worker = start('apps/worker/src/main.ts', env);
    running.push(api, worker);
    const base = `http://127.0.0.1:${port}`;
    await until('the API to be ready', async () => (await fetch(`${base}/health/ready`)).ok);
    const signIn = async (email: string) => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
      expect(res.status).toBe(200);
      return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
    };
    const staff = await signIn(EMAIL.staff);
    const contributor = await signIn(EMAIL.acmeContributor);
    const year = await freeYear(pool);
    expect((await fetch(`${base}/api/periods`, { method: 'POST', headers: { ...staff, 'content-type': 'application/json' }, body: JSON.stringify({ code: `${year}-Q1` }) })).status).toBe(201);
    const upload = async (name: string) => {
      const csv = [IMPORT_HEADER, `acme-castings,${year}-Q1,LEAD_TIME,12.5,,,,`, `acme-castings,${year}-Q1,OEE,71.25,,,,`].join('\n');
      const res = await fetch(`${base}/api/imports?filename=${name}`, { method: 'POST', headers: { ...contributor, 'content-type': 'text/csv' }, body: csv, signal: AbortSignal.timeout(10_000) });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const status = async (id: string) => ((await (await fetch(`${base}/api/imports/${id}`, { headers: contributor })).json()) as { status: string }).status;

    // Before: the worker parses an upload.
    const before = await upload('before.csv');
    await until('the first import to be parsed', async () => (await status(before)) === 'parsed', 60_000);

    redis.pause();
    const outageEnds = Date.now() + OUTAGE_MS;
    const during = await upload('during.csv');
    const kept = await pool.query<{ name: string }>(`SELECT name FROM "PendingJob" WHERE data->>'importId' = $1`, [during]);
    expect(kept.rows.map((r) => r.name)).toEqual(['imports.parse']);
    let reads = 0;
    while (Date.now() < outageEnds) {
      const res = await fetch(`${base}/api/organisations`, { headers: staff, signal: AbortSignal.timeout(5_000) });
      expect(res.status).toBe(200);
      reads++;
      await new Promise((r) => setTimeout(r, 2_000));
    }
    expect(reads).toBeGreaterThanOrEqual(3);
    const ready = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(5_000) });
    expect(ready.status).toBe(503);
    expect(await status(during)).toBe('uploaded');
    // Neither process gave up during the outage.
    expect({ api: api.child.exitCode, worker: worker.child.exitCode }).toEqual({ api: null, worker: null });

    redis.resume();
    await until('the import uploaded during the outage to be parsed', async () => (await status(during)) === 'parsed', 90_000);
    expect((await pool.query(`SELECT 1 FROM "PendingJob" WHERE data->>'importId' = $1`, [during])).rowCount).toBe(0);
    const staged = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ImportRow" WHERE "importId" = $1`, [during]);
    expect(staged.rows[0]?.n).toBe(2);
    await until('readiness to say ready again', async () => (await fetch(`${base}/health/ready`)).ok, 30_000);
    expect({ api: api.child.exitCode, worker: worker.child.exitCode }).toEqual({ api: null, worker: null });

    api.child.kill('SIGTERM');
    worker.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(await worker.exited).toBe(0);
  });
});
