import pg from 'pg';
import { DEFAULT_SHARED_CATEGORIES, type ScorecardCriterionResult, type ScorecardThreshold, type Standing, type StandingRule } from '@tandem/contracts';
import { STANDARD_CATALOGUE, categoryOfMetric, checkRange, computeScorecard, detectOutlier, opensCorrectiveAction, scorecardForCustomer, validateFigures, validateStandings, validateThresholds, type CriterionInput, type MetricRule } from '@tandem/domain';
import { catalogueRows } from '../../apps/api/src/metric-definitions/seed-catalogue';
import { OPEN_CORRECTIVE_ACTION_PLANS_SQL, RECOMPUTE_SCORECARDS_SQL } from '../../apps/worker/src/scorecards/scorecards.sql';
import { seed } from '../../prisma/seed';
import { buildConsortia } from '../../prisma/seed/consortia';
import { buildOrganisations } from '../../prisma/seed/organisations';
import { buildPerformance } from '../../prisma/seed/performance';
import { PERFORMANCE_TODAY, QUARTERS } from '../../prisma/seed/periods';
import { seededSharing } from '../../prisma/seed/scorecards';
import { buildUsers } from '../../prisma/seed/users';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/db';

jest.setTimeout(60_000);

/**
 * The supplier-performance part of the demo seed (prisma/seed/performance.ts). Everything is
 * read from a database of this file's own, seeded here: other suites change the shared one
 * (they validate values, patch relationships), and these assertions are about what the seed
 * wrote. The shared database is only checked to hold the same rows (same ids).
 */

const SUPPLIER_METRICS = STANDARD_CATALOGUE.filter((m) => m.reporters.includes('supplier')).map((m) => m.code);
const QUARTER_CODES = QUARTERS.map((q) => q.code);

function rules(): Map<string, MetricRule> {
  return new Map(STANDARD_CATALOGUE.map((m) => [m.code, { ...m, outlierFactor: 3, enabled: true }]));
}

