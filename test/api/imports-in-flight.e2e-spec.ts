import { readdirSync } from 'node:fs';
import type { Pool } from 'pg';
import { QUEUES, type Import } from '@tandem/contracts';
import { JobProducer } from '@tandem/server';
import { createSuppliers } from '../support/import-fixtures';
import { call, type Call, type TestApi } from './support/api';
import { dbPool, EMAIL, expectProblem, invite, loadDemo, session, uniq } from './support/fixtures';
import { IMPORT_HEADER, startImportsStack, uploadCsv, waitForImport, type ImportsStack } from './support/imports';

/**
 * The cap of imports in flight: a firm with MAX_IMPORTS_IN_FLIGHT imports not finished gets
 * 409 problem+json for the next upload, and nothing of it is kept (no row, no file, no job).
 * The firm is this file's own (the database is shared with every other test file), so its
 * count starts at zero whatever the others upload.
 */

jest.setTimeout(60_000);

const LIMIT = 3;

let stack: ImportsStack;
let api: TestApi;
let pool: Pool;
let token: string;
let organisationId: string;
let orgCode: string;

beforeAll(async () => {
  stack = await startImportsStack({ MAX_IMPORTS_IN_FLIGHT: String(LIMIT) });
  api = stack.api;
  pool = dbPool();
  const demo = await loadDemo(pool);
  [orgCode] = await createSuppliers(pool, demo.consortium.glmp, uniq('in-flight'), 1);
  organisationId = (await pool.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = $1`, [orgCode])).rows[0]!.id;
  const person = await invite(api, await session(api, EMAIL.staff), { role: 'firm_contributor', organisationId });
  token = person.pair.accessToken;
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await pool?.end();
}, 60_000);

/** A file of one row the worker parses (its period does not exist: a row error, the import ends parsed). */
function file(): string {
  return [IMPORT_HEADER, `${orgCode},1999-Q1,LEAD_TIME,5,,,,${uniq('note')}`].join('\n') + '\n';
}

async function uploadParsed(): Promise<Import> {
  const res = await uploadCsv(api, token, file());
  expect(res.status).toBe(201);
  return waitForImport(api, token, (res.body as Import).id, ['parsed']);
}

async function uploadRaw(): Promise<Call> {
  const res = await fetch(`${api.url}/api/imports?filename=raw.csv`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' }, body: file() });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : null, contentType: res.headers.get('content-type') ?? '' };
}

async function cancel(id: string): Promise<void> {
  expect((await call(api, 'POST', `/api/imports/${id}/cancel`, { token })).status).toBe(200);
}

/** What the firm's uploads left: import rows, their files on disk, the parse jobs queued for them. */
async function kept(): Promise<{ imports: string[]; inFlight: number; files: string[]; parseJobs: number }> {
  const { rows } = await pool.query<{ id: string; status: string; storagePath: string }>(`SELECT id, status, "storagePath" FROM "Import" WHERE "organisationId" = $1 ORDER BY id`, [organisationId]);
  const jobs = await api.app.get(JobProducer).queue(QUEUES.imports).getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized']);
  return {
    imports: rows.map((r) => r.id),
    inFlight: rows.filter((r) => ['uploaded', 'parsing', 'parsed', 'committing'].includes(r.status)).length,
    // a cancelled import's file is deleted; every other file belongs to a row
    files: readdirSync(stack.importDir).sort(),
    parseJobs: jobs.filter((j) => j.name === 'imports.parse').length,
  };
}

function expectFilesOfRows(files: string[], storagePaths: string[]): void {
  expect(files).toEqual([...storagePaths].sort());
}

async function storagePathsInFlight(): Promise<string[]> {
  const { rows } = await pool.query<{ storagePath: string }>(`SELECT "storagePath" FROM "Import" WHERE "organisationId" = $1 AND status <> 'cancelled'`, [organisationId]);
  return rows.map((r) => r.storagePath);
}

describe('imports in flight per firm', () => {
  it(`a firm with ${LIMIT} imports not finished is refused the next upload (multipart or text/csv) with the limit and the imports named, and nothing of it is kept`, async () => {
    const first = [await uploadParsed(), await uploadParsed(), await uploadParsed()];
    const before = await kept();
    expect(before.inFlight).toBe(LIMIT);
    expect(before.parseJobs).toBe(LIMIT);

    for (const res of [await uploadCsv(api, token, file()), await uploadRaw()]) {
      const problem = expectProblem(res, 409);
      expect(problem.type).toMatch(/imports\.too_many_in_flight$/);
      expect(problem.detail).toMatch(new RegExp(`at most ${LIMIT}`));
      expect((problem.errors ?? []).map((e) => e.path).sort()).toEqual(first.map((i) => `imports/${i.id}`).sort());
      expect(problem.errors?.[0]?.message).toMatch(/is parsed$/);
    }
    expect(await kept()).toEqual(before);
    expectFilesOfRows(before.files, await storagePathsInFlight());

    // a cancelled import is finished: there is room for one more
    await cancel(first[0]!.id);
    const next = await uploadParsed();
    const after = await kept();
    expect(after.imports).toContain(next.id);
    expect(after.inFlight).toBe(LIMIT);
    expectFilesOfRows(after.files, await storagePathsInFlight());
    expectProblem(await uploadCsv(api, token, file()), 409);
  });

  it(`two uploads at once with ${LIMIT - 1} in flight: exactly one passes`, async () => {
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "Import" WHERE "organisationId" = $1 AND status = 'parsed' ORDER BY "createdAt" LIMIT 1`, [organisationId]);
    await cancel(rows[0]!.id);
    const before = await kept();
    expect(before.inFlight).toBe(LIMIT - 1);

    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all([uploadCsv(api, token, file()), uploadRaw()]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      const created = answers.find((a) => a.status === 201)!.body as Import;
      await waitForImport(api, token, created.id, ['parsed']);
      const now = await kept();
      expect({ inFlight: now.inFlight, imports: now.imports.length, parseJobs: now.parseJobs }).toEqual({ inFlight: LIMIT, imports: before.imports.length + round + 1, parseJobs: before.parseJobs + round + 1 });
      expectFilesOfRows(now.files, await storagePathsInFlight());
      // back to one short of the limit for the next round
      await cancel(created.id);
    }
  });
});
