import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import type { BulkRowResult, MetricValue } from '@tandem/contracts';
import { createPeriods, ensureCatalogue } from '../../support/import-fixtures';
import { call, q, startApi, type Call, type TestApi } from '../support/api';
import { createApiKey, dbPool, EMAIL, expectProblem, loadDemo, session, type Demo } from '../support/fixtures';
import { commitImport, importErrors, importErrorsCsv, parsedImport } from '../support/imports';
import { findFigures, storeValue } from '../support/leaks';
import { freeYear, metricIds, relate } from '../support/performance';
import { SideEffectWatch } from '../support/side-effects';

/**
 * Standing attack (benchmarks.md rule 9, "every output counts"): every message
 * produced by an import, a bulk push or a validation failure, for a firm caller, contains no
 * number that belongs to another firm.
 *
 * Badger holds distinctive figures (drafts and shared ones). Acme's admin, its contributor
 * and its API key, and Northstar's buyer (a customer of Acme, not of Badger), then send
 * imports, bulk pushes and single-value writes crafted to trigger every check that compares
 * with stored data — the cross-metric rule, the outlier flag, duplicates, revision
 * conflicts — on Badger's keys and on their own. Everything they receive (problem+json
 * bodies, bulk results, import errors through the API, the error report CSV, the values
 * they wrote) is searched for the figures in any spelling. For the buyer, Acme's drafts
 * count as another firm's figures too: a draft never leaves the firm.
 */

jest.setTimeout(120_000);

const importDir = mkdtempSync(path.join(tmpdir(), 'tandem-message-leak-'));
process.env.IMPORT_DIR = importDir;

let api: TestApi;
let worker: INestApplicationContext | undefined;
let pool: Pool;
let demo: Demo;
let watch: SideEffectWatch;
let Y: number;
let period: Record<string, string>;
let M: Record<string, string>;

type Firm = 'admin' | 'contributor' | 'apiKey';
const t = {} as Record<Firm | 'buyer' | 'staff', string>;

/**
 * Badger's figures: LEAD_TIME a draft in Q1 and submitted in Q3, CYCLE_TIME a draft in Q2 and
 * submitted in Q4 (one metric per period, so that a row of the file is compared with the
 * stored figure, not with another row); a validated OEE in Q1.
 */
const BADGER = { lead: 987654.321, cycle: 7777.77, oee: 42.8571 };
/** Acme's drafts: its own to its own people, another firm's to its customer's buyer. */
const ACME_DRAFT = { lead: 5.678912, cycle: 6666.66, oee: 23.4567 };

/** Badger's stored values, for the refused writes that address them. */
const badgerValue = {} as Record<'leadDraft' | 'cycleSubmitted', string>;
let acmeDraftLead: string;
let acmeSubmitted: string;

/** What each caller received, searched at the end. */
const received: Record<Firm | 'buyer', { label: string; text: string }[]> = { admin: [], contributor: [], apiKey: [], buyer: [] };

function keep(who: Firm | 'buyer', label: string, body: unknown): void {
  received[who].push({ label, text: typeof body === 'string' ? body : JSON.stringify(body) });
}

beforeAll(async () => {
  api = await startApi();
  const { createWorker } = await import('../../../apps/worker/src/bootstrap');
  worker = await createWorker();
  pool = dbPool();
  demo = await loadDemo(pool);
  watch = new SideEffectWatch(pool);
  await ensureCatalogue(pool, demo.consortium.glmp);
  Y = await freeYear(pool);
  period = (await createPeriods(pool, demo.consortium.glmp, Y)).ids;
  M = await metricIds(pool, demo.consortium.glmp);
  await relate(pool, demo.consortium.glmp, demo.org.northstar, demo.org.acme);
  t.staff = await session(api, EMAIL.staff);
  t.admin = await session(api, EMAIL.acmeAdmin);
  t.contributor = await session(api, EMAIL.acmeContributor);
  t.buyer = await session(api, EMAIL.buyer);
  t.apiKey = (await createApiKey(api, t.admin, {})).key;

  const glmp = demo.consortium.glmp;
  const store = (org: string, metric: string, p: string, value: number, status: 'draft' | 'submitted' | 'validated') =>
    storeValue(pool, { consortiumId: glmp, organisationId: org, metricId: M[metric]!, periodId: period[`${Y}-${p}`]!, value, status, note: `note ${value}` });
  badgerValue.leadDraft = await store(demo.org.badger, 'LEAD_TIME', 'Q1', BADGER.lead, 'draft');
  await store(demo.org.badger, 'CYCLE_TIME', 'Q2', BADGER.cycle, 'draft');
  await store(demo.org.badger, 'LEAD_TIME', 'Q3', BADGER.lead, 'submitted');
  badgerValue.cycleSubmitted = await store(demo.org.badger, 'CYCLE_TIME', 'Q4', BADGER.cycle, 'submitted');
  await store(demo.org.badger, 'OEE', 'Q1', BADGER.oee, 'validated');
  acmeDraftLead = await store(demo.org.acme, 'LEAD_TIME', 'Q1', ACME_DRAFT.lead, 'draft');
  await store(demo.org.acme, 'CYCLE_TIME', 'Q2', ACME_DRAFT.cycle, 'draft');
  await store(demo.org.acme, 'OEE', 'Q1', ACME_DRAFT.oee, 'draft');
  acmeSubmitted = await store(demo.org.acme, 'SETUP_TIME', 'Q1', 45, 'submitted');
}, 60_000);

