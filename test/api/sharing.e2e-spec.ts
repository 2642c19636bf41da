process.env.LOG_LEVEL ??= 'silent';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { MetricCategory, MetricDefinition, MetricValue, Period, Scorecard, SharingSetting, StandingHistoryEntry } from '@tandem/contracts';
import { insertUser } from '../support/sql-fixtures';
import { call, q, startApi, type TestApi } from './support/api';
import { dbPool, EMAIL, errorPaths, expectProblem, expectStatus, loadDemo, session, uniq, type Demo } from './support/fixtures';
import { freeYear, generateQuarters, ok } from './support/performance';

jest.setTimeout(60_000);

/**
 * Firm-controlled sharing (benchmarks.md rule 8) on the demo data: Menomonee Gray Iron sells
 * to Northstar Engines (the demo buyer) and to Pike Creek Compressor. Menomonee, not Acme, so
 * that test files changing Acme's setting towards Northstar cannot interfere.
 */
describe('what a supplier shares with each customer, per metric category', () => {
  let api: TestApi;
  let pool: Pool;
  let demo: Demo;
  const tag = uniq('share');
  const email = { supplierAdmin: `menomonee.${tag}@example.test`, otherBuyer: `pike.${tag}@example.test` };
  const org = {} as Record<'supplier' | 'otherCustomer', string>;
  const token = {} as Record<'staff' | 'buyer' | 'supplierAdmin' | 'otherBuyer', string>;
  let categoryOf: Map<string, MetricCategory | null>;
  let relationshipId: string;
  let period: Period;
  let card: string;

  async function buyerValues(who: string): Promise<{ rows: MetricValue[]; total: number }> {
    const res = await call(api, 'GET', `/api/metric-values${q({ filter: { organisationId: org.supplier }, range: [0, 499] })}`, { token: who });
    expectStatus(res, 200);
    const rows = res.body as MetricValue[];
    const unknown = rows.map((v) => v.metricId).filter((id) => !categoryOf.has(id));
    if (unknown.length) {
      const { rows: found } = await pool.query<{ id: string; category: MetricCategory | null }>(`SELECT id, category FROM "MetricDefinition" WHERE id = ANY($1::uuid[])`, [unknown]);
      for (const m of found) categoryOf.set(m.id, m.category);
    }
    return { rows, total: Number(res.headers.get('content-range')?.split('/')[1]) };
  }

  /** Categories of the supplier's own (self-reported) values in a list. */
  const selfCategories = (rows: MetricValue[]) => [...new Set(rows.filter((v) => v.customerId === null).map((v) => categoryOf.get(v.metricId)))].sort();

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    demo = await loadDemo(pool);
    const orgId = async (code: string) => (await pool.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = $1`, [code])).rows[0]?.id as string;
    org.supplier = await orgId('menomonee-gray-iron');
    org.otherCustomer = await orgId('pike-creek-compressor');
    await insertUser(pool, { email: email.supplierAdmin, role: 'firm_admin', consortiumId: demo.consortium.glmp, organisationId: org.supplier });
    await insertUser(pool, { email: email.otherBuyer, role: 'customer_buyer', consortiumId: demo.consortium.glmp, organisationId: org.otherCustomer });
    token.staff = await session(api, EMAIL.staff);
    token.buyer = await session(api, EMAIL.buyer);
    token.supplierAdmin = await session(api, email.supplierAdmin);
    token.otherBuyer = await session(api, email.otherBuyer);
    // from the table: other test files add metrics to glmp as they run (more than a page of them)
    const metrics = (await pool.query<{ id: string; code: string; category: MetricCategory | null }>(`SELECT id, code, category FROM "MetricDefinition" WHERE "consortiumId" = $1`, [demo.consortium.glmp])).rows;
    categoryOf = new Map(metrics.map((m) => [m.id, m.category]));

    // A scorecard of the relationship whose PPM comes from Menomonee's own report (in the
    // demo, Northstar's template is scored from Northstar's own OTD and PPM reports).
    const rel = await pool.query<{ id: string }>(`SELECT id FROM "SupplyRelationship" WHERE "supplierId" = $1 AND "customerId" = $2`, [org.supplier, demo.org.northstar]);
    relationshipId = rel.rows[0]?.id as string;
    const template = await pool.query<{ id: string }>(`SELECT id FROM "ScorecardTemplate" WHERE "customerId" = $1 AND active ORDER BY "createdAt" DESC LIMIT 1`, [demo.org.northstar]);
    const year = await freeYear(pool);
    period = (await generateQuarters(api, token.staff, year)).Q1 as Period;
    const id = (code: string) => metrics.find((m) => m.code === code)?.id;
    const details = [
      { criterionId: randomUUID(), metricId: id('LEAD_TIME'), metricCode: 'LEAD_TIME', weight: 20, value: 9, score: 100, source: 'self' },
      { criterionId: randomUUID(), metricId: id('OTD'), metricCode: 'OTD', weight: 40, value: 97.1, score: 80, source: 'customer' },
      { criterionId: randomUUID(), metricId: id('PPM'), metricCode: 'PPM', weight: 40, value: 412, score: 50, source: 'self' },
    ];
    card = randomUUID();
    await pool.query(
      `INSERT INTO "Scorecard" (id, "consortiumId", "relationshipId", "periodId", "templateId", "supplierId", "customerId", score, standing, coverage, provisional, details, "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, 72, 'approved', 1, false, $8::jsonb, now())`,
      [card, demo.consortium.glmp, relationshipId, period.id, template.rows[0]?.id, org.supplier, demo.org.northstar, JSON.stringify(details)],
    );
  });

  afterAll(async () => {
    await pool?.query(`DELETE FROM "Scorecard" WHERE id = $1`, [card]);
    await pool?.query(`DELETE FROM "SharingSetting" WHERE "supplierId" = $1`, [org.supplier]);
    await api?.close();
    await pool?.end();
  });

  it('gives every standard metric its category, and lets staff categorise their own metrics (a metric without one is shared with nobody)', async () => {
    const standard = await ok<MetricDefinition[]>(call(api, 'GET', `/api/metric-definitions${q({ filter: { standard: true }, range: [0, 99] })}`, { token: token.staff }));
    const byCode = Object.fromEntries(standard.map((m) => [m.code, m.category]));
    expect([byCode.OTD, byCode.PPM, byCode.COST_INDEX, byCode.OEE, byCode.TRIR, byCode.TRAIN_HRS]).toEqual(['delivery', 'quality', 'cost', 'productivity', 'safety', 'workforce']);
    expect(standard.filter((m) => m.category === null)).toEqual([]);
    const otd = standard.find((m) => m.code === 'OTD') as MetricDefinition;
    expect(errorPaths(expectProblem(await call(api, 'PATCH', `/api/metric-definitions/${otd.id}`, { token: token.staff, body: { category: 'cost' } }), 400))).toEqual(['category']);

    const body = { code: `SH_${tag.replace(/[^a-z0-9]/gi, '').toUpperCase()}`.slice(0, 32), name: 'Sharing test metric', unit: 'x', direction: 'higher', frequency: 'quarterly', reporters: ['supplier'] };
    expect(errorPaths(expectProblem(await call(api, 'POST', '/api/metric-definitions', { token: token.staff, body: { ...body, category: 'gossip' } }), 400))).toEqual(['category']);
    const own = await ok<MetricDefinition>(call(api, 'POST', '/api/metric-definitions', { token: token.staff, body }), 201);
    expect(own.category).toBeNull();
    const value = await ok<MetricValue>(call(api, 'POST', '/api/metric-values', { token: token.supplierAdmin, body: { metricId: own.id, periodId: period.id, value: 5, submit: true } }), 201);
    expectProblem(await call(api, 'GET', `/api/metric-values/${value.id}`, { token: token.buyer }), 404);
    expect((await ok<MetricDefinition>(call(api, 'PATCH', `/api/metric-definitions/${own.id}`, { token: token.staff, body: { category: 'delivery' } }))).category).toBe('delivery');
    expectStatus(await call(api, 'GET', `/api/metric-values/${value.id}`, { token: token.buyer }), 200);
    categoryOf.set(own.id, 'delivery');
  });

  it('by default a buyer reads its supplier’s delivery and quality values, its own reports, and nothing else of the firm', async () => {
    const { rows, total } = await buyerValues(token.buyer);
    expect(total).toBe(rows.length);
    expect(selfCategories(rows)).toEqual(['delivery', 'quality']);
    expect(rows.some((v) => v.customerId === demo.org.northstar)).toBe(true);
    // the firm has cost, productivity and safety values the buyer does not read
    const all = await buyerValues(token.staff);
    expect(selfCategories(all.rows)).toEqual(expect.arrayContaining(['cost', 'productivity', 'safety']));
  });

  it('the supplier stops sharing quality: the buyer’s list, count, get by id, revisions and scorecard lose it at once; its own reports stay; another customer is unaffected', async () => {
    const before = await buyerValues(token.buyer);
    const quality = before.rows.find((v) => v.customerId === null && categoryOf.get(v.metricId) === 'quality') as MetricValue;
    const ownQuality = before.rows.filter((v) => v.customerId === demo.org.northstar && categoryOf.get(v.metricId) === 'quality');
    expect(ownQuality.length).toBeGreaterThan(0);
    expectStatus(await call(api, 'GET', `/api/metric-values/${quality.id}`, { token: token.buyer }), 200);
    expectStatus(await call(api, 'GET', `/api/metric-values/${quality.id}/revisions`, { token: token.buyer }), 200);
    const shownBefore = await ok<Scorecard>(call(api, 'GET', `/api/scorecards/${card}`, { token: token.buyer }));
    expect([shownBefore.score, shownBefore.standing, shownBefore.withheld]).toEqual([72, 'approved', null]);

    const setting = await ok<SharingSetting>(call(api, 'POST', '/api/sharing-settings', { token: token.supplierAdmin, body: { customerId: demo.org.northstar, categories: ['delivery'] } }), 201);

    const after = await buyerValues(token.buyer);
    expect(selfCategories(after.rows)).toEqual(['delivery']);
    expect(after.total).toBe(after.rows.length);
    expect(after.total).toBe(before.total - before.rows.filter((v) => v.customerId === null && categoryOf.get(v.metricId) === 'quality').length);
    expect(after.rows.filter((v) => v.customerId === demo.org.northstar && categoryOf.get(v.metricId) === 'quality').map((v) => v.id)).toEqual(ownQuality.map((v) => v.id));
    expectProblem(await call(api, 'GET', `/api/metric-values/${quality.id}`, { token: token.buyer }), 404);
    expectProblem(await call(api, 'GET', `/api/metric-values/${quality.id}/revisions`, { token: token.buyer }), 404);
    const byMetric = await call(api, 'GET', `/api/metric-values${q({ filter: { organisationId: org.supplier, metricId: quality.metricId, customerReported: false } })}`, { token: token.buyer });
    expect([byMetric.body, byMetric.headers.get('content-range')?.split('/')[1]]).toEqual([[], '0']);

    // the scorecard: PPM from the firm's own report is withheld, and every overall figure with it
    const shown = await ok<Scorecard>(call(api, 'GET', `/api/scorecards/${card}`, { token: token.buyer }));
    expect(shown.details.map((d) => [d.metricCode, d.value, d.source, d.withheld ?? false])).toEqual([
      ['LEAD_TIME', 9, 'self', false],
      ['OTD', 97.1, 'customer', false],
      ['PPM', null, null, true],
    ]);
    expect([shown.score, shown.standing, shown.coverage, shown.provisional]).toEqual([null, null, null, null]);
    expect(shown.withheld).toContain('quality');
    const listed = await ok<Scorecard[]>(call(api, 'GET', `/api/scorecards${q({ filter: { relationshipId, periodId: period.id } })}`, { token: token.buyer }));
    expect(listed).toEqual([shown]);
    expectProblem(await call(api, 'GET', `/api/scorecards${q({ filter: { relationshipId }, sort: ['score', 'DESC'] })}`, { token: token.buyer }), 400);
    expectProblem(await call(api, 'GET', `/api/scorecards${q({ filter: { standing: 'approved' } })}`, { token: token.buyer }), 400);
    const history = await ok<StandingHistoryEntry[]>(call(api, 'GET', `/api/supply-relationships/${relationshipId}/standing-history`, { token: token.buyer }));
    expect(history.map((h) => h.scorecardId)).not.toContain(card);
    expect(history.length).toBeGreaterThan(0); // the demo's cards are scored from Northstar's own reports and LEAD_TIME
    // the supplier and staff see the scorecard whole
    for (const who of [token.supplierAdmin, token.staff]) {
      const whole = await ok<Scorecard>(call(api, 'GET', `/api/scorecards/${card}`, { token: who }));
      expect([whole.score, whole.withheld, whole.details.map((d) => d.value)]).toEqual([72, null, [9, 97.1, 412]]);
    }
    const staffHistory = await ok<StandingHistoryEntry[]>(call(api, 'GET', `/api/supply-relationships/${relationshipId}/standing-history`, { token: token.staff }));
    expect(staffHistory.map((h) => h.scorecardId)).toContain(card);

    // Pike Creek, another customer of the same supplier, still reads the default
    const other = await buyerValues(token.otherBuyer);
    expect(selfCategories(other.rows)).toEqual(['delivery', 'quality']);
    expectStatus(await call(api, 'GET', `/api/metric-values/${quality.id}`, { token: token.otherBuyer }), 200);

    // sharing cost shows the cost values, at once
    await ok<SharingSetting>(call(api, 'PUT', `/api/sharing-settings/${setting.id}`, { token: token.supplierAdmin, body: { categories: ['delivery', 'cost'] } }));
    expect(selfCategories((await buyerValues(token.buyer)).rows)).toEqual(['cost', 'delivery']);

    // nothing shared: only the buyer's own reports remain
    await ok<SharingSetting>(call(api, 'PUT', `/api/sharing-settings/${setting.id}`, { token: token.supplierAdmin, body: { categories: [] } }));
    const none = await buyerValues(token.buyer);
    expect(none.rows.length).toBeGreaterThan(0);
    expect(none.rows.every((v) => v.customerId === demo.org.northstar)).toBe(true);

    // deleting the setting is the default again
    await ok<SharingSetting>(call(api, 'DELETE', `/api/sharing-settings/${setting.id}`, { token: token.supplierAdmin }));
    expect(selfCategories((await buyerValues(token.buyer)).rows)).toEqual(['delivery', 'quality']);
    expectStatus(await call(api, 'GET', `/api/metric-values/${quality.id}`, { token: token.buyer }), 200);
  });
});
