import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Import, ImportRowError } from '@tandem/contracts';
import { call, q, startApiWith, type Call, type TestApi } from './api';

/**
 * CSV imports from a test: upload as a token (a user's session or an API key), wait for the
 * worker (started in the test's process) to parse or commit, read the errors both ways.
 */

/** The API and the worker in the test's process, sharing an IMPORT_DIR of their own. */
export interface ImportsStack {
  api: TestApi;
  worker: INestApplicationContext;
  importDir: string;
  /** worker, then API, then the directory */
  close(): Promise<void>;
}

/**
 * Start both over a fresh IMPORT_DIR, set for the rest of the file (the worker reads what the
 * API stored); `env` changes only the API's configuration.
 */
export async function startImportsStack(env: Record<string, string> = {}): Promise<ImportsStack> {
  const importDir = mkdtempSync(path.join(tmpdir(), 'tandem-imports-'));
  process.env.IMPORT_DIR = importDir;
  const api = await startApiWith(env);
  const { createWorker } = await import('../../../apps/worker/src/bootstrap');
  const worker = await createWorker();
  const close = async (): Promise<void> => {
    await worker.close();
    await api.close();
    rmSync(importDir, { recursive: true, force: true });
  };
  return { api, worker, importDir, close };
}

export const IMPORT_HEADER = 'org_code,period,metric,value,numerator,denominator,customer_code,note';

export async function uploadCsv(api: TestApi, token: string, content: string, filename = 'values.csv'): Promise<Call> {
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'text/csv' }), filename);
  const res = await fetch(`${api.url}/api/imports`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : null, contentType: res.headers.get('content-type') ?? '' };
}

export async function waitForImport(api: TestApi, token: string, id: string, statuses: Import['status'][], ms = 60_000): Promise<Import> {
  const until = Date.now() + ms;
  for (;;) {
    const res = await call(api, 'GET', `/api/imports/${id}`, { token });
    if (res.status !== 200) throw new Error(`import ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    const imp = res.body as Import;
    if (statuses.includes(imp.status)) return imp;
    if (Date.now() > until) throw new Error(`import ${id} still ${imp.status} (${imp.progress}%)`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Upload the rows (the header is added) and wait until the worker parsed them. */
export async function parsedImport(api: TestApi, token: string, rows: string[]): Promise<Import> {
  const res = await uploadCsv(api, token, [IMPORT_HEADER, ...rows].join('\n'));
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  const imp = await waitForImport(api, token, (res.body as Import).id, ['parsed', 'failed']);
  if (imp.status !== 'parsed') throw new Error(`import ${imp.id} ${imp.status}: ${imp.fileError}`);
  return imp;
}

export async function importErrors(api: TestApi, token: string, id: string): Promise<ImportRowError[]> {
  const res = await call(api, 'GET', `/api/imports/${id}/errors${q({ range: [0, 499] })}`, { token });
  if (res.status !== 200) throw new Error(`errors of ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ImportRowError[];
}

/** The error report download, as text. */
export async function importErrorsCsv(api: TestApi, token: string, id: string): Promise<string> {
  const res = await fetch(`${api.url}/api/imports/${id}/errors.csv`, { headers: { Authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`errors.csv of ${id}: ${res.status}`);
  return res.text();
}

export async function commitImport(api: TestApi, token: string, id: string): Promise<Import> {
  const res = await call(api, 'POST', `/api/imports/${id}/commit`, { token });
  if (res.status !== 202) throw new Error(`commit of ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return waitForImport(api, token, id, ['committed']);
}
