import type { Pool } from 'pg';
import { call, startApi, type TestApi } from './support/api';
import { EMAIL, dbPool, errorPaths, expectProblem, loadDemo, session, type Demo } from './support/fixtures';
import { SideEffectWatch } from './support/side-effects';
import { curriculumRow, enrolmentRow, freeWorkforceYears, organisationRow, sessionRow, traineeRow, wageStepRow, workforceYearRow } from './support/training';

jest.setTimeout(120_000);

/**
 * Every write route of the training records refuses bad input as problem+json naming the
 * field, and writes nothing (no row in any table, no job): a missing field, a wrong type, an
 * unknown field, and the rules of the domain (over capacity, hours beyond the session's
 * length, a credential on a withdrawn enrolment, a wage below the one before, …).
 */
type Body = Record<string, unknown>;
type Who = 'staff' | 'acmeAdmin' | 'trainer' | 'union';

interface Rule {
  name: string;
  /** a fresh target and body breaking one rule */
  setup: () => Promise<{ path: string; body: Body; token?: Who }>;
  status: 400 | 409;
  field: string;
}

interface WriteCase {
  route: string;
  token: Who;
  /** a fresh target and a body the route accepts */
  setup: () => Promise<{ path: string; body: Body }>;
  missing?: string;
  wrongType?: [string, unknown];
  ok: number;
  rules?: Rule[];
}

