process.env.LOG_LEVEL ??= 'silent';
import type { Pool } from 'pg';
import type { TalentCirculation } from '@tandem/contracts';
import { call, q, startApi, type TestApi } from './support/api';
import { AUTHZ_ROLES, signInRoles, type AuthzRole } from './support/authz';
import { dbPool, errorPaths, expectProblem, expectStatus, loadDemo, type Demo } from './support/fixtures';
import { freshSession } from './support/performance';

jest.setTimeout(90_000);

/**
 * Talent circulation: trained workers moving between member firms, counted from
 * the employment history and completed enrolments, never a person. Years far ahead of the
 * seed's, written straight into PostgreSQL (the training records' API is not under test).
 *
 * 2097: a ring Acme → F1 → … → F6 → Acme, each trainee trained (completed enrolment) by the
 * firm it leaves, plus one untrained first hire per firm: 7 hiring firms, 14 hires, 7 trained
 * moves. 2096: three firms hire, too few for anyone but staff.
 */
const ROLES = AUTHZ_ROLES;
type Role = AuthzRole;

// prettier-ignore
const TABLE: Record<string, Record<Role, number>> = {
  // the platform admin belongs to no consortium: there is none to count (403, as for its other consortium-bound reads)
  'GET /api/talent-circulation': { platform: 403, staff: 200, firmAdmin: 200, contributor: 200, apiKey: 200, buyer: 200, union: 200, trainer: 200, funder: 200, fvsnStaff: 200 },
};

const SECRET_NAME = 'Zebulon Quillfeather';