afterAll(async () => {
  await watch?.close();
  await worker?.close();
  await api?.close();
  await pool?.end();
  rmSync(importDir, { recursive: true, force: true });
}, 60_000);

const P = (q: string) => `${Y}-${q}`;
const FIRMS: Firm[] = ['admin', 'contributor', 'apiKey'];

/** A refused write: the status, nothing written, and the answer kept for the search. */
async function refused(who: Firm | 'buyer', label: string, status: number, request: () => Promise<Call>): Promise<void> {
  const res = await watch.expectNone(request);
  expectProblem(res, status);
  keep(who, label, res.body);
}

describe('imports', () => {
  // The worker runs repeatable jobs (email relay, reminders) that would move queue counts under
  // the refused writes below: it is only needed here.
  afterAll(async () => {
    await worker?.close();
    worker = undefined;
  });

  it('the search finds a planted figure where one is printed (staff read Badger: the control)', async () => {
    const imp = await parsedImport(api, t.staff, [`badger-machining,${P('Q1')},CYCLE_TIME,99999999,,,,`, `badger-machining,${P('Q4')},LEAD_TIME,1,,,,`]);
    const text = JSON.stringify(await importErrors(api, t.staff, imp.id));
    const found = findFigures([{ label: 'staff import', text }], [BADGER.lead, BADGER.cycle]).map((f) => f.figure);
    expect(found).toEqual(expect.arrayContaining(['987,654.321', '23,703,703.704', '7,777.77']));
  });

  it.each(FIRMS)('Acme as %s imports rows about Badger and about itself, and commits', async (who) => {
    const token = t[who];
    const imp = await parsedImport(api, token, [
      `badger-machining,${P('Q1')},CYCLE_TIME,99999999,,,,`, // against Badger's draft lead time (×24)
      `badger-machining,${P('Q2')},LEAD_TIME,1,,,,`, // against Badger's draft cycle time
      `badger-machining,${P('Q3')},CYCLE_TIME,99999999,,,,`, // against its submitted lead time
      `badger-machining,${P('Q4')},LEAD_TIME,1,,,,`, // against its submitted cycle time
      `badger-machining,${P('Q2')},OEE,99,,,,`, // an outlier against Badger's validated OEE
      `badger-machining,${P('Q1')},CYCLE_TIME,99999999,,,,`, // a duplicate
      `badger-machining,${P('Q1')},OTD,90,,,northstar-engines,`, // as Badger's customer
      `acme-castings,${P('Q1')},CYCLE_TIME,99999999,,,,`, // its own: against its own draft lead time
      `acme-castings,${P('Q2')},OEE,99,,,,`, // its own: an outlier against its own draft OEE
      `acme-castings,${P('Q2')},SETUP_TIME,${who === 'admin' ? 30 : who === 'contributor' ? 31 : 32},,,,`,
    ]);
    keep(who, 'import', imp);
    keep(who, 'import errors', await importErrors(api, token, imp.id));
    keep(who, 'import errors.csv', await importErrorsCsv(api, token, imp.id));
    const errors = await importErrors(api, token, imp.id);
    // its own cross-metric check still works, against its own figure
    expect(errors.find((e) => e.rowNumber === 9 && e.column === 'value' && e.message.includes('cannot exceed'))?.message).toContain('5.678912 days');
    const done = await commitImport(api, token, imp.id);
    expect(done.committedRows).toBe(2);
    keep(who, 'import committed', done);
    keep(who, 'errors after commit', await importErrors(api, token, imp.id));
    // the values it wrote, with their outlier notes
    const values = await call(api, 'GET', `/api/metric-values${q({ range: [0, 99], filter: { periodId: [period[P('Q1')], period[P('Q2')]] } })}`, { token });
    keep(who, 'own values', values.body);
    expect((values.body as MetricValue[]).find((v) => v.metricCode === 'OEE' && v.periodCode === P('Q2'))).toMatchObject({ outlier: true, outlierNote: expect.stringContaining('23.4567') });
  });
});