describe('training records: bad input', () => {
  let api: TestApi;
  let pool: Pool;
  let watch: SideEffectWatch;
  let demo: Demo;
  const t = {} as Record<Who, string>;
  let glmp: string;
  let fvsn: string;
  let shared: string;
  let outsider: string;
  let yearSeq = 0;

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    watch = new SideEffectWatch(pool);
    demo = await loadDemo(pool);
    yearSeq = await freeWorkforceYears(pool, 16);
    glmp = demo.consortium.glmp;
    fvsn = demo.consortium.fvsn;
    t.staff = await session(api, EMAIL.staff);
    t.acmeAdmin = await session(api, EMAIL.acmeAdmin);
    t.trainer = await session(api, EMAIL.trainer);
    t.union = await session(api, EMAIL.union);
    shared = await curriculumRow(pool, glmp, demo.org.lakeshore, { shared: true });
    // an organisation that is no member of glmp
    outsider = await organisationRow(pool, glmp, 'supplier');
  }, 60_000);

  afterAll(async () => {
    await watch?.close();
    await pool?.end();
    await api?.close();
  });

  const lakeshoreSession = (opts: { capacity?: number; hours?: number } = {}) => sessionRow(pool, glmp, demo.org.lakeshore, { curriculumId: shared, ...opts });
  const acmeTrainee = () => traineeRow(pool, glmp, demo.org.acme);
  const acmeEnrolment = async (opts: Parameters<typeof enrolmentRow>[5] = {}, sessionOpts: { hours?: number } = {}) => enrolmentRow(pool, glmp, await lakeshoreSession(sessionOpts), await acmeTrainee(), demo.org.acme, opts);
  const ownCurriculum = () => curriculumRow(pool, glmp, demo.org.acme);
  const grant = async () => (await pool.query<{ id: string }>(`INSERT INTO "Grant" (id, "consortiumId", "funderOrganisationId", name, amount, "startsOn", "endsOn", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'BI grant', 1000, DATE '2026-01-01', DATE '2026-12-31', now()) RETURNING id`, [glmp, demo.org.wiWorkforce])).rows[0]!.id;
  const activity = async () => (await pool.query<{ id: string }>(`INSERT INTO "TrainingActivity" (id, "consortiumId", "organisationId", "occurredOn", "skillArea", participants, "hoursPerParticipant", cost, "updatedAt") VALUES (gen_random_uuid(), $1, $2, DATE '2026-03-03', 'lean', 5, 2, 100, now()) RETURNING id`, [glmp, demo.org.acme])).rows[0]!.id;

  const curriculumBody = (): Body => ({ title: 'Blueprint reading I', skillArea: 'blueprint reading', hours: 12, level: 'introductory', socCodes: ['51-4041'] });
  const sessionBody = (): Body => ({ curriculumId: shared, startsOn: '2026-12-07', endsOn: '2026-12-09', hours: 16, location: 'Room 5', capacity: 8, costPerSeat: 400 });
  const activityBody = (): Body => ({ occurredOn: '2026-04-02', skillArea: 'safety', participants: 10, hoursPerParticipant: 3, cost: 500 });

  const PATCHES: WriteCase[] = [
    {
      route: 'PATCH /api/curricula/:id',
      token: 'acmeAdmin',
      setup: async () => ({ path: `/api/curricula/${await ownCurriculum()}`, body: { title: 'Lean basics, revised' } }),
      wrongType: ['level', 'expert'],
      ok: 200,
      rules: [
        { name: 'no hours', setup: async () => ({ path: `/api/curricula/${await ownCurriculum()}`, body: { hours: 0 } }), status: 400, field: 'hours' },
        {
          name: 'a union representative shares its proposal',
          setup: async () => {
            const union = (await pool.query<{ id: string }>(`SELECT ra."organisationId" AS id FROM "RoleAssignment" ra JOIN "User" u ON u.id = ra."userId" WHERE u.email = $1`, [EMAIL.union])).rows[0]!.id;
            return { path: `/api/curricula/${await curriculumRow(pool, glmp, union)}`, body: { shared: true }, token: 'union' };
          },
          status: 400,
          field: 'shared',
        },
      ],
    },
    {
      route: 'PATCH /api/grants/:id',
      token: 'staff',
      setup: async () => ({ path: `/api/grants/${await grant()}`, body: { amount: 2000 } }),
      wrongType: ['amount', 'lots'],
      ok: 200,
      rules: [{ name: 'ends before it starts', setup: async () => ({ path: `/api/grants/${await grant()}`, body: { endsOn: '2025-12-31' } }), status: 400, field: 'endsOn' }],
    },
    {
      route: 'PATCH /api/course-sessions/:id',
      token: 'trainer',
      setup: async () => ({ path: `/api/course-sessions/${await lakeshoreSession()}`, body: { capacity: 10 } }),
      wrongType: ['capacity', 2.5],
      ok: 200,
      rules: [
        {
          name: 'capacity below the seats taken',
          setup: async () => {
            const s = await lakeshoreSession({ capacity: 3 });
            for (let i = 0; i < 2; i++) await enrolmentRow(pool, glmp, s, await acmeTrainee(), demo.org.acme);
            return { path: `/api/course-sessions/${s}`, body: { capacity: 1 } };
          },
          status: 400,
          field: 'capacity',
        },
        {
          name: 'hours below what was attended',
          setup: async () => {
            const s = await lakeshoreSession({ hours: 16 });
            await enrolmentRow(pool, glmp, s, await acmeTrainee(), demo.org.acme, { status: 'attended', hoursAttended: 12 });
            return { path: `/api/course-sessions/${s}`, body: { hours: 8 } };
          },
          status: 400,
          field: 'hours',
        },
        { name: 'ends before it starts', setup: async () => ({ path: `/api/course-sessions/${await lakeshoreSession()}`, body: { endsOn: '2026-11-01' } }), status: 400, field: 'endsOn' },
      ],
    },
    {
      route: 'PATCH /api/trainees/:id',
      token: 'acmeAdmin',
      setup: async () => ({ path: `/api/trainees/${await acmeTrainee()}`, body: { lastName: 'Kowalski' } }),
      wrongType: ['frontline', 'yes'],
      ok: 200,
      rules: [{ name: 'a SOC code that is none', setup: async () => ({ path: `/api/trainees/${await acmeTrainee()}`, body: { socCode: '514041' } }), status: 400, field: 'socCode' }],
    },
    {
      route: 'PATCH /api/enrolments/:id',
      token: 'trainer',
      setup: async () => ({ path: `/api/enrolments/${await acmeEnrolment()}`, body: { status: 'attended', hoursAttended: 16 } }),
      wrongType: ['hoursAttended', 'all day'],
      ok: 200,
      rules: [
        { name: "hours beyond the session's length", setup: async () => ({ path: `/api/enrolments/${await acmeEnrolment({}, { hours: 16 })}`, body: { hoursAttended: 16.5 } }), status: 400, field: 'hoursAttended' },
        { name: 'a credential on a withdrawn enrolment', setup: async () => ({ path: `/api/enrolments/${await acmeEnrolment({ status: 'withdrawn' })}`, body: { credential: 'OSHA 10' } }), status: 400, field: 'credential' },
        { name: 'a credential before completion', setup: async () => ({ path: `/api/enrolments/${await acmeEnrolment()}`, body: { credential: 'OSHA 10' } }), status: 400, field: 'credential' },
        { name: 'a completed enrolment back to enrolled', setup: async () => ({ path: `/api/enrolments/${await acmeEnrolment({ status: 'completed', credential: 'OSHA 10' })}`, body: { status: 'enrolled' } }), status: 400, field: 'status' },
        { name: 'completion without attendance', setup: async () => ({ path: `/api/enrolments/${await acmeEnrolment()}`, body: { status: 'completed' } }), status: 400, field: 'hoursAttended' },
      ],
    },
    {
      route: 'PATCH /api/training-activities/:id',
      token: 'acmeAdmin',
      setup: async () => ({ path: `/api/training-activities/${await activity()}`, body: { participants: 6 } }),
      wrongType: ['cost', 'cheap'],
      ok: 200,
      rules: [
        {
          name: "hours beyond the session's length",
          setup: async () => {
            const s = await lakeshoreSession({ hours: 4 });
            return { path: `/api/training-activities/${await activity()}`, body: { sessionId: s, hoursPerParticipant: 6 } };
          },
          status: 400,
          field: 'hoursPerParticipant',
        },
      ],
    },
    {
      route: 'PATCH /api/workforce-years/:id',
      token: 'acmeAdmin',
      setup: async () => ({ path: `/api/workforce-years/${await workforceYearRow(pool, glmp, demo.org.acme)}`, body: { frontlineHeadcount: 130 } }),
      wrongType: ['payroll', 'plenty'],
      ok: 200,
      rules: [{ name: 'a negative headcount', setup: async () => ({ path: `/api/workforce-years/${await workforceYearRow(pool, glmp, demo.org.acme)}`, body: { frontlineHeadcount: -1 } }), status: 400, field: 'frontlineHeadcount' }],
    },
    {
      route: 'PATCH /api/wage-steps/:id',
      token: 'acmeAdmin',
      setup: async () => ({ path: `/api/wage-steps/${await wageStepRow(pool, glmp, demo.org.acme)}`, body: { hourlyIncrease: 1.1 } }),
      wrongType: ['hourlyIncrease', 'a dollar'],
      ok: 200,
      rules: [
        {
          name: 'a credential the ladder has already (another case)',
          setup: async () => {
            const credential = `CWI ${Math.random().toString(36).slice(2, 8)}`;
            await wageStepRow(pool, glmp, demo.org.acme, credential);
            return { path: `/api/wage-steps/${await wageStepRow(pool, glmp, demo.org.acme)}`, body: { credential: credential.toLowerCase() } };
          },
          status: 409,
          field: 'credential',
        },
      ],
    },
  ];

  const CASES: WriteCase[] = [
    {
      route: 'POST /api/curricula',
      token: 'acmeAdmin',
      setup: async () => ({ path: '/api/curricula', body: curriculumBody() }),
      missing: 'title',
      wrongType: ['hours', 'many'],
      ok: 201,
      rules: [
        { name: 'no hours', setup: async () => ({ path: '/api/curricula', body: { ...curriculumBody(), hours: 0 } }), status: 400, field: 'hours' },
        { name: 'a SOC code that is none', setup: async () => ({ path: '/api/curricula', body: { ...curriculumBody(), socCodes: ['51404'] } }), status: 400, field: 'socCodes' },
        { name: 'a union representative shares what it proposes', setup: async () => ({ path: '/api/curricula', body: { ...curriculumBody(), shared: true }, token: 'union' }), status: 400, field: 'shared' },
        { name: "a new version of another firm's curriculum", setup: async () => ({ path: '/api/curricula', body: { ...curriculumBody(), previousVersionId: await curriculumRow(pool, glmp, demo.org.badger, { shared: true }) } }), status: 400, field: 'previousVersionId' },
        {
          name: 'a second new version of one curriculum',
          setup: async () => {
            const first = await ownCurriculum();
            await pool.query(`INSERT INTO "Curriculum" (id, "consortiumId", "ownerOrganisationId", title, "skillArea", hours, level, version, "previousVersionId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'v2', 'lean', 16, 'introductory', 2, $3, now())`, [glmp, demo.org.acme, first]);
            return { path: '/api/curricula', body: { ...curriculumBody(), previousVersionId: first } };
          },
          status: 409,
          field: 'previousVersionId',
        },
      ],
    },
    {
      route: 'POST /api/grants',
      token: 'staff',
      setup: async () => ({ path: '/api/grants', body: { funderOrganisationId: demo.org.wiWorkforce, name: 'Fast Forward', amount: 90000, startsOn: '2026-01-01', endsOn: '2026-12-31' } }),
      missing: 'funderOrganisationId',
      wrongType: ['amount', 'lots'],
      ok: 201,
      rules: [
        { name: 'ends before it starts', setup: async () => ({ path: '/api/grants', body: { funderOrganisationId: demo.org.wiWorkforce, name: 'Backwards', amount: 1, startsOn: '2026-06-01', endsOn: '2026-05-31' } }), status: 400, field: 'endsOn' },
        { name: 'a funder that is a supplier', setup: async () => ({ path: '/api/grants', body: { funderOrganisationId: demo.org.acme, name: 'Not a funder', amount: 1, startsOn: '2026-06-01', endsOn: '2026-07-31' } }), status: 400, field: 'funderOrganisationId' },
      ],
    },
    {
      route: 'POST /api/course-sessions',
      token: 'trainer',
      setup: async () => ({ path: '/api/course-sessions', body: sessionBody() }),
      missing: 'capacity',
      wrongType: ['capacity', 2.5],
      ok: 201,
      rules: [
        { name: 'no seat', setup: async () => ({ path: '/api/course-sessions', body: { ...sessionBody(), capacity: 0 } }), status: 400, field: 'capacity' },
        { name: 'no hours', setup: async () => ({ path: '/api/course-sessions', body: { ...sessionBody(), hours: 0 } }), status: 400, field: 'hours' },
        { name: 'ends before it starts', setup: async () => ({ path: '/api/course-sessions', body: { ...sessionBody(), endsOn: '2026-12-06' } }), status: 400, field: 'endsOn' },
        { name: "another firm's private curriculum", setup: async () => ({ path: '/api/course-sessions', body: { ...sessionBody(), curriculumId: await curriculumRow(pool, glmp, demo.org.badger) } }), status: 400, field: 'curriculumId' },
        { name: "another network's grant", setup: async () => ({ path: '/api/course-sessions', body: { ...sessionBody(), grantId: (await pool.query<{ id: string }>(`INSERT INTO "Grant" (id, "consortiumId", "funderOrganisationId", name, amount, "startsOn", "endsOn", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'fvsn grant', 1, DATE '2026-01-01', DATE '2026-12-31', now()) RETURNING id`, [fvsn, demo.org.wiWorkforce])).rows[0]!.id } }), status: 400, field: 'grantId' },
      ],
    },
    {
      route: 'POST /api/trainees',
      token: 'acmeAdmin',
      setup: async () => ({ path: '/api/trainees', body: { firstName: 'Rosa', lastName: 'Nguyen', socCode: '51-4121', hireDate: '2023-05-01' } }),
      missing: 'lastName',
      wrongType: ['frontline', 'yes'],
      ok: 201,
      rules: [
        { name: 'a SOC code that is none', setup: async () => ({ path: '/api/trainees', body: { firstName: 'Rosa', lastName: 'Nguyen', socCode: 'welder' } }), status: 400, field: 'socCode' },
        { name: 'a day that does not exist', setup: async () => ({ path: '/api/trainees', body: { firstName: 'Rosa', lastName: 'Nguyen', hireDate: '2026-02-30' } }), status: 400, field: 'hireDate' },
        { name: 'another firm as employer', setup: async () => ({ path: '/api/trainees', body: { firstName: 'Rosa', lastName: 'Nguyen', employerOrganisationId: demo.org.badger } }), status: 400, field: 'employerOrganisationId' },
      ],
    },
    {
      route: 'POST /api/trainees/:id/employer',
      token: 'acmeAdmin',
      setup: async () => ({ path: `/api/trainees/${await acmeTrainee()}/employer`, body: { organisationId: demo.org.badger, startsOn: '2026-06-01' } }),
      missing: 'organisationId',
      wrongType: ['startsOn', 20260601],
      ok: 200,
      rules: [
        { name: 'the same employer', setup: async () => ({ path: `/api/trainees/${await acmeTrainee()}/employer`, body: { organisationId: demo.org.acme, startsOn: '2026-06-01' } }), status: 400, field: 'organisationId' },
        { name: 'a start before the current employment began', setup: async () => ({ path: `/api/trainees/${await acmeTrainee()}/employer`, body: { organisationId: demo.org.badger, startsOn: '2021-01-01' } }), status: 400, field: 'startsOn' },
        { name: 'an employer that is no member', setup: async () => ({ path: `/api/trainees/${await acmeTrainee()}/employer`, body: { organisationId: outsider, startsOn: '2026-06-01' } }), status: 400, field: 'organisationId' },
      ],
    },
    {
      route: 'POST /api/enrolments',
      token: 'acmeAdmin',
      setup: async () => ({ path: '/api/enrolments', body: { sessionId: await lakeshoreSession(), traineeId: await acmeTrainee() } }),
      missing: 'sessionId',
      wrongType: ['traineeId', 42],
      ok: 201,
      rules: [
        {
          name: 'over capacity',
          setup: async () => {
            const s = await lakeshoreSession({ capacity: 1 });
            await enrolmentRow(pool, glmp, s, await acmeTrainee(), demo.org.acme);
            return { path: '/api/enrolments', body: { sessionId: s, traineeId: await acmeTrainee() } };
          },
          status: 409,
          field: 'sessionId',
        },
        {
          name: 'enrolled already',
          setup: async () => {
            const s = await lakeshoreSession();
            const trainee = await acmeTrainee();
            await enrolmentRow(pool, glmp, s, trainee, demo.org.acme, { status: 'withdrawn' });
            return { path: '/api/enrolments', body: { sessionId: s, traineeId: trainee } };
          },
          status: 409,
          field: 'traineeId',
        },
        { name: "another firm's trainee", setup: async () => ({ path: '/api/enrolments', body: { sessionId: await lakeshoreSession(), traineeId: await traineeRow(pool, glmp, demo.org.badger) } }), status: 400, field: 'traineeId' },
        { name: "another network's session", setup: async () => ({ path: '/api/enrolments', body: { sessionId: await sessionRow(pool, fvsn, demo.org.fox), traineeId: await acmeTrainee() } }), status: 400, field: 'sessionId' },
      ],
    },
    {
      route: 'POST /api/enrolments/:id/withdraw',
      token: 'acmeAdmin',
      setup: async () => ({ path: `/api/enrolments/${await acmeEnrolment()}/withdraw`, body: {} }),
      ok: 200,
      rules: [{ name: 'a completed enrolment', setup: async () => ({ path: `/api/enrolments/${await acmeEnrolment({ status: 'completed', credential: 'OSHA 10' })}/withdraw`, body: {} }), status: 400, field: 'status' }],
    },
    {
      route: 'POST /api/enrolments/:id/confirm-wage-step',
      token: 'acmeAdmin',
      setup: async () => {
        const credential = `NIMS ${Math.random().toString(36).slice(2, 8)}`;
        await wageStepRow(pool, glmp, demo.org.acme, credential, 1.25);
        return { path: `/api/enrolments/${await acmeEnrolment({ status: 'completed', credential })}/confirm-wage-step`, body: { wageBefore: 21.5 } };
      },
      missing: 'wageBefore',
      wrongType: ['wageBefore', 'twenty'],
      ok: 200,
      rules: [
        {
          name: 'a wage after below the wage before',
          setup: async () => {
            const credential = `NIMS ${Math.random().toString(36).slice(2, 8)}`;
            await wageStepRow(pool, glmp, demo.org.acme, credential, 1.25);
            return { path: `/api/enrolments/${await acmeEnrolment({ status: 'completed', credential })}/confirm-wage-step`, body: { wageBefore: 21.5, wageAfter: 20 } };
          },
          status: 400,
          field: 'wageAfter',
        },
        { name: 'a credential on no step of the ladder', setup: async () => ({ path: `/api/enrolments/${await acmeEnrolment({ status: 'completed', credential: 'Nothing on the ladder' })}/confirm-wage-step`, body: { wageBefore: 21.5 } }), status: 400, field: 'wageStepId' },
        { name: 'an enrolment not completed', setup: async () => ({ path: `/api/enrolments/${await acmeEnrolment({ status: 'attended', hoursAttended: 8 })}/confirm-wage-step`, body: { wageBefore: 21.5 } }), status: 400, field: 'status' },
        {
          name: 'a step confirmed already',
          setup: async () => {
            const credential = `NIMS ${Math.random().toString(36).slice(2, 8)}`;
            const step = await wageStepRow(pool, glmp, demo.org.acme, credential, 1.25);
            const id = await acmeEnrolment({ status: 'completed', credential });
            await pool.query(`UPDATE "Enrolment" SET "wageStepId" = $2, "wageStepConfirmedAt" = now(), "wageBefore" = 20, "wageAfter" = 21.25 WHERE id = $1`, [id, step]);
            return { path: `/api/enrolments/${id}/confirm-wage-step`, body: { wageBefore: 21.5 } };
          },
          status: 400,
          field: 'wageStepId',
        },
      ],
    },
    {
      route: 'POST /api/training-activities',
      token: 'acmeAdmin',
      setup: async () => ({ path: '/api/training-activities', body: activityBody() }),
      missing: 'participants',
      wrongType: ['participants', 'a dozen'],
      ok: 201,
      rules: [
        { name: 'nobody took part', setup: async () => ({ path: '/api/training-activities', body: { ...activityBody(), participants: 0 } }), status: 400, field: 'participants' },
        { name: "hours beyond the session's length", setup: async () => ({ path: '/api/training-activities', body: { ...activityBody(), sessionId: await lakeshoreSession({ hours: 2 }) } }), status: 400, field: 'hoursPerParticipant' },
        { name: "another network's session", setup: async () => ({ path: '/api/training-activities', body: { ...activityBody(), sessionId: await sessionRow(pool, fvsn, demo.org.fox) } }), status: 400, field: 'sessionId' },
        { name: 'a provider that trains nobody', setup: async () => ({ path: '/api/training-activities', body: { ...activityBody(), providerOrganisationId: demo.org.badger } }), status: 400, field: 'providerOrganisationId' },
      ],
    },
    {
      route: 'POST /api/workforce-years',
      token: 'acmeAdmin',
      setup: async () => ({ path: '/api/workforce-years', body: { year: yearSeq++, frontlineHeadcount: 110, payroll: 5200000 } }),
      missing: 'year',
      wrongType: ['frontlineHeadcount', 'many'],
      ok: 201,
      rules: [
        { name: 'a year out of range', setup: async () => ({ path: '/api/workforce-years', body: { year: 1800, frontlineHeadcount: 110, payroll: 5200000 } }), status: 400, field: 'year' },
        {
          name: 'a year the firm has figures for',
          setup: async () => {
            const year = yearSeq++;
            await pool.query(`INSERT INTO "WorkforceYear" (id, "consortiumId", "organisationId", year, "frontlineHeadcount", payroll, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, 1, 1, now())`, [glmp, demo.org.acme, year]);
            return { path: '/api/workforce-years', body: { year, frontlineHeadcount: 110, payroll: 5200000 } };
          },
          status: 409,
          field: 'year',
        },
      ],
    },
    {
      route: 'POST /api/wage-steps',
      token: 'acmeAdmin',
      setup: async () => ({ path: '/api/wage-steps', body: { credential: `OSHA ${Math.random().toString(36).slice(2, 8)}`, title: 'Safety lead', hourlyIncrease: 0.75 } }),
      missing: 'credential',
      wrongType: ['hourlyIncrease', 'a dollar'],
      ok: 201,
      rules: [
        { name: 'a negative increase', setup: async () => ({ path: '/api/wage-steps', body: { credential: 'Forklift', title: 'Driver', hourlyIncrease: -1 } }), status: 400, field: 'hourlyIncrease' },
        {
          name: 'a credential the ladder has already (other spacing)',
          setup: async () => {
            const credential = `AWS D1.1 ${Math.random().toString(36).slice(2, 8)}`;
            await wageStepRow(pool, glmp, demo.org.acme, credential);
            return { path: '/api/wage-steps', body: { credential: ` ${credential.replace(' ', '  ')} `, title: 'Welder II', hourlyIncrease: 2 } };
          },
          status: 409,
          field: 'credential',
        },
      ],
    },
    ...PATCHES,
    // PUT takes the same body as PATCH on these resources (react-admin's update)
    ...PATCHES.map((c) => ({ ...c, route: c.route.replace('PATCH', 'PUT') })),
  ];

  it('covers every write route of the training records', async () => {
    const docs = (await call(api, 'GET', '/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(docs.paths)
      .filter(([path]) => /^\/api\/(curricula|grants|course-sessions|trainees|enrolments|training-activities|workforce-years|wage-steps)(\/|$)/.test(path))
      .flatMap(([path, ops]) => Object.keys(ops).filter((m) => ['post', 'put', 'patch'].includes(m)).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(writes.sort()).toEqual(CASES.map((c) => c.route).sort());
  });

  describe.each(CASES.map((c) => [c.route, c] as const))('%s', (_route, c) => {
    const method = c.route.split(' ')[0] as string;
    const refused = async (req: { path: string; body: Body; token?: Who }, status: number, field: string): Promise<void> => {
      await watch.expectNone(
        () => call(api, method, req.path, { token: t[req.token ?? c.token], body: req.body }),
        (res) => expect(errorPaths(expectProblem(res, status))).toContain(field),
      );
    };

    if (c.missing) {
      it(`refuses a missing required field (${c.missing}) with 400`, async () => {
        const req = await c.setup();
        const { [c.missing as string]: _dropped, ...body } = req.body;
        await refused({ ...req, body }, 400, c.missing as string);
      });
    }
    if (c.wrongType) {
      const [field, value] = c.wrongType;
      it(`refuses a wrong type (${field}: ${JSON.stringify(value)}) with 400`, async () => {
        const req = await c.setup();
        await refused({ ...req, body: { ...req.body, [field]: value } }, 400, field);
      });
    }
    it('refuses an unknown field with 400', async () => {
      const req = await c.setup();
      await refused({ ...req, body: { ...req.body, unexpectedField: 'surprise' } }, 400, 'unexpectedField');
    });
    for (const rule of c.rules ?? []) {
      it(`refuses ${rule.name} with ${rule.status} naming ${rule.field}`, async () => {
        await refused(await rule.setup(), rule.status, rule.field);
      });
    }
    it(`control: the same request without the fault answers ${c.ok}`, async () => {
      const req = await c.setup();
      const res = await call(api, method, req.path, { token: t[c.token], body: req.body });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: c.ok });
    });
  });
});
