import type { Pool } from 'pg';
import { call, q, startApi, type TestApi } from './support/api';
import { EMAIL, dbPool, loadDemo, type Demo } from './support/fixtures';
import { documentedRoutes, signInRoles } from './support/authz';
import {
  activityRow,
  curriculumRow,
  enrolmentRow,
  grantRow,
  organisationOfAccount,
  organisationRow,
  orgByCode,
  sessionRow,
  traineeRow,
  wageStepRow,
  workforceYearRow,
} from './support/training';

jest.setTimeout(180_000);

/**
 * Authorization table of the training-records routes (curricula, grants, course-sessions,
 * trainees, enrolments, training-activities, workforce-years, wage-steps): one row per
 * {route, role, target, expect}.
 *
 * Targets are seen from the principal. `own`: a record of its own organisation (Acme
 * Castings for its people; Northstar for the buyer; the union's own proposal, or a session a
 * firm it represents takes part in; Lakeshore's session for its trainer; the Wisconsin
 * Workforce Fund's grant for the funder; an Acme record for staff). `other-firm`: the same
 * kind of record of another organisation of the consortium (Badger Machining; a firm the
 * union does not represent; another provider's session; another funder's grant).
 * `other-consortium`: a record of the Fox Valley network (for the fvsn staff member: a glmp
 * record). Curricula of the rows are private: shared ones are read by every member
 * (training-records.e2e-spec.ts).
 *
 * Expectations: an HTTP status, or `n rows` for a list filtered on the target's id. A role
 * without the route's permission gets 403 whatever the target; a record outside the scope is
 * 404, never 403; a create naming something outside the scope is a 400 naming the field.
 */
const ROLES = ['staff', 'firmAdmin', 'contributor', 'buyer', 'union', 'trainer', 'funder', 'fvsnStaff'] as const;
type Role = (typeof ROLES)[number];
type Target = 'own' | 'other-firm' | 'other-consortium';
type Expect = number | '0 rows' | '1 rows';
type Triple = [Expect | null, Expect | null, Expect | null];

const F3: Triple = [403, 403, 403];
const R100: Triple = ['1 rows', '0 rows', '0 rows'];
const R110: Triple = ['1 rows', '1 rows', '0 rows'];
const G200: Triple = [200, 404, 404];
const G220: Triple = [200, 200, 404];
const FVSN_R: Triple = ['1 rows', null, '0 rows'];
const FVSN_G: Triple = [200, null, 404];
const NOT_FIRM = { buyer: F3, union: F3, trainer: F3, funder: F3 };
/** trainee data, a firm's own figures: the firm's people and staff */
const FIRM_DATA_READ = { staff: R110, firmAdmin: R100, contributor: R100, ...NOT_FIRM, fvsnStaff: FVSN_R };
const FIRM_DATA_GET = { staff: G220, firmAdmin: G200, contributor: G200, ...NOT_FIRM, fvsnStaff: FVSN_G };
const FIRM_DATA_CREATE = { staff: [201, 201, 400] as Triple, firmAdmin: [201, 400, 400] as Triple, contributor: [201, 400, 400] as Triple, ...NOT_FIRM, fvsnStaff: [201, null, 400] as Triple };
const FIRM_DATA_WRITE = { staff: G220, firmAdmin: G200, contributor: G200, ...NOT_FIRM, fvsnStaff: FVSN_G };
const STAFF_ONLY = { firmAdmin: F3, contributor: F3, ...NOT_FIRM };

