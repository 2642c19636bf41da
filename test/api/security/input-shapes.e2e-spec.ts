import type { Pool } from 'pg';
import { call, q, startApi, type TestApi } from '../support/api';
import { createMember, createOrganisation, dbPool, EMAIL, errorPaths, expectProblem, loadDemo, session, uniq, type Demo } from '../support/fixtures';
import { SideEffectWatch } from '../support/side-effects';

/**
 * As reported by an outside attack: an outside fuzzer got 500s from two input shapes.
 *   1. a NUL character in a string field or a list filter (PostgreSQL refuses NUL in text);
 *   2. an explicit null for an optional field of a NOT NULL column.
 * Both must be 400 problem+json naming the field, with nothing written and no job enqueued.
 * test/api/security/fuzz.e2e-spec.ts generalises both to every route and field.
 */
describe('input shapes an outside fuzzer sent', () => {
  let api: TestApi;
  let pool: Pool;
  let watch: SideEffectWatch;
  let demo: Demo;
  let staff: string;
  let acmeAdmin: string;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    watch = new SideEffectWatch(pool);
    demo = await loadDemo(pool);
    staff = await session(api, EMAIL.staff);
    acmeAdmin = await session(api, EMAIL.acmeAdmin);
    id['org'] = (await createOrganisation(api, staff)).id;
    id['membership'] = (await createMember(api, staff)).membership.id;
    const relationship = await pool.query<{ id: string }>(
      `SELECT r.id FROM "SupplyRelationship" r WHERE r."consortiumId" = $1 AND r."supplierId" = $2 ORDER BY r."createdAt" LIMIT 1`,
      [demo.consortium.glmp, demo.org.acme],
    );
    id['relationship'] = relationship.rows[0]!.id;
    const template = await pool.query<{ id: string }>(`SELECT id FROM "ScorecardTemplate" WHERE "consortiumId" = $1 ORDER BY "createdAt" LIMIT 1`, [demo.consortium.glmp]);
    id['template'] = template.rows[0]!.id;
  }, 60_000);

  afterAll(async () => {
    await watch?.close();
    await pool?.end();
    await api?.close();
  });

  const refused = async (method: string, path: string, token: string, body: unknown, field: string): Promise<void> => {
    await watch.expectNone(
      () => call(api, method, path, { token, body }),
      (res) => {
        const p = expectProblem(res, 400);
        expect(errorPaths(p)).toContain(field);
        expect(JSON.stringify(p)).not.toContain('\\u0000');
      },
    );
  };

  describe('a NUL in a string field', () => {
    it.each([
      ['POST', '/api/organisations', 'name', { code: uniq('nul'), name: 'Acme\u0000Castings', kind: 'supplier' }],
      ['PATCH', '/api/organisations/:org', 'county', { county: 'Milwaukee\u0000' }],
      ['POST', '/api/charters', 'title', { title: '\u0000Charter 2027' }],
      ['PATCH', '/api/supply-relationships/:relationship', 'commodity', { commodity: 'grey iron\u0000castings' }],
      ['PATCH', '/api/scorecard-templates/:template', 'name', { name: 'Template\u0000' }],
      ['POST', '/api/metric-values/bulk', 'rows.1.note', { rows: [{ period: '2026-Q1', metric: 'OTD', value: 95 }, { period: '2026-Q1', metric: 'OTD', value: 95, note: 'late \u0000' }] }],
      ['POST', '/api/auth/login', 'email', { email: 'staff.admin@glmp.demo\u0000', password: 'tandem-demo-2026' }],
    ] as [string, string, string, Record<string, unknown>][])('%s %s: 400 naming %s', async (method, path, field, body) => {
      const url = path.replace(/:(\w+)/, (_m, key: string) => id[key] ?? '');
      await refused(method, url, path.includes('bulk') ? acmeAdmin : staff, body, field);
    });

    it('in a route parameter: 400 naming it', async () => {
      await refused('PATCH', `/api/organisations/${encodeURIComponent(`${id['org']}\u0000`)}`, staff, { county: 'Milwaukee' }, 'id');
    });
  });

  describe('a NUL in a list filter', () => {
    it.each([
      ['/api/organisations', { q: 'acme\u0000' }, 'filter.q'],
      ['/api/organisations', { county: '\u0000' }, 'filter.county'],
      ['/api/memberships', { status: ['active', '\u0000'] }, 'filter.status.1'],
      ['/api/supply-relationships', { q: '\u0000' }, 'filter.q'],
      ['/api/metric-values', { q: '\u0000' }, 'filter.q'],
      ['/api/audit-events', { entityType: 'Organisation\u0000' }, 'filter.entityType'],
    ] as [string, Record<string, unknown>, string][])('GET %s with filter %j: 400 naming %s', async (path, filter, field) => {
      const res = await call(api, 'GET', `${path}${q({ filter })}`, { token: staff });
      expect(errorPaths(expectProblem(res, 400))).toContain(field);
    });

    it('raw in the query string (not JSON-escaped): 400 naming the parameter', async () => {
      const res = await call(api, 'GET', '/api/organisations?filter=%7B%22q%22%3A%22a%00%22%7D', { token: staff });
      expect(errorPaths(expectProblem(res, 400))).toEqual(['filter']);
      const sort = await call(api, 'GET', '/api/organisations?sort=%5B%22name%00%22%2C%22ASC%22%5D', { token: staff });
      expect(errorPaths(expectProblem(sort, 400))).toEqual(['sort']);
    });
  });

  describe('an explicit null for a field whose column cannot be empty', () => {
    it('PATCH /api/supply-relationships/:id {"commodity":null}: 400 naming commodity', async () => {
      await refused('PATCH', `/api/supply-relationships/${id['relationship']}`, staff, { commodity: null }, 'commodity');
    });

    it('PATCH /api/scorecard-templates/:id {"criteria":null}: 400 naming criteria', async () => {
      await refused('PATCH', `/api/scorecard-templates/${id['template']}`, staff, { criteria: null }, 'criteria');
    });

    it.each([
      ['PATCH', '/api/scorecard-templates/:template', { standings: null }, 'standings'],
      ['PATCH', '/api/scorecard-templates/:template', { criteria: [{ metricId: null, weight: 1, thresholds: [{ atMost: 5, score: null }] }] }, 'criteria.0.metricId'],
      ['PATCH', '/api/scorecard-templates/:template', { criteria: [null] }, 'criteria.0'],
      ['PATCH', '/api/supply-relationships/:relationship', { sourcingMode: null }, 'sourcingMode'],
      ['PATCH', '/api/supply-relationships/:relationship', { since: null }, 'since'],
      ['PATCH', '/api/memberships/:membership', { tier: null }, 'tier'],
      ['PATCH', '/api/organisations/:org', { unionised: null }, 'unionised'],
    ] as [string, string, Record<string, unknown>, string][])('%s %s %j: 400 naming %s', async (method, path, body, field) => {
      await refused(method, path.replace(/:(\w+)/, (_m, key: string) => id[key] ?? ''), staff, body, field);
    });

    it('a field the API lets a client clear still takes null', async () => {
      const res = await call(api, 'PATCH', `/api/organisations/${id['org']}`, { token: staff, body: { county: null, naicsCode: null } });
      expect({ status: res.status, county: (res.body as { county: unknown }).county }).toEqual({ status: 200, county: null });
    });
  });

  it('OpenAPI documents which fields take null', async () => {
    const doc = (await call(api, 'GET', '/api/docs-json')).body as { components: { schemas: Record<string, { properties: Record<string, { nullable?: boolean }> }> } };
    const schemas = doc.components.schemas;
    expect(schemas['UpdateOrganisationDto']?.properties['county']?.nullable).toBe(true);
    expect(schemas['UpdateOrganisationDto']?.properties['name']?.nullable).toBeUndefined();
    expect(schemas['UpdateSupplyRelationshipDto']?.properties['commodity']?.nullable).toBeUndefined();
    expect(schemas['UpdateScorecardTemplateDto']?.properties['criteria']?.nullable).toBeUndefined();
    expect(schemas['CreateMetricValueDto']?.properties['note']?.nullable).toBe(true);
  });
});
