import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { QUEUES, type Import } from '@tandem/contracts';
import { JobProducer } from '@tandem/server';
import { createPeriods, ensureCatalogue, randomYear } from '../support/import-fixtures';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { call, startApiWith, type TestApi } from './support/api';
import { EMAIL, dbPool, expectProblem, loadDemo, loginPair, type Demo } from './support/fixtures';

jest.setTimeout(120_000);

/**
 * Two API processes and two workers on one database and one Redis, as a production
 * deployment runs them (here in one Jest process: each is its own Nest application with its
 * own pools and connections). Work happens once whichever replica takes it; what one API
 * learns about a session or a login attempt, the other knows.
 */
describe('two APIs and two workers', () => {
  const importDir = mkdtempSync(path.join(tmpdir(), 'tandem-replicas-'));
  const env = { IMPORT_DIR: importDir, LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS: '4' };
  let apiA: TestApi;
  let apiB: TestApi;
  const workers: INestApplicationContext[] = [];
  let pool: Pool;
  let demo: Demo;
  let year: number;
  let periodId: string;

  beforeAll(async () => {
    apiA = await startApiWith(env);
    apiB = await startApiWith(env);
    const saved = process.env.IMPORT_DIR;
    process.env.IMPORT_DIR = importDir;
    const { createWorker } = await import('../../apps/worker/src/bootstrap');
    try {
      workers.push(await createWorker(), await createWorker());
    } finally {
      if (saved === undefined) delete process.env.IMPORT_DIR;
      else process.env.IMPORT_DIR = saved;
    }
    pool = dbPool();
    demo = await loadDemo(pool);
    await ensureCatalogue(pool, demo.consortium.glmp);
    year = randomYear();
    periodId = (await createPeriods(pool, demo.consortium.glmp, year)).ids[`${year}-Q2`]!;
  });

  afterAll(async () => {
    for (const w of workers) await w.close();
    await apiA?.close();
    await apiB?.close();
    await pool?.end();
    rmSync(importDir, { recursive: true, force: true });
  });

  async function importOf(api: TestApi, token: string, id: string, statuses: Import['status'][]): Promise<Import> {
    const until = Date.now() + 60_000;
    for (;;) {
      const imp = (await call(api, 'GET', `/api/imports/${id}`, { token })).body as Import;
      if (statuses.includes(imp.status)) return imp;
      if (Date.now() > until) throw new Error(`import ${id} still ${imp.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('a CSV import uploaded to one API and committed through the other is parsed and committed exactly once, even when its commit is enqueued twice', async () => {
    const { accessToken: token } = await loginPair(apiA, EMAIL.acmeContributor);
    const rows = ['LEAD_TIME,12.5', 'OEE,71.25', 'SCRAP,1.5'].map((m) => `acme-castings,${year}-Q2,${m.split(',')[0]},${m.split(',')[1]},,,,`);
    const form = new FormData();
    form.append('file', new Blob([['org_code,period,metric,value,numerator,denominator,customer_code,note', ...rows].join('\n')], { type: 'text/csv' }), 'replicas.csv');
    const uploaded = await fetch(`${apiA.url}/api/imports`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    expect(uploaded.status).toBe(201);
    const id = ((await uploaded.json()) as Import).id;

    // Both APIs enqueue its parse again (a client retry, a recovery on boot): one parse.
    for (const api of [apiA, apiB]) await api.app.get(JobProducer).enqueue('imports.parse', { importId: id }, { jobId: `import-parse-${id}` });
    expect(await importOf(apiB, token, id, ['parsed', 'failed'])).toMatchObject({ status: 'parsed', validRows: 3 });

    const before = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "MetricValue" WHERE "organisationId" = $1`, [demo.org.acme]);
    expect((await call(apiB, 'POST', `/api/imports/${id}/commit`, { token })).status).toBe(202);
    // A second commit job (a lost-job recovery racing the first): the two workers may each take one.
    await apiA.app.get(JobProducer).enqueue('imports.commit', { importId: id });
    expect(await importOf(apiA, token, id, ['committed', 'failed'])).toMatchObject({ status: 'committed', committedRows: 3 });
    await new Promise((r) => setTimeout(r, 1000)); // let the second job finish too

    const after = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "MetricValue" WHERE "organisationId" = $1`, [demo.org.acme]);
    expect(after.rows[0]!.n - before.rows[0]!.n).toBe(3);
    const audit = await pool.query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "entityId" = $1 ORDER BY id`, [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['import.uploaded', 'import.commit_requested', 'import.committed']);
    const revisions = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "MetricValueRevision" r JOIN "MetricValue" v ON v.id = r."metricValueId"
        WHERE v."organisationId" = $1 AND v."periodId" = $2`,
      [demo.org.acme, periodId],
    );
    expect(revisions.rows[0]!.n).toBe(3);
  });

  it('scheduled work has one schedule per job, however many workers start', async () => {
    const producer = apiA.app.get(JobProducer);
    const schedulers = [
      ...(await producer.queue(QUEUES.email).getJobSchedulers()),
      ...(await producer.queue(QUEUES.followUp).getJobSchedulers()),
      ...(await producer.queue(QUEUES.imports).getJobSchedulers()),
    ];
    const names = schedulers.map((s) => s.name).sort();
    expect(names).toEqual([...new Set(names)]);
    expect(names).toEqual(expect.arrayContaining(['email.relay', 'reminders.send', 'commitments.evaluate', 'imports.purge-errors']));
  });

  it('a session ended through one API is refused by the other on the next request', async () => {
    const { accessToken } = await loginPair(apiA, EMAIL.acmeAdmin);
    expect((await call(apiB, 'GET', '/api/profile', { token: accessToken })).status).toBe(200);
    expect((await call(apiA, 'POST', '/api/auth/logout', { token: accessToken, body: {} })).status).toBe(204);
    expectProblem(await call(apiB, 'GET', '/api/profile', { token: accessToken }), 401);
  });

  it('failed sign-ins counted by one API count on the other', async () => {
    const wrong = { email: EMAIL.badgerAdmin, password: 'not-the-password-2026' };
    for (const api of [apiA, apiB, apiA, apiB]) expectProblem(await call(api, 'POST', '/api/auth/login', { body: wrong }), 401);
    // The fifth try from this address, on either API, is refused even with the right password.
    expectProblem(await call(apiA, 'POST', '/api/auth/login', { body: { email: EMAIL.badgerAdmin, password: DEMO_PASSWORD } }), 429);
    expectProblem(await call(apiB, 'POST', '/api/auth/login', { body: { email: EMAIL.badgerAdmin, password: DEMO_PASSWORD } }), 429);
  });
});