// prettier-ignore
const TABLE: Record<string, Record<Role, Triple>> = {
  // the library: shared curricula to every member (not these private ones), one's own; funders none
  'GET /api/curricula':                         { staff: R110, firmAdmin: R100, contributor: R100, buyer: R100, union: R100, trainer: R100, funder: F3, fvsnStaff: FVSN_R },
  'GET /api/curricula/:id':                     { staff: G220, firmAdmin: G200, contributor: G200, buyer: G200, union: G200, trainer: G200, funder: F3, fvsnStaff: FVSN_G },
  'POST /api/curricula':                        { staff: [201, 201, 400], firmAdmin: [201, 400, 400], contributor: [201, 400, 400], buyer: F3, union: [201, 400, 400], trainer: [201, 400, 400], funder: F3, fvsnStaff: [201, null, 400] },
  'PUT /api/curricula/:id':                     { staff: G220, firmAdmin: G200, contributor: G200, buyer: F3, union: G200, trainer: G200, funder: F3, fvsnStaff: FVSN_G },
  'PATCH /api/curricula/:id':                   { staff: G220, firmAdmin: G200, contributor: G200, buyer: F3, union: G200, trainer: G200, funder: F3, fvsnStaff: FVSN_G },
  // grants: staff manage; a funder reads its own; a trainer those it may name on a session
  'GET /api/grants':                            { staff: R110, firmAdmin: F3, contributor: F3, buyer: F3, union: F3, trainer: R110, funder: R100, fvsnStaff: FVSN_R },
  'GET /api/grants/:id':                        { staff: G220, firmAdmin: F3, contributor: F3, buyer: F3, union: F3, trainer: G220, funder: G200, fvsnStaff: FVSN_G },
  'POST /api/grants':                           { staff: [201, 201, 400], ...STAFF_ONLY, fvsnStaff: [201, null, 400] },
  'PUT /api/grants/:id':                        { staff: G220, ...STAFF_ONLY, fvsnStaff: FVSN_G },
  'PATCH /api/grants/:id':                      { staff: G220, ...STAFF_ONLY, fvsnStaff: FVSN_G },
  // sessions: the calendar to members; a trainer its own; a union those its firms take part in; funders none
  'GET /api/course-sessions':                   { staff: R110, firmAdmin: R110, contributor: R110, buyer: R110, union: R100, trainer: R100, funder: F3, fvsnStaff: FVSN_R },
  'GET /api/course-sessions/:id':               { staff: G220, firmAdmin: G220, contributor: G220, buyer: G220, union: G200, trainer: G200, funder: F3, fvsnStaff: FVSN_G },
  'POST /api/course-sessions':                  { staff: [201, 201, 400], firmAdmin: F3, contributor: F3, buyer: F3, union: F3, trainer: [201, 400, 400], funder: F3, fvsnStaff: [201, null, 400] },
  'PUT /api/course-sessions/:id':               { staff: G220, firmAdmin: F3, contributor: F3, buyer: F3, union: F3, trainer: G200, funder: F3, fvsnStaff: FVSN_G },
  'PATCH /api/course-sessions/:id':             { staff: G220, firmAdmin: F3, contributor: F3, buyer: F3, union: F3, trainer: G200, funder: F3, fvsnStaff: FVSN_G },
  // trainee personal data: the employer's people and staff only
  'GET /api/trainees':                          FIRM_DATA_READ,
  'GET /api/trainees/:id':                      FIRM_DATA_GET,
  'POST /api/trainees':                         FIRM_DATA_CREATE,
  'PUT /api/trainees/:id':                      FIRM_DATA_WRITE,
  'PATCH /api/trainees/:id':                    FIRM_DATA_WRITE,
  'POST /api/trainees/:id/employer':            FIRM_DATA_WRITE,
  // enrolments: the enrolling firm, the session's trainer, staff; never a buyer, union or funder
  'GET /api/enrolments':                        { ...FIRM_DATA_READ, trainer: R100 },
  'GET /api/enrolments/:id':                    { ...FIRM_DATA_GET, trainer: G200 },
  'POST /api/enrolments':                       FIRM_DATA_CREATE,
  'PUT /api/enrolments/:id':                    { staff: G220, firmAdmin: F3, contributor: F3, buyer: F3, union: F3, trainer: G200, funder: F3, fvsnStaff: FVSN_G },
  'PATCH /api/enrolments/:id':                  { staff: G220, firmAdmin: F3, contributor: F3, buyer: F3, union: F3, trainer: G200, funder: F3, fvsnStaff: FVSN_G },
  'POST /api/enrolments/:id/withdraw':          FIRM_DATA_WRITE,
  // wages never leave the firm: its admin confirms, nobody else (not staff)
  'POST /api/enrolments/:id/confirm-wage-step': { staff: F3, firmAdmin: G200, contributor: F3, ...NOT_FIRM, fvsnStaff: F3 },
  'GET /api/training-activities':               FIRM_DATA_READ,
  'GET /api/training-activities/:id':           FIRM_DATA_GET,
  'POST /api/training-activities':              FIRM_DATA_CREATE,
  'PUT /api/training-activities/:id':           FIRM_DATA_WRITE,
  'PATCH /api/training-activities/:id':         FIRM_DATA_WRITE,
  'DELETE /api/training-activities/:id':        FIRM_DATA_WRITE,
  'GET /api/workforce-years':                   FIRM_DATA_READ,
  'GET /api/workforce-years/:id':               FIRM_DATA_GET,
  'POST /api/workforce-years':                  { ...FIRM_DATA_CREATE, contributor: F3 },
  'PUT /api/workforce-years/:id':               { ...FIRM_DATA_WRITE, contributor: F3 },
  'PATCH /api/workforce-years/:id':             { ...FIRM_DATA_WRITE, contributor: F3 },
  // a wage ladder: the firm's people read it, staff too; only the firm admin writes it (its own, by construction)
  'GET /api/wage-steps':                        FIRM_DATA_READ,
  'GET /api/wage-steps/:id':                    FIRM_DATA_GET,
  'POST /api/wage-steps':                       { staff: F3, firmAdmin: [201, null, null], contributor: F3, ...NOT_FIRM, fvsnStaff: F3 },
  'PUT /api/wage-steps/:id':                    { staff: F3, firmAdmin: G200, contributor: F3, ...NOT_FIRM, fvsnStaff: F3 },
  'PATCH /api/wage-steps/:id':                  { staff: F3, firmAdmin: G200, contributor: F3, ...NOT_FIRM, fvsnStaff: F3 },
};

