import type { Pool } from 'pg';
import type { Curriculum, Enrolment, Trainee } from '@tandem/contracts';
import { call, q, startApi, type TestApi } from './support/api';
import { EMAIL, dbPool, expectProblem, loadDemo, session, type Demo } from './support/fixtures';
import { curriculumRow, enrolmentRow, sessionRow, traineeRow, wageStepRow } from './support/training';

jest.setTimeout(120_000);

/** The training records' rules end to end: seats under concurrency, skill-based pay, employment history, the library. */
describe('training records', () => {
  let api: TestApi;
  let pool: Pool;
  let demo: Demo;
  const t: Record<'staff' | 'acme' | 'badger' | 'trainer' | 'union', string> = { staff: '', acme: '', badger: '', trainer: '', union: '' };
  let shared: string;

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    demo = await loadDemo(pool);
    t.staff = await session(api, EMAIL.staff);
    t.acme = await session(api, EMAIL.acmeAdmin);
    t.badger = await session(api, EMAIL.badgerAdmin);
    t.trainer = await session(api, EMAIL.trainer);
    t.union = await session(api, EMAIL.union);
    shared = await curriculumRow(pool, demo.consortium.glmp, demo.org.lakeshore, { shared: true });
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await api?.close();
  });

  const glmp = () => demo.consortium.glmp;

  it('takes no more enrolments than seats, even when firms ask at the same moment, and a withdrawal frees a seat', async () => {
    const sessionId = await sessionRow(pool, glmp(), demo.org.lakeshore, { curriculumId: shared, capacity: 2 });
    const trainees = await Promise.all(Array.from({ length: 6 }, (_, i) => traineeRow(pool, glmp(), i % 2 === 0 ? demo.org.acme : demo.org.badger)));
    const answers = await Promise.all(trainees.map((traineeId, i) => call(api, 'POST', '/api/enrolments', { token: i % 2 === 0 ? t.acme : t.badger, body: { sessionId, traineeId } })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) expect(expectProblem(refused, 409).errors?.map((e) => e.path)).toEqual(['sessionId']);
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Enrolment" WHERE "sessionId" = $1 AND status <> 'withdrawn'`, [sessionId]);
    expect(Number(rows[0]?.n)).toBe(2);

    const taken = answers.find((a) => a.status === 201)?.body as Enrolment;
    const firm = taken.organisationId === demo.org.acme ? t.acme : t.badger;
    expect((await call(api, 'POST', `/api/enrolments/${taken.id}/withdraw`, { token: firm })).status).toBe(200);
    const waiting = trainees.find((_id, i) => !answers[i] || answers[i]?.status === 409) as string;
    const waitingFirm = trainees.indexOf(waiting) % 2 === 0 ? t.acme : t.badger;
    expect((await call(api, 'POST', '/api/enrolments', { token: waitingFirm, body: { sessionId, traineeId: waiting } })).status).toBe(201);
    const seats = (await call(api, 'GET', `/api/course-sessions/${sessionId}`, { token: t.staff })).body as { seatsTaken: number; capacity: number };
    expect(seats).toMatchObject({ seatsTaken: 2, capacity: 2 });
  });

  it('a trainer records attendance and a credential; the step it proposes reaches the firm alone, whose admin confirms it; wages never leave the firm', async () => {
    const credential = `NIMS Machining Level I ${Math.random().toString(36).slice(2, 6)}`;
    const stepId = await wageStepRow(pool, glmp(), demo.org.acme, credential, 1.25);
    const sessionId = await sessionRow(pool, glmp(), demo.org.lakeshore, { curriculumId: shared, hours: 24 });
    const traineeId = await traineeRow(pool, glmp(), demo.org.acme);
    const enrolled = await call(api, 'POST', '/api/enrolments', { token: t.acme, body: { sessionId, traineeId } });
    expect(enrolled.status).toBe(201);
    const id = (enrolled.body as Enrolment).id;

    const attended = await call(api, 'PATCH', `/api/enrolments/${id}`, { token: t.trainer, body: { status: 'attended', hoursAttended: 20 } });
    expect(attended.body).toMatchObject({ status: 'attended', hoursAttended: 20, traineeName: expect.stringContaining('Test') });
    // typed as people type: another case and spacing still match the ladder
    const completed = await call(api, 'PATCH', `/api/enrolments/${id}`, { token: t.trainer, body: { status: 'completed', hoursAttended: 24, credential: `  ${credential.toLowerCase()} ` } });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', wageStep: null, wageBefore: null, wageAfter: null });

    const firmView = (await call(api, 'GET', `/api/enrolments/${id}`, { token: t.acme })).body as Enrolment;
    expect(firmView).toMatchObject({ status: 'completed', wageStep: { id: stepId, hourlyIncrease: 1.25 }, wageStepConfirmedAt: null });
    const pending = (await call(api, 'GET', `/api/enrolments${q({ filter: { wageStepPending: true, id: [id] } })}`, { token: t.acme })).body as Enrolment[];
    expect(pending.map((e) => e.id)).toEqual([id]);
    expect((await call(api, 'GET', `/api/enrolments/${id}`, { token: t.staff })).body).toMatchObject({ wageStep: null });

    const confirmed = await call(api, 'POST', `/api/enrolments/${id}/confirm-wage-step`, { token: t.acme, body: { wageBefore: 21.5 } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ wageBefore: 21.5, wageAfter: 22.75, wageStep: { id: stepId }, wageStepConfirmedAt: expect.any(String) });
    expect(expectProblem(await call(api, 'POST', `/api/enrolments/${id}/confirm-wage-step`, { token: t.acme, body: { wageBefore: 21.5 } }), 400).errors?.map((e) => e.path)).toEqual(['wageStepId']);

    for (const token of [t.trainer, t.staff]) {
      const seen = (await call(api, 'GET', `/api/enrolments/${id}`, { token })).body as Enrolment;
      expect(seen).toMatchObject({ wageBefore: null, wageAfter: null, wageStep: null, wageStepConfirmedAt: null });
      const listed = (await call(api, 'GET', `/api/enrolments${q({ filter: { id: [id] } })}`, { token })).body as Enrolment[];
      expect(listed[0]).toMatchObject({ wageBefore: null, wageAfter: null });
      // nor through a filter on the step (outside attack: it listed who is owed a raise)
      for (const pending of [true, false]) {
        const refused = expectProblem(await call(api, 'GET', `/api/enrolments${q({ filter: { wageStepPending: pending } })}`, { token }), 400);
        expect(refused.errors?.map((e) => e.path)).toEqual(['filter.wageStepPending']);
      }
    }
    expect((await call(api, 'GET', `/api/enrolments${q({ filter: { wageStepPending: false, id: [id] } })}`, { token: t.acme })).status).toBe(200);
    // the audit log (staff read it) records the confirmation without the wages
    const { rows } = await pool.query<{ body: string }>(`SELECT coalesce(before::text, '') || coalesce(after::text, '') AS body FROM "AuditEvent" WHERE "entityId" = $1`, [id]);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows) expect(r.body).not.toMatch(/21\.5|22\.75/);
    // the credential cannot be changed after completion, nor recorded on a withdrawn enrolment
    expect(expectProblem(await call(api, 'PATCH', `/api/enrolments/${id}`, { token: t.trainer, body: { credential: 'Something else' } }), 400).errors?.map((e) => e.path)).toEqual(['credential']);
  });

  it('a move between members closes the open employment and opens the next in one step; the history stays whole and each firm sees its own people', async () => {
    const created = await call(api, 'POST', '/api/trainees', { token: t.acme, body: { firstName: 'Dana', lastName: 'Mover', socCode: '51-4121', hireDate: '2021-04-12' } });
    expect(created.status).toBe(201);
    const id = (created.body as Trainee).id;
    expect((created.body as Trainee).employments).toEqual([expect.objectContaining({ organisationId: demo.org.acme, startsOn: '2021-04-12', endsOn: null })]);

    const moved = await call(api, 'POST', `/api/trainees/${id}/employer`, { token: t.acme, body: { organisationId: demo.org.badger, startsOn: '2025-09-01' } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ employerOrganisationId: demo.org.badger });
    // the firm the worker left no longer reads the record; the new one does, with the history
    expectProblem(await call(api, 'GET', `/api/trainees/${id}`, { token: t.acme }), 404);
    const atBadger = (await call(api, 'GET', `/api/trainees/${id}`, { token: t.badger })).body as Trainee;
    expect(atBadger.employments).toEqual([
      expect.objectContaining({ organisationId: demo.org.acme, startsOn: '2021-04-12', endsOn: '2025-08-31' }),
      expect.objectContaining({ organisationId: demo.org.badger, startsOn: '2025-09-01', endsOn: null }),
    ]);
    // a move starting before the current employment began is refused, nothing changes
    expectProblem(await call(api, 'POST', `/api/trainees/${id}/employer`, { token: t.badger, body: { organisationId: demo.org.acme, startsOn: '2025-09-01' } }), 400);
    expect((await call(api, 'POST', `/api/trainees/${id}/employer`, { token: t.badger, body: { organisationId: demo.org.acme, startsOn: '2026-03-01' } })).status).toBe(200);
    const { rows } = await pool.query<{ open: string; total: string }>(`SELECT count(*) FILTER (WHERE "endsOn" IS NULL) AS open, count(*) AS total FROM "TraineeEmployment" WHERE "traineeId" = $1`, [id]);
    expect(rows[0]).toEqual({ open: '1', total: '3' });
  });

  it("the library: a member reads another's shared curricula, not its private ones; search by SOC code; versions; reuse counts other organisations' sessions", async () => {
    const soc = `17-${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const sharedByBadger = await curriculumRow(pool, glmp(), demo.org.badger, { shared: true, socCodes: [soc] });
    const privateToBadger = await curriculumRow(pool, glmp(), demo.org.badger, { socCodes: [soc] });
    const found = (await call(api, 'GET', `/api/curricula${q({ filter: { q: soc } })}`, { token: t.acme })).body as Curriculum[];
    expect(found.map((c) => c.id)).toEqual([sharedByBadger]);
    expect((await call(api, 'GET', `/api/curricula${q({ filter: { socCode: soc } })}`, { token: t.badger })).body).toHaveLength(2);
    expectProblem(await call(api, 'GET', `/api/curricula/${privateToBadger}`, { token: t.acme }), 404);
    // acme may read badger's shared curriculum but not change it
    expectProblem(await call(api, 'PATCH', `/api/curricula/${sharedByBadger}`, { token: t.acme, body: { title: 'Taken over' } }), 403);

    // sessions: two by Lakeshore (another organisation), one by the owner itself
    await sessionRow(pool, glmp(), demo.org.lakeshore, { curriculumId: sharedByBadger });
    await sessionRow(pool, glmp(), demo.org.lakeshore, { curriculumId: sharedByBadger });
    await sessionRow(pool, glmp(), demo.org.badger, { curriculumId: sharedByBadger });
    expect((await call(api, 'GET', `/api/curricula/${sharedByBadger}`, { token: t.acme })).body).toMatchObject({ reuseCount: 2, version: 1 });

    const v2 = await call(api, 'POST', '/api/curricula', { token: t.badger, body: { title: 'CNC setup, second edition', skillArea: 'CNC', hours: 20, level: 'intermediate', shared: true, previousVersionId: sharedByBadger } });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, previousVersionId: sharedByBadger, reuseCount: 0 });
    const versions = (await call(api, 'GET', `/api/curricula${q({ filter: { previousVersionId: sharedByBadger } })}`, { token: t.acme })).body as Curriculum[];
    expect(versions.map((c) => c.id)).toEqual([(v2.body as Curriculum).id]);
  });

  it('a union representative proposes curricula, which stay with its union until staff share them, and reads no trainee', async () => {
    const proposed = await call(api, 'POST', '/api/curricula', { token: t.union, body: { title: 'Ergonomics for foundry work', skillArea: 'safety', hours: 6, level: 'introductory' } });
    expect(proposed.status).toBe(201);
    const c = proposed.body as Curriculum;
    expect(c.shared).toBe(false);
    expectProblem(await call(api, 'GET', `/api/curricula/${c.id}`, { token: t.badger }), 404);
    expect((await call(api, 'PATCH', `/api/curricula/${c.id}`, { token: t.staff, body: { shared: true } })).body).toMatchObject({ shared: true });
    expect((await call(api, 'GET', `/api/curricula/${c.id}`, { token: t.badger })).status).toBe(200);
    expectProblem(await call(api, 'GET', '/api/trainees', { token: t.union }), 403);
    expectProblem(await call(api, 'GET', '/api/enrolments', { token: t.union }), 403);
  });

  it('a trainer reads the names of its own sessions\' trainees through their enrolments, and nothing of another provider\'s', async () => {
    const other = await sessionRow(pool, glmp(), (await pool.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'sewi-mec'`)).rows[0]!.id, { curriculumId: shared });
    const traineeId = await traineeRow(pool, glmp(), demo.org.acme);
    const id = await enrolmentRow(pool, glmp(), other, traineeId, demo.org.acme);
    expectProblem(await call(api, 'GET', `/api/enrolments/${id}`, { token: t.trainer }), 404);
    expect((await call(api, 'GET', `/api/enrolments${q({ filter: { traineeId } })}`, { token: t.trainer })).body).toEqual([]);
    expectProblem(await call(api, 'GET', `/api/trainees/${traineeId}`, { token: t.trainer }), 403);
  });
});
