import type { Pool } from 'pg';
import type { Import } from '@tandem/contracts';
import { createPeriods, ensureCatalogue } from '../../support/import-fixtures';
import type { TestApi } from '../support/api';
import { dbPool, EMAIL, loadDemo, session, type Demo } from '../support/fixtures';
import { commitImport, importErrors, importErrorsCsv, parsedImport, startImportsStack, type ImportsStack } from '../support/imports';
import { findFigures, storeValue } from '../support/leaks';
import { freeYear, freshSession, metricIds, relate } from '../support/performance';

/**
 * An outside attack found: a contributor of Acme uploads rows for badger-machining,
 * including CYCLE_TIME and LEAD_TIME, and read Badger's stored lead and cycle times (drafts
 * included) out of the cross-metric check's messages; the same import told whether an
 * organisation code exists, whether a firm is an active member and who buys from whom.
 *
 * Fixed behaviour: for a firm's upload, a row that is not the uploader's own (or, for a
 * customer's row, not about one of its suppliers) gets one message whatever the code it
 * names, and no check that reads stored data runs on it; the error list, the error report
 * CSV and the commit carry no figure of another firm. Staff keep the detailed messages, but
 * an organisation of another consortium reads exactly like one that does not exist.
 */

jest.setTimeout(60_000);

let stack: ImportsStack;
let api: TestApi;
let pool: Pool;
let demo: Demo;
let Y: number;
let period: Record<string, string>;
let M: Record<string, string>;
const t = {} as Record<'staff' | 'contributor' | 'northstarAdmin' | 'fvsnStaff', string>;

/**
 * Badger's stored figures, one metric per period (so that a row is compared with the stored
 * figure, not with another row of the file): drafts in Q1 and Q2, shared ones in Q3 and Q4;
 * a validated OEE (what an outlier note would print).
 */
const BADGER = { leadDraft: 3.219876, cycleDraft: 7777.77, leadSubmitted: 4.135792, cycleValidated: 6543.21, oee: 31.4159 };
/** Acme's own stored lead time: its cross-metric check still works, against its own figure. */
const ACME_LEAD = 2.5;

beforeAll(async () => {
  stack = await startImportsStack();
  api = stack.api;
  pool = dbPool();
  demo = await loadDemo(pool);
  await ensureCatalogue(pool, demo.consortium.glmp);
  await ensureCatalogue(pool, demo.consortium.fvsn);
  Y = await freeYear(pool);
  period = (await createPeriods(pool, demo.consortium.glmp, Y)).ids;
  await createPeriods(pool, demo.consortium.fvsn, Y);
  M = await metricIds(pool, demo.consortium.glmp);
  await relate(pool, demo.consortium.glmp, demo.org.northstar, demo.org.acme);
  t.staff = await session(api, EMAIL.staff);
  t.fvsnStaff = await session(api, EMAIL.fvsnStaff);
  t.contributor = await session(api, EMAIL.acmeContributor);
  t.northstarAdmin = (await freshSession(api, t.staff, { role: 'firm_admin', organisationId: demo.org.northstar })).token;

  const glmp = demo.consortium.glmp;
  const badger = (metric: string, p: string, value: number, status: 'draft' | 'submitted' | 'validated') =>
    storeValue(pool, { consortiumId: glmp, organisationId: demo.org.badger, metricId: M[metric]!, periodId: period[`${Y}-${p}`]!, value, status });
  await badger('LEAD_TIME', 'Q1', BADGER.leadDraft, 'draft');
  await badger('CYCLE_TIME', 'Q2', BADGER.cycleDraft, 'draft');
  await badger('LEAD_TIME', 'Q3', BADGER.leadSubmitted, 'submitted');
  await badger('CYCLE_TIME', 'Q4', BADGER.cycleValidated, 'validated');
  await badger('OEE', 'Q1', BADGER.oee, 'validated');
  await storeValue(pool, { consortiumId: glmp, organisationId: demo.org.acme, metricId: M.LEAD_TIME!, periodId: period[`${Y}-Q3`]!, value: ACME_LEAD, status: 'draft' });
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await pool?.end();
}, 60_000);

type RowError = { row: number; column: string; message: string };

async function attack(token: string, rows: string[]): Promise<{ imp: Import; errors: RowError[]; csv: string }> {
  const imp = await parsedImport(api, token, rows);
  const errors = (await importErrors(api, token, imp.id)).map((e) => ({ row: e.rowNumber, column: e.column, message: e.message }));
  const csv = await importErrorsCsv(api, token, imp.id);
  return { imp, errors, csv };
}