const TARGETS: Target[] = ['own', 'other-firm', 'other-consortium'];

interface Row {
  route: string;
  role: Role;
  target: Target;
  expect: Expect;
}

const ROWS: Row[] = Object.entries(TABLE).flatMap(([route, byRole]) =>
  ROLES.flatMap((role) =>
    TARGETS.flatMap((target, i) => {
      const expect = byRole[role][i];
      return expect === null || expect === undefined ? [] : [{ route, role, target, expect }];
    }),
  ),
);

type C = 'glmp' | 'fvsn';

interface World {
  api: TestApi;
  pool: Pool;
  demo: Demo;
  tokens: Record<Role, string>;
  /** the union representative's organisation, the firm it represents and one it does not */
  unionOrg: string;
  represented: string;
  unrepresented: string;
  providers: { glmpOther: string; fvsn: string };
  funders: { glmpOther: string; fvsn: string };
  /** another active member of each network, a worker's new employer */
  nextEmployer: { glmp: string; fvsn: string };
  /** a shared curriculum of each network, to schedule sessions on */
  sharedCurriculum: Record<C, string>;
  nextYear: number;
}

interface Owner {
  c: C;
  org: string;
}

/** Whose record a target is, seen from a role: the organisation that owns it, and its network. */
function owner(w: World, role: Role, target: Target): Owner {
  const d = w.demo;
  if (role === 'fvsnStaff') return target === 'own' ? { c: 'fvsn', org: d.org.fox } : { c: 'glmp', org: d.org.acme };
  if (target === 'other-consortium') {
    if (role === 'trainer') return { c: 'fvsn', org: w.providers.fvsn };
    if (role === 'funder') return { c: 'fvsn', org: w.funders.fvsn };
    return { c: 'fvsn', org: d.org.fox };
  }
  const own = target === 'own';
  switch (role) {
    case 'trainer':
      return { c: 'glmp', org: own ? d.org.lakeshore : w.providers.glmpOther };
    case 'funder':
      return { c: 'glmp', org: own ? d.org.wiWorkforce : w.funders.glmpOther };
    case 'buyer':
      return { c: 'glmp', org: own ? d.org.northstar : d.org.badger };
    case 'union':
      return { c: 'glmp', org: own ? w.represented : w.unrepresented };
    default:
      return { c: 'glmp', org: own ? d.org.acme : d.org.badger };
  }
}

