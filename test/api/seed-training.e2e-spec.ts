import pg from 'pg';
import { applyEnrolmentRecord, isConsistentHistory, proposedWageStep } from '@tandem/domain';
import { seed } from '../../prisma/seed';
import { PERFORMANCE_TODAY } from '../../prisma/seed/periods';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/db';

jest.setTimeout(90_000);

/**
 * The training-records part of the demo seed (prisma/seed/training.ts), read from a database
 * of this file's own, seeded as of the story's day (other suites add records to the shared
 * one). Each rule the API enforces holds for the seeded rows too.
 */
describe('seed: training records', () => {
  let scratch: TestDatabase;
  let db: pg.Pool;
  let glmp: string;
  const rows = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> => (await db.query<T>(sql, params)).rows;

  beforeAll(async () => {
    scratch = await createTestDatabase({ prefix: 'tandem_seedtrain', migrate: true });
    await seed(scratch.url, { log: () => undefined, today: PERFORMANCE_TODAY });
    db = new pg.Pool({ connectionString: scratch.url, max: 2 });
    glmp = (await rows<{ id: string }>(`SELECT id FROM "Consortium" WHERE slug = 'glmp'`))[0]?.id as string;
  }, 90_000);

  afterAll(async () => {
    await db?.end();
    if (scratch) await dropTestDatabase(scratch.name);
  });

  it('has at least 20 shared curricula, versions, private ones and a union proposal', async () => {
    const [counts] = await rows<{ shared: string; private: string; versions: string; union: string }>(
      `SELECT count(*) FILTER (WHERE shared) AS shared, count(*) FILTER (WHERE NOT shared) AS private,
              count(*) FILTER (WHERE "previousVersionId" IS NOT NULL) AS versions,
              count(*) FILTER (WHERE o.kind = 'union') AS union
         FROM "Curriculum" c JOIN "Organisation" o ON o.id = c."ownerOrganisationId" WHERE c."consortiumId" = $1`,
      [glmp],
    );
    expect(Number(counts?.shared)).toBeGreaterThanOrEqual(20);
    expect(Number(counts?.private)).toBeGreaterThanOrEqual(2);
    expect(Number(counts?.versions)).toBeGreaterThanOrEqual(1);
    expect(counts?.union).toBe('1');
    // member firms share curricula that providers deliver: reused by other organisations
    const reused = await rows(`SELECT 1 FROM "CourseSession" s JOIN "Curriculum" c ON c.id = s."curriculumId" JOIN "Organisation" o ON o.id = c."ownerOrganisationId" WHERE o.kind = 'supplier' AND s."providerOrganisationId" <> c."ownerOrganisationId"`);
    expect(reused.length).toBeGreaterThan(0);
  });

  it('spreads sessions and enrolments over two years, past ones with credentials, coming ones open, and attendance left to record', async () => {
    const [span] = await rows<{ first: Date; last: Date }>(`SELECT min("startsOn") AS first, max("startsOn") AS last FROM "CourseSession" WHERE "consortiumId" = $1`, [glmp]);
    expect((span!.last.getTime() - span!.first.getTime()) / 86_400_000).toBeGreaterThanOrEqual(730);
    const byStatus = Object.fromEntries((await rows<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM "Enrolment" GROUP BY status`)).map((r) => [r.status, Number(r.n)]));
    expect(byStatus).toMatchObject({ completed: expect.any(Number), attended: expect.any(Number), withdrawn: expect.any(Number), enrolled: expect.any(Number) });
    expect(byStatus['completed']).toBeGreaterThan(100);
    expect((await rows(`SELECT 1 FROM "Enrolment" WHERE credential IS NOT NULL`)).length).toBeGreaterThan(30);
    const today = PERFORMANCE_TODAY.toISOString().slice(0, 10);
    expect((await rows(`SELECT 1 FROM "CourseSession" WHERE "startsOn" > $1::date`, [today])).length).toBeGreaterThan(0);
    // Lakeshore's trainer has sessions that ended with attendance still to record
    const toRecord = await rows(
      `SELECT DISTINCT s.id FROM "CourseSession" s JOIN "Enrolment" e ON e."sessionId" = s.id JOIN "Organisation" p ON p.id = s."providerOrganisationId"
        WHERE p.code = 'lakeshore-tech' AND s."endsOn" < $1::date AND e.status = 'enrolled'`,
      [today],
    );
    expect(toRecord.length).toBeGreaterThanOrEqual(2);
    expect((await rows(`SELECT 1 FROM "CourseSession" WHERE "grantId" IS NOT NULL`)).length).toBeGreaterThan(5);
  });

  it('keeps every rule the API enforces: seats, hours, credentials only on completion, statuses', async () => {
    const over = await rows(`SELECT s.id FROM "CourseSession" s JOIN "Enrolment" e ON e."sessionId" = s.id WHERE e.status <> 'withdrawn' GROUP BY s.id, s.capacity HAVING count(*) > s.capacity`);
    expect(over).toEqual([]);
    const enrolments = await rows<{ status: 'enrolled' | 'attended' | 'completed' | 'withdrawn'; hoursAttended: string; credential: string | null; hours: string }>(
      `SELECT e.status, e."hoursAttended", e.credential, s.hours FROM "Enrolment" e JOIN "CourseSession" s ON s.id = e."sessionId"`,
    );
    for (const e of enrolments) {
      // each seeded state is one the rules could have reached from `enrolled`
      const outcome = applyEnrolmentRecord({ status: 'enrolled', hoursAttended: 0, credential: null }, { status: e.status, hoursAttended: Number(e.hoursAttended), credential: e.credential }, Number(e.hours));
      expect({ e, ok: outcome.ok }).toEqual({ e, ok: true });
    }
  });

  it("proposes wage steps from the employer's ladder; most confirmed with wages, some (Acme's among them) awaiting the firm admin", async () => {
    const stepped = await rows<{ status: 'completed'; credential: string; organisationId: string; wageStepId: string; confirmed: boolean; wageBefore: string | null; wageAfter: string | null }>(
      `SELECT status, credential, "organisationId", "wageStepId", "wageStepConfirmedAt" IS NOT NULL AS confirmed, "wageBefore", "wageAfter" FROM "Enrolment" WHERE "wageStepId" IS NOT NULL`,
    );
    const ladders = await rows<{ id: string; credential: string; organisationId: string; hourlyIncrease: string }>(`SELECT id, credential, "organisationId", "hourlyIncrease" FROM "WageStep"`);
    expect(stepped.length).toBeGreaterThan(10);
    for (const e of stepped) {
      const ladder = ladders.filter((s) => s.organisationId === e.organisationId).map((s) => ({ ...s, hourlyIncrease: Number(s.hourlyIncrease) }));
      expect(proposedWageStep(e, ladder)?.id).toBe(e.wageStepId);
      if (e.confirmed) expect(Number(e.wageAfter)).toBeCloseTo(Number(e.wageBefore) + (ladder.find((s) => s.id === e.wageStepId)?.hourlyIncrease ?? NaN), 2);
      else expect([e.wageBefore, e.wageAfter]).toEqual([null, null]);
    }
    expect(stepped.filter((e) => e.confirmed).length).toBeGreaterThan(stepped.length / 2);
    const acme = (await rows<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'acme-castings'`))[0]?.id;
    expect(stepped.filter((e) => !e.confirmed && e.organisationId === acme).length).toBeGreaterThan(0);
  });

  it('follows trained workers who moved between members, with whole histories', async () => {
    const histories = await rows<{ traineeId: string; employer: string; spells: { id: string; organisationId: string; startsOn: string; endsOn: string | null }[] }>(
      `SELECT t.id AS "traineeId", t."employerOrganisationId" AS employer,
              json_agg(json_build_object('id', e.id, 'organisationId', e."organisationId", 'startsOn', e."startsOn", 'endsOn', e."endsOn") ORDER BY e."startsOn") AS spells
         FROM "Trainee" t JOIN "TraineeEmployment" e ON e."traineeId" = t.id GROUP BY t.id`,
    );
    for (const h of histories) {
      const spells = h.spells.map((s) => ({ ...s, startsOn: new Date(s.startsOn), endsOn: s.endsOn ? new Date(s.endsOn) : null }));
      expect(isConsistentHistory(spells)).toBe(true);
      expect(spells.find((s) => s.endsOn === null)?.organisationId).toBe(h.employer);
    }
    const movers = histories.filter((h) => h.spells.length > 1);
    expect(movers.length).toBeGreaterThanOrEqual(5);
    // they were trained before they moved: an enrolment with the former employer
    const trainedBefore = await rows(
      `SELECT DISTINCT e."traineeId" FROM "Enrolment" e JOIN "TraineeEmployment" m ON m."traineeId" = e."traineeId" AND m."endsOn" IS NOT NULL AND m."organisationId" = e."organisationId" WHERE e.status = 'completed'`,
    );
    expect(trainedBefore.length).toBeGreaterThanOrEqual(3);
  });

  it('has three years of frontline headcount and payroll for every active glmp manufacturer, and bulk activities', async () => {
    const missing = await rows(
      `SELECT o.code FROM "Organisation" o JOIN "Membership" m ON m."organisationId" = o.id AND m."consortiumId" = $1 AND m.status = 'active'
        WHERE o.kind IN ('supplier', 'customer')
          AND (SELECT count(*) FROM "WorkforceYear" w WHERE w."organisationId" = o.id AND w."consortiumId" = $1) <> 3`,
      [glmp],
    );
    expect(missing).toEqual([]);
    expect((await rows(`SELECT 1 FROM "TrainingActivity" WHERE "consortiumId" = $1`, [glmp])).length).toBeGreaterThan(20);
    // one firm logged as an activity a session it also enrolled in (the commitments must not count it twice)
    expect((await rows(`SELECT 1 FROM "TrainingActivity" a JOIN "Enrolment" e ON e."sessionId" = a."sessionId" AND e."organisationId" = a."organisationId"`)).length).toBeGreaterThan(0);
  });
});
