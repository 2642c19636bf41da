import { randomUUID } from 'node:crypto';
import type { MetricCategory, ScorecardThreshold, StandingRule } from '@tandem/contracts';
import { categoryOfMetric } from '@tandem/domain';

/**
 * SQL fixtures for the scorecard and reminder tests (API e2e, worker integration) and the
 * scorecards benchmark: rows straight into PostgreSQL, for the parts of the story other
 * modules own (organisations, memberships, users, metric definitions, periods, values).
 * Not used by the running worker.
 */

export interface Queryable {
  query<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export const DEFAULT_STANDINGS: StandingRule[] = [
  { standing: 'preferred', minScore: 85 },
  { standing: 'approved', minScore: 70 },
  { standing: 'development', minScore: 50 },
  { standing: 'probation', minScore: 0 },
];

export const OTD_THRESHOLDS: ScorecardThreshold[] = [
  { atLeast: 98, score: 100 },
  { atLeast: 95, score: 80 },
  { atLeast: 90, score: 50 },
  { atLeast: 0, score: 0 },
];

export const PPM_THRESHOLDS: ScorecardThreshold[] = [
  { atMost: 50, score: 100 },
  { atMost: 200, score: 70 },
  { atMost: 1000, score: 30 },
];

async function one(db: Queryable, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  const id = rows[0]?.id;
  if (!id) throw new Error(`fixture insert returned no id: ${sql}`);
  return id;
}

export async function insertConsortium(db: Queryable, slug: string): Promise<string> {
  return one(db, `INSERT INTO "Consortium" (id, name, slug, region, "updatedAt") VALUES ($1, $2, $3, 'Test region', now()) RETURNING id`, [randomUUID(), `Consortium ${slug}`, slug]);
}

export async function insertOrganisation(db: Queryable, o: { code: string; name?: string; kind: 'customer' | 'supplier' | 'union' | 'funder' }): Promise<string> {
  return one(db, `INSERT INTO "Organisation" (id, code, name, kind, "updatedAt") VALUES ($1, $2, $3, $4::"OrganisationKind", now()) RETURNING id`, [
    randomUUID(),
    o.code,
    o.name ?? `Test ${o.code}`,
    o.kind,
  ]);
}

export async function insertMembership(db: Queryable, consortiumId: string, organisationId: string, status: 'applicant' | 'active' | 'suspended' | 'exited' = 'active'): Promise<string> {
  return one(
    db,
    `INSERT INTO "Membership" (id, "consortiumId", "organisationId", tier, status, "joinedAt", "updatedAt")
     SELECT $1, $2, $3, (CASE o.kind WHEN 'customer' THEN 'anchor_customer' ELSE 'supplier' END)::"MembershipTier", $4::"MembershipStatus", DATE '2023-01-01', now()
     FROM "Organisation" o WHERE o.id = $3 RETURNING id`,
    [randomUUID(), consortiumId, organisationId, status],
  );
}

/** A user who signs in with the demo password (the hash is copied from a demo account). */
export async function insertUser(db: Queryable, u: { email: string; role: string; consortiumId: string; organisationId: string | null; status?: 'active' | 'disabled' }): Promise<string> {
  const id = await one(
    db,
    `INSERT INTO "User" (id, email, name, "passwordHash", status, "updatedAt")
     VALUES ($1, $2, $3, (SELECT "passwordHash" FROM "User" WHERE "passwordHash" IS NOT NULL ORDER BY "createdAt" LIMIT 1), $4::"UserStatus", now()) RETURNING id`,
    [randomUUID(), u.email, `User ${u.email}`, u.status ?? 'active'],
  );
  await db.query(`INSERT INTO "RoleAssignment" (id, "userId", role, "consortiumId", "organisationId", "updatedAt") VALUES ($1, $2, $3::"Role", $4, $5, now())`, [
    randomUUID(),
    id,
    u.role,
    u.consortiumId,
    u.organisationId,
  ]);
  return id;
}

/** A metric definition; its sharing category is the standard catalogue's for its code unless given. */
export async function insertMetric(
  db: Queryable,
  m: {
    consortiumId: string;
    code: string;
    direction: 'higher' | 'lower';
    frequency?: 'monthly' | 'quarterly';
    reporters?: ('supplier' | 'customer' | 'derived')[];
    enabled?: boolean;
    category?: MetricCategory | null;
  },
): Promise<string> {
  return one(
    db,
    `INSERT INTO "MetricDefinition" (id, "consortiumId", code, name, unit, direction, frequency, reporters, enabled, category, "updatedAt")
     VALUES ($1, $2, $3, $3, 'unit', $4::"MetricDirection", $5::"MetricFrequency", $6::"MetricReporter"[], $7, $8::"MetricCategory", now()) RETURNING id`,
    [randomUUID(), m.consortiumId, m.code, m.direction, m.frequency ?? 'quarterly', m.reporters ?? ['supplier', 'customer'], m.enabled ?? true, m.category === undefined ? categoryOfMetric(m.code) : m.category],
  );
}

export async function insertPeriod(
  db: Queryable,
  p: { consortiumId: string; code: string; startsOn: string; endsOn: string; dueOn: string; kind?: 'month' | 'quarter'; state?: 'open' | 'closed' | 'published' },
): Promise<string> {
  return one(
    db,
    `INSERT INTO "Period" (id, "consortiumId", code, kind, "startsOn", "endsOn", "dueOn", state, "updatedAt")
     VALUES ($1, $2, $3, $4::"PeriodKind", $5::date, $6::date, $7::date, $8::"PeriodState", now()) RETURNING id`,
    [randomUUID(), p.consortiumId, p.code, p.kind ?? 'quarter', p.startsOn, p.endsOn, p.dueOn, p.state ?? 'open'],
  );
}

export async function insertValue(
  db: Queryable,
  v: { consortiumId: string; organisationId: string; metricId: string; periodId: string; customerId?: string | null; value: number; status?: 'draft' | 'submitted' | 'validated' | 'rejected' },
): Promise<string> {
  return one(
    db,
    `INSERT INTO "MetricValue" (id, "consortiumId", "organisationId", "metricId", "periodId", "customerId", "subjectKey", value, source, status, "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6::uuid, COALESCE($6::uuid::text, 'self'), $7, 'form', $8::"MetricValueStatus", now()) RETURNING id`,
    [randomUUID(), v.consortiumId, v.organisationId, v.metricId, v.periodId, v.customerId ?? null, v.value, v.status ?? 'validated'],
  );
}

export async function insertRelationship(db: Queryable, r: { consortiumId: string; customerId: string; supplierId: string; sourcingMode?: string }): Promise<string> {
  return one(
    db,
    `INSERT INTO "SupplyRelationship" (id, "consortiumId", "customerId", "supplierId", since, commodity, "spendBand", "sourcingMode", "updatedAt")
     VALUES ($1, $2, $3, $4, DATE '2020-01-01', 'castings', '1-5M USD', $5::"SourcingMode", now()) RETURNING id`,
    [randomUUID(), r.consortiumId, r.customerId, r.supplierId, r.sourcingMode ?? 'multi_year'],
  );
}

export interface TemplateFixture {
  consortiumId: string;
  customerId: string | null;
  name?: string;
  active?: boolean;
  standings?: StandingRule[];
  criteria: { metricId: string; weight: number; thresholds: ScorecardThreshold[] }[];
}

export async function insertTemplate(db: Queryable, t: TemplateFixture): Promise<{ id: string; criterionIds: string[] }> {
  const id = await one(
    db,
    `INSERT INTO "ScorecardTemplate" (id, "consortiumId", "customerId", name, standings, active, "updatedAt") VALUES ($1, $2, $3, $4, $5::jsonb, $6, now()) RETURNING id`,
    [randomUUID(), t.consortiumId, t.customerId, t.name ?? 'Test template', JSON.stringify(t.standings ?? DEFAULT_STANDINGS), t.active ?? true],
  );
  const criterionIds: string[] = [];
  for (const c of t.criteria) {
    criterionIds.push(
      await one(db, `INSERT INTO "ScorecardCriterion" (id, "templateId", "metricId", weight, thresholds) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`, [
        randomUUID(),
        id,
        c.metricId,
        c.weight,
        JSON.stringify(c.thresholds),
      ]),
    );
  }
  return { id, criterionIds };
}