const cid = (w: World, c: C) => w.demo.consortium[c];
const providerOf = (w: World, c: C) => (c === 'glmp' ? w.demo.org.lakeshore : w.providers.fvsn);

/** A private curriculum of the target (for the union's own: its union's proposal). */
function curriculum(w: World, role: Role, target: Target): Promise<string> {
  const o = owner(w, role, target);
  const org = role === 'union' && target === 'own' ? w.unionOrg : o.org;
  return curriculumRow(w.pool, cid(w, o.c), org);
}

/** A session of the target: provided by it (a provider), or one its trainee takes part in (a firm). */
async function courseSession(w: World, role: Role, target: Target): Promise<string> {
  const o = owner(w, role, target);
  if (role === 'trainer') return sessionRow(w.pool, cid(w, o.c), o.org, { curriculumId: w.sharedCurriculum[o.c] });
  const id = await sessionRow(w.pool, cid(w, o.c), providerOf(w, o.c), { curriculumId: w.sharedCurriculum[o.c] });
  if (role === 'union' && target === 'other-firm') return id; // nobody the union represents takes part
  const trainee = await traineeRow(w.pool, cid(w, o.c), o.org);
  await enrolmentRow(w.pool, cid(w, o.c), id, trainee, o.org);
  return id;
}

/** An enrolment of the target firm's trainee (for a trainer: in its own or another provider's session). */
async function enrolment(w: World, role: Role, target: Target, opts: { status?: 'completed'; credential?: string } = {}): Promise<string> {
  const o = owner(w, role, target);
  const c = cid(w, o.c);
  const firm = role === 'trainer' ? (o.c === 'glmp' ? w.demo.org.acme : w.demo.org.fox) : o.org;
  const provider = role === 'trainer' ? o.org : providerOf(w, o.c);
  const sessionId = await sessionRow(w.pool, c, provider, { curriculumId: w.sharedCurriculum[o.c] });
  const trainee = await traineeRow(w.pool, c, firm);
  return enrolmentRow(w.pool, c, sessionId, trainee, firm, opts);
}

/** The funder of a grant of the target: staff's "own" and "other firm" are two funders of its network. */
function funderOf(w: World, role: Role, target: Target): string {
  const o = owner(w, role, target);
  if (role !== 'staff' && role !== 'fvsnStaff') return o.org;
  if (o.c === 'fvsn') return w.funders.fvsn;
  return target === 'own' ? w.demo.org.wiWorkforce : w.funders.glmpOther;
}

function grant(w: World, role: Role, target: Target): Promise<string> {
  return grantRow(w.pool, cid(w, owner(w, role, target).c), funderOf(w, role, target));
}

interface Req {
  path: string;
  body?: unknown;
}
type Builder = (w: World, role: Role, target: Target) => Promise<Req>;

const isStaff = (role: Role) => role === 'staff' || role === 'fvsnStaff';
/** Non-staff name their own organisation by leaving it out; for another target they name it. */
const named = (w: World, role: Role, target: Target, field: string): Record<string, string> => (isStaff(role) || target !== 'own' ? { [field]: owner(w, role, target).org } : {});