interface ValueRow {
  id: string;
  slug: string;
  source: string;
  org: string;
  organisationId: string;
  customer: string | null;
  customerId: string | null;
  subjectKey: string;
  metric: string;
  metricId: string;
  period: string;
  periodId: string;
  periodState: string;
  startsOn: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  status: string;
  rejectionReason: string | null;
  outlier: boolean;
  outlierNote: string | null;
  revision: number;
  validatedAt: Date | null;
  validatedById: string | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

describe('demo seed: supplier performance', () => {
  let scratch: TestDatabase | undefined;
  let db: pg.Client;
  let values: ValueRow[] = [];
  let activeGlmpSuppliers: string[] = [];

  beforeAll(async () => {
    scratch = await createTestDatabase({ prefix: 'tandem_seedperf', migrate: true });
    // how long it takes is a benchmark (`npm run bench -- seed`), not an assertion: these machines are shared
    await seed(scratch.url, { log: () => undefined });
    db = new pg.Client({ connectionString: scratch.url });
    await db.connect();
    values = (
      await db.query<ValueRow>(
        `SELECT v.id, c.slug, o.code AS org, v."organisationId", cu.code AS customer, v."customerId", v."subjectKey", m.code AS metric, v."metricId",
                p.code AS period, v."periodId", p.state::text AS "periodState", to_char(p."startsOn", 'YYYY-MM-DD') AS "startsOn",
                v.source::text AS source, v.value::float8 AS value, v.numerator::float8 AS numerator, v.denominator::float8 AS denominator, v.status::text AS status,
                v."rejectionReason", v.outlier, v."outlierNote", v.revision, v."validatedAt", v."validatedById", v."submittedAt", v."createdAt", v."updatedAt"
           FROM "MetricValue" v
           JOIN "Consortium" c ON c.id = v."consortiumId"
           JOIN "Organisation" o ON o.id = v."organisationId"
           LEFT JOIN "Organisation" cu ON cu.id = v."customerId"
           JOIN "MetricDefinition" m ON m.id = v."metricId"
           JOIN "Period" p ON p.id = v."periodId"
          -- what firms and customers reported; the training metrics derived from records are checked on their own below
          WHERE v.source <> 'derived'
          ORDER BY p."startsOn", v.id`,
      )
    ).rows;
    activeGlmpSuppliers = (
      await db.query<{ code: string }>(
        `SELECT o.code FROM "Membership" ms JOIN "Consortium" c ON c.id = ms."consortiumId" JOIN "Organisation" o ON o.id = ms."organisationId"
          WHERE c.slug = 'glmp' AND ms.status = 'active' AND o.kind = 'supplier' ORDER BY o.code`,
      )
    ).rows.map((r) => r.code);
  });

  afterAll(async () => {
    await db?.end();
    if (scratch) await dropTestDatabase(scratch.name);
  });

  it('gives both consortia the standard catalogue, exactly as the API seeds a new consortium', async () => {
    const { rows } = await db.query(
      `SELECT c.slug, d.code, d.name, d.unit, d.direction::text AS direction, d."minValue"::float8 AS "minValue", d."maxValue"::float8 AS "maxValue",
              d.frequency::text AS frequency, d.reporters::text[] AS reporters, d."isRatio", d."ratioScale"::float8 AS "ratioScale",
              d."numeratorLabel", d."denominatorLabel", d."outlierFactor"::float8 AS "outlierFactor", d.standard, d.enabled, d.category::text AS category
         FROM "MetricDefinition" d JOIN "Consortium" c ON c.id = d."consortiumId" ORDER BY c.slug, d.code`,
    );
    const expected = catalogueRows('x')
      .map(({ consortiumId: _c, ...rest }) => rest)
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    for (const slug of ['fvsn', 'glmp']) {
      expect(rows.filter((r) => r.slug === slug).map(({ slug: _s, ...rest }) => rest)).toEqual(expected);
    }
  });

  it('gives both consortia eight quarters: published, then closed, then the one due on 2026-12-01 and the running one open', async () => {
    const { rows } = await db.query<{ slug: string; code: string; kind: string; state: string; startsOn: string; endsOn: string; dueOn: string; closed: boolean; published: boolean }>(
      `SELECT c.slug, p.code, p.kind::text AS kind, p.state::text AS state, to_char(p."startsOn", 'YYYY-MM-DD') AS "startsOn", to_char(p."endsOn", 'YYYY-MM-DD') AS "endsOn",
              to_char(p."dueOn", 'YYYY-MM-DD') AS "dueOn", p."closedAt" IS NOT NULL AS closed, p."publishedAt" IS NOT NULL AS published
         FROM "Period" p JOIN "Consortium" c ON c.id = p."consortiumId" ORDER BY c.slug, p."startsOn"`,
    );
    for (const slug of ['fvsn', 'glmp']) {
      const mine = rows.filter((r) => r.slug === slug);
      expect(mine.map((r) => r.code)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
      expect(mine.map((r) => r.state)).toEqual(['published', 'published', 'published', 'published', 'published', 'closed', 'open', 'open']);
      expect(mine.every((r) => r.kind === 'quarter' && r.startsOn < r.endsOn && r.endsOn < r.dueOn)).toBe(true);
      expect(mine.every((r) => r.closed === (r.state !== 'open') && r.published === (r.state === 'published'))).toBe(true);
      expect(mine.find((r) => r.code === '2026-Q3')).toMatchObject({ startsOn: '2026-07-01', endsOn: '2026-09-30', dueOn: '2026-12-01' });
      expect(mine.find((r) => r.code === '2026-Q4')).toMatchObject({ startsOn: '2026-10-01', endsOn: '2026-12-31' });
    }
  });

  it('links every active glmp supplier to one to three customers: Northstar buys castings from Acme, never from Badger', async () => {
    const { rows } = await db.query<{ id: string; customer: string; supplier: string; commodity: string; mode: string; sponsored: boolean; since: string; history: { from: string | null; to: string; on: string }[] }>(
      `SELECT r.id, cu.code AS customer, su.code AS supplier, r.commodity, r."sourcingMode"::text AS mode, r.sponsored, to_char(r.since, 'YYYY-MM-DD') AS since,
              (SELECT json_agg(json_build_object('from', h."fromMode", 'to', h."toMode", 'on', to_char(h."effectiveOn", 'YYYY-MM-DD')) ORDER BY h."effectiveOn", h."createdAt")
                 FROM "SourcingModeChange" h WHERE h."relationshipId" = r.id) AS history
         FROM "SupplyRelationship" r JOIN "Organisation" cu ON cu.id = r."customerId" JOIN "Organisation" su ON su.id = r."supplierId"
         JOIN "Consortium" c ON c.id = r."consortiumId" WHERE c.slug = 'glmp'`,
    );
    for (const code of activeGlmpSuppliers) {
      const n = rows.filter((r) => r.supplier === code).length;
      expect({ code, n: Math.min(3, Math.max(1, n)) }).toEqual({ code, n });
    }
    const acme = rows.find((r) => r.customer === 'northstar-engines' && r.supplier === 'acme-castings');
    expect(acme).toMatchObject({ commodity: expect.stringMatching(/castings/), mode: 'multi_year', sponsored: true });
    expect(acme?.history).toEqual([
      { from: null, to: 'annual_rebid', on: acme?.since },
      { from: 'annual_rebid', to: 'multi_year', on: '2025-07-01' },
    ]);
    expect(rows.some((r) => r.customer === 'northstar-engines' && r.supplier === 'badger-machining')).toBe(false);
    expect(rows.some((r) => r.customer === 'lakeview-power' && r.supplier === 'acme-castings')).toBe(false);
    // the history is a chain from the first mode to the current one
    for (const r of rows) {
      expect(r.history[0]).toEqual({ from: null, to: expect.any(String), on: r.since });
      r.history.slice(1).forEach((h, i) => expect(h.from).toBe(r.history[i]?.to));
      expect(r.history.at(-1)?.to).toBe(r.mode);
    }
    expect(rows.filter((r) => r.history.some((h) => h.from === 'annual_rebid' && h.to === 'multi_year')).length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r.mode)).size).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.sponsored) && rows.some((r) => !r.sponsored)).toBe(true);
  });

  it('holds self-reported values of every active glmp supplier for each supplier metric, and customer reports for every relationship', async () => {
    const glmp = values.filter((v) => v.slug === 'glmp');
    for (const code of activeGlmpSuppliers) {
      const own = glmp.filter((v) => v.org === code && v.customerId === null);
      const metrics = new Set(own.map((v) => v.metric));
      // Acme's ERP cannot value its inventory yet: it has never reported turns (and is reminded of them)
      const expected = SUPPLIER_METRICS.filter((m) => !(code === 'acme-castings' && m === 'INV_TURNS'));
      expect({ code, metrics: [...metrics].sort() }).toEqual({ code, metrics: [...expected].sort() });
      expect(own.some((v) => v.status === 'validated')).toBe(true);
    }
    // firms that were members before 2025 report every quarter but the running one
    expect(new Set(glmp.filter((v) => v.org === 'acme-castings' && v.customerId === null).map((v) => v.period))).toEqual(new Set(QUARTER_CODES.slice(0, 7)));
    expect(glmp.filter((v) => v.org === 'acme-castings' && v.customerId === null && v.period === '2026-Q3').every((v) => v.status === 'submitted')).toBe(true);
    // no applicant reports
    expect(glmp.some((v) => v.org === 'mequon-turned-parts' || v.org === 'grafton-custom-plastics')).toBe(false);

    const { rows: rels } = await db.query<{ customerId: string; supplierId: string; supplier: string; status: string }>(
      `SELECT r."customerId", r."supplierId", su.code AS supplier, ms.status::text AS status
         FROM "SupplyRelationship" r JOIN "Organisation" su ON su.id = r."supplierId"
         JOIN "Membership" ms ON ms."organisationId" = r."supplierId" AND ms."consortiumId" = r."consortiumId"`,
    );
    for (const r of rels) {
      const reports = glmp.filter((v) => v.customerId === r.customerId && v.organisationId === r.supplierId && v.status === 'validated');
      expect({ supplier: r.supplier, metrics: [...new Set(reports.map((v) => v.metric))].sort() }).toEqual({ supplier: r.supplier, metrics: ['OTD', 'PPM'] });
    }
    expect(glmp.filter((v) => v.customerId !== null).every((v) => v.subjectKey === v.customerId && (v.metric === 'OTD' || v.metric === 'PPM'))).toBe(true);
    expect(glmp.filter((v) => v.customerId === null).every((v) => v.subjectKey === 'self')).toBe(true);

    // fvsn: a handful of figures of its active suppliers, 2026 only, no customer reports
    const fvsn = values.filter((v) => v.slug === 'fvsn');
    expect(fvsn.length).toBeGreaterThan(20);
    expect(fvsn.length).toBeLessThan(200);
    expect(fvsn.every((v) => v.customerId === null && ['OTD', 'PPM', 'LEAD_TIME'].includes(v.metric) && v.period >= '2026-Q1')).toBe(true);
    expect(fvsn.some((v) => v.org === 'fox-cities-gear')).toBe(true);
    expect(fvsn.some((v) => v.org === 'chilton-wire-spring')).toBe(false);
  });

  it('keeps every figure inside its range, every ratio equal to numerator ÷ denominator × scale, and passes the API’s own validation', async () => {
    const byCode = rules();
    const { rows: revisions } = await db.query<{ metric: string; value: number; numerator: number | null; denominator: number | null }>(
      `SELECT m.code AS metric, r.value::float8 AS value, r.numerator::float8 AS numerator, r.denominator::float8 AS denominator
         FROM "MetricValueRevision" r JOIN "MetricValue" v ON v.id = r."metricValueId" JOIN "MetricDefinition" m ON m.id = v."metricId"`,
    );
    const sameSitting = new Map<string, Record<string, number>>();
    for (const v of values) {
      const key = `${v.organisationId}|${v.periodId}|${v.subjectKey}`;
      sameSitting.set(key, { ...sameSitting.get(key), [v.metric]: v.value });
    }
    // violations are collected and compared with [] once: thousands of expect() calls are slow
    const wrong: unknown[] = [];
    for (const v of [...values, ...revisions]) {
      const rule = byCode.get(v.metric) as MetricRule;
      const range = checkRange(rule, v.value);
      if (range) wrong.push({ metric: v.metric, value: v.value, range: range.message });
      if (rule.isRatio && (v.numerator === null || Math.abs(v.value - (v.numerator / (v.denominator ?? 1)) * (rule.ratioScale ?? 1)) >= 1e-6)) {
        wrong.push({ metric: v.metric, value: v.value, numerator: v.numerator, denominator: v.denominator });
      }
      if (!rule.isRatio && (v.numerator !== null || v.denominator !== null)) wrong.push({ metric: v.metric, notARatio: [v.numerator, v.denominator] });
    }
    for (const v of values) {
      const rule = byCode.get(v.metric) as MetricRule;
      const related = sameSitting.get(`${v.organisationId}|${v.periodId}|${v.subjectKey}`);
      const { errors } = validateFigures(rule, { value: v.value, numerator: v.numerator, denominator: v.denominator }, { side: v.customerId ? 'customer' : 'supplier', periodKind: 'quarter', periodCode: v.period, related });
      if (errors.length) wrong.push({ id: v.id, errors });
    }
    expect(wrong).toEqual([]);
    // plausible levels (the brief of the demo: OTD 85–99 %, PPM 50–3,000, lead time 10–60 days)
    const median = (metric: string) => {
      const xs = values.filter((v) => v.metric === metric && v.customerId === null).map((v) => v.value).sort((a, b) => a - b);
      return xs[Math.floor(xs.length / 2)] ?? NaN;
    };
    expect(median('OTD')).toBeGreaterThan(90);
    expect(median('OTD')).toBeLessThan(99);
    expect(median('PPM')).toBeGreaterThan(50);
    expect(median('PPM')).toBeLessThan(3000);
    expect(median('LEAD_TIME')).toBeGreaterThan(10);
    expect(median('LEAD_TIME')).toBeLessThan(60);
    expect(values.filter((v) => v.metric === 'OTD').every((v) => v.value >= 70 && v.value <= 100)).toBe(true);
  });

  it('follows the calendar: closed quarters validated or rejected, the open one submitted or draft, with the revisions that got them there', async () => {
    const { rows: revs } = await db.query<{ metricValueId: string; revision: number; value: number; numerator: number | null; status: string; approval: string; reason: string | null; decided: boolean; createdAt: Date }>(
      `SELECT "metricValueId", revision, value::float8 AS value, numerator::float8 AS numerator, status::text AS status, approval::text AS approval, reason,
              "decidedById" IS NOT NULL AS decided, "createdAt"
         FROM "MetricValueRevision" r
        WHERE NOT EXISTS (SELECT 1 FROM "MetricValue" v WHERE v.id = r."metricValueId" AND v.source = 'derived')
        ORDER BY "metricValueId", revision`,
    );
    const history = new Map<string, typeof revs>();
    for (const r of revs) history.set(r.metricValueId, [...(history.get(r.metricValueId) ?? []), r]);

    const wrong: unknown[] = [];
    const check = (v: ValueRow, what: string, ok: boolean) => {
      if (!ok) wrong.push({ id: v.id, org: v.org, metric: v.metric, period: v.period, status: v.status, what });
    };
    for (const v of values) {
      // in the open quarter, staff have validated the customers' reports that came in early
      const openStatuses = v.customerId === null ? ['submitted', 'draft'] : ['submitted', 'validated'];
      check(v, 'status for the period state', v.periodState === 'open' ? openStatuses.includes(v.status) : ['validated', 'rejected'].includes(v.status));
      check(v, 'validatedAt and validatedById', (v.status === 'validated') === (v.validatedAt !== null && v.validatedById !== null));
      check(v, 'rejectionReason', (v.status === 'rejected') === (v.rejectionReason !== null));
      check(v, 'submittedAt', (v.status === 'draft') === (v.submittedAt === null));
      check(v, 'written before the story’s today', v.updatedAt.getTime() < PERFORMANCE_TODAY.getTime() && v.createdAt.getTime() <= v.updatedAt.getTime());
      const h = history.get(v.id) ?? [];
      const applied = h.filter((r) => r.approval !== 'pending');
      const last = applied.at(-1);
      check(v, 'revisions numbered 1…n', h.every((r, i) => r.revision === i + 1));
      check(v, 'revision = applied revisions', v.revision === applied.length);
      check(v, 'the last applied revision is the value', last?.value === v.value && last.numerator === v.numerator && last.status === v.status);
      check(v, 'created with its first revision', v.createdAt.getTime() === h[0]?.createdAt.getTime() && ['submitted', 'draft'].includes(h[0]?.status ?? ''));
      check(v, 'revisions in time order', h.every((r, i) => i === 0 || r.createdAt.getTime() >= (h[i - 1]?.createdAt.getTime() ?? 0)));
    }
    expect(wrong).toEqual([]);
    expect(revs.every((r) => r.createdAt.getTime() < PERFORMANCE_TODAY.getTime())).toBe(true);
    expect(values.filter((v) => v.status === 'rejected').length).toBeGreaterThanOrEqual(3);
    // corrections of closed quarters: a revision with a reason, approved by staff; one still waits
    const approved = revs.filter((r) => r.approval === 'approved');
    expect(approved.length).toBeGreaterThanOrEqual(2);
    expect(approved.every((r) => r.reason && r.decided)).toBe(true);
    expect(revs.filter((r) => r.approval === 'pending' && r.reason).length).toBeGreaterThanOrEqual(1);
    // a value rejected, restated and validated before the close
    expect([...history.values()].some((h) => h.map((r) => r.status).join('>') === 'submitted>rejected>submitted>validated')).toBe(true);

    // the quarter due on 2026-12-01: some firms have not submitted everything, so reminders have work
    const done = (code: string) =>
      SUPPLIER_METRICS.filter((m) => !['OTD', 'PPM'].includes(m)).every((m) =>
        values.some((v) => v.slug === 'glmp' && v.org === code && v.customerId === null && v.period === '2026-Q3' && v.metric === m && ['submitted', 'validated'].includes(v.status)),
      );
    const late = activeGlmpSuppliers.filter((c) => !done(c));
    expect(late.length).toBeGreaterThanOrEqual(5);
    expect(late.length).toBeLessThan(activeGlmpSuppliers.length);
    expect(values.some((v) => v.period === '2026-Q3' && v.status === 'draft')).toBe(true);
    // customers' reports of the open quarter: some validated (provisional scorecards), some still in the queue
    const reports = values.filter((v) => v.slug === 'glmp' && v.period === '2026-Q3' && v.customerId !== null);
    expect(reports.some((v) => v.status === 'validated') && reports.some((v) => v.status === 'submitted')).toBe(true);
  });

  it('flags outliers exactly where the API would (a move of more than 3× from the latest earlier non-rejected value), and only a few', () => {
    const byCode = rules();
    const previous = new Map<string, { value: number; periodCode: string }>();
    const wrong: unknown[] = [];
    for (const v of values) {
      const subject = `${v.organisationId}|${v.metricId}|${v.subjectKey}`;
      const expected = detectOutlier(byCode.get(v.metric) as MetricRule, v.value, previous.get(subject) ?? null);
      if (v.outlier !== expected.outlier || v.outlierNote !== expected.outlierNote) wrong.push({ id: v.id, stored: [v.outlier, v.outlierNote], expected });
      if (v.status !== 'rejected') previous.set(subject, { value: v.value, periodCode: v.period });
    }
    expect(wrong).toEqual([]);
    const flagged = values.filter((v) => v.outlier);
    expect(flagged.length).toBeGreaterThanOrEqual(3);
    expect(flagged.length).toBeLessThan(values.length * 0.02);
    // Northstar's incoming inspection saw Acme's porosity problem
    expect(flagged.some((v) => v.org === 'acme-castings' && v.customer === 'northstar-engines' && v.metric === 'PPM' && v.period === '2025-Q4')).toBe(true);
  });

  it('keeps Acme’s latest own PPM within 3× of 100: the metric-values e2e test reports 100 in a later year and expects no outlier', () => {
    const ppm = values.filter((v) => v.org === 'acme-castings' && v.metric === 'PPM' && v.customerId === null && v.status !== 'rejected');
    const latest = ppm.at(-1)?.value ?? NaN;
    expect(latest).toBeGreaterThan(100 / 3);
    expect(latest).toBeLessThanOrEqual(300);
  });

  it('sets baselines and goals from each firm’s first validated quarter', async () => {
    const { rows: goals } = await db.query<{ org: string; metric: string; baselinePeriodId: string; baselineValue: number; goalValue: number; goalDate: string }>(
      `SELECT o.code AS org, m.code AS metric, g."baselinePeriodId", g."baselineValue"::float8 AS "baselineValue", g."goalValue"::float8 AS "goalValue", to_char(g."goalDate", 'YYYY-MM-DD') AS "goalDate"
         FROM "MetricGoal" g JOIN "Organisation" o ON o.id = g."organisationId" JOIN "MetricDefinition" m ON m.id = g."metricId"`,
    );
    const byCode = rules();
    for (const g of goals) {
      const first = values.find((v) => v.org === g.org && v.metric === g.metric && v.customerId === null && v.status === 'validated');
      expect({ org: g.org, metric: g.metric, period: g.baselinePeriodId, value: g.baselineValue }).toEqual({ org: g.org, metric: g.metric, period: first?.periodId, value: first?.value });
      const rule = byCode.get(g.metric) as MetricRule;
      expect(checkRange(rule, g.goalValue)).toBeNull();
      expect(rule.direction === 'higher' ? g.goalValue > g.baselineValue : g.goalValue < g.baselineValue).toBe(true);
      expect(g.goalDate > '2026-12-31').toBe(true);
    }
    for (const code of activeGlmpSuppliers) {
      expect({ code, metrics: goals.filter((g) => g.org === code).map((g) => g.metric).sort() }).toEqual({ code, metrics: ['COST_INDEX', 'LEAD_TIME', 'OTD', 'PPM'] });
    }
    const lead = goals.find((g) => g.org === 'acme-castings' && g.metric === 'LEAD_TIME');
    expect(lead?.goalValue).toBeCloseTo((lead?.baselineValue ?? 0) * 0.75, 1);
    // the metric-values e2e test creates Acme's INV_TURNS and SETUP_TIME goals itself
    expect(goals.filter((g) => g.org === 'acme-castings' && ['INV_TURNS', 'SETUP_TIME'].includes(g.metric))).toEqual([]);
  });

  it('scores every relationship in every quarter as computeScorecard does, provisional where it must be, and the worker’s SQL finds nothing to change', async () => {
    const { rows: templates } = await db.query<{ id: string; customerId: string | null; standings: StandingRule[] }>(`SELECT id, "customerId", standings FROM "ScorecardTemplate" WHERE active`);
    const { rows: criteria } = await db.query<{ templateId: string; criterionId: string; metricId: string; metricCode: string; direction: 'higher' | 'lower'; weight: number; thresholds: ScorecardThreshold[] }>(
      `SELECT c."templateId", c.id AS "criterionId", c."metricId", m.code AS "metricCode", m.direction::text AS direction, c.weight::float8 AS weight, c.thresholds
         FROM "ScorecardCriterion" c JOIN "MetricDefinition" m ON m.id = c."metricId"`,
    );
    expect(templates.map((t) => t.customerId === null)).toEqual(expect.arrayContaining([true, false]));
    for (const t of templates) expect(validateStandings(t.standings)).toEqual([]);
    for (const c of criteria) expect(validateThresholds(c.thresholds, c.direction)).toEqual([]);
    const consortiumWeights = criteria.filter((c) => c.templateId === templates.find((t) => t.customerId === null)?.id).map((c) => [c.metricCode, c.weight]);
    expect(Object.fromEntries(consortiumWeights)).toEqual({ OTD: 35, PPM: 35, LEAD_TIME: 15, COST_INDEX: 15 });

    const { rows: cards } = await db.query<{
      relationshipId: string;
      periodId: string;
      period: string;
      templateId: string;
      customerId: string;
      supplierId: string;
      score: number;
      standing: Standing;
      coverage: number;
      provisional: boolean;
      details: ScorecardCriterionResult[];
    }>(
      `SELECT s."relationshipId", s."periodId", p.code AS period, s."templateId", s."customerId", s."supplierId", s.score::float8 AS score, s.standing::text AS standing,
              s.coverage::float8 AS coverage, s.provisional, s.details
         FROM "Scorecard" s JOIN "Period" p ON p.id = s."periodId"`,
    );
    const { rows: rels } = await db.query<{ id: string; customerId: string; supplierId: string }>(`SELECT id, "customerId", "supplierId" FROM "SupplyRelationship"`);
    const validated = values.filter((v) => v.status === 'validated');
    const stateOf = new Map(QUARTERS.map((q) => [q.code, q.state]));
    let expectedCount = 0;
    for (const rel of rels) {
      const template = templates.find((t) => t.customerId === rel.customerId) ?? templates.find((t) => t.customerId === null);
      const inputs: CriterionInput[] = criteria.filter((c) => c.templateId === template?.id).map((c) => ({ criterionId: c.criterionId, metricId: c.metricId, metricCode: c.metricCode, weight: c.weight, thresholds: c.thresholds }));
      for (const period of QUARTER_CODES) {
        const figures = new Map<string, { customer?: number; self?: number }>();
        for (const v of validated.filter((x) => x.organisationId === rel.supplierId && x.period === period && x.slug === 'glmp')) {
          if (v.customerId === null) figures.set(v.metricId, { ...figures.get(v.metricId), self: v.value });
          else if (v.customerId === rel.customerId) figures.set(v.metricId, { ...figures.get(v.metricId), customer: v.value });
        }
        const expected = computeScorecard(inputs, figures, template?.standings ?? [], { state: stateOf.get(period) ?? 'open' });
        const card = cards.find((c) => c.relationshipId === rel.id && c.period === period);
        if (expected) expectedCount++;
        expect(card ? { score: card.score, standing: card.standing, coverage: card.coverage, provisional: card.provisional, details: card.details, templateId: card.templateId } : null).toEqual(
          expected ? { score: expected.score, standing: expected.standing, coverage: expected.coverage, provisional: expected.provisional, details: expected.details, templateId: template?.id } : null,
        );
      }
    }
    expect(cards).toHaveLength(expectedCount);
    const final = cards.filter((c) => !c.provisional);
    expect(new Set(final.map((c) => c.standing))).toEqual(new Set(['preferred', 'approved', 'development', 'probation']));
    // the open quarter shows provisional scorecards (the customers' reports validated so far), closed quarters final ones
    const open = cards.filter((c) => stateOf.get(c.period) === 'open');
    expect(open.length).toBeGreaterThan(5);
    expect(open.every((c) => c.provisional && c.coverage > 0 && c.coverage < 1)).toBe(true);
    const closed = cards.filter((c) => stateOf.get(c.period) !== 'open');
    expect(closed.every((c) => c.provisional === c.coverage < 1)).toBe(true);
    expect(closed.filter((c) => !c.provisional).length).toBeGreaterThan(closed.length * 0.8);

    // the worker's statements, on the seeded database: nothing to insert, update, remove or open
    const { rows: periods } = await db.query<{ id: string; consortiumId: string }>(`SELECT id, "consortiumId" FROM "Period" ORDER BY "consortiumId", "startsOn"`);
    await db.query('BEGIN');
    try {
      for (const p of periods) {
        const { rows } = await db.query(RECOMPUTE_SCORECARDS_SQL, [p.consortiumId, p.id]);
        expect(rows[0]).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
        const opened = await db.query(OPEN_CORRECTIVE_ACTION_PLANS_SQL, [p.consortiumId, p.id, '2026-11-24', 90, DEFAULT_SHARED_CATEGORIES]);
        expect(opened.rows).toEqual([]);
      }
    } finally {
      await db.query('ROLLBACK');
    }
  });

  it('opens a corrective action plan for each fall of a final standing to development or probation; Acme’s with Northstar is under way', async () => {
    const { rows: cards } = await db.query<{ id: string; relationshipId: string; standing: Standing; details: ScorecardCriterionResult[]; supplier: string }>(
      `SELECT s.id, s."relationshipId", s.standing::text AS standing, s.details, su.code AS supplier
         FROM "Scorecard" s JOIN "Period" p ON p.id = s."periodId" JOIN "Organisation" su ON su.id = s."supplierId"
        WHERE NOT s.provisional ORDER BY s."relationshipId", p."startsOn"`,
    );
    const { rows: metrics } = await db.query<{ id: string; code: string }>(`SELECT id, code FROM "MetricDefinition"`);
    const codeOf = new Map(metrics.map((m) => [m.id, m.code]));
    // a fall opens a plan only where the customer reads the standing (the seed's sharing, as seeded)
    const customerReads = (c: (typeof cards)[number]) =>
      scorecardForCustomer({ score: null, standing: c.standing, coverage: null, provisional: false, details: c.details }, (id) => categoryOfMetric(codeOf.get(id) ?? ''), seededSharing(c.supplier)).withheld === null;
    const falls: string[] = [];
    let previous: { rel: string; standing: Standing } | null = null;
    for (const c of cards) {
      const before = previous?.rel === c.relationshipId ? previous.standing : null;
      if (opensCorrectiveAction(c.standing, before) && customerReads(c)) falls.push(c.id);
      previous = { rel: c.relationshipId, standing: c.standing };
    }
    const hidden = cards.filter((c) => !customerReads(c)).length;
    expect(hidden).toBeGreaterThan(0);
    const { rows: plans } = await db.query<{ id: string; scorecardId: string; supplier: string; customer: string; status: string; standing: string; cardStanding: string; ownerUserId: string | null; tasks: string[]; assignees: (string | null)[] }>(
      `SELECT pl.id, pl."scorecardId", su.code AS supplier, cu.code AS customer, pl.status::text AS status, pl.standing::text AS standing, s.standing::text AS "cardStanding", pl."ownerUserId",
              (SELECT array_agg(t.status::text ORDER BY t."dueOn", t.id) FROM "CorrectiveActionTask" t WHERE t."planId" = pl.id) AS tasks,
              (SELECT array_agg(u.email ORDER BY t."dueOn", t.id) FROM "CorrectiveActionTask" t LEFT JOIN "User" u ON u.id = t."ownerUserId" WHERE t."planId" = pl.id) AS assignees
         FROM "CorrectiveActionPlan" pl JOIN "Scorecard" s ON s.id = pl."scorecardId"
         JOIN "Organisation" su ON su.id = pl."supplierId" JOIN "Organisation" cu ON cu.id = pl."customerId"`,
    );
    expect(plans.map((p) => p.scorecardId).sort()).toEqual([...falls].sort());
    expect(plans.length).toBeGreaterThanOrEqual(2);
    expect(plans.length).toBeLessThanOrEqual(20);
    for (const p of plans) {
      expect(p.standing).toBe(p.cardStanding);
      expect(p.tasks.length).toBeGreaterThanOrEqual(2);
      expect(p.tasks.length).toBeLessThanOrEqual(3);
      if (p.status === 'completed') expect(p.tasks.every((t) => t === 'done')).toBe(true);
    }
    const acme = plans.find((p) => p.supplier === 'acme-castings' && p.customer === 'northstar-engines');
    expect(acme).toMatchObject({ status: 'in_progress', standing: 'development', tasks: ['done', 'doing', 'todo'] });
    // tasks are assigned to users: the 8D to Acme's firm admin, the SPC course to its contributor
    expect(acme?.assignees).toEqual(['supplier.admin@acme-castings.demo', null, 'contributor@acme-castings.demo']);
    const { rows: owner } = await db.query<{ email: string }>(`SELECT email FROM "User" WHERE id = $1`, [acme?.ownerUserId]);
    expect(owner[0]?.email).toBe('supplier.admin@acme-castings.demo');
    expect(new Set(plans.map((p) => p.status)).size).toBeGreaterThanOrEqual(2);
  });

  it('derives the training metrics from the training records: validated, each ratio equal to numerator ÷ denominator × scale', async () => {
    const byCode = rules();
    const { rows } = await db.query<{ metric: string; value: number; numerator: number; denominator: number; status: string }>(
      `SELECT m.code AS metric, v.value::float8 AS value, v.numerator::float8 AS numerator, v.denominator::float8 AS denominator, v.status::text AS status
         FROM "MetricValue" v JOIN "MetricDefinition" m ON m.id = v."metricId" WHERE v.source = 'derived'`,
    );
    expect(new Set(rows.map((r) => r.metric))).toEqual(new Set(['TRAIN_HRS', 'TRAIN_SPEND']));
    const wrong = rows.filter((r) => {
      const rule = byCode.get(r.metric) as MetricRule;
      return r.status !== 'validated' || checkRange(rule, r.value) !== null || Math.abs(r.value - (r.numerator / r.denominator) * (rule.ratioScale ?? 1)) >= 1e-6;
    });
    expect(wrong).toEqual([]);
  });

  it('is deterministic: every build gives the same rows, and every database holds them', async () => {
    const build = () => {
      const consortia = buildConsortia();
      const organisations = buildOrganisations(consortia.idBySlug);
      return buildPerformance(consortia, organisations, buildUsers('not-a-hash', consortia.idBySlug, organisations));
    };
    const a = build();
    expect(build()).toEqual(a);

    const { rows } = await db.query<{ id: string; value: number; numerator: number | null; status: string; createdAt: Date; updatedAt: Date; submittedAt: Date | null }>(
      `SELECT id, value::float8 AS value, numerator::float8 AS numerator, status::text AS status, "createdAt", "updatedAt", "submittedAt" FROM "MetricValue" WHERE source <> 'derived' ORDER BY id`,
    );
    const built = [...a.values].sort((x, y) => ((x.id as string) < (y.id as string) ? -1 : 1));
    expect(rows).toEqual(
      built.map((v) => ({ id: v.id, value: v.value, numerator: v.numerator, status: v.status, createdAt: v.createdAt, updatedAt: v.updatedAt, submittedAt: v.submittedAt })),
    );

    // the run's shared database was seeded by the same code: the same ids (other suites may have changed contents)
    const shared = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await shared.connect();
    try {
      const ids = (table: string, list: { id?: string }[]) => shared.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE id = ANY($1::uuid[])`, [list.map((r) => r.id)]);
      expect((await ids('MetricValue', a.values)).rows[0]?.n).toBe(a.values.length);
      expect((await ids('Scorecard', a.scorecards)).rows[0]?.n).toBe(a.scorecards.length);
      expect((await ids('SupplyRelationship', a.relationships)).rows[0]?.n).toBe(a.relationships.length);
      expect((await ids('CorrectiveActionPlan', a.plans)).rows[0]?.n).toBe(a.plans.length);
    } finally {
      await shared.end();
    }
  });
});