describe.each(FIRMS)('Acme as %s', (who) => {
  it('pushes rows about Badger (all refused, nothing written) and about itself', async () => {
    const token = t[who];
    const foreign = [
      { orgCode: 'badger-machining', period: P('Q1'), metric: 'CYCLE_TIME', value: 99999999 },
      { orgCode: 'badger-machining', period: P('Q2'), metric: 'LEAD_TIME', value: 1 },
      { orgCode: 'badger-machining', period: P('Q3'), metric: 'CYCLE_TIME', value: 99999999, revision: 1 },
      { orgCode: 'badger-machining', period: P('Q4'), metric: 'LEAD_TIME', value: 1, revision: 7 },
      { orgCode: 'badger-machining', period: P('Q2'), metric: 'OEE', value: 99 },
      { orgCode: 'badger-machining', period: P('Q1'), metric: 'CYCLE_TIME', value: 99999999 },
      { orgCode: 'badger-machining', period: P('Q1'), metric: 'OTD', value: 90, customerCode: 'northstar-engines' },
      { orgCode: 'no-such-firm-at-all', period: P('Q1'), metric: 'CYCLE_TIME', value: 99999999 },
    ];
    const res = await watch.expectNone(() => call(api, 'POST', '/api/metric-values/bulk', { token, body: { rows: foreign } }));
    const results = res.body as BulkRowResult[];
    expect(results.map((r) => r.status)).toEqual(foreign.map(() => 'error'));
    // the same answer for Badger and for a code that does not exist
    expect(results[0]?.errors).toEqual(results[7]?.errors);
    keep(who, 'bulk foreign', res.body);

    const own = [
      { period: P('Q1'), metric: 'CYCLE_TIME', value: 5000 }, // against its own draft lead time
      { period: P('Q2'), metric: 'LEAD_TIME', value: 1 }, // against its own draft cycle time
      { period: P('Q1'), metric: 'SETUP_TIME', value: 50, revision: 9 }, // a stale revision of its own value
      { period: P('Q1'), metric: 'SETUP_TIME', value: 51 }, // a duplicate
      { period: P('Q3'), metric: 'OEE', value: 80, revision: 1 }, // nothing to revise yet
    ];
    const mine = await ok(call(api, 'POST', '/api/metric-values/bulk', { token, body: { rows: own } }));
    keep(who, 'bulk own', mine);
  });

  it('writes single values about Badger (refused, nothing written) and about itself', async () => {
    const token = t[who];
    await refused(who, 'POST badger', 400, () =>
      call(api, 'POST', '/api/metric-values', { token, body: { organisationId: demo.org.badger, metricId: M.CYCLE_TIME, periodId: period[P('Q1')], value: 99999999 } }),
    );
    await refused(who, 'POST badger lead', 400, () =>
      call(api, 'POST', '/api/metric-values', { token, body: { organisationId: demo.org.badger, metricId: M.LEAD_TIME, periodId: period[P('Q4')], value: 1 } }),
    );
    for (const id of Object.values(badgerValue)) {
      await refused(who, 'PUT badger', 404, () => call(api, 'PUT', `/api/metric-values/${id}`, { token, body: { revision: 1, value: 1 } }));
      await refused(who, 'PATCH badger', 404, () => call(api, 'PATCH', `/api/metric-values/${id}`, { token, body: { revision: 2, value: 99999999 } }));
      await refused(who, 'submit badger', 404, () => call(api, 'POST', `/api/metric-values/${id}/submit`, { token }));
      keep(who, 'revisions badger', (await call(api, 'GET', `/api/metric-values/${id}/revisions`, { token })).body);
      keep(who, 'GET badger', (await call(api, 'GET', `/api/metric-values/${id}`, { token })).body);
    }
    // its own: the cross-metric message names its own figure; a conflict names its own revision
    await refused(who, 'POST own cross', 400, () => call(api, 'POST', '/api/metric-values', { token, body: { metricId: M.CYCLE_TIME, periodId: period[P('Q1')], value: 99999999 } }));
    await refused(who, 'POST own exists', 409, () => call(api, 'POST', '/api/metric-values', { token, body: { metricId: M.LEAD_TIME, periodId: period[P('Q1')], value: 2 } }));
    await refused(who, 'PUT own stale', 409, () => call(api, 'PUT', `/api/metric-values/${acmeDraftLead}`, { token, body: { revision: 99, value: 2 } }));
    await refused(who, 'PUT own cross', 400, () => call(api, 'PUT', `/api/metric-values/${acmeSubmitted}`, { token, body: { revision: 1, value: -5 } }));
  });
});

