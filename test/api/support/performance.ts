import type { Pool } from 'pg';
import type { MetricDefinition, MetricValue, Period } from '@tandem/contracts';
import { call, type Call, type TestApi } from './api';
import { invite } from './fixtures';

/**
 * Helpers of the supplier-performance tests (metric definitions, periods, values). The
 * database is shared by every test file of a run, so each file takes a reporting year of
 * its own and codes that are unique per run.
 */

/** Make sure a consortium has the standard catalogue, whether or not the demo seed put it there. */
export async function ensureCatalogue(api: TestApi, consortiumId: string): Promise<void> {
  const { seedCatalogue } = await import('../../../apps/api/src/metric-definitions/seed-catalogue');
  const { PrismaService } = await import('../../../libs/server/src/database/prisma.service');
  const prisma = api.app.get(PrismaService, { strict: false });
  await seedCatalogue(prisma.system, consortiumId);
}

/** A calendar year no other test file of this run has periods in (for both demo consortia). */
export async function freeYear(pool: Pool): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const year = 2100 + Math.floor(Math.random() * 850);
    // Claim the year with a marker row no one else can take: a period code unique per consortium.
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM "Period" WHERE code LIKE $1`, [`${year}-%`]);
    if (rows[0]?.n === '0') return year;
  }
  throw new Error('no free year found');
}

export async function metricIds(pool: Pool, consortiumId: string): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ id: string; code: string }>(`SELECT id, code FROM "MetricDefinition" WHERE "consortiumId" = $1`, [consortiumId]);
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

export async function generateQuarters(api: TestApi, token: string, year: number, consortiumId?: string): Promise<Record<string, Period>> {
  const res = await call(api, 'POST', '/api/periods/generate', { token, body: { year, kind: 'quarter', dueDays: 30, ...(consortiumId ? { consortiumId } : {}) } });
  if (res.status !== 201) throw new Error(`generate ${year} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const created = (res.body as { created: Period[] }).created;
  return Object.fromEntries(created.map((p) => [p.code.slice(5), p]));
}

/** A supply relationship, written directly: the relationships module is not under test here. */
export async function relate(pool: Pool, consortiumId: string, customerId: string, supplierId: string): Promise<void> {
  await pool.query(
    `INSERT INTO "SupplyRelationship" (id, "consortiumId", "customerId", "supplierId", since, commodity, "spendBand", "sourcingMode", sponsored, "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, DATE '2024-01-01', 'castings', '1-5M', 'multi_year', false, now(), now())
     ON CONFLICT ("consortiumId", "customerId", "supplierId") DO NOTHING`,
    [consortiumId, customerId, supplierId],
  );
}

/** A fresh person with one role, invited by staff and signed in by accepting. */
export async function freshSession(api: TestApi, staffToken: string, body: { role: string; organisationId?: string }): Promise<{ token: string; userId: string }> {
  const person = await invite(api, staffToken, body);
  return { token: person.pair.accessToken, userId: person.id };
}

export async function report(api: TestApi, token: string, body: Record<string, unknown>): Promise<MetricValue> {
  const res = await call(api, 'POST', '/api/metric-values', { token, body });
  if (res.status !== 201) throw new Error(`reporting ${JSON.stringify(body)} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MetricValue;
}

export async function ok<T>(res: Promise<Call> | Call, status = 200): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

export async function definitions(api: TestApi, token: string, consortiumId?: string): Promise<MetricDefinition[]> {
  const filter = consortiumId ? `&filter=${encodeURIComponent(JSON.stringify({ consortiumId }))}` : '';
  return ok<MetricDefinition[]>(call(api, 'GET', `/api/metric-definitions?range=${encodeURIComponent('[0,499]')}${filter}`, { token }));
}