const list = (resource: string, make: (w: World, role: Role, target: Target) => Promise<string>): Builder => async (w, role, target) => ({ path: `/api/${resource}${q({ filter: { id: [await make(w, role, target)] } })}` });
const one = (resource: string, make: (w: World, role: Role, target: Target) => Promise<string>, body?: unknown, suffix = ''): Builder => async (w, role, target) => ({ path: `/api/${resource}/${await make(w, role, target)}${suffix}`, body });

const trainee = (w: World, role: Role, target: Target) => {
  const o = owner(w, role, target);
  return traineeRow(w.pool, cid(w, o.c), o.org);
};
const activity = (w: World, role: Role, target: Target) => {
  const o = owner(w, role, target);
  return activityRow(w.pool, cid(w, o.c), o.org);
};
const workforce = (w: World, role: Role, target: Target) => {
  const o = owner(w, role, target);
  return workforceYearRow(w.pool, cid(w, o.c), o.org);
};
const wageStep = (w: World, role: Role, target: Target) => {
  const o = owner(w, role, target);
  return wageStepRow(w.pool, cid(w, o.c), o.org);
};

const REQUESTS: Record<string, Builder> = {
  'GET /api/curricula': list('curricula', curriculum),
  'GET /api/curricula/:id': one('curricula', curriculum),
  'POST /api/curricula': async (w, role, target) => ({ path: '/api/curricula', body: { title: 'Authz curriculum', skillArea: 'lean', hours: 8, level: 'introductory', ...named(w, role, target, 'ownerOrganisationId') } }),
  'PUT /api/curricula/:id': one('curricula', curriculum, { title: 'Renamed curriculum', hours: 12 }),
  'PATCH /api/curricula/:id': one('curricula', curriculum, { socCodes: ['51-4041'] }),

  'GET /api/grants': list('grants', grant),
  'GET /api/grants/:id': one('grants', grant),
  'POST /api/grants': async (w, role, target) => ({ path: '/api/grants', body: { funderOrganisationId: funderOf(w, role, target), name: 'Authz grant', amount: 5000, startsOn: '2026-01-01', endsOn: '2026-12-31' } }),
  'PUT /api/grants/:id': one('grants', grant, { name: 'Renamed grant', amount: 6000 }),
  'PATCH /api/grants/:id': one('grants', grant, { amount: 7000 }),

  'GET /api/course-sessions': list('course-sessions', courseSession),
  'GET /api/course-sessions/:id': one('course-sessions', courseSession),
  'POST /api/course-sessions': async (w, role, target) => {
    const o = owner(w, role, target);
    const home: C = role === 'fvsnStaff' ? 'fvsn' : 'glmp';
    // another network's target: its provider, which the principal's network does not know
    const provider = isStaff(role) ? (o.c === home ? (target === 'own' ? providerOf(w, home) : w.providers.glmpOther) : providerOf(w, o.c)) : o.org;
    const body = { curriculumId: w.sharedCurriculum[home], startsOn: '2026-12-01', endsOn: '2026-12-02', hours: 8, location: 'Room 2', capacity: 10, costPerSeat: 300 };
    return { path: '/api/course-sessions', body: { ...body, ...(isStaff(role) || target !== 'own' ? { providerOrganisationId: provider } : {}) } };
  },
  'PUT /api/course-sessions/:id': one('course-sessions', courseSession, { location: 'Room 3', capacity: 14 }),
  'PATCH /api/course-sessions/:id': one('course-sessions', courseSession, { costPerSeat: 500 }),

  'GET /api/trainees': list('trainees', trainee),
  'GET /api/trainees/:id': one('trainees', trainee),
  'POST /api/trainees': async (w, role, target) => ({ path: '/api/trainees', body: { firstName: 'Ana', lastName: 'Authz', socCode: '51-4121', hireDate: '2024-02-01', ...named(w, role, target, 'employerOrganisationId') } }),
  'PUT /api/trainees/:id': one('trainees', trainee, { firstName: 'Renamed', lastName: 'Worker' }),
  'PATCH /api/trainees/:id': one('trainees', trainee, { frontline: false }),
  'POST /api/trainees/:id/employer': async (w, role, target) => {
    const o = owner(w, role, target);
    const id = await trainee(w, role, target);
    const to = o.c === 'glmp' ? (o.org === w.demo.org.acme ? w.demo.org.badger : w.demo.org.acme) : w.nextEmployer.fvsn;
    return { path: `/api/trainees/${id}/employer`, body: { organisationId: to, startsOn: '2026-06-01' } };
  },

  'GET /api/enrolments': list('enrolments', (w, role, target) => enrolment(w, role, target)),
  'GET /api/enrolments/:id': one('enrolments', (w, role, target) => enrolment(w, role, target)),
  'POST /api/enrolments': async (w, role, target) => {
    const o = owner(w, role, target);
    const home: C = role === 'fvsnStaff' ? 'fvsn' : 'glmp';
    const sessionId = await sessionRow(w.pool, cid(w, home), providerOf(w, home), { curriculumId: w.sharedCurriculum[home] });
    const traineeId = await traineeRow(w.pool, cid(w, o.c), o.org);
    return { path: '/api/enrolments', body: { sessionId, traineeId } };
  },
  'PUT /api/enrolments/:id': one('enrolments', (w, role, target) => enrolment(w, role, target), { status: 'attended', hoursAttended: 12 }),
  'PATCH /api/enrolments/:id': one('enrolments', (w, role, target) => enrolment(w, role, target), { status: 'completed', hoursAttended: 16, credential: 'OSHA 10' }),
  'POST /api/enrolments/:id/withdraw': one('enrolments', (w, role, target) => enrolment(w, role, target), undefined, '/withdraw'),
  'POST /api/enrolments/:id/confirm-wage-step': async (w, role, target) => {
    const o = owner(w, role, target);
    const credential = `AWS D1.1 ${Math.random().toString(36).slice(2, 8)}`;
    await wageStepRow(w.pool, cid(w, o.c), o.org, credential, 2);
    const id = await enrolment(w, role, target, { status: 'completed', credential });
    return { path: `/api/enrolments/${id}/confirm-wage-step`, body: { wageBefore: 22 } };
  },

  'GET /api/training-activities': list('training-activities', activity),
  'GET /api/training-activities/:id': one('training-activities', activity),
  'POST /api/training-activities': async (w, role, target) => ({ path: '/api/training-activities', body: { occurredOn: '2026-04-01', skillArea: 'safety', participants: 12, hoursPerParticipant: 2, cost: 600, ...named(w, role, target, 'organisationId') } }),
  'PUT /api/training-activities/:id': one('training-activities', activity, { participants: 14, cost: 700 }),
  'PATCH /api/training-activities/:id': one('training-activities', activity, { frontline: false }),
  'DELETE /api/training-activities/:id': one('training-activities', activity),

  'GET /api/workforce-years': list('workforce-years', workforce),
  'GET /api/workforce-years/:id': one('workforce-years', workforce),
  'POST /api/workforce-years': async (w, role, target) => ({ path: '/api/workforce-years', body: { year: w.nextYear++, frontlineHeadcount: 90, payroll: 4500000, ...named(w, role, target, 'organisationId') } }),
  'PUT /api/workforce-years/:id': one('workforce-years', workforce, { frontlineHeadcount: 95, payroll: 4600000 }),
  'PATCH /api/workforce-years/:id': one('workforce-years', workforce, { payroll: 4700000 }),

  'GET /api/wage-steps': list('wage-steps', wageStep),
  'GET /api/wage-steps/:id': one('wage-steps', wageStep),
  'POST /api/wage-steps': async () => ({ path: '/api/wage-steps', body: { credential: `NIMS ${Math.random().toString(36).slice(2, 8)}`, title: 'Machinist II', hourlyIncrease: 1.25 } }),
  'PUT /api/wage-steps/:id': one('wage-steps', wageStep, { title: 'Machinist III', hourlyIncrease: 1.75 }),
  'PATCH /api/wage-steps/:id': one('wage-steps', wageStep, { hourlyIncrease: 2 }),
};

