import type { Pool } from 'pg';
import type { Consortium, MetricDefinition, Period } from '@tandem/contracts';
import { STANDARD_CATALOGUE } from '@tandem/domain';
import { call, q, startApi, type TestApi } from './support/api';
import { EMAIL, dbPool, errorPaths, expectProblem, loadDemo, session, uniq, type Demo } from './support/fixtures';
import { definitions, ensureCatalogue, freeYear, ok, report } from './support/performance';
import { SideEffectWatch } from './support/side-effects';

jest.setTimeout(60_000);

/** The metric catalogue: seeded on consortium creation, disabled or extended by staff. */
describe('metric definitions', () => {
  let api: TestApi;
  let pool: Pool;
  let watch: SideEffectWatch;
  let demo: Demo;
  const t = {} as Record<'platform' | 'staff' | 'fvsn' | 'admin' | 'contributor' | 'funder' | 'buyer', string>;

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    watch = new SideEffectWatch(pool);
    demo = await loadDemo(pool);
    await ensureCatalogue(api, demo.consortium.glmp);
    await ensureCatalogue(api, demo.consortium.fvsn);
    t.platform = await session(api, EMAIL.platform);
    t.staff = await session(api, EMAIL.staff);
    t.fvsn = await session(api, EMAIL.fvsnStaff);
    t.admin = await session(api, EMAIL.acmeAdmin);
    t.contributor = await session(api, EMAIL.acmeContributor);
    t.funder = await session(api, EMAIL.funder);
    t.buyer = await session(api, EMAIL.buyer);
  });

  afterAll(async () => {
    await watch?.close();
    await pool?.end();
    await api?.close();
  });

  const custom = (overrides: Record<string, unknown> = {}) => ({
    code: `FPY_${uniq('x').slice(2).toUpperCase()}`,
    name: 'First-pass yield',
    unit: '%',
    direction: 'higher',
    minValue: 0,
    maxValue: 100,
    frequency: 'quarterly',
    reporters: ['supplier'],
    isRatio: true,
    ratioScale: 100,
    numeratorLabel: 'parts good first time',
    denominatorLabel: 'parts made',
    ...overrides,
  });

  describe('the standard catalogue', () => {
    let consortium: Consortium;

    it('is seeded when a consortium is created, in the same transaction', async () => {
      const slug = uniq('cons');
      consortium = await ok<Consortium>(call(api, 'POST', '/api/consortia', { token: t.platform, body: { name: `Consortium ${slug}`, slug, region: 'Test region' } }), 201);
      const defs = await definitions(api, t.platform, consortium.id);
      expect(defs.map((d) => d.code).sort()).toEqual(STANDARD_CATALOGUE.map((m) => m.code).sort());
      expect(defs.every((d) => d.standard && d.enabled && d.outlierFactor === 3)).toBe(true);
      const byCode = Object.fromEntries(defs.map((d) => [d.code, d]));
      expect(byCode.OTD).toMatchObject({ unit: '%', direction: 'higher', minValue: 0, maxValue: 100, frequency: 'monthly', reporters: ['supplier', 'customer'], isRatio: true, ratioScale: 100 });
      expect(byCode.PPM).toMatchObject({ direction: 'lower', minValue: 0, maxValue: null, isRatio: true, ratioScale: 1_000_000, numeratorLabel: 'units rejected by customers', denominatorLabel: 'units delivered' });
      expect(byCode.SCRAP).toMatchObject({ isRatio: true, ratioScale: 100 });
      expect(byCode.OEE).toMatchObject({ isRatio: false, ratioScale: null, maxValue: 100 });
      expect(byCode.TRAIN_HRS).toMatchObject({ reporters: ['derived'] });
    });

    it('a standard entry can be disabled and enabled again, but keeps its definition', async () => {
      const otd = (await definitions(api, t.platform, consortium.id)).find((d) => d.code === 'OTD') as MetricDefinition;
      expect((await ok<MetricDefinition>(call(api, 'PATCH', `/api/metric-definitions/${otd.id}`, { token: t.platform, body: { enabled: false } }))).enabled).toBe(false);
      expect((await ok<MetricDefinition>(call(api, 'PATCH', `/api/metric-definitions/${otd.id}`, { token: t.platform, body: { enabled: true, outlierFactor: 4 } }))).outlierFactor).toBe(4);
      const locked = await watch.expectNone(() => call(api, 'PATCH', `/api/metric-definitions/${otd.id}`, { token: t.platform, body: { maxValue: 120, name: 'Delivery' } }));
      expect(expectProblem(locked, 400).errors).toEqual([
        { path: 'maxValue', message: 'OTD is a standard catalogue metric: only enabled and outlierFactor can change' },
        { path: 'name', message: 'OTD is a standard catalogue metric: only enabled and outlierFactor can change' },
      ]);
      // react-admin sends the whole record back: unchanged fields are fine
      const current = await ok<MetricDefinition>(call(api, 'GET', `/api/metric-definitions/${otd.id}`, { token: t.platform }));
      expect((await ok<MetricDefinition>(call(api, 'PUT', `/api/metric-definitions/${otd.id}`, { token: t.platform, body: { ...current, enabled: false } }))).enabled).toBe(false);
    });

    it('every member of a consortium reads its catalogue, and only its own', async () => {
      for (const token of [t.staff, t.admin, t.contributor, t.buyer, t.funder]) {
        const defs = await definitions(api, token);
        expect(defs.map((d) => d.consortiumId)).toEqual(defs.map(() => demo.consortium.glmp));
        expect(defs.map((d) => d.code)).toEqual(expect.arrayContaining(['OTD', 'PPM', 'OEE']));
      }
      const fvsnOtd = (await definitions(api, t.fvsn)).find((d) => d.code === 'OTD') as MetricDefinition;
      expect(fvsnOtd.consortiumId).toBe(demo.consortium.fvsn);
      expectProblem(await call(api, 'GET', `/api/metric-definitions/${fvsnOtd.id}`, { token: t.staff }), 404);
      const ours = await ok<MetricDefinition[]>(call(api, 'GET', `/api/metric-definitions${q({ filter: { consortiumId: consortium.id } })}`, { token: t.staff }));
      expect(ours).toEqual([]);
    });
  });

  describe("a consortium's own metrics", () => {
    it('staff add one with its ratio definition', async () => {
      const body = custom();
      const def = await ok<MetricDefinition>(call(api, 'POST', '/api/metric-definitions', { token: t.staff, body }), 201);
      expect(def).toMatchObject({ ...body, consortiumId: demo.consortium.glmp, standard: false, enabled: true, outlierFactor: 3 });
      const dup = await watch.expectNone(() => call(api, 'POST', '/api/metric-definitions', { token: t.staff, body }));
      expectProblem(dup, 409);
      const { rows } = await pool.query(`SELECT 1 FROM "AuditEvent" WHERE "entityId" = $1 AND action = 'metric_definition.created'`, [def.id]);
      expect(rows).toHaveLength(1);
    });

    it('refuses inconsistent definitions by field, writing nothing', async () => {
      const cases: [Record<string, unknown>, string[]][] = [
        [{ ratioScale: null }, ['ratioScale']],
        [{ isRatio: false }, ['ratioScale', 'numeratorLabel', 'denominatorLabel']],
        [{ minValue: 10, maxValue: 5 }, ['maxValue']],
        [{ reporters: ['derived', 'supplier'] }, ['reporters']],
        [{ reporters: [] }, ['reporters']],
        [{ reporters: ['robot'] }, ['reporters']],
        [{ code: 'lower_case' }, ['code']],
        [{ direction: 'sideways' }, ['direction']],
        [{ outlierFactor: 1 }, ['outlierFactor']],
        [{ standard: true }, ['standard']],
      ];
      for (const [overrides, paths] of cases) {
        const res = await watch.expectNone(() => call(api, 'POST', '/api/metric-definitions', { token: t.staff, body: custom(overrides) }));
        expect([...new Set(errorPaths(expectProblem(res, 400)))].sort()).toEqual([...paths].sort());
      }
    });

    it('firms, buyers and funders cannot add or change metrics', async () => {
      for (const token of [t.admin, t.contributor, t.buyer, t.funder]) {
        expectProblem(await watch.expectNone(() => call(api, 'POST', '/api/metric-definitions', { token, body: custom() })), 403);
      }
      const otd = (await definitions(api, t.staff)).find((d) => d.code === 'OTD') as MetricDefinition;
      expectProblem(await watch.expectNone(() => call(api, 'PATCH', `/api/metric-definitions/${otd.id}`, { token: t.admin, body: { enabled: false } })), 403);
      expectProblem(await watch.expectNone(() => call(api, 'PATCH', `/api/metric-definitions/${otd.id}`, { token: t.fvsn, body: { enabled: false } })), 404);
    });

    it('staff edit or disable their own metric; its ratio definition is fixed once values exist', async () => {
      const def = await ok<MetricDefinition>(call(api, 'POST', '/api/metric-definitions', { token: t.staff, body: custom() }), 201);
      const renamed = await ok<MetricDefinition>(call(api, 'PATCH', `/api/metric-definitions/${def.id}`, { token: t.staff, body: { name: 'First-time-right', outlierFactor: 2.5 } }));
      expect(renamed).toMatchObject({ name: 'First-time-right', outlierFactor: 2.5 });

      const year = await freeYear(pool);
      const period = await ok<Period>(call(api, 'POST', '/api/periods', { token: t.staff, body: { code: `${year}-Q1` } }), 201);
      const value = await report(api, t.contributor, { metricId: def.id, periodId: period.id, numerator: 90, denominator: 100 });
      expect(value.value).toBe(90);

      const scale = await watch.expectNone(() => call(api, 'PATCH', `/api/metric-definitions/${def.id}`, { token: t.staff, body: { ratioScale: 1000 } }));
      expect(errorPaths(expectProblem(scale, 409))).toEqual(['ratioScale']);

      const off = await ok<MetricDefinition>(call(api, 'PATCH', `/api/metric-definitions/${def.id}`, { token: t.staff, body: { enabled: false } }));
      expect(off.enabled).toBe(false);
      const list = await ok<MetricDefinition[]>(call(api, 'GET', `/api/metric-definitions${q({ filter: { enabled: false, code: def.code } })}`, { token: t.contributor }));
      expect(list.map((d) => d.id)).toEqual([def.id]);
      const refused = await watch.expectNone(() => call(api, 'POST', '/api/metric-values', { token: t.contributor, body: { metricId: def.id, periodId: period.id, value: 1 } }));
      expect(expectProblem(refused, 400).detail).toContain(`${def.code} is disabled in this consortium's catalogue`);
    });
  });
});
