process.env.LOG_LEVEL ??= 'silent';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createWorker } from '../bootstrap';
import { insertConsortium, insertMembership, insertMetric, insertOrganisation, insertPeriod } from '../../../../test/support/sql-fixtures';
import { DeriveTrainingMetricsJob } from './derive-training-metrics.job';

/**
 * The derived training metrics against a real database, hand-computed: Q1 2026 (90 days of
 * 365) of a firm with 10 frontline workers and $1 000 000 payroll in 2026. A session of 8 h
 * at $500 a seat: 4 frontline enrolments (one more withdrawn), and the same session logged in
 * bulk with 10 participants (80 h, $5 000: 6 uncovered → 48 h, $3 000); a bulk activity of
 * 5 × 4 h, $1 000; and a non-frontline activity of 2 × 10 h, $800 (spend only).
 * TRAIN_HRS = (32 + 48 + 20) / 10 = 10; TRAIN_SPEND = (2 000 + 3 000 + 1 000 + 800) /
 * (1 000 000 × 90/365) × 100 = 6 800 / 246 575.342466 × 100 = 2.757778 (stored to 6 decimals, as every ratio).
 */
describe('derived training metrics', () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
  let worker: INestApplicationContext;

  beforeAll(async () => {
    worker = await createWorker();
  });
  afterAll(async () => {
    await worker.close();
    await pool.end();
  });

  it('computes them per member and period from the records, writes validated values audited as the platform, and a rerun writes nothing', async () => {
    const tag = randomBytes(4).toString('hex');
    const c = await insertConsortium(pool, `tf-${tag}`);
    const s = await insertOrganisation(pool, { code: `tf-s-${tag}`, name: `Firm ${tag}`, kind: 'supplier' });
    const bare = await insertOrganisation(pool, { code: `tf-b-${tag}`, name: `No workforce ${tag}`, kind: 'supplier' });
    await insertMembership(pool, c, s);
    await insertMembership(pool, c, bare);
    await insertMetric(pool, { consortiumId: c, code: 'TRAIN_HRS', direction: 'higher', frequency: 'quarterly', reporters: ['derived'] });
    await insertMetric(pool, { consortiumId: c, code: 'TRAIN_SPEND', direction: 'higher', frequency: 'quarterly', reporters: ['derived'] });
    const q1 = await insertPeriod(pool, { consortiumId: c, code: `2026-Q1`, startsOn: '2026-01-01', endsOn: '2026-03-31', dueOn: '2026-04-30', state: 'closed' });
    const q2 = await insertPeriod(pool, { consortiumId: c, code: `2026-Q2`, startsOn: '2026-04-01', endsOn: '2026-06-30', dueOn: '2026-07-31' });
    await pool.query(`INSERT INTO "WorkforceYear" (id, "consortiumId", "organisationId", year, "frontlineHeadcount", payroll, "updatedAt") VALUES ($1, $2, $3, 2026, 10, 1000000, now())`, [randomUUID(), c, s]);
    const curriculum = randomUUID();
    await pool.query(`INSERT INTO "Curriculum" (id, "consortiumId", "ownerOrganisationId", title, "skillArea", hours, level, shared, "updatedAt") VALUES ($1, $2, $3, 'Setup', 'lean', 8, 'introductory', true, now())`, [curriculum, c, s]);
    const session = randomUUID();
    await pool.query(
      `INSERT INTO "CourseSession" (id, "consortiumId", "curriculumId", "providerOrganisationId", "startsOn", "endsOn", hours, location, capacity, "costPerSeat", "updatedAt")
       VALUES ($1, $2, $3, $4, DATE '2026-02-01', DATE '2026-02-02', 8, 'Plant', 20, 500, now())`,
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
    const activity = (on: string, sessionId: string | null, participants: number, hours: number, cost: number, frontline: boolean) =>
      pool.query(
        `INSERT INTO "TrainingActivity" (id, "consortiumId", "organisationId", "occurredOn", "sessionId", "skillArea", participants, "hoursPerParticipant", cost, frontline, "updatedAt")
         VALUES ($1, $2, $3, $4::date, $5, 'lean', $6, $7, $8, $9, now())`,
        [randomUUID(), c, s, on, sessionId, participants, hours, cost, frontline],
      );
    await activity('2026-02-01', session, 10, 8, 5000, true);
    await activity('2026-03-10', null, 5, 4, 1000, true);
    await activity('2026-03-20', null, 2, 10, 800, false);

    const job = worker.get(DeriveTrainingMetricsJob);
    const values = async () =>
      (
        await pool.query<{ metric: string; period: string; org: string; value: string; numerator: string; denominator: string; source: string; status: string; revision: number }>(
          `SELECT m.code AS metric, p.code AS period, v."organisationId" AS org, v.value::text, v.numerator::text, v.denominator::text, v.source::text, v.status::text, v.revision
             FROM "MetricValue" v JOIN "MetricDefinition" m ON m.id = v."metricId" JOIN "Period" p ON p.id = v."periodId"
            WHERE v."consortiumId" = $1 ORDER BY m.code, p.code`,
          [c],
        )
      ).rows;
    const count = async (sql: string) => Number((await pool.query<{ n: string }>(sql, [c])).rows[0]?.n);

    expect(await job.run({ consortiumId: c, periodId: null }, new Date('2026-05-15T00:00:00Z'))).toEqual({ computed: 4, changed: 4 });
    const first = await values();
    expect(first.map((v) => [v.metric, v.period, v.org === s, Number(v.value), Number(v.numerator), Number(v.denominator), v.source, v.status, v.revision])).toEqual([
      ['TRAIN_HRS', '2026-Q1', true, 10, 100, 10, 'derived', 'validated', 1],
      ['TRAIN_HRS', '2026-Q2', true, 0, 0, 10, 'derived', 'validated', 1],
      ['TRAIN_SPEND', '2026-Q1', true, 2.757778, 6800, 246575.342466, 'derived', 'validated', 1],
      ['TRAIN_SPEND', '2026-Q2', true, 0, 0, 249315.068493, 'derived', 'validated', 1],
    ]);
    // one audit per value, the platform its actor; one revision each
    expect(await count(`SELECT count(*) AS n FROM "AuditEvent" WHERE "consortiumId" = $1 AND action = 'metric-value.derived' AND "actorUserId" IS NULL AND "actorApiKeyId" IS NULL`)).toBe(4);
    expect(await count(`SELECT count(*) AS n FROM "MetricValueRevision" r JOIN "MetricValue" v ON v.id = r."metricValueId" WHERE v."consortiumId" = $1`)).toBe(4);

    // twice, and twice at once: identical rows, nothing written
    await job.run({ consortiumId: c, periodId: null }, new Date('2026-05-15T00:00:00Z'));
    await Promise.all([job.run({ consortiumId: c, periodId: null }, new Date('2026-05-15T00:00:00Z')), job.run({ consortiumId: c, periodId: q1 }, new Date('2026-05-15T00:00:00Z'))]);
    expect(await values()).toEqual(first);
    expect(await count(`SELECT count(*) AS n FROM "AuditEvent" WHERE "consortiumId" = $1 AND action = 'metric-value.derived'`)).toBe(4);

    // a record changes: only the period it falls in gets a new revision
    await activity('2026-05-01', null, 10, 2, 500, true);
    expect(await job.run({ consortiumId: c, periodId: q2 }, new Date('2026-05-15T00:00:00Z'))).toEqual({ computed: 2, changed: 2 });
    const after = await values();
    expect(after.filter((v) => v.period === '2026-Q2').map((v) => [v.metric, Number(v.value), v.revision])).toEqual([
      ['TRAIN_HRS', 2, 2],
      ['TRAIN_SPEND', 0.200549, 2],
    ]);
    expect(after.filter((v) => v.period === '2026-Q1')).toEqual(first.filter((v) => v.period === '2026-Q1'));
  });
});
