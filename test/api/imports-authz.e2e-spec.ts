import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import type { Import, ImportRowError } from '@tandem/contracts';
import { createPeriods, ensureCatalogue } from '../support/import-fixtures';
import { call, q, startApi, type Call, type TestApi } from './support/api';
import { dbPool, EMAIL, loadDemo, session, uniq, type Demo } from './support/fixtures';
import { documentedRoutes, signInRoles } from './support/authz';
import { freeYear } from './support/performance';

jest.setTimeout(60_000);

/**
 * Authorization table of the CSV imports: one row per {route, role, target, expect}, run
 * against the live API with the worker in this process (uploads are parsed for real).
 *
 * Targets: `own` is an import of Acme Castings (uploaded by its firm admin), `other-firm` one
 * of Badger Machining (another glmp member), `other-consortium` one of Fox Cities Gear in
 * fvsn; for the fvsn staff member the glmp imports are the foreign ones. For the upload
 * itself the target is whose figures the file carries (org_code): a firm may upload, but
 * the worker takes only its own organisation's rows; staff take their consortium's members.
 *
 * Expectations are written out, never computed: a role without the permission
 * (imports.read / imports.create in libs/contracts/src/permissions.ts) gets 403 whatever
 * the target; a role with it gets 404 for an import outside its scope
 * (libs/server/src/database/scope.ts: staff their consortium's, a firm its own), never the
 * import. An allowed commit or cancel acts on a parsed import made for that row alone; a
 * refused one is aimed at an import that is already cancelled, so even a broken guard
 * could change nothing (it would answer 409, which fails the row).
 */
const ROLES = ['platform', 'staff', 'firmAdmin', 'contributor', 'apiKey', 'buyer', 'union', 'trainer', 'funder', 'fvsnStaff'] as const;
type Role = (typeof ROLES)[number];
type Target = 'own' | 'other-firm' | 'other-consortium';
const TARGETS: Target[] = ['own', 'other-firm', 'other-consortium'];

/**
 * An HTTP status; `n rows` for a list answered 200 with n rows; for an upload answered 201,
 * what the worker made of the file's one row: `row valid`, or `row error` (on org_code).
 */
type Expect = number | `${number} rows` | 'row valid' | 'row error';
type Triple = [Expect, Expect, Expect];

export interface ImportsAuthzRow {
  route: string;
  role: Role;
  target: Target;
  expect: Expect;
}

const F3: Triple = [403, 403, 403];
const NO_IMPORTS = { buyer: F3, union: F3, trainer: F3, funder: F3 };

// prettier-ignore
const TABLE: Record<string, Record<Role, Triple>> = {
  // The platform admin holds imports.create but belongs to no consortium, and an import must
  // belong to one: the service refuses with 403 (there is no consortiumId to name instead).
  'POST /api/imports':                     { platform: F3, staff: ['row valid', 'row valid', 'row error'], firmAdmin: ['row valid', 'row error', 'row error'], contributor: ['row valid', 'row error', 'row error'], apiKey: ['row valid', 'row error', 'row error'], ...NO_IMPORTS, fvsnStaff: ['row error', 'row error', 'row valid'] },
  'GET /api/imports':                      { platform: ['1 rows', '1 rows', '1 rows'], staff: ['1 rows', '1 rows', '0 rows'], firmAdmin: ['1 rows', '0 rows', '0 rows'], contributor: ['1 rows', '0 rows', '0 rows'], apiKey: ['1 rows', '0 rows', '0 rows'], ...NO_IMPORTS, fvsnStaff: ['0 rows', '0 rows', '1 rows'] },
  'GET /api/imports/{id}':                 { platform: [200, 200, 200], staff: [200, 200, 404], firmAdmin: [200, 404, 404], contributor: [200, 404, 404], apiKey: [200, 404, 404], ...NO_IMPORTS, fvsnStaff: [404, 404, 200] },
  'GET /api/imports/{id}/errors':          { platform: ['1 rows', '1 rows', '1 rows'], staff: ['1 rows', '1 rows', 404], firmAdmin: ['1 rows', 404, 404], contributor: ['1 rows', 404, 404], apiKey: ['1 rows', 404, 404], ...NO_IMPORTS, fvsnStaff: [404, 404, '1 rows'] },
  'GET /api/imports/{id}/errors.csv':      { platform: [200, 200, 200], staff: [200, 200, 404], firmAdmin: [200, 404, 404], contributor: [200, 404, 404], apiKey: [200, 404, 404], ...NO_IMPORTS, fvsnStaff: [404, 404, 200] },
  'POST /api/imports/{id}/commit':         { platform: [202, 202, 202], staff: [202, 202, 404], firmAdmin: [202, 404, 404], contributor: [202, 404, 404], apiKey: [202, 404, 404], ...NO_IMPORTS, fvsnStaff: [404, 404, 202] },
  'POST /api/imports/{id}/cancel':         { platform: [200, 200, 200], staff: [200, 200, 404], firmAdmin: [200, 404, 404], contributor: [200, 404, 404], apiKey: [200, 404, 404], ...NO_IMPORTS, fvsnStaff: [404, 404, 200] },
};