/** Nothing Badger stored, in any spelling, in what the attacker read. */
function expectNoBadgerFigure(texts: { label: string; text: string }[]): void {
  expect(findFigures(texts, Object.values(BADGER))).toEqual([]);
}

async function badgerValues(): Promise<unknown[]> {
  const { rows } = await pool.query(`SELECT id, value::text, status, revision, "updatedAt" FROM "MetricValue" WHERE "organisationId" = $1 ORDER BY id`, [demo.org.badger]);
  return rows;
}

const NOT_OWN = 'must be your own organisation (acme-castings): a firm imports its own figures only';
const NOT_OWN_CUSTOMER = 'must be your own organisation (acme-castings): a firm reports about its suppliers as their customer only';

describe('a firm uploading rows about other firms', () => {
  it("gets one message for every code but its own, and never reads Badger's stored figures", async () => {
    const before = await badgerValues();
    const { imp, errors, csv } = await attack(t.contributor, [
      `badger-machining,${Y}-Q1,CYCLE_TIME,9999,,,,`, // 2: against Badger's draft lead time
      `badger-machining,${Y}-Q2,LEAD_TIME,0.5,,,,`, // 3: against Badger's draft cycle time
      `badger-machining,${Y}-Q3,CYCLE_TIME,9999,,,,`, // 4: against Badger's submitted lead time
      `badger-machining,${Y}-Q4,LEAD_TIME,0.5,,,,`, // 5: against Badger's validated cycle time
      `badger-machining,${Y}-Q2,OEE,99,,,,`, // 6: an outlier against Badger's OEE, if it were committed
      `fox-cities-gear,${Y}-Q1,OEE,70,,,,`, // 7: a member of the other consortium
      `no-such-firm-at-all,${Y}-Q1,OEE,70,,,,`, // 8: no such code
      `sturtevant-finishing,${Y}-Q1,OEE,70,,,,`, // 9: a suspended member
      `mequon-turned-parts,${Y}-Q1,OEE,70,,,,`, // 10: an applicant
      `lakeside-plating,${Y}-Q1,OEE,70,,,,`, // 11: an active member
      `acme-castings,${Y}-Q1,OTD,90,,,northstar-engines,`, // 12: as another firm's customer, a pair with a relationship
      `badger-machining,${Y}-Q1,OTD,90,,,northstar-engines,`, // 13: … a pair without one
      `badger-machining,${Y}-Q1,OTD,90,,,no-such-customer,`, // 14: … an unknown customer
      `acme-castings,${Y}-Q1,OEE,70,,,,`, // 15: its own row: valid
      `acme-castings,${Y}-Q3,CYCLE_TIME,100,,,,`, // 16: its own row, against its own stored lead time
    ]);
    expect(errors).toEqual([
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((row) => ({ row, column: 'org_code', message: NOT_OWN })),
      ...[12, 13, 14].map((row) => ({ row, column: 'customer_code', message: NOT_OWN_CUSTOMER })),
      { row: 16, column: 'value', message: 'CYCLE_TIME (100 hours) cannot exceed LEAD_TIME of the same period (2.5 days = 60 hours): the cycle time is part of the lead time' },
    ]);
    expect(imp).toMatchObject({ totalRows: 15, validRows: 1, errorRows: 14 });
    expectNoBadgerFigure([
      { label: 'errors', text: JSON.stringify(errors) },
      { label: 'errors.csv', text: csv },
      { label: 'import', text: JSON.stringify(imp) },
    ]);
    expect(csv.split('\n').slice(1, -1)).toEqual(errors.map((e) => `${e.row},${e.column},${e.message.includes(',') || e.message.includes('"') ? `"${e.message.replace(/"/g, '""')}"` : e.message}`));

    // the commit takes its own row only; nothing of Badger's changes
    const done = await commitImport(api, t.contributor, imp.id);
    expect(done).toMatchObject({ status: 'committed', committedRows: 1 });
    expect(await badgerValues()).toEqual(before);
    expectNoBadgerFigure([{ label: 'errors after commit', text: JSON.stringify(await importErrors(api, t.contributor, imp.id)) }]);
  });

  it('as a customer: one message for an unknown code, another consortium’s firm and a firm that is not its supplier', async () => {
    const { errors, csv, imp } = await attack(t.northstarAdmin, [
      `acme-castings,${Y}-Q1,OTD,90,,,northstar-engines,`, // 2: its supplier: valid
      `badger-machining,${Y}-Q1,OTD,90,,,northstar-engines,`, // 3: a member, not its supplier
      `no-such-firm-at-all,${Y}-Q1,OTD,90,,,northstar-engines,`, // 4: no such code
      `fox-cities-gear,${Y}-Q1,OTD,90,,,northstar-engines,`, // 5: the other consortium's
      `sturtevant-finishing,${Y}-Q1,OTD,90,,,northstar-engines,`, // 6: a suspended member, not its supplier
      `acme-castings,${Y}-Q1,OTD,90,,,lakeview-power,`, // 7: reporting as another customer
      `badger-machining,${Y}-Q2,LEAD_TIME,0.5,,,northstar-engines,`, // 8: about Badger's stored cycle time
      `acme-castings,${Y}-Q3,CYCLE_TIME,9999,,,northstar-engines,`, // 9: about its supplier's own stored lead time
    ]);
    const notSupplier = 'must be one of your suppliers: an organisation with a supply relationship with northstar-engines in this consortium';
    expect(errors).toEqual([
      ...[3, 4, 5, 6].map((row) => ({ row, column: 'org_code', message: notSupplier })),
      { row: 7, column: 'customer_code', message: 'must be your own organisation (northstar-engines): a firm reports about its suppliers as their customer only' },
      { row: 8, column: 'org_code', message: notSupplier },
      { row: 8, column: 'metric', message: 'LEAD_TIME cannot be reported by a customer about its supplier; it is reported by: supplier' },
      // the customer's report is compared with the customer's own reports only: Acme's own 2.5 days stays Acme's
      { row: 9, column: 'metric', message: 'CYCLE_TIME cannot be reported by a customer about its supplier; it is reported by: supplier' },
    ]);
    expect(imp).toMatchObject({ validRows: 1, errorRows: 7 });
    expectNoBadgerFigure([
      { label: 'errors', text: JSON.stringify(errors) },
      { label: 'errors.csv', text: csv },
    ]);
    expect(JSON.stringify(errors)).not.toMatch(/2\.5 days|60 hours/);
  });
});