describe('talent circulation', () => {
  let api: TestApi;
  let pool: Pool;
  let demo: Demo;
  let tokens: Record<Role, string>;
  const ring: string[] = [];

  async function one(sql: string, params: unknown[]): Promise<string> {
    const { rows } = await pool.query<{ id: string }>(sql, params);
    return rows[0]?.id as string;
  }
  const member = async (name: string): Promise<string> => {
    const id = await one(`INSERT INTO "Organisation" (id, code, name, kind, "updatedAt") VALUES (gen_random_uuid(), 'tc-' || gen_random_uuid(), $1, 'supplier', now()) RETURNING id`, [name]);
    await pool.query(`INSERT INTO "Membership" (id, "consortiumId", "organisationId", tier, status, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'supplier', 'active', now())`, [demo.consortium.glmp, id]);
    return id;
  };
  let sessionId: string;
  /** A trainee employed at `path[0]` from `since`, then at each next firm from the given day; trained (completed) by `trainedBy` on `trainedOn`. */
  async function trainee(path: { org: string; from: string }[], trained?: { by: string; on: string }): Promise<void> {
    const t = await one(
      `INSERT INTO "Trainee" (id, "consortiumId", "employerOrganisationId", "firstName", "lastName", frontline, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, true, now()) RETURNING id`,
      [demo.consortium.glmp, (path[path.length - 1] as { org: string }).org, SECRET_NAME.split(' ')[0], SECRET_NAME.split(' ')[1]],
    );
    for (const [i, step] of path.entries()) {
      const next = path[i + 1];
      await pool.query(`INSERT INTO "TraineeEmployment" (id, "traineeId", "organisationId", "startsOn", "endsOn") VALUES (gen_random_uuid(), $1, $2, $3::date, $4::date)`, [t, step.org, step.from, next ? next.from : null]);
    }
    if (trained) {
      await pool.query(
        `INSERT INTO "Enrolment" (id, "consortiumId", "sessionId", "traineeId", "organisationId", status, "hoursAttended", credential, "completedAt", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, 'completed', 16, 'NIMS Machining Level I', $5::date, now())`,
        [demo.consortium.glmp, sessionId, t, trained.by, trained.on],
      );
    }
  }

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    demo = await loadDemo(pool);
    tokens = await signInRoles(api, ROLES);

    const curriculum = await one(
      `INSERT INTO "Curriculum" (id, "consortiumId", "ownerOrganisationId", title, "skillArea", hours, level, shared, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'CNC basics', 'CNC', 16, 'introductory', true, now()) RETURNING id`,
      [demo.consortium.glmp, demo.org.lakeshore],
    );
    sessionId = await one(
      `INSERT INTO "CourseSession" (id, "consortiumId", "curriculumId", "providerOrganisationId", "startsOn", "endsOn", hours, location, capacity, "costPerSeat", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, DATE '2095-03-01', DATE '2095-03-03', 16, 'Lakeshore campus', 20, 400, now()) RETURNING id`,
      [demo.consortium.glmp, curriculum, demo.org.lakeshore],
    );
    ring.push(demo.org.acme);
    for (let i = 1; i <= 6; i += 1) ring.push(await member(`Circulation firm ${i}`));
    for (const [i, from] of ring.entries()) {
      const to = ring[(i + 1) % ring.length] as string;
      await trainee([{ org: from, from: '2090-01-01' }, { org: to, from: `2097-0${1 + (i % 9)}-15` }], { by: from, on: '2095-03-03' });
      await trainee([{ org: from, from: '2097-06-01' }]);
    }
    // trained by the hiring firm itself before it left and came back: a hire, not a trained move from another member
    await trainee([{ org: ring[1] as string, from: '2090-01-01' }, { org: ring[2] as string, from: '2093-01-01' }, { org: ring[1] as string, from: '2097-11-01' }], { by: ring[1] as string, on: '2092-06-01' });
    // 2096: three hiring firms only
    for (const org of ring.slice(0, 3)) await trainee([{ org, from: '2096-04-01' }]);
  });

  afterAll(async () => {
    await pool.end();
    await api.close();
  });

  const read = async (role: Role, year: number): Promise<TalentCirculation> => {
    const res = await call(api, 'GET', `/api/talent-circulation${q({ year })}`, { token: tokens[role] });
    expectStatus(res, 200);
    expect(JSON.stringify(res.body)).not.toMatch(/Zebulon|Quillfeather/);
    return res.body as TalentCirculation;
  };

  it('staff read every firm’s hires, trained workers received and lost, and the consortium’s share hired trained', async () => {
    const c = await read('staff', 2097);
    const byId = new Map(c.firms.map((f) => [f.organisationId, f]));
    expect(byId.get(demo.org.acme)).toMatchObject({ hires: 2, receivedTrained: 1, lostTrained: 1 });
    // firm 1 also re-hired its own trainee: a hire, not a trained move (it paid for the training)
    expect(byId.get(ring[1] as string)).toMatchObject({ hires: 3, receivedTrained: 1, lostTrained: 1 });
    for (const id of ring.slice(2)) expect(byId.get(id)).toMatchObject({ hires: 2, receivedTrained: 1, lostTrained: 1 });
    expect(c.consortium).toEqual({ hires: 15, trainedMoves: 7, shareHiredTrained: 0.467, hiringFirms: 7, withheld: null, withheldMessage: null });
  });

  it('a firm reads its own row and the consortium’s figures, which six other hiring firms make', async () => {
    for (const role of ['firmAdmin', 'contributor', 'apiKey'] as const) {
      const c = await read(role, 2097);
      expect(c.firms.map((f) => f.organisationId)).toEqual([demo.org.acme]);
      expect(c.consortium).toMatchObject({ hires: 15, trainedMoves: 7, withheld: null });
    }
  });

  it('a person acting for three of the hiring firms knows all three: four others are too few, whichever role it signed in with, and for the firm\'s API key', async () => {
    const person = await freshSession(api, tokens.staff, { role: 'firm_admin', organisationId: demo.org.acme });
    const asPerson = async (): Promise<TalentCirculation> => {
      const res = await call(api, 'GET', `/api/talent-circulation${q({ year: 2097 })}`, { token: person.token });
      expectStatus(res, 200);
      return res.body as TalentCirculation;
    };
    expect((await asPerson()).consortium).toMatchObject({ hires: 15, withheld: null });
    for (const org of ring.slice(1, 3)) {
      await pool.query(`INSERT INTO "RoleAssignment" (id, "userId", role, "consortiumId", "organisationId", "updatedAt") VALUES (gen_random_uuid(), $1, 'firm_contributor', $2, $3, now())`, [person.userId, demo.consortium.glmp, org]);
    }
    const withheld = { hires: null, trainedMoves: null, shareHiredTrained: null, hiringFirms: null, withheld: 'fewer_than_k', withheldMessage: 'fewer than 5 peers' };
    expect((await asPerson()).consortium).toEqual(withheld);
    // Acme's API key has no person behind it: any of Acme's people may hold it, this one too
    expect((await read('apiKey', 2097)).consortium).toEqual(withheld);
    await pool.query(`DELETE FROM "RoleAssignment" WHERE "userId" = $1 AND "organisationId" = ANY ($2::uuid[])`, [person.userId, ring.slice(1, 3)]);
    expect((await read('apiKey', 2097)).consortium).toMatchObject({ hires: 15, withheld: null });
  });

  it('funders, unions, trainers and buyers read the consortium’s figures and no firm', async () => {
    for (const role of ['funder', 'union', 'trainer', 'buyer'] as const) {
      const c = await read(role, 2097);
      expect(c.firms).toEqual([]);
      expect(c.consortium.hires).toBe(15);
    }
  });

  it('withholds the consortium’s figures with too few hiring firms, from everyone but staff', async () => {
    expect((await read('staff', 2096)).consortium).toMatchObject({ hires: 3, hiringFirms: 3, withheld: null });
    for (const role of ['funder', 'firmAdmin'] as const) {
      expect((await read(role, 2096)).consortium).toEqual({ hires: null, trainedMoves: null, shareHiredTrained: null, hiringFirms: null, withheld: 'fewer_than_k', withheldMessage: 'fewer than 5 peers' });
    }
  });

  it('another consortium’s staff count nothing of glmp', async () => {
    const c = await read('fvsnStaff', 2097);
    expect(c.firms.filter((f) => ring.includes(f.organisationId))).toEqual([]);
    expect(c.consortium.hires ?? 0).toBe(0);
  });

  it('refuses a missing or impossible year, naming it', async () => {
    for (const query of ['', '?year=abc', '?year=1999', '?year=2097.5']) {
      const p = expectProblem(await call(api, 'GET', `/api/talent-circulation${query}`, { token: tokens.staff }), 400);
      expect(errorPaths(p)).toEqual(['year']);
    }
  });

  describe('authorization table', () => {
    const rows = Object.entries(TABLE).flatMap(([route, byRole]) => ROLES.map((role) => ({ route, role, expected: byRole[role] })));
    it.each(rows)('$route as $role → $expected', async ({ route, role, expected }) => {
      const [method, path] = route.split(' ') as [string, string];
      const res = await call(api, method, `${path}${q({ year: 2097 })}`, { token: tokens[role] });
      expect(res.status).toBe(expected);
      if (res.status >= 300) expect(res.contentType).toContain('application/problem+json');
    });
  });
});