export const IMPORTS_AUTHZ: ImportsAuthzRow[] = Object.entries(TABLE).flatMap(([route, byRole]) =>
  ROLES.flatMap((role) => TARGETS.map((target, i) => ({ route, role, target, expect: byRole[role][i] as Expect }))),
);

const MAX_BYTES = 1024 * 1024;
const importDir = mkdtempSync(path.join(tmpdir(), 'tandem-imports-authz-'));
process.env.IMPORT_DIR = importDir;
process.env.MAX_IMPORT_BYTES = String(MAX_BYTES);

const HEADER = 'org_code,period,metric,value,numerator,denominator,customer_code,note';
const ORG_CODE: Record<Target, string> = { own: 'acme-castings', 'other-firm': 'badger-machining', 'other-consortium': 'fox-cities-gear' };

interface World {
  api: TestApi;
  worker: INestApplicationContext;
  pool: Pool;
  demo: Demo;
  tokens: Record<Role, string>;
  /** the firm admin who uploads each target's imports (Acme, Badger, Fox) */
  owner: Record<Target, string>;
  /** a period code open in both consortia */
  period: string;
  /** parsed, one valid row and one error row: what the read rows look at */
  readable: Record<Target, string>;
  /** cancelled: what refused commits and cancels are aimed at */
  closed: Record<Target, string>;
}

let w: World;

/** One valid row of the target firm's figures (optionally a second row with an unknown metric). */
function csv(target: Target, withError = false): string {
  const rows = [HEADER, `${ORG_CODE[target]},${w.period},LEAD_TIME,${10 + Math.floor(Math.random() * 50)},,,,authz`];
  if (withError) rows.push(`${ORG_CODE[target]},${w.period},NO_SUCH_METRIC,1,,,,`);
  return rows.join('\n');
}

/** Multipart upload, field `file`, as the console sends it. */
async function upload(token: string, content: string): Promise<Call> {
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'text/csv' }), `authz-${uniq('f')}.csv`);
  const res = await fetch(`${w.api.url}/api/imports`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, headers: res.headers, body, contentType: res.headers.get('content-type') ?? '' };
}

interface ImportState {
  status: string;
  organisationId: string | null;
  validRows: number;
  errorRows: number;
  committedRows: number;
  updatedAt: string;
}

async function state(id: string): Promise<ImportState> {
  const { rows } = await w.pool.query<ImportState>(
    `SELECT status::text AS status, "organisationId", "validRows", "errorRows", "committedRows", "updatedAt"::text AS "updatedAt" FROM "Import" WHERE id = $1`,
    [id],
  );
  if (!rows[0]) throw new Error(`import ${id} missing`);
  return rows[0];
}

