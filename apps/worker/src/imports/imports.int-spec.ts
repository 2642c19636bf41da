process.env.LOG_LEVEL ??= 'silent';
import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { checkCrossMetric, readNumber, validateFigures } from '@tandem/domain';
import { createPeriods, ensureCatalogue, randomYear } from '../../../../test/support/import-fixtures';
import { createWorker } from '../bootstrap';
import { CommitImportJob } from './commit-import.job';
import { loadMetricDefinitions, toMetricRule } from './metric-rules';
import { ParseImportJob } from './parse-import.job';

/**
 * The import jobs as the worker runs them, against the run's database, without the API:
 * a worker "killed" half-way (a hook throws between two batches, or after the insert)
 * and restarted ends with exactly the rows of an uninterrupted run, never duplicates; and
 * the SQL checks say what the domain's validateFigures() says, message for message.
 */

jest.setTimeout(60_000);

const importDir = mkdtempSync(path.join(tmpdir(), 'tandem-import-jobs-'));
process.env.IMPORT_DIR = importDir;

let worker: INestApplicationContext;
let pool: Pool;
let consortiumId: string;
let Y: number;

beforeAll(async () => {
  worker = await createWorker();
  pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  consortiumId = (await pool.query<{ id: string }>(`SELECT id FROM "Consortium" WHERE slug = 'glmp'`)).rows[0]!.id;
  await ensureCatalogue(pool, consortiumId);
  Y = randomYear();
  await createPeriods(pool, consortiumId, Y);
});

afterAll(async () => {
  await worker?.close();
  await pool?.end();
  rmSync(importDir, { recursive: true, force: true });
});

const HEADER = 'org_code,period,metric,value,numerator,denominator,customer_code,note';
const SUPPLIERS = ['acme-castings', 'badger-machining', 'menomonee-gray-iron', 'cream-city-steel-foundry', 'root-river-aluminum'];
const METRICS = ['LEAD_TIME', 'CYCLE_TIME', 'SETUP_TIME', 'OEE', 'COST_INDEX'];

/** A file of `rows` distinct keys (5 suppliers × 5 metrics × notes), some of them bad. */
function bigFile(rows: number, period: string): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const org = SUPPLIERS[i % SUPPLIERS.length]!;
    const metric = METRICS[Math.floor(i / SUPPLIERS.length) % METRICS.length]!;
    // one key per (org, metric): the rest of the rows repeat keys in other periods would need more periods,
    // so rows beyond 25 are duplicates on purpose, except every 7th which carries a unit
    lines.push(`${org},${period},${metric},${i % 7 === 0 ? `${i} days` : (i % 90) + 1},,,,row ${i}`);
  }
  return lines.join('\n') + '\n';
}

