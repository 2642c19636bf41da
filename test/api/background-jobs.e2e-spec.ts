import type { INestApplicationContext } from '@nestjs/common';
import type { Pool } from 'pg';
import type { BackgroundJob } from '@tandem/contracts';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { SendRemindersJob } from '../../apps/worker/src/reminders/send-reminders.job';
import { call, q, startApi, type TestApi } from './support/api';
import { freeYear } from './support/performance';
import { EMAIL, dbPool, expectProblem, loadDemo, session, type Demo } from './support/fixtures';

jest.setTimeout(60_000);

/**
 * Consortium staff follow their consortium's background work through Tandem's own scoped
 * resource (Bull Board, which spans consortia, is the platform operator's): a recompute they
 * ask for appears queued, then running, then completed with what it did.
 */
describe('background jobs', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let pool: Pool;
  let demo: Demo;
  let staff: string;

  beforeAll(async () => {
    api = await startApi();
    worker = await createWorker();
    pool = dbPool();
    demo = await loadDemo(pool);
    staff = await session(api, EMAIL.staff);
  });

  afterAll(async () => {
    await worker?.close();
    await pool?.end();
    await api?.close();
  });

  async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const v = await probe();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('a recompute staff ask for is followed to its end, by that consortium’s staff only', async () => {
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "Period" WHERE "consortiumId" = $1 AND state = 'closed' ORDER BY "startsOn" DESC LIMIT 1`, [demo.consortium.glmp]);
    const periodId = rows[0]!.id;
    const accepted = await call(api, 'POST', '/api/scorecards/recompute', { token: staff, body: { periodId } });
    expect(accepted.status).toBe(202);

    const done = await until(async () => {
      const list = (await call(api, 'GET', `/api/background-jobs${q({ filter: { subjectId: periodId, name: 'scorecards.recompute' } })}`, { token: staff })).body as BackgroundJob[];
      const job = list.find((j) => j.state === 'completed' && j.requestedById === demo.user.staff);
      return job;
    }, 'the recompute to complete');
    expect(done).toMatchObject({ consortiumId: demo.consortium.glmp, subjectType: 'Period', subjectId: periodId, progress: 100, attempts: 1, error: null });
    expect(done.summary).toMatch(/^computed \d+, inserted \d+, updated \d+/);
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();

    expectProblem(await call(api, 'GET', `/api/background-jobs/${done.id}`, { token: await session(api, EMAIL.fvsnStaff) }), 404);
    expectProblem(await call(api, 'GET', `/api/background-jobs/${done.id}`, { token: await session(api, EMAIL.acmeAdmin) }), 403);
    expect((await call(api, 'GET', `/api/background-jobs/${done.id}`, { token: await session(api, EMAIL.platform) })).status).toBe(200);
  });

  it('a reminder run shows, per consortium, which period it reminded how many firms of', async () => {
    // a quarter of its own, due in the run's reminder window, for which no firm has reported yet
    const year = await freeYear(pool);
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO "Period" (id, "consortiumId", code, kind, "startsOn", "endsOn", "dueOn", state, "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'quarter', $3::date, $4::date, $5::date, 'open', now()) RETURNING id`,
      [demo.consortium.glmp, `${year}-Q1`, `${year}-01-01`, `${year}-03-31`, `${year}-04-20`],
    );
    const periodId = rows[0]!.id;
    const result = await worker.get(SendRemindersJob).run(new Date(`${year}-04-15T00:00:00Z`), `metrics:reminders-${year}`);
    const firms = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ReminderLog" WHERE "periodId" = $1`, [periodId])).rows[0]!.n;
    expect(firms).toBeGreaterThan(0);
    expect(result.firms).toBeGreaterThanOrEqual(firms);

    const jobs = (await call(api, 'GET', `/api/background-jobs${q({ filter: { subjectId: periodId } })}`, { token: staff })).body as BackgroundJob[];
    expect(jobs).toEqual([
      expect.objectContaining({ name: 'reminders.send', consortiumId: demo.consortium.glmp, state: 'completed', summary: `${firms} firm${firms === 1 ? '' : 's'} reminded of ${year}-Q1` }),
    ]);
    expect((await call(api, 'GET', `/api/background-jobs${q({ filter: { subjectId: periodId } })}`, { token: await session(api, EMAIL.fvsnStaff) })).body).toEqual([]);
  });
});
