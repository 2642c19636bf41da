process.env.LOG_LEVEL ??= 'silent';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createWorker } from '../bootstrap';
import { insertConsortium, insertMembership, insertMetric, insertOrganisation, insertPeriod, insertRelationship, insertUser, insertValue } from '../../../../test/support/sql-fixtures';
import { EvaluateCommitmentsJob } from './evaluate-commitments.job';

/**
 * The evaluation against a real database: inputs gathered in SQL (no double counting of an
 * activity that names a session whose enrolments are recorded, the year's own workforce
 * figures, values submitted by each due date, the sourcing mode as of the date), states and
 * transitions written, each transition to at_risk and missed told once (to the firm's admin
 * and to staff) however often and however concurrently the job runs, a review per missed
 * commitment.
 */
describe('commitments evaluation', () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
  let worker: INestApplicationContext;

  beforeAll(async () => {
    worker = await createWorker();
  });
  afterAll(async () => {
    await worker.close();
    await pool.end();
  });

  it('judges every kind from the data, tells each transition once, opens a review per miss', async () => {
    const tag = randomBytes(4).toString('hex');
    const c = await insertConsortium(pool, `cm-${tag}`);
    const org = async (name: string, kind: 'supplier' | 'customer'): Promise<string> => {
      const id = await insertOrganisation(pool, { code: `cm-${name}-${tag}`, name: `Firm ${name} ${tag}`, kind });
      await insertMembership(pool, c, id);
      await insertUser(pool, { email: `admin.${name}.${tag}@example.test`, role: 'firm_admin', consortiumId: c, organisationId: id });
      return id;
    };
    const s = await org('supplier', 'supplier');
    const s2 = await org('other', 'supplier');
    const cust = await org('customer', 'customer');
    await insertUser(pool, { email: `staff.${tag}@example.test`, role: 'consortium_staff', consortiumId: c, organisationId: null });

    // workforce: 2026's figures, and a later year that must not be used for 2026
    await pool.query(
      `INSERT INTO "WorkforceYear" (id, "consortiumId", "organisationId", year, "frontlineHeadcount", payroll, "updatedAt")
       VALUES ($1, $3, $4, 2026, 10, 1000000, now()), ($2, $3, $4, 2027, 100, 9000000, now())`,
      [randomUUID(), randomUUID(), c, s],
    );
    // a session of 8 hours, $500 a seat: 4 frontline trainees enrolled (8 h each), one withdrawn
    const curriculum = randomUUID();
    await pool.query(`INSERT INTO "Curriculum" (id, "consortiumId", "ownerOrganisationId", title, "skillArea", hours, level, shared, "createdAt", "updatedAt") VALUES ($1, $2, $3, 'Setup reduction', 'lean', 8, 'introductory', true, '2025-03-01', now())`, [curriculum, c, s]);
    const session = randomUUID();
    await pool.query(
      `INSERT INTO "CourseSession" (id, "consortiumId", "curriculumId", "providerOrganisationId", "startsOn", "endsOn", hours, location, capacity, "costPerSeat", "updatedAt")
       VALUES ($1, $2, $3, $4, DATE '2026-03-01', DATE '2026-03-02', 8, 'Plant', 20, 500, now())`,
      [session, c, curriculum, s],
    );
    for (let i = 0; i < 5; i++) {
      const trainee = randomUUID();
      await pool.query(`INSERT INTO "Trainee" (id, "consortiumId", "employerOrganisationId", "firstName", "lastName", frontline, "updatedAt") VALUES ($1, $2, $3, 'T', $4, true, now())`, [trainee, c, s, `n${i}`]);
      await pool.query(
        `INSERT INTO "Enrolment" (id, "consortiumId", "sessionId", "traineeId", "organisationId", status, "hoursAttended", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6::"EnrolmentStatus", 8, now())`,
        [randomUUID(), c, session, trainee, s, i === 4 ? 'withdrawn' : 'completed'],
      );
    }
    // the same session logged in bulk (10 participants × 8 h, $5 000): 4 of them are the enrolments above
    // and a bulk activity naming no session (5 × 4 h, $1 000)
    await pool.query(
      `INSERT INTO "TrainingActivity" (id, "consortiumId", "organisationId", "occurredOn", "sessionId", "skillArea", participants, "hoursPerParticipant", cost, frontline, "updatedAt")
       VALUES ($1, $3, $4, DATE '2026-03-01', $5, 'lean', 10, 8, 5000, true, now()), ($2, $3, $4, DATE '2026-04-15', NULL, 'safety', 5, 4, 1000, true, now())`,
      [randomUUID(), randomUUID(), c, s, session],
    );
    // submissions: Q1 2026 due 30 April, two metrics: one on time, one late
    const q1 = await insertPeriod(pool, { consortiumId: c, code: `Q1-${tag}`, startsOn: '2026-01-01', endsOn: '2026-03-31', dueOn: '2026-04-30', state: 'closed' });
    const m1 = await insertMetric(pool, { consortiumId: c, code: `A_${tag}`, direction: 'higher', frequency: 'quarterly', reporters: ['supplier'] });
    const m2 = await insertMetric(pool, { consortiumId: c, code: `B_${tag}`, direction: 'higher', frequency: 'quarterly', reporters: ['supplier'] });
    const v1 = await insertValue(pool, { consortiumId: c, organisationId: s, metricId: m1, periodId: q1, value: 1 });
    const v2 = await insertValue(pool, { consortiumId: c, organisationId: s, metricId: m2, periodId: q1, value: 1 });
    await pool.query(`UPDATE "MetricValue" SET "submittedAt" = CASE WHEN id = $1 THEN TIMESTAMP '2026-04-30 18:00' ELSE TIMESTAMP '2026-05-10 09:00' END WHERE id IN ($1, $2)`, [v1, v2]);
    // sourcing: the customer sponsors two suppliers; one moves to multi-year only in September
    const r1 = await insertRelationship(pool, { consortiumId: c, customerId: cust, supplierId: s, sourcingMode: 'multi_year' });
    await insertRelationship(pool, { consortiumId: c, customerId: cust, supplierId: s2, sourcingMode: 'multi_year' });
    await pool.query(`UPDATE "SupplyRelationship" SET sponsored = true WHERE "customerId" = $1`, [cust]);
    await pool.query(
      `INSERT INTO "SourcingModeChange" (id, "relationshipId", "fromMode", "toMode", "effectiveOn") VALUES ($1, $3, NULL, 'annual_rebid', DATE '2020-01-01'), ($2, $3, 'annual_rebid', 'multi_year', DATE '2026-09-01')`,
      [randomUUID(), randomUUID(), r1],
    );

    const charter = randomUUID();
    await pool.query(`INSERT INTO "Charter" (id, "consortiumId", version, title, state, "publishedAt", "updatedAt") VALUES ($1, $2, 1, 'Charter', 'published', now(), now())`, [charter, c]);
    const template = async (kind: string, side: string, target: number): Promise<string> => {
      const id = randomUUID();
      await pool.query(`INSERT INTO "CommitmentTemplate" (id, "charterId", kind, side, target, description, "updatedAt") VALUES ($1, $2, $3::"CommitmentKind", $4::"CommitmentSide", $5, 'x', now())`, [id, charter, kind, side, target]);
      return id;
    };
    const commitment = async (kind: string, side: string, target: number, organisationId: string, year = 2026, extra = ''): Promise<string> => {
      const id = randomUUID();
      await pool.query(
        `INSERT INTO "Commitment" (id, "consortiumId", "organisationId", "templateId", kind, year, "startsOn", "endsOn", target, "updatedAt")
         VALUES ($1, $2, $3, $4, $5::"CommitmentKind", $6, make_date($6, 1, 1), make_date($6, 12, 31), $7, now())`,
        [id, c, organisationId, await template(kind, side, target), kind, year, target],
      );
      if (extra) await pool.query(`UPDATE "Commitment" SET ${extra} WHERE id = $1`, [id]);
      return id;
    };
    const hours = await commitment('training_hours_per_frontline_worker', 'supplier', 24, s);
    const spend = await commitment('training_spend_pct_of_payroll', 'supplier', 1.5, s);
    const onTime = await commitment('metrics_submitted_on_time', 'supplier', 90, s);
    const sponsored = await commitment('sponsored_suppliers_multi_year', 'customer', 100, cust);
    const jobs = await commitment('jobs_created', 'supplier', 2, s, 2026, `"attestedValue" = 3, "attestedAt" = now(), "verifiedAt" = now()`);
    const unverified = await commitment('jobs_created', 'any_member', 2, cust, 2026, `"attestedValue" = 3, "attestedAt" = now()`);
    const lastYear = await commitment('curricula_shared', 'any_member', 1, s2, 2025);

    const job = worker.get(EvaluateCommitmentsJob);
    const state = async () =>
      Object.fromEntries(
        (await pool.query<{ id: string; state: string; actual: string | null; expected: string | null }>(`SELECT id, state::text, actual::text, expected::text FROM "Commitment" WHERE "consortiumId" = $1`, [c])).rows.map((r) => [
          r.id,
          { state: r.state, actual: r.actual === null ? null : Number(r.actual), expected: r.expected === null ? null : Number(r.expected) },
        ]),
      );
    const count = async (sql: string): Promise<number> => Number((await pool.query<{ n: string }>(sql, [c])).rows[0]?.n);
    const messages = () => count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "consortiumId" = $1`);

    await job.run(new Date('2026-07-02T06:00:00Z'), `test-${tag}-1`, c);
    const mid = await state();
    // (4 × 8 h enrolled + 6 of the 10 bulk participants × 8 h + 5 × 4 h) / 10 workers = 10 h; pace 24 × 183/365
    expect(mid[hours]).toEqual({ state: 'at_risk', actual: 10, expected: 12.03 });
    // ($2 000 seats + 60 % of $5 000 + $1 000) / $1 000 000
    expect(mid[spend]).toEqual({ state: 'at_risk', actual: 0.6, expected: 0.75 });
    expect(mid[onTime]).toEqual({ state: 'at_risk', actual: 50, expected: 90 });
    // as of July one of the two sponsored suppliers is still on annual rebid
    expect(mid[sponsored]).toEqual({ state: 'at_risk', actual: 50, expected: 100 });
    expect(mid[jobs]).toMatchObject({ state: 'met', actual: 3 });
    expect(mid[unverified]).toMatchObject({ state: 'on_track', actual: null });
    expect(mid[lastYear]).toMatchObject({ state: 'missed', actual: 0 });
    expect(await count(`SELECT count(*) AS n FROM "CommitmentReview" WHERE "consortiumId" = $1`)).toBe(1);
    // 4 at_risk + 1 missed, each to the firm's admin and to staff
    expect(await messages()).toBe(10);
    const texts = (await pool.query<{ to: string; text: string }>(`SELECT "to", text FROM "OutboxMessage" WHERE "consortiumId" = $1`, [c])).rows;
    // the firm hears only of its own commitments
    for (const m of texts.filter((x) => x.to === `admin.customer.${tag}@example.test`)) expect(m.text).toMatch(/^Hello,\n\nYour commitment/);
    expect(texts.filter((x) => x.to === `staff.${tag}@example.test`)).toHaveLength(5);

    // again, and twice at once: nothing changed, nobody is told twice
    await job.run(new Date('2026-07-02T07:00:00Z'), `test-${tag}-2`, c);
    await Promise.all([job.run(new Date('2026-07-03T06:00:00Z'), `test-${tag}-3`, c), job.run(new Date('2026-07-03T06:00:00Z'), `test-${tag}-4`, c)]);
    expect(await messages()).toBe(10);
    expect(await count(`SELECT count(*) AS n FROM "CommitmentTransition" t JOIN "Commitment" x ON x.id = t."commitmentId" WHERE x."consortiumId" = $1`)).toBe(6);

    // the year over: what was behind is missed (told once, each with its review), concurrent runs included
    await Promise.all([job.run(new Date('2027-01-05T06:00:00Z'), `test-${tag}-5`, c), job.run(new Date('2027-01-05T06:00:00Z'), `test-${tag}-6`, c)]);
    const end = await state();
    expect([end[hours]?.state, end[spend]?.state, end[onTime]?.state, end[unverified]?.state, end[jobs]?.state]).toEqual(['missed', 'missed', 'missed', 'missed', 'met']);
    // the supplier moved to multi-year in September: as of the year's end both are
    expect(end[sponsored]).toMatchObject({ state: 'met', actual: 100 });
    expect(await count(`SELECT count(*) AS n FROM "CommitmentReview" WHERE "consortiumId" = $1`)).toBe(5);
    expect(await messages()).toBe(10 + 4 * 2);
    const notified = await count(`SELECT count(*) AS n FROM "CommitmentTransition" t JOIN "Commitment" x ON x.id = t."commitmentId" WHERE x."consortiumId" = $1 AND t."toState" IN ('at_risk', 'missed') AND t."notifiedAt" IS NULL`);
    expect(notified).toBe(0);
  });
});
