import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Training records written straight to the database, so that a test of a route starts from
 * a known record whatever the API allows the principal under test.
 */
const hex = () => randomBytes(4).toString('hex');

async function one(pool: Pool, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`no row from ${sql}`);
  return rows[0].id;
}

export function curriculumRow(pool: Pool, consortiumId: string, ownerId: string, opts: { shared?: boolean; title?: string; socCodes?: string[] } = {}): Promise<string> {
  return one(
    pool,
    `INSERT INTO "Curriculum" (id, "consortiumId", "ownerOrganisationId", title, "skillArea", hours, level, shared, "socCodes", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'lean', 16, 'introductory', $4, $5, now()) RETURNING id`,
    [consortiumId, ownerId, opts.title ?? `Test curriculum ${hex()}`, opts.shared ?? false, opts.socCodes ?? []],
  );
}

export function grantRow(pool: Pool, consortiumId: string, funderId: string): Promise<string> {
  return one(
    pool,
    `INSERT INTO "Grant" (id, "consortiumId", "funderOrganisationId", name, amount, "startsOn", "endsOn", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 100000, DATE '2026-01-01', DATE '2027-12-31', now()) RETURNING id`,
    [consortiumId, funderId, `Test grant ${hex()}`],
  );
}

export async function sessionRow(pool: Pool, consortiumId: string, providerId: string, opts: { curriculumId?: string; capacity?: number; hours?: number } = {}): Promise<string> {
  const curriculumId = opts.curriculumId ?? (await curriculumRow(pool, consortiumId, providerId, { shared: true }));
  return one(
    pool,
    `INSERT INTO "CourseSession" (id, "consortiumId", "curriculumId", "providerOrganisationId", "startsOn", "endsOn", hours, location, capacity, "costPerSeat", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, DATE '2026-11-02', DATE '2026-11-04', $4, 'Room 114', $5, 450, now()) RETURNING id`,
    [consortiumId, curriculumId, providerId, opts.hours ?? 16, opts.capacity ?? 12],
  );
}

export async function traineeRow(pool: Pool, consortiumId: string, employerId: string): Promise<string> {
  const id = await one(
    pool,
    `INSERT INTO "Trainee" (id, "consortiumId", "employerOrganisationId", "firstName", "lastName", "socCode", "hireDate", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'Test', $3, '51-4041', DATE '2022-03-01', now()) RETURNING id`,
    [consortiumId, employerId, `Worker ${hex()}`],
  );
  await pool.query(`INSERT INTO "TraineeEmployment" (id, "traineeId", "organisationId", "startsOn") VALUES (gen_random_uuid(), $1, $2, DATE '2022-03-01')`, [id, employerId]);
  return id;
}

export interface EnrolmentOpts {
  status?: 'enrolled' | 'attended' | 'completed' | 'withdrawn';
  credential?: string | null;
  hoursAttended?: number;
}

export async function enrolmentRow(pool: Pool, consortiumId: string, sessionId: string, traineeId: string, employerId: string, opts: EnrolmentOpts = {}): Promise<string> {
  return one(
    pool,
    `INSERT INTO "Enrolment" (id, "consortiumId", "sessionId", "traineeId", "organisationId", status, "hoursAttended", credential, "completedAt", "withdrawnAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::"EnrolmentStatus", $6, $7,
             CASE WHEN $5 = 'completed' THEN DATE '2026-11-04' END, CASE WHEN $5 = 'withdrawn' THEN DATE '2026-11-02' END, now()) RETURNING id`,
    [consortiumId, sessionId, traineeId, employerId, opts.status ?? 'enrolled', opts.hoursAttended ?? (opts.status === 'completed' ? 16 : 0), opts.credential ?? null],
  );
}

export function activityRow(pool: Pool, consortiumId: string, organisationId: string): Promise<string> {
  return one(
    pool,
    `INSERT INTO "TrainingActivity" (id, "consortiumId", "organisationId", "occurredOn", "skillArea", participants, "hoursPerParticipant", cost, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, DATE '2026-05-04', 'safety', 10, 4, 800, now()) RETURNING id`,
    [consortiumId, organisationId],
  );
}

/**
 * A year of no real calendar (the API accepts 1990–2100), so rows written here never collide
 * with the seed's or the API's; picked among the years the firm has no figures for (files
 * share CI's database, and a counter per file collided with another file's).
 */
export function workforceYearRow(pool: Pool, consortiumId: string, organisationId: string): Promise<string> {
  return one(
    pool,
    `INSERT INTO "WorkforceYear" (id, "consortiumId", "organisationId", year, "frontlineHeadcount", payroll, "updatedAt")
     SELECT gen_random_uuid(), $1, $2, y, 120, 6000000, now()
       FROM generate_series(3000, 6000) y
      WHERE NOT EXISTS (SELECT 1 FROM "WorkforceYear" w WHERE w."consortiumId" = $1 AND w."organisationId" = $2 AND w.year = y)
      ORDER BY random() LIMIT 1
     RETURNING id`,
    [consortiumId, organisationId],
  );
}

export function wageStepRow(pool: Pool, consortiumId: string, organisationId: string, credential = `Credential ${hex()}`, increase = 1.5): Promise<string> {
  return one(
    pool,
    `INSERT INTO "WageStep" (id, "consortiumId", "organisationId", credential, title, "hourlyIncrease", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'Step', $4, now()) RETURNING id`,
    [consortiumId, organisationId, credential, increase],
  );
}

/** An organisation registered by a consortium (a provider or funder of its own for a test). */
export function organisationRow(pool: Pool, consortiumId: string, kind: string): Promise<string> {
  const code = `t-${kind.replace('_', '-')}-${hex()}`;
  return one(
    pool,
    `INSERT INTO "Organisation" (id, code, name, kind, "registeredByConsortiumId", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3::"OrganisationKind", $4, now()) RETURNING id`,
    [code, `Test ${code}`, kind, consortiumId],
  );
}

export async function orgByCode(pool: Pool, code: string): Promise<string> {
  return one(pool, `SELECT id FROM "Organisation" WHERE code = $1`, [code]);
}

export async function organisationOfAccount(pool: Pool, email: string): Promise<string> {
  return one(pool, `SELECT ra."organisationId" AS id FROM "RoleAssignment" ra JOIN "User" u ON u.id = ra."userId" WHERE u.email = $1 ORDER BY ra."createdAt" LIMIT 1`, [email]);
}

/**
 * The first of `count` consecutive years (within the 1990–2100 a workforce year may take) that
 * no firm has workforce figures for, picked at random among such runs: files that record
 * workforce years share CI's database, and a year one of them took is refused to the next.
 */
export async function freeWorkforceYears(pool: Pool, count: number): Promise<number> {
  const { rows } = await pool.query<{ y: number }>(
    `SELECT y FROM generate_series(1990, 2100 - $1::int + 1) y
      WHERE NOT EXISTS (SELECT 1 FROM "WorkforceYear" w WHERE w.year BETWEEN y AND y + $1::int - 1)
      ORDER BY random() LIMIT 1`,
    [count],
  );
  if (!rows[0]) throw new Error(`no ${count} consecutive years free of workforce figures`);
  return rows[0].y;
}
