process.env.LOG_LEVEL ??= 'silent';
import type { Pool } from 'pg';
import type { DemandAnswers, DemandGap, DemandGapRow, DemandSurvey } from '@tandem/contracts';
import { call, type TestApi, startApi } from './support/api';
import { dbPool, EMAIL, errorPaths, expectProblem, loadDemo, session, type Demo } from './support/fixtures';

jest.setTimeout(120_000);

/**
 * Workforce demand surveys: validation at the edge (nothing written), a survey that is not
 * open refuses answers, a firm reads its own answers only, and the gap per occupation under
 * disclosure control. Acme answers through the API; the other answering firms are made for
 * this file and their answers written straight into PostgreSQL. Occupations use SOC codes of
 * major group 98 drawn per run, so nothing the seed or another file holds takes part.
 *
 * With k the consortium's threshold: WIDE has k others besides Acme (shown to everyone),
 * EXACT k firms with Acme (shown to outsiders, withheld from Acme: it would face k − 1
 * others), FEW k − 1 firms (withheld from all but staff), BIG k + 1 firms one of which holds
 * most of the openings (dominated).
 */
const soc = (): string => `98-${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;

describe('workforce demand surveys', () => {
  let api: TestApi;
  let pool: Pool;
  let demo: Demo;
  let k: number;
  const t = {} as Record<'staff' | 'acme' | 'badger' | 'buyer' | 'funder' | 'union', string>;
  const SOC = { WIDE: '', EXACT: '', FEW: '', BIG: '' };
  const firms: string[] = [];

  const member = async (name: string): Promise<string> => {
    const { rows } = await pool.query<{ id: string }>(`INSERT INTO "Organisation" (id, code, name, kind, "updatedAt") VALUES (gen_random_uuid(), 'ds-' || gen_random_uuid(), $1, 'supplier', now()) RETURNING id`, [name]);
    const id = rows[0]?.id as string;
    await pool.query(`INSERT INTO "Membership" (id, "consortiumId", "organisationId", tier, status, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'supplier', 'active', now())`, [demo.consortium.glmp, id]);
    return id;
  };
  const answer = (surveyId: string, organisationId: string, socCode: string, openings: number, could: number) =>
    pool.query(
      `INSERT INTO "DemandAnswer" (id, "consortiumId", "surveyId", "organisationId", "socCode", "expectedOpenings", "couldExistJobs", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, now())`,
      [demo.consortium.glmp, surveyId, organisationId, socCode, openings, could],
    );
  const create = async (title = 'Workforce demand (test)'): Promise<DemandSurvey> => {
    const res = await call(api, 'POST', '/api/demand-surveys', { token: t.staff, body: { title, opensOn: '2026-01-05', closesOn: '2026-02-05', horizonMonths: 12 } });
    expect(res.status).toBe(201);
    return res.body as DemandSurvey;
  };
  const move = async (id: string, to: 'open' | 'close'): Promise<DemandSurvey> => {
    const res = await call(api, 'POST', `/api/demand-surveys/${id}/${to}`, { token: t.staff });
    expect(res.status).toBe(200);
    return res.body as DemandSurvey;
  };
  const stored = async (surveyId: string): Promise<number> => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "DemandAnswer" WHERE "surveyId" = $1`, [surveyId])).rows[0]?.n);

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    demo = await loadDemo(pool);
    k = Number((await pool.query<{ k: number }>(`SELECT "disclosureThreshold" AS k FROM "Consortium" WHERE id = $1`, [demo.consortium.glmp])).rows[0]?.k);
    const accounts = { staff: EMAIL.staff, acme: EMAIL.acmeAdmin, badger: EMAIL.badgerAdmin, buyer: EMAIL.buyer, funder: EMAIL.funder, union: EMAIL.union };
    for (const [key, email] of Object.entries(accounts)) t[key as keyof typeof t] = await session(api, email);
    const codes = new Set<string>();
    while (codes.size < 4) codes.add(soc());
    [SOC.WIDE, SOC.EXACT, SOC.FEW, SOC.BIG] = [...codes] as [string, string, string, string];
    for (let i = 0; i <= k + 1; i += 1) firms.push(await member(`Demand survey firm ${i}`));
  });

  afterAll(async () => {
    await pool.end();
    await api.close();
  });

  describe('staff run a survey', () => {
    it('drafts, opens and closes it, never back, and refuses a bad draft naming each field', async () => {
      const bad = expectProblem(await call(api, 'POST', '/api/demand-surveys', { token: t.staff, body: { title: 'x', opensOn: '2026-13-01', closesOn: 'soon', horizonMonths: 0, extra: 1 } }), 400);
      expect(errorPaths(bad).sort()).toEqual(['closesOn', 'extra', 'horizonMonths', 'opensOn', 'title']);
      const backwards = expectProblem(await call(api, 'POST', '/api/demand-surveys', { token: t.staff, body: { title: 'Backwards', opensOn: '2026-03-01', closesOn: '2026-02-01', horizonMonths: 12 } }), 400);
      expect(errorPaths(backwards)).toEqual(['closesOn']);
      const s = await create();
      expect(s).toMatchObject({ status: 'draft', horizonMonths: 12, responseCount: 0, answeredByMyFirm: null });
      // a draft is staff's: members do not see it yet
      expect((await call(api, 'GET', `/api/demand-surveys/${s.id}`, { token: t.acme })).status).toBe(404);
      expectProblem(await call(api, 'POST', `/api/demand-surveys/${s.id}/close`, { token: t.staff }), 409);
      expect(await move(s.id, 'open')).toMatchObject({ status: 'open' });
      expect((await call(api, 'GET', `/api/demand-surveys/${s.id}`, { token: t.acme })).body).toMatchObject({ status: 'open', answeredByMyFirm: false, responseCount: null });
      expect(await move(s.id, 'close')).toMatchObject({ status: 'closed' });
      expectProblem(await call(api, 'POST', `/api/demand-surveys/${s.id}/open`, { token: t.staff }), 409);
    });
  });

  describe('a firm answers', () => {
    let open: DemandSurvey;
    beforeAll(async () => {
      open = await create('Answers under test');
      await move(open.id, 'open');
    });

    it('refuses bad lines with a problem naming each field, and writes nothing', async () => {
      const lines = [
        { socCode: '514041', expectedOpenings: 3, couldExistJobs: 1 },
        { socCode: SOC.WIDE, expectedOpenings: -1, couldExistJobs: 1.5 },
        { socCode: SOC.FEW, expectedOpenings: '4', couldExistJobs: null, note: 'x'.repeat(501) },
        { socCode: SOC.FEW, expectedOpenings: 1, couldExistJobs: 1, organisationId: demo.org.badger },
      ];
      const p = expectProblem(await call(api, 'PUT', `/api/demand-surveys/${open.id}/answers`, { token: t.acme, body: { lines } }), 400);
      expect(errorPaths(p).sort()).toEqual(['lines.0.socCode', 'lines.1.couldExistJobs', 'lines.1.expectedOpenings', 'lines.2.couldExistJobs', 'lines.2.expectedOpenings', 'lines.2.note', 'lines.3.organisationId'].sort());
      const twice = expectProblem(await call(api, 'PUT', `/api/demand-surveys/${open.id}/answers`, { token: t.acme, body: { lines: [{ socCode: SOC.WIDE, expectedOpenings: 1, couldExistJobs: 0 }, { socCode: SOC.WIDE, expectedOpenings: 2, couldExistJobs: 0 }] } }), 400);
      expect(errorPaths(twice)).toEqual(['lines.1.socCode']);
      expectProblem(await call(api, 'PUT', `/api/demand-surveys/${open.id}/answers`, { token: t.acme, body: { lines: 'all' } }), 400);
      expectProblem(await call(api, 'PUT', `/api/demand-surveys/00000000-0000-7000-8000-000000000000/answers`, { token: t.acme, body: { lines: [] } }), 404);
      expect(await stored(open.id)).toBe(0);
    });

    it('replaces its lines with the ones it sends and reads them back; another firm reads only its own', async () => {
      const first = await call(api, 'PUT', `/api/demand-surveys/${open.id}/answers`, {
        token: t.acme,
        body: { lines: [{ socCode: SOC.WIDE, expectedOpenings: 6, couldExistJobs: 2, note: 'second shift' }, { socCode: SOC.FEW, expectedOpenings: 1, couldExistJobs: 0 }] },
      });
      expect(first.status).toBe(200);
      const again = await call(api, 'PUT', `/api/demand-surveys/${open.id}/answers`, { token: t.acme, body: { lines: [{ socCode: SOC.WIDE, expectedOpenings: 7, couldExistJobs: 3 }] } });
      expect((again.body as DemandAnswers).lines).toEqual([{ socCode: SOC.WIDE, expectedOpenings: 7, couldExistJobs: 3, note: null }]);
      expect(await stored(open.id)).toBe(1);
      const mine = (await call(api, 'GET', `/api/demand-surveys/${open.id}/answers`, { token: t.acme })).body as DemandAnswers;
      expect(mine).toMatchObject({ organisationId: demo.org.acme, lines: [{ socCode: SOC.WIDE, expectedOpenings: 7 }] });
      const badger = (await call(api, 'GET', `/api/demand-surveys/${open.id}/answers`, { token: t.badger })).body as DemandAnswers;
      expect(badger).toMatchObject({ organisationId: demo.org.badger, lines: [] });
      expect((await call(api, 'GET', `/api/demand-surveys/${open.id}`, { token: t.acme })).body).toMatchObject({ answeredByMyFirm: true });
      // only a firm's admin answers; outsiders are refused before anything is looked up
      for (const who of ['buyer', 'funder', 'union', 'staff'] as const) expect((await call(api, 'PUT', `/api/demand-surveys/${open.id}/answers`, { token: t[who], body: { lines: [] } })).status).toBe(403);
    });

    it('shows the gap to staff while open and to nobody else until it closes', async () => {
      const staff = (await call(api, 'GET', `/api/demand-surveys/${open.id}/gap`, { token: t.staff })).body as DemandGap;
      expect(staff.available).toBe(true);
      expect(staff.occupations.find((o) => o.socCode === SOC.WIDE)).toMatchObject({ expectedOpenings: 7, suppressed: true, reasonCode: 'fewer_than_k' });
      for (const who of ['acme', 'buyer', 'funder'] as const) {
        const gap = (await call(api, 'GET', `/api/demand-surveys/${open.id}/gap`, { token: t[who] })).body as DemandGap;
        expect(gap).toMatchObject({ available: false, occupations: [], total: null, respondents: null });
      }
    });

    it('refuses answers once the survey has closed, and to a draft, writing nothing', async () => {
      await move(open.id, 'close');
      const p = expectProblem(await call(api, 'PUT', `/api/demand-surveys/${open.id}/answers`, { token: t.acme, body: { lines: [{ socCode: SOC.WIDE, expectedOpenings: 99, couldExistJobs: 0 }] } }), 409);
      expect(JSON.stringify(p)).toContain('closed');
      expect((await pool.query(`SELECT "expectedOpenings" FROM "DemandAnswer" WHERE "surveyId" = $1`, [open.id])).rows).toEqual([{ expectedOpenings: 7 }]);
      const draft = await create('Not open yet');
      expectProblem(await call(api, 'PUT', `/api/demand-surveys/${draft.id}/answers`, { token: t.acme, body: { lines: [] } }), 404);
    });
  });

  describe('the gap per occupation', () => {
    let survey: DemandSurvey;
    const gapOf = async (who: keyof typeof t): Promise<DemandGap> => {
      const res = await call(api, 'GET', `/api/demand-surveys/${survey.id}/gap`, { token: t[who] });
      expect(res.status).toBe(200);
      return res.body as DemandGap;
    };
    const row = (g: DemandGap, code: string): DemandGapRow => g.occupations.find((o) => o.socCode === code) as DemandGapRow;

    beforeAll(async () => {
      survey = await create('Disclosure under test');
      await move(survey.id, 'open');
      const put = await call(api, 'PUT', `/api/demand-surveys/${survey.id}/answers`, {
        token: t.acme,
        body: { lines: [{ socCode: SOC.WIDE, expectedOpenings: 5, couldExistJobs: 2 }, { socCode: SOC.EXACT, expectedOpenings: 4, couldExistJobs: 1 }] },
      });
      expect(put.status).toBe(200);
      for (const [i, f] of firms.entries()) {
        if (i < k) await answer(survey.id, f, SOC.WIDE, 3 + i, 1);
        if (i < k - 1) await answer(survey.id, f, SOC.EXACT, 2, 2);
        if (i < k - 1) await answer(survey.id, f, SOC.FEW, 4, 4);
        await answer(survey.id, f, SOC.BIG, i === 0 ? 500 : 2, 1);
      }
      // the pipeline of WIDE: three trainees in a session of a curriculum for it inside the horizon, one withdrawn, one before it
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO "Curriculum" (id, "consortiumId", "ownerOrganisationId", title, "skillArea", hours, level, shared, "socCodes", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Demand pipeline', 'CNC', 16, 'introductory', true, $3, now()) RETURNING id`,
        [demo.consortium.glmp, demo.org.lakeshore, [SOC.WIDE]],
      );
      const session = async (startsOn: string, endsOn: string): Promise<string> =>
        (
          await pool.query<{ id: string }>(
            `INSERT INTO "CourseSession" (id, "consortiumId", "curriculumId", "providerOrganisationId", "startsOn", "endsOn", hours, location, capacity, "costPerSeat", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4::date, $5::date, 16, 'Campus', 20, 400, now()) RETURNING id`,
            [demo.consortium.glmp, rows[0]?.id, demo.org.lakeshore, startsOn, endsOn],
          )
        ).rows[0]?.id as string;
      const inside = await session('2026-06-01', '2026-06-05');
      const before = await session('2025-06-01', '2025-06-05');
      const enrol = async (sessionId: string, status: string): Promise<void> => {
        const tr = await pool.query<{ id: string }>(
          `INSERT INTO "Trainee" (id, "consortiumId", "employerOrganisationId", "firstName", "lastName", frontline, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Pat', 'Pipeline', true, now()) RETURNING id`,
          [demo.consortium.glmp, demo.org.acme],
        );
        await pool.query(`INSERT INTO "Enrolment" (id, "consortiumId", "sessionId", "traineeId", "organisationId", status, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::"EnrolmentStatus", now())`, [
          demo.consortium.glmp,
          sessionId,
          tr.rows[0]?.id,
          demo.org.acme,
          status,
        ]);
      };
      for (const s of ['enrolled', 'attended', 'completed', 'withdrawn']) await enrol(inside, s);
      await enrol(before, 'completed');
      await move(survey.id, 'close');
    });

    it('shows an outsider the occupations k firms answered, with the pipeline and the gap', async () => {
      const g = await gapOf('funder');
      const wideOpenings = 5 + Array.from({ length: k }, (_, i) => 3 + i).reduce((s, x) => s + x, 0);
      expect(row(g, SOC.WIDE)).toEqual({
        socCode: SOC.WIDE,
        suppressed: false,
        reason: null,
        reasonCode: null,
        answeringFirms: k + 1,
        expectedOpenings: wideOpenings,
        couldExistJobs: 2 + k,
        demand: wideOpenings + 2 + k,
        pipeline: 3,
        gap: wideOpenings + 2 + k - 3,
      });
      expect(row(g, SOC.EXACT)).toMatchObject({ suppressed: false, answeringFirms: k });
      expect(g).toMatchObject({ available: true, k, respondents: k + 3, pipelineFrom: '2026-01-05', pipelineUntil: '2027-01-05' });
    });

    it('withholds from every reader but staff a row too few firms answered or one firm dominates, with a reason and no number', async () => {
      for (const who of ['funder', 'buyer', 'union', 'acme', 'badger'] as const) {
        const g = await gapOf(who);
        expect(row(g, SOC.FEW)).toEqual({ socCode: SOC.FEW, suppressed: true, reason: `fewer than ${k} answering firms`, reasonCode: 'fewer_than_k', answeringFirms: null, expectedOpenings: null, couldExistJobs: null, demand: null, pipeline: null, gap: null });
        expect(row(g, SOC.BIG)).toMatchObject({ suppressed: true, reasonCode: 'dominated', expectedOpenings: null, demand: null, gap: null });
        // the total adds the shown rows only: nothing of a withheld row by subtraction
        const shown = g.occupations.filter((o) => !o.suppressed);
        expect(g.total?.expectedOpenings).toBe(shown.reduce((s, o) => s + (o.expectedOpenings ?? 0), 0));
        expect(g.total?.occupations).toBe(shown.length);
        // who answered never leaves
        const body = JSON.stringify(g);
        for (const f of firms) expect(body).not.toContain(f);
        expect(body).not.toContain(demo.org.acme);
      }
    });

    it('does not count the reader among the k: Acme, one of k, does not read the others’ total', async () => {
      expect(row(await gapOf('acme'), SOC.EXACT)).toMatchObject({ suppressed: true, reasonCode: 'fewer_than_k', expectedOpenings: null });
      expect(row(await gapOf('acme'), SOC.WIDE)).toMatchObject({ suppressed: false, answeringFirms: k + 1 });
      expect(row(await gapOf('badger'), SOC.EXACT)).toMatchObject({ suppressed: false });
    });

    it('gives staff every row with its figures and, beside them, why others may not read it', async () => {
      const g = await gapOf('staff');
      expect(row(g, SOC.FEW)).toMatchObject({ suppressed: true, reasonCode: 'fewer_than_k', answeringFirms: k - 1, expectedOpenings: 4 * (k - 1) });
      expect(row(g, SOC.BIG)).toMatchObject({ suppressed: true, reasonCode: 'dominated', expectedOpenings: 500 + 2 * (k + 1) });
      expect(g.total?.occupations).toBe(g.occupations.length);
    });

    it('tells the number of respondents from k on, never who', async () => {
      const listed = (await call(api, 'GET', `/api/demand-surveys/${survey.id}`, { token: t.funder })).body as DemandSurvey;
      expect(listed).toMatchObject({ responseCount: k + 3, answeredByMyFirm: null });
    });
  });

  describe('the demo story', () => {
    it('holds a closed survey whose gap shows some occupations to a funder and withholds others, and an open one Acme has not answered', async () => {
      const { rows } = await pool.query<{ id: string; status: string }>(`SELECT id, status FROM "DemandSurvey" WHERE "consortiumId" = $1 AND title LIKE 'Workforce demand: %' ORDER BY "opensOn"`, [demo.consortium.glmp]);
      expect(rows.map((r) => r.status)).toEqual(['closed', 'open']);
      const g = (await call(api, 'GET', `/api/demand-surveys/${rows[0]?.id}/gap`, { token: t.funder })).body as DemandGap;
      const shown = g.occupations.filter((o) => !o.suppressed).map((o) => o.socCode);
      expect(shown).toEqual(expect.arrayContaining(['51-4041', '51-4121', '51-9161', '51-9061']));
      expect(g.occupations.find((o) => o.socCode === '51-4071')).toMatchObject({ suppressed: true, reasonCode: 'fewer_than_k' });
      expect(g.occupations.find((o) => o.socCode === '49-9041')).toMatchObject({ suppressed: true, reasonCode: 'dominated' });
      const open = (await call(api, 'GET', `/api/demand-surveys/${rows[1]?.id}`, { token: t.acme })).body as DemandSurvey;
      expect(open.status).toBe('open');
    });
  });
});