describe('staff uploading rows', () => {
  it('keep the detailed messages of their consortium, and another consortium’s firm reads as unknown', async () => {
    const { errors } = await attack(t.staff, [
      `fox-cities-gear,${Y}-Q1,OEE,70,,,,`,
      `no-such-firm-at-all,${Y}-Q1,OEE,70,,,,`,
      `sturtevant-finishing,${Y}-Q1,OEE,70,,,,`,
      `acme-castings,${Y}-Q1,OTD,90,,,fox-cities-gear,`,
      `acme-castings,${Y}-Q1,OTD,90,,,no-such-customer,`,
      `badger-machining,${Y}-Q1,OTD,90,,,northstar-engines,`,
      `badger-machining,${Y}-Q1,CYCLE_TIME,9999,,,,`,
    ]);
    const byRow = (row: number) => errors.filter((e) => e.row === row).map((e) => `${e.column}: ${e.message}`);
    expect(byRow(2)).toEqual(['org_code: unknown organisation "fox-cities-gear"']);
    expect(byRow(3)).toEqual(['org_code: unknown organisation "no-such-firm-at-all"']);
    expect(byRow(4)).toEqual([]); // suspended members may still report
    expect(byRow(5)).toEqual(['customer_code: unknown customer "fox-cities-gear"']);
    expect(byRow(6)).toEqual(['customer_code: unknown customer "no-such-customer"']);
    expect(byRow(7)).toEqual(['customer_code: northstar-engines is not a customer of badger-machining']);
    // staff read Badger's figures through the API anyway: the detailed cross-metric message stays
    expect(byRow(8)).toEqual(['value: CYCLE_TIME (9,999 hours) cannot exceed LEAD_TIME of the same period (3.219876 days = 77.277024 hours): the cycle time is part of the lead time']);
  });

  it('of the other consortium read a glmp firm as unknown and compare nothing with its figures', async () => {
    const { errors } = await attack(t.fvsnStaff, [`badger-machining,${Y}-Q1,CYCLE_TIME,9999,,,,`, `badger-machining,${Y}-Q2,LEAD_TIME,0.5,,,,`, `no-such-firm-at-all,${Y}-Q1,LEAD_TIME,0.5,,,,`]);
    expect(errors).toEqual([
      { row: 2, column: 'org_code', message: 'unknown organisation "badger-machining"' },
      { row: 3, column: 'org_code', message: 'unknown organisation "badger-machining"' },
      { row: 4, column: 'org_code', message: 'unknown organisation "no-such-firm-at-all"' },
    ]);
    expectNoBadgerFigure([{ label: 'errors', text: JSON.stringify(errors) }]);
  });
});