/** Wait (on the database, not through the API under test) until the worker has moved the import on. */
async function settled(id: string, statuses: string[], ms = 30_000): Promise<ImportState> {
  const until = Date.now() + ms;
  for (;;) {
    const s = await state(id);
    if (statuses.includes(s.status)) return s;
    if (Date.now() > until) throw new Error(`import ${id} still ${s.status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** An import of the target's firm, uploaded by its firm admin and parsed by the worker. */
async function parsedImport(target: Target, withError = false): Promise<string> {
  const res = await upload(w.owner[target], csv(target, withError));
  if (res.status !== 201) throw new Error(`upload for ${target} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const id = (res.body as Import).id;
  const s = await settled(id, ['parsed', 'failed']);
  if (s.status !== 'parsed' || s.errorRows !== (withError ? 1 : 0)) throw new Error(`import ${id} for ${target}: ${JSON.stringify(s)}`);
  return id;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await w.pool.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? 0;
}

const filesStored = (): number => readdirSync(importDir).length;

interface Req {
  path: string;
  /** CSV content: sent as a multipart upload */
  file?: string;
  /** the import the request addresses */
  importId?: string;
}

type Builder = (role: Role, target: Target, refused: boolean) => Promise<Req>;

const REQUESTS: Record<string, Builder> = {
  'POST /api/imports': async (_role, target) => ({ path: '/api/imports', file: csv(target) }),
  'GET /api/imports': async (_role, target) => ({ path: `/api/imports${q({ filter: { id: [w.readable[target]] } })}`, importId: w.readable[target] }),
  'GET /api/imports/{id}': async (_role, target) => ({ path: `/api/imports/${w.readable[target]}`, importId: w.readable[target] }),
  'GET /api/imports/{id}/errors': async (_role, target) => ({ path: `/api/imports/${w.readable[target]}/errors`, importId: w.readable[target] }),
  'GET /api/imports/{id}/errors.csv': async (_role, target) => ({ path: `/api/imports/${w.readable[target]}/errors.csv`, importId: w.readable[target] }),
  'POST /api/imports/{id}/commit': async (_role, target, refused) => {
    const id = refused ? w.closed[target] : await parsedImport(target);
    return { path: `/api/imports/${id}/commit`, importId: id };
  },
  'POST /api/imports/{id}/cancel': async (_role, target, refused) => {
    const id = refused ? w.closed[target] : await parsedImport(target);
    return { path: `/api/imports/${id}/cancel`, importId: id };
  },
};

describe('imports authorization table', () => {
  beforeAll(async () => {
    const api = await startApi();
    const { createWorker } = await import('../../apps/worker/src/bootstrap');
    const worker = await createWorker();
    const pool = dbPool();
    const demo = await loadDemo(pool);
    await ensureCatalogue(pool, demo.consortium.glmp);
    await ensureCatalogue(pool, demo.consortium.fvsn);
    const year = await freeYear(pool);
    await createPeriods(pool, demo.consortium.glmp, year);
    await createPeriods(pool, demo.consortium.fvsn, year);

    const tokens = await signInRoles(api, ROLES);
    const owner: Record<Target, string> = { own: tokens.firmAdmin, 'other-firm': await session(api, EMAIL.badgerAdmin), 'other-consortium': await session(api, EMAIL.foxAdmin) };

    w = { api, worker, pool, demo, tokens, owner, period: `${year}-Q1`, readable: {} as World['readable'], closed: {} as World['closed'] };
    for (const target of TARGETS) {
      w.readable[target] = await parsedImport(target, true);
      const closed = await parsedImport(target);
      const res = await call(api, 'POST', `/api/imports/${closed}/cancel`, { token: owner[target] });
      if (res.status !== 200) throw new Error(`cancelling ${closed} failed: ${res.status} ${JSON.stringify(res.body)}`);
      w.closed[target] = closed;
    }
  }, 60_000);

  afterAll(async () => {
    await w?.worker.close();
    await w?.api.close();
    await w?.pool.end();
    rmSync(importDir, { recursive: true, force: true });
  }, 60_000);

  it('has a row for every route of /api/imports, for every role and target', async () => {
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(TABLE).sort());
    const documented = await documentedRoutes(w.api, /^\/api\/imports(\/|$)/);
    expect(documented.sort()).toEqual(Object.keys(TABLE).sort());
    expect(IMPORTS_AUTHZ).toHaveLength(Object.keys(TABLE).length * ROLES.length * TARGETS.length);
  });

  describe.each(Object.keys(TABLE))('%s', (route) => {
    const rows = IMPORTS_AUTHZ.filter((r) => r.route === route);
    it.each(rows.map((r) => [r.role, r.target, r.expect, r] as const))('%s × %s → %s', async (_role, _target, _expect, row) => {
      const [method] = route.split(' ') as [string];
      const refused = typeof row.expect === 'number' && row.expect >= 400;
      const req = await (REQUESTS[route] as Builder)(row.role, row.target, refused);
      const token = w.tokens[row.role];
      const before = { imports: await count(`SELECT count(*)::int AS n FROM "Import"`), files: filesStored(), target: req.importId ? await state(req.importId) : undefined };

      const res = req.file !== undefined ? await upload(token, req.file) : await call(w.api, method, req.path, { token });

      // what the answer amounts to, in the table's terms
      let got: Expect = res.status;
      let created: ImportState | undefined;
      if (res.status === 200 && Array.isArray(res.body) && typeof row.expect === 'string') got = `${res.body.length} rows`;
      if (res.status === 201 && req.file !== undefined) {
        created = await settled((res.body as Import).id, ['parsed', 'failed']);
        got = created.status === 'parsed' && created.validRows === 1 && created.errorRows === 0 ? 'row valid' : created.status === 'parsed' && created.validRows === 0 && created.errorRows === 1 ? 'row error' : res.status;
      }
      expect({ route, role: row.role, target: row.target, got, body: got === row.expect ? '(as expected)' : (created ?? res.body) }).toEqual({
        route,
        role: row.role,
        target: row.target,
        got: row.expect,
        body: '(as expected)',
      });

      if (res.status >= 400) {
        expect(res.contentType).toContain('application/problem+json');
        // a refusal never carries the import, not even its id
        if (req.importId) expect(JSON.stringify(res.body)).not.toContain(req.importId);
        // and changes nothing: no import, no stored file, the addressed import as it was
        expect({ imports: await count(`SELECT count(*)::int AS n FROM "Import"`), files: filesStored(), target: req.importId ? await state(req.importId) : undefined }).toEqual(before);
        return;
      }

      const body = res.body as Import;
      switch (route) {
        case 'POST /api/imports': {
          // the upload is the uploader's: its firm's, or the consortium's (null) for staff
          const firm = row.role === 'firmAdmin' || row.role === 'contributor' || row.role === 'apiKey';
          expect(body).toMatchObject({ status: 'uploaded', organisationId: firm ? w.demo.org.acme : null });
          if (row.expect === 'row error') {
            const errors = await w.pool.query<{ column: string }>(`SELECT "column" FROM "ImportError" WHERE "importId" = $1`, [body.id]);
            expect(errors.rows).toEqual([{ column: 'org_code' }]);
          }
          break;
        }
        case 'GET /api/imports':
          if (row.expect === '1 rows') expect((res.body as Import[])[0]?.id).toBe(req.importId);
          break;
        case 'GET /api/imports/{id}':
          expect(body).toMatchObject({ id: req.importId, status: 'parsed', validRows: 1, errorRows: 1 });
          break;
        case 'GET /api/imports/{id}/errors':
          expect(res.body as ImportRowError[]).toEqual([expect.objectContaining({ importId: req.importId, rowNumber: 3, column: 'metric' })]);
          break;
        case 'GET /api/imports/{id}/errors.csv': {
          expect(res.contentType).toContain('text/csv');
          const lines = String(res.body).trim().split(/\r?\n/);
          expect(lines).toHaveLength(2);
          expect(lines[0]).toBe('row,column,message');
          expect(lines[1]).toMatch(/^3,metric,/);
          break;
        }
        case 'POST /api/imports/{id}/commit': {
          expect(body).toMatchObject({ id: req.importId, status: 'committing' });
          const done = await settled(req.importId as string, ['committed', 'parsed', 'failed']);
          expect(done).toMatchObject({ status: 'committed', committedRows: 1 });
          // the worker drops staging rows and the file just after the commit: let it finish, so
          // the next row's "nothing changed" check does not see it happen
          const { rows: stored } = await w.pool.query<{ storagePath: string }>(`SELECT "storagePath" FROM "Import" WHERE id = $1`, [req.importId]);
          const file = stored[0]?.storagePath ?? '';
          for (const until = Date.now() + 10_000; readdirSync(importDir).includes(file) || (await count(`SELECT count(*)::int AS n FROM "ImportRow" WHERE "importId" = $1`, [req.importId])) > 0; ) {
            if (Date.now() > until) throw new Error(`import ${req.importId}: staging rows or file left after the commit`);
            await new Promise((r) => setTimeout(r, 25));
          }
          break;
        }
        case 'POST /api/imports/{id}/cancel':
          expect(body).toMatchObject({ id: req.importId, status: 'cancelled' });
          expect(await count(`SELECT count(*)::int AS n FROM "ImportRow" WHERE "importId" = $1`, [req.importId])).toBe(0);
          break;
        default:
          throw new Error(`no check for ${route}`);
      }
    });
  });
});