describe("Northstar's buyer", () => {
  const who = 'buyer' as const;

  it('pushes rows about Badger (not its supplier) and about Acme (its supplier)', async () => {
    const foreign = [
      { orgCode: 'badger-machining', period: P('Q1'), metric: 'CYCLE_TIME', value: 99999999 },
      { orgCode: 'badger-machining', period: P('Q1'), metric: 'OTD', value: 90 },
      { orgCode: 'badger-machining', period: P('Q4'), metric: 'LEAD_TIME', value: 1, revision: 1 },
      { orgCode: 'no-such-firm-at-all', period: P('Q1'), metric: 'OTD', value: 90 },
      { orgCode: 'acme-castings', period: P('Q1'), metric: 'CYCLE_TIME', value: 99999999 }, // a supplier metric: against Acme's draft lead time, were it compared
      { orgCode: 'acme-castings', period: P('Q2'), metric: 'LEAD_TIME', value: 1 },
      { orgCode: 'acme-castings', period: P('Q1'), metric: 'OTD', value: 90, revision: 1 }, // nothing of its own to revise yet
      { orgCode: 'acme-castings', period: P('Q1'), metric: 'OTD', value: 90, customerCode: 'lakeview-power' },
    ];
    const res = await watch.expectNone(() => call(api, 'POST', '/api/metric-values/bulk', { token: t.buyer, body: { rows: foreign } }));
    const results = res.body as BulkRowResult[];
    expect(results.map((r) => r.status)).toEqual(foreign.map(() => 'error'));
    // the same answer for a firm that is not its supplier and a code that does not exist
    expect(results[1]?.errors).toEqual(results[3]?.errors);
    keep(who, 'bulk', res.body);
    const mine = await ok(call(api, 'POST', '/api/metric-values/bulk', { token: t.buyer, body: { rows: [{ orgCode: 'acme-castings', period: P('Q2'), metric: 'OTD', value: 91 }] } }));
    keep(who, 'bulk own', mine);
  });

  it('writes single values about Badger and Acme', async () => {
    await refused(who, 'POST badger', 400, () =>
      call(api, 'POST', '/api/metric-values', { token: t.buyer, body: { organisationId: demo.org.badger, metricId: M.CYCLE_TIME, periodId: period[P('Q1')], value: 99999999 } }),
    );
    await refused(who, 'POST acme cycle', 400, () =>
      call(api, 'POST', '/api/metric-values', { token: t.buyer, body: { organisationId: demo.org.acme, metricId: M.CYCLE_TIME, periodId: period[P('Q1')], value: 99999999 } }),
    );
    await refused(who, 'POST acme lead', 400, () => call(api, 'POST', '/api/metric-values', { token: t.buyer, body: { organisationId: demo.org.acme, metricId: M.LEAD_TIME, periodId: period[P('Q2')], value: 1 } }));
    // Acme's draft is not there for it
    await refused(who, 'PUT acme draft', 404, () => call(api, 'PUT', `/api/metric-values/${acmeDraftLead}`, { token: t.buyer, body: { revision: 1, value: 1 } }));
    // Acme's submitted set-up time is productivity, which Acme does not share with Northstar by default: not there for it either
    await refused(who, 'PUT acme submitted', 404, () => call(api, 'PUT', `/api/metric-values/${acmeSubmitted}`, { token: t.buyer, body: { revision: 1, value: 99999999 } }));
    await refused(who, 'PUT badger', 404, () => call(api, 'PUT', `/api/metric-values/${badgerValue.cycleSubmitted}`, { token: t.buyer, body: { revision: 1, value: 1 } }));
    keep(who, 'revisions acme draft', (await call(api, 'GET', `/api/metric-values/${acmeDraftLead}/revisions`, { token: t.buyer })).body);
  });
});

async function ok(res: Promise<Call>): Promise<unknown> {
  const r = await res;
  expect(r.status).toBe(200);
  return r.body;
}

describe('what every caller received', () => {
  it.each(FIRMS)('Acme as %s: no figure of Badger in any message', (who) => {
    expect(received[who].length).toBeGreaterThan(10);
    expect(findFigures(received[who], Object.values(BADGER))).toEqual([]);
  });

  it("Northstar's buyer: no figure of Badger, nor of Acme's drafts, in any message", () => {
    expect(received.buyer.length).toBeGreaterThan(5);
    expect(findFigures(received.buyer, [...Object.values(BADGER), ...Object.values(ACME_DRAFT)])).toEqual([]);
  });
});