async function newImport(content: string, organisationId: string | null = null): Promise<string> {
  const storagePath = `${Math.random().toString(36).slice(2)}.csv`;
  writeFileSync(path.join(importDir, storagePath), content);
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "Import" (id, "consortiumId", "organisationId", filename, "sizeBytes", checksum, "storagePath", status, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'test.csv', $3, 'x', $4, 'uploaded', now()) RETURNING id`,
    [consortiumId, organisationId, Buffer.byteLength(content), storagePath],
  );
  return rows[0]!.id;
}

interface Snapshot {
  status: string;
  totalRows: number;
  validRows: number;
  errorRows: number;
  staged: string[];
  errors: string[];
}

async function snapshot(importId: string): Promise<Snapshot> {
  const imp = (await pool.query(`SELECT status, "totalRows", "validRows", "errorRows" FROM "Import" WHERE id = $1`, [importId])).rows[0] as Snapshot;
  const staged = await pool.query<{ line: string }>(
    `SELECT concat_ws('|', "rowNumber", "orgCode", "periodCode", "metricCode", "valueText", note) AS line FROM "ImportRow" WHERE "importId" = $1 ORDER BY "rowNumber"`,
    [importId],
  );
  const errors = await pool.query<{ line: string }>(
    `SELECT concat_ws('|', "rowNumber", "column", message) AS line FROM "ImportError" WHERE "importId" = $1 ORDER BY "rowNumber", "column", message`,
    [importId],
  );
  return { ...imp, staged: staged.rows.map((r) => r.line), errors: errors.rows.map((r) => r.line) };
}

describe('imports.parse, killed and restarted', () => {
  it('a crash between batches leaves nothing staged; the rerun stages exactly the rows of a clean run', async () => {
    const content = bigFile(5_000, `${Y}-Q1`);
    const parse = worker.get(ParseImportJob);

    const clean = await newImport(content);
    expect(await parse.run({ importId: clean }, { batchRows: 1_000 })).toBe('parsed');
    const expected = await snapshot(clean);
    expect(expected).toMatchObject({ status: 'parsed', totalRows: 5_000 });
    expect(expected.staged).toHaveLength(5_000);
    expect(expected.errors.length).toBeGreaterThan(5_000 - 25);

    const crashed = await newImport(content);
    let batches = 0;
    await expect(
      parse.run({ importId: crashed }, {
        batchRows: 1_000,
        afterBatch: (n) => {
          batches = n;
          if (n === 3) throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    expect(batches).toBe(3);
    const afterCrash = await snapshot(crashed);
    expect(afterCrash).toMatchObject({ status: 'parsing', staged: [], errors: [] });

    expect(await parse.run({ importId: crashed }, { batchRows: 1_000 })).toBe('parsed');
    const rerun = await snapshot(crashed);
    expect({ ...rerun }).toEqual({ ...expected });

    // delivered again after it finished (at-least-once): nothing changes
    expect(await parse.run({ importId: crashed })).toBe('skipped');
    // and a run restarted from "parsing" over rows an earlier run left replaces them, never adds
    await pool.query(`UPDATE "Import" SET status = 'parsing' WHERE id = $1`, [crashed]);
    expect(await parse.run({ importId: crashed }, { batchRows: 700 })).toBe('parsed');
    expect(await snapshot(crashed)).toEqual(expected);
  });

  it('two deliveries at once: one parses, the other waits and skips', async () => {
    const id = await newImport(bigFile(2_000, `${Y}-Q1`));
    const parse = worker.get(ParseImportJob);
    const results = await Promise.all([parse.run({ importId: id }, { batchRows: 500 }), parse.run({ importId: id }, { batchRows: 500 })]);
    expect(results.sort()).toEqual(['parsed', 'skipped']);
    const snap = await snapshot(id);
    expect(snap.staged).toHaveLength(2_000);
    expect(new Set(snap.staged).size).toBe(2_000);
  });
});

describe('imports.commit, killed and restarted', () => {
  async function valuesOf(importPeriod: string): Promise<string[]> {
    const { rows } = await pool.query<{ line: string }>(
      `SELECT concat_ws('|', o.code, m.code, v.value, v.revision, v.status, v.source,
                        (SELECT count(*) FROM "MetricValueRevision" r WHERE r."metricValueId" = v.id)) AS line
         FROM "MetricValue" v JOIN "Organisation" o ON o.id = v."organisationId" JOIN "MetricDefinition" m ON m.id = v."metricId"
         JOIN "Period" p ON p.id = v."periodId"
        WHERE p."consortiumId" = $1 AND p.code = $2 ORDER BY 1`,
      [consortiumId, importPeriod],
    );
    return rows.map((r) => r.line);
  }

  it('a crash after the insert rolls back; the rerun commits each valid row once', async () => {
    const period = `${Y}-Q2`;
    const lines = [HEADER];
    for (const org of SUPPLIERS) for (const metric of METRICS) lines.push(`${org},${period},${metric},${METRICS.indexOf(metric) + 10},,,,`);
    lines.push(`acme-castings,${period},SCRAP,95%,,,,`);
    const id = await newImport(lines.join('\n'));
    expect(await worker.get(ParseImportJob).run({ importId: id })).toBe('parsed');
    await pool.query(`UPDATE "Import" SET status = 'committing' WHERE id = $1`, [id]);
    const commit = worker.get(CommitImportJob);

    await expect(commit.run({ importId: id }, { afterInsert: () => Promise.reject(new Error('worker killed')) })).rejects.toThrow('worker killed');
    expect(await valuesOf(period)).toEqual([]);
    expect((await pool.query(`SELECT status FROM "Import" WHERE id = $1`, [id])).rows[0]).toEqual({ status: 'committing' });

    // the rerun, and a second delivery racing it
    const results = await Promise.all([commit.run({ importId: id }), commit.run({ importId: id })]);
    expect(results).toContainEqual({ committed: 25, inserted: 25, revised: 0, stale: 0 });
    expect(results).toContain('skipped');
    const values = await valuesOf(period);
    expect(values).toHaveLength(25);
    expect(values.every((v) => v.endsWith('|1|submitted|csv|1'))).toBe(true);
    expect(await commit.run({ importId: id })).toBe('skipped');
    expect(await valuesOf(period)).toEqual(values);
    const imp = (await pool.query(`SELECT status, "committedRows", "errorRows" FROM "Import" WHERE id = $1`, [id])).rows[0];
    expect(imp).toEqual({ status: 'committed', committedRows: 25, errorRows: 1 });
    expect((await pool.query(`SELECT count(*)::int AS n FROM "ImportRow" WHERE "importId" = $1`, [id])).rows[0]).toEqual({ n: 0 });
  });

  it('a stage emptied by a crash of PostgreSQL commits nothing: the import is parsed again, then commits once', async () => {
    const period = `${Y}-Q2`;
    const id = await newImport([HEADER, ...METRICS.map((m, i) => `kenosha-die-cast,${period},${m},${i + 20},,,,`)].join('\n'));
    const commit = worker.get(CommitImportJob);
    const kenosha = async (): Promise<string[]> => (await valuesOf(period)).filter((v) => v.startsWith('kenosha-die-cast|'));
    const state = async (): Promise<unknown> =>
      (await pool.query(`SELECT status, "stagedRows", "validRows", "committedRows" FROM "Import" WHERE id = $1`, [id])).rows[0];
    expect(await worker.get(ParseImportJob).run({ importId: id })).toBe('parsed');
    expect(await state()).toEqual({ status: 'parsed', stagedRows: 5, validRows: 5, committedRows: 0 });

    // what PostgreSQL does to the UNLOGGED stage when it restarts after a crash (here to this
    // import's rows only: the database is shared), between the parse and the commit
    await pool.query(`DELETE FROM "ImportRow" WHERE "importId" = $1`, [id]);
    await pool.query(`UPDATE "Import" SET status = 'committing' WHERE id = $1`, [id]);
    expect(await commit.run({ importId: id })).toBe('restaged');
    expect(await kenosha()).toEqual([]);
    expect(await state()).toMatchObject({ status: expect.stringMatching(/^(uploaded|parsing|parsed)$/), committedRows: 0 });

    // the parse job the commit enqueued runs on this worker and stages the file again
    const deadline = Date.now() + 30_000;
    while (((await state()) as { status: string }).status !== 'parsed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await state()).toEqual({ status: 'parsed', stagedRows: 5, validRows: 5, committedRows: 0 });
    await pool.query(`UPDATE "Import" SET status = 'committing' WHERE id = $1`, [id]);
    expect(await commit.run({ importId: id })).toEqual({ committed: 5, inserted: 5, revised: 0, stale: 0 });
    expect(await kenosha()).toHaveLength(5);
    expect((await kenosha()).every((v) => v.endsWith('|1|submitted|csv|1'))).toBe(true);
    expect(await commit.run({ importId: id })).toBe('skipped');
    expect(await state()).toEqual({ status: 'committed', stagedRows: 5, validRows: 5, committedRows: 5 });
  });

  it('flags an outlier against the previous period, with the domain note', async () => {
    const q3 = await newImport([HEADER, `kenosha-die-cast,${Y}-Q3,LEAD_TIME,10,,,,`, `kenosha-die-cast,${Y}-Q4,LEAD_TIME,45,,,,`].join('\n'));
    expect(await worker.get(ParseImportJob).run({ importId: q3 })).toBe('parsed');
    await pool.query(`UPDATE "Import" SET status = 'committing' WHERE id = $1`, [q3]);
    await worker.get(CommitImportJob).run({ importId: q3 });
    const { rows } = await pool.query<{ code: string; outlier: boolean; outlierNote: string | null }>(
      `SELECT p.code, v.outlier, v."outlierNote" FROM "MetricValue" v JOIN "Period" p ON p.id = v."periodId" JOIN "Organisation" o ON o.id = v."organisationId"
        WHERE o.code = 'kenosha-die-cast' AND p.code IN ($1, $2) ORDER BY p.code`,
      [`${Y}-Q3`, `${Y}-Q4`],
    );
    expect(rows).toEqual([
      { code: `${Y}-Q3`, outlier: false, outlierNote: null },
      { code: `${Y}-Q4`, outlier: true, outlierNote: `LEAD_TIME moved from 10 in ${Y}-Q3 to 45 days, more than 3× its previous value; accepted and flagged for review` },
    ]);
  });
});

describe('the SQL checks say what the domain says', () => {
  const cases: [metric: string, value: string, numerator: string, denominator: string][] = [
    ['OEE', '101', '', ''],
    ['OEE', '-0.5', '', ''],
    ['OEE', '99.999', '', ''],
    ['LEAD_TIME', '366', '', ''],
    ['LEAD_TIME', '12', '3', '4'],
    ['LEAD_TIME', '', '', ''],
    ['CYCLE_TIME', '10000.5', '', ''],
    ['PPM', '-1', '', ''],
    ['PPM', '', '5', '0'],
    ['PPM', '', '-5', '10'],
    ['PPM', '', '5', '1000000'],
    ['OTD', '', '1001', '1000'],
    ['OTD', '95.3', '953', '1000'],
    ['OTD', '95.4', '953', '1000'],
    ['OTD', '', '12', ''],
    ['OTD', '', '', '12'],
    ['OTD', '', '', ''],
    ['SCRAP', '150', '', ''],
    ['INV_TURNS', '', '1200', '2'],
    ['INV_TURNS', '12', '', ''],
    ['COST_INDEX', '', '2000', '100'],
    ['TRIR', '1e3', '', ''],
    ['VA_EMP', '1000000000000', '', ''],
    ['TRAIN_SPEND', '3', '', ''],
    ['TRIR', '12 per 200k h', '', ''],
  ];

  it('for ranges, ratios, reporters and values without units', async () => {
    const period = `${Y}-Q1`;
    const lines = [HEADER, ...cases.map(([m, v, n, d], i) => `${SUPPLIERS[i % SUPPLIERS.length]},${period},${m},${v},${n},${d},,case ${i}`)];
    // one row per key: cases sharing a metric get different suppliers, and at most five per metric
    const id = await newImport(lines.join('\n'));
    expect(await worker.get(ParseImportJob).run({ importId: id })).toBe('parsed');
    const { rows } = await pool.query<{ rowNumber: number; column: string; message: string }>(
      `SELECT "rowNumber", "column", message FROM "ImportError" WHERE "importId" = $1 AND "column" <> 'row' ORDER BY "rowNumber", id`,
      [id],
    );
    const client = await pool.connect();
    const defs = await loadMetricDefinitions(client, consortiumId).finally(() => client.release());
    const column: Record<string, string> = { metricId: 'metric', periodId: 'period' };
    const expected = cases.flatMap(([m, v, n, d], i) => {
      const def = defs.find((x) => x.code === m)!;
      const numbers = { value: v, numerator: n, denominator: d };
      const bad = Object.entries(numbers).flatMap(([path, text]) => (text !== '' && !/^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$/.test(text) ? [readNumber(text, path).error!] : []));
      const input = Object.fromEntries(Object.entries(numbers).map(([k, t]) => [k, t === '' ? null : Number(t)]));
      const domain = validateFigures(toMetricRule(def), input, { side: 'supplier', periodKind: 'quarter', periodCode: period });
      const errors = bad.length ? [...domain.errors.filter((e) => e.path === 'metricId' || e.path === 'periodId'), ...bad] : domain.errors;
      return errors.map((e) => ({ rowNumber: i + 2, column: column[e.path] ?? e.path, message: e.message }));
    });
    const sortKey = (e: { rowNumber: number; column: string; message: string }) => `${String(e.rowNumber).padStart(4, '0')}|${e.column}|${e.message}`;
    expect(rows.map(sortKey).sort()).toEqual(expected.map(sortKey).sort());
  });
});

describe('the cross-metric check (metrics.md) in imports', () => {
  it('refuses a cycle time longer than the lead time of the same firm and period, from the file or as stored, with the domain message', async () => {
    const period = `${Y}-Q3`;
    // stored: Badger's LEAD_TIME of the period is 2 days (48 hours)
    await pool.query(
      `INSERT INTO "MetricValue" (id, "consortiumId", "organisationId", "metricId", "periodId", "subjectKey", value, source, status, revision, "updatedAt")
       SELECT gen_random_uuid(), $1, o.id, m.id, p.id, 'self', 2, 'form', 'submitted', 1, now()
         FROM "Organisation" o, "MetricDefinition" m, "Period" p
        WHERE o.code = 'badger-machining' AND m."consortiumId" = $1 AND m.code = 'LEAD_TIME' AND p."consortiumId" = $1 AND p.code = $2`,
      [consortiumId, period],
    );
    const lines = [
      HEADER,
      `acme-castings,${period},LEAD_TIME,10,,,,`, // 240 hours: the cycle time below fits
      `acme-castings,${period},CYCLE_TIME,200,,,,`,
      `menomonee-gray-iron,${period},LEAD_TIME,5,,,,`, // 120 hours: both rows of the pair are refused
      `menomonee-gray-iron,${period},CYCLE_TIME,300.5,,,,`,
      `badger-machining,${period},CYCLE_TIME,60,,,,`, // against the stored 2 days
      `cream-city-steel-foundry,${period},CYCLE_TIME,9000,,,,`, // no lead time anywhere: nothing to compare
    ];
    const id = await newImport(lines.join('\n'));
    expect(await worker.get(ParseImportJob).run({ importId: id })).toBe('parsed');
    const { rows } = await pool.query<{ rowNumber: number; column: string; message: string }>(
      `SELECT "rowNumber", "column", message FROM "ImportError" WHERE "importId" = $1 ORDER BY "rowNumber"`,
      [id],
    );
    expect(rows).toEqual([
      { rowNumber: 4, column: 'value', message: checkCrossMetric('LEAD_TIME', 5, { CYCLE_TIME: 300.5 })[0]!.message },
      { rowNumber: 5, column: 'value', message: checkCrossMetric('CYCLE_TIME', 300.5, { LEAD_TIME: 5 })[0]!.message },
      { rowNumber: 6, column: 'value', message: checkCrossMetric('CYCLE_TIME', 60, { LEAD_TIME: 2 })[0]!.message },
    ]);
    expect(rows[2]!.message).toBe('CYCLE_TIME (60 hours) cannot exceed LEAD_TIME of the same period (2 days = 48 hours): the cycle time is part of the lead time');
    const imp = (await pool.query(`SELECT "validRows", "errorRows" FROM "Import" WHERE id = $1`, [id])).rows[0];
    expect(imp).toEqual({ validRows: 3, errorRows: 3 });
  });
});

describe('control characters in a file', () => {
  it('a NUL or another control character in a cell is an error of that row and column; the other rows are staged', async () => {
    const period = `${Y}-Q2`;
    const id = await newImport(
      [
        HEADER,
        `acme-castings,${period},LEAD_TIME,12,,,,clean`,
        `badger-machining,${period},LEAD_TIME,13,,,,a NUL \u0000 in the note`,
        `menomonee-gray-iron,${period},LEAD\u0001TIME,14,,,,`,
        `cream-city-steel-foundry,${period},LEAD_TIME,15,,,,"tabs\tand\nline breaks are text"`,
        `root-river-aluminum,${period},LEAD_TIME,16,,,,C1 \u0085 control`,
      ].join('\n'),
    );
    expect(await worker.get(ParseImportJob).run({ importId: id })).toBe('parsed');
    const s = await snapshot(id);
    expect(s).toMatchObject({ status: 'parsed', totalRows: 5, validRows: 2, errorRows: 3 });
    expect(s.staged.map((l) => l.split('|')[0])).toEqual(['2', '5']);
    expect(s.errors).toEqual([
      '3|note|must not contain a control character (U+0000 at position 7); tabs and line breaks are allowed',
      '4|metric|must not contain a control character (U+0001 at position 5); tabs and line breaks are allowed',
      '7|note|must not contain a control character (U+0085 at position 4); tabs and line breaks are allowed',
    ]);
  });

  it('a header with NULs (UTF-16 without a byte order mark) fails the file with a message that carries no NUL', async () => {
    // what Excel's "Unicode text" writes, less its byte order mark: every ASCII byte followed by a NUL
    const id = await newImport(Buffer.from(`${HEADER}\nacme-castings,${Y}-Q2,LEAD_TIME,12,,,,\n`, 'utf16le').toString('latin1'));
    expect(await worker.get(ParseImportJob).run({ importId: id })).toBe('failed');
    const imp = (await pool.query<{ status: string; fileError: string }>(`SELECT status, "fileError" FROM "Import" WHERE id = $1`, [id])).rows[0]!;
    expect(imp.status).toBe('failed');
    expect(imp.fileError).toContain('U+0000 at position 2');
    expect(imp.fileError).toContain('UTF-16');
  });
});