describe('training records authorization table', () => {
  let w: World;

  beforeAll(async () => {
    const api = await startApi();
    const pool = dbPool();
    const demo = await loadDemo(pool);
    const tokens = await signInRoles(api, ROLES);
    const unionOrg = await organisationOfAccount(pool, EMAIL.union);
    const represented = unionOrg === demo.org.acme ? demo.org.badger : demo.org.acme;
    await pool.query(
      `INSERT INTO "UnionRepresentation" (id, "consortiumId", "unionOrganisationId", "firmOrganisationId") VALUES (gen_random_uuid(), $1, $2, $3) ON CONFLICT DO NOTHING`,
      [demo.consortium.glmp, unionOrg, represented],
    );
    const fvsnProvider = await organisationRow(pool, demo.consortium.fvsn, 'training_provider');
    w = {
      api,
      pool,
      demo,
      tokens,
      unionOrg,
      represented,
      unrepresented: demo.org.northstar,
      providers: { glmpOther: await orgByCode(pool, 'sewi-mec'), fvsn: fvsnProvider },
      funders: { glmpOther: await organisationRow(pool, demo.consortium.glmp, 'funder'), fvsn: await organisationRow(pool, demo.consortium.fvsn, 'funder') },
      nextEmployer: { glmp: demo.org.badger, fvsn: await orgByCode(pool, 'little-chute-fabrication') },
      sharedCurriculum: {
        glmp: await curriculumRow(pool, demo.consortium.glmp, demo.org.lakeshore, { shared: true }),
        fvsn: await curriculumRow(pool, demo.consortium.fvsn, fvsnProvider, { shared: true }),
      },
      nextYear: 1990 + Math.floor(Math.random() * 20),
    };
  }, 60_000);

  afterAll(async () => {
    await w?.pool.end();
    await w?.api.close();
  });

  it('has a request for every route of the table and a row for every route of the eight modules', async () => {
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(TABLE).sort());
    const mine = await documentedRoutes(w.api, /^\/api\/(curricula|grants|course-sessions|trainees|enrolments|training-activities|workforce-years|wage-steps)(\/|$)/, { colon: true });
    expect(mine.sort()).toEqual(Object.keys(TABLE).sort());
  });

  describe.each(Object.keys(TABLE))('%s', (route) => {
    const rows = ROWS.filter((r) => r.route === route);
    it.each(rows.map((r) => [r.role, r.target, r.expect, r] as const))('%s × %s → %s', async (_role, _target, _expect, row) => {
      const [method] = route.split(' ') as [string];
      const req = await (REQUESTS[route] as Builder)(w, row.role, row.target);
      const res = await call(w.api, method, req.path, { token: w.tokens[row.role], body: req.body ?? (method === 'POST' ? {} : undefined) });
      let got: Expect = res.status;
      if (res.status === 200 && typeof row.expect === 'string') got = `${(res.body as unknown[]).length} rows` as Expect;
      expect({ route, role: row.role, target: row.target, got, body: got === row.expect ? '(as expected)' : res.body }).toEqual({ route, role: row.role, target: row.target, got: row.expect, body: '(as expected)' });
      if (res.status >= 400) {
        expect(res.contentType).toContain('application/problem+json');
        const id = /\/api\/[a-z-]+\/([0-9a-f-]{36})/.exec(req.path)?.[1];
        if (id) expect(JSON.stringify(res.body)).not.toContain(id);
      }
    });
  });
});
