import autocannon from 'autocannon';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { seed } from '../prisma/seed';
import { applyMigrations } from '../prisma/tools/migrate';
import { generateOrganisations } from './generate';
import { formatReport, summarise, type Summary, type Target } from './stats';
import { intFromEnv, login, scratchSettings, STAFF_EMAIL, type Scratch, useAppEnvironment, withScratchDatabase } from './support';

/**
 * `GET /api/organisations` for consortium staff at 32 concurrent connections, against the
 * same page + count sent straight through `pg`, with and without the consortium scope. The
 * gaps say what the HTTP/Nest/Prisma layers cost (target ≤ 2 ms at p50) and what tenant
 * scoping costs in SQL (target ≤ 1.1×).
 */

interface Settings {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  organisations: number;
  adminUrl: string;
  redisUrl: string;
  timeoutSeconds: number;
}

function settings(): Settings {
  const s: Settings = {
    seconds: intFromEnv('BENCH_SECONDS', 10, 1, 300),
    warmupSeconds: intFromEnv('BENCH_WARMUP_SECONDS', 2, 0, 60),
    connections: intFromEnv('BENCH_CONNECTIONS', 32, 1, 256),
    organisations: intFromEnv('BENCH_ORGANISATIONS', 30_000, 0, 1_000_000),
    ...scratchSettings(),
  };
  return s;
}

/** The list the benchmark asks for: suppliers whose name or code mentions steel, first page by name. */
const SEARCH = 'steel';
const KIND = 'supplier';
const PAGE_SIZE = 25;

// The SQL the organisations list runs for consortium staff (libs/server scope.ts: registered by
// the consortium or a member of it; organisations.service.ts: q searches name and code, through
// the trigger-kept "search" column).
const COLUMNS = `o.id, o.code, o.name, o.kind, o."naicsCode", o.county, o.region, o."employeeCount", o."frontlineEmployeeCount",
  o."annualPayroll", o.unionised, o."registeredByConsortiumId", o."createdAt", o."updatedAt"`;
const FILTER = `o.kind = $1::"OrganisationKind" AND o.search LIKE $2`;
// The same scope the API applies for consortium staff (libs/server/src/database/scope.ts).
const SCOPE = `o."consortiumIds" @> ARRAY[$3]::uuid[]`;
const SCOPED_PAGE = `SELECT ${COLUMNS} FROM "Organisation" o WHERE ${FILTER} AND ${SCOPE} ORDER BY o.name ASC, o.id ASC LIMIT ${PAGE_SIZE} OFFSET 0`;
const SCOPED_COUNT = `SELECT count(*)::int AS n FROM "Organisation" o WHERE ${FILTER} AND ${SCOPE}`;
const UNSCOPED_PAGE = `SELECT ${COLUMNS} FROM "Organisation" o WHERE ${FILTER} ORDER BY o.name ASC, o.id ASC LIMIT ${PAGE_SIZE} OFFSET 0`;
const UNSCOPED_COUNT = `SELECT count(*)::int AS n FROM "Organisation" o WHERE ${FILTER}`;

interface Query {
  page: string;
  count: string;
  params: string[];
}

/** Runs `op` from `connections` concurrent loops until the time is up; latency per completed op. */
async function closedLoop(label: string, seconds: number, connections: number, op: () => Promise<void>): Promise<Summary> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await op();
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= error;
          if (errors > 100) throw new Error(`${label}: too many errors, first: ${String(firstError)}`);
        }
      }
    }),
  );
  if (firstError) console.error(`${label}: ${errors} errors, first: ${String(firstError)}`);
  return summarise(label, latencies, (performance.now() - started) / 1000, errors);
}

/** Page and total concurrently on two pool connections, as the API's listPage does. */
function sqlOp(pool: Pool, q: Query): () => Promise<void> {
  return async () => {
    await Promise.all([pool.query(q.page, q.params), pool.query(q.count, q.params)]);
  };
}

async function measureSql(pool: Pool, label: string, q: Query, s: Settings, connections: number): Promise<Summary> {
  if (s.warmupSeconds > 0) await closedLoop(label, s.warmupSeconds, connections, sqlOp(pool, q));
  return closedLoop(label, s.seconds, connections, sqlOp(pool, q));
}

function autocannonRun(options: autocannon.Options, onLatency?: (ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onLatency) {
      // autocannon's histogram has whole-millisecond resolution; the gap we judge is 2 ms
      instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        if (statusCode >= 200 && statusCode < 300) onLatency(responseTime);
      });
    }
  });
}

async function measureApi(api: Api, url: string, token: string, s: Settings, connections: number, label = 'API GET /api/organisations'): Promise<Summary> {
  const options: autocannon.Options = {
    url,
    connections,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  };
  if (s.warmupSeconds > 0) {
    await autocannonRun({ ...options, duration: s.warmupSeconds });
    await api.drain();
  }
  const latencies: number[] = [];
  const result = await autocannonRun({ ...options, duration: s.seconds }, (ms) => latencies.push(ms));
  const errors = result.errors + result.timeouts + result.non2xx;
  if (errors > 0) console.error(`API: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts`);
  return summarise(label, latencies, result.duration, errors);
}

interface Api {
  baseUrl: string;
  /** resolves once the server has answered every request it received */
  drain: () => Promise<void>;
  close: () => Promise<void>;
  /** what every authenticated request adds to end sessions at once: the revocation markers' MGET */
  revocationCheck: (token: string) => () => Promise<void>;
}

/** The real API module graph, configured from the environment like `npm start` does. */
async function startApi(scratch: Scratch, s: Settings): Promise<Api> {
  useAppEnvironment(scratch, s.redisUrl, { DATABASE_POOL_MAX: String(s.connections) });
  // imported late: the configuration is read once, from the variables just set
  const { createApp } = await import('../apps/api/src/bootstrap');
  const app = await createApp();
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  // autocannon stops sending at the deadline, but the server may still be working through a
  // queue; closing the app under it would fail those requests with "pool has ended"
  let inFlight = 0;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    res.once('close', () => inFlight--);
  });
  const drain = async (): Promise<void> => {
    const until = Date.now() + 30_000;
    while (inFlight > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const address = server.address() as AddressInfo;
  const { SessionRevocations } = await import('../apps/api/src/auth/session-revocations');
  const revocations = app.get(SessionRevocations, { strict: false });
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    drain,
    revocationCheck: (token) => {
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sub: string; ra: string; fam: string; ims: number };
      return async () => {
        if (await revocations.isRevoked(claims)) throw new Error('the benchmark session was revoked');
      };
    },
    close: async () => {
      await drain();
      await app.close();
    },
  };
}

export async function runListBenchmark(): Promise<void> {
  const s = settings();
  let pool: Pool | undefined;
  let api: Api | undefined;
  const release = async (): Promise<void> => {
    await api?.close().catch((error: unknown) => console.error(`closing the API: ${String(error)}`));
    await pool?.end().catch(() => undefined);
  };
  await withScratchDatabase('list', s, async (scratch) => {
    const { databaseUrl } = scratch;
    let t = performance.now();
    await applyMigrations(databaseUrl);
    await seed(databaseUrl, { log: (line) => console.log(line) });
    pool = new Pool({ connectionString: databaseUrl, max: s.connections });
    const client = await pool.connect();
    try {
      const generated = await generateOrganisations(client, s.organisations);
      console.log(`generated ${generated.organisations} organisations, ${generated.memberships} memberships in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } finally {
      client.release();
    }

    const { rows } = await pool.query<{ id: string }>('SELECT id FROM "Consortium" WHERE slug = $1', ['glmp']);
    const consortiumId = rows[0]?.id;
    if (!consortiumId) throw new Error('consortium glmp missing after seeding');
    const params = [KIND, `%${SEARCH}%`];
    const scoped: Query = { page: SCOPED_PAGE, count: SCOPED_COUNT, params: [...params, consortiumId] };
    const unscoped: Query = { page: UNSCOPED_PAGE, count: UNSCOPED_COUNT, params };
    const scopedTotal = (await pool.query<{ n: number }>(scoped.count, scoped.params)).rows[0]?.n ?? 0;
    const unscopedTotal = (await pool.query<{ n: number }>(unscoped.count, unscoped.params)).rows[0]?.n ?? 0;
    const total = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM "Organisation"')).rows[0]?.n ?? 0;
    console.log(`filter kind=${KIND} q=${SEARCH}: ${scopedTotal} rows for glmp staff, ${unscopedTotal} unscoped, of ${total} organisations`);
    console.log(`measuring ${s.seconds} s each (after ${s.warmupSeconds} s warm-up) at ${s.connections} connections`);

    const sqlScoped = await measureSql(pool, 'SQL scoped (pg)', scoped, s, s.connections);
    const sqlUnscoped = await measureSql(pool, 'SQL unscoped (pg)', unscoped, s, s.connections);
    // one connection: what each layer costs per request, without queueing behind the others
    const sqlScopedSerial = await measureSql(pool, 'SQL scoped (pg)', scoped, s, 1);
    const sqlUnscopedSerial = await measureSql(pool, 'SQL unscoped (pg)', unscoped, s, 1);
    await pool.end();
    pool = undefined;

    t = performance.now();
    api = await startApi(scratch, s);
    console.log(`API up on ${api.baseUrl} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const token = await login(api.baseUrl);
    const query = new URLSearchParams({
      sort: JSON.stringify(['name', 'ASC']),
      range: JSON.stringify([0, PAGE_SIZE - 1]),
      filter: JSON.stringify({ kind: KIND, q: SEARCH }),
    });
    const listUrl = `${api.baseUrl}/api/organisations?${query.toString()}`;
    // the API and the baseline must answer the same question, or the comparison is void
    const probe = await fetch(listUrl, { headers: { authorization: `Bearer ${token}` } });
    const contentRange = probe.headers.get('content-range') ?? '';
    if (!probe.ok || !contentRange.endsWith(`/${scopedTotal}`)) {
      throw new Error(`API answered ${probe.status} with Content-Range "${contentRange}"; the SQL baseline counts ${scopedTotal} rows`);
    }
    const apiSummary = await measureApi(api, listUrl, token, s, s.connections);
    await api.drain();
    const apiSerial = await measureApi(api, listUrl, token, s, 1);
    const revocationSerial = await closedLoop('revocation check (Redis MGET)', s.seconds, 1, api.revocationCheck(token));
    // the layers under the list, one request at a time: what any request costs (HTTP, Nest, the
    // address limit, logging), then a signed-in request that reads one row (token, revocation
    // check, principal limit, scoped client)
    const floorSerial = await measureApi(api, `${api.baseUrl}/health`, token, s, 1, 'API GET /health');
    const meSerial = await measureApi(api, `${api.baseUrl}/api/auth/me`, token, s, 1, 'API GET /api/auth/me');

    const gap = apiSummary.p50 - sqlScoped.p50;
    const ratio = sqlScoped.p50 / sqlUnscoped.p50;
    const targets: Target[] = [
      { label: 'API p50 - SQL scoped p50', value: `${gap.toFixed(2)} ms`, target: '<= 2 ms', pass: gap <= 2 },
      { label: 'SQL scoped / unscoped p50', value: `${ratio.toFixed(2)}x`, target: '<= 1.1x', pass: ratio <= 1.1 },
    ];
    console.log(`\nGET /api/organisations?${decodeURIComponent(query.toString())} as ${STAFF_EMAIL}\n`);
    console.log(`at ${s.connections} connections:\n`);
    console.log(formatReport([apiSummary, sqlScoped, sqlUnscoped], targets));
    const serialGap = apiSerial.p50 - sqlScopedSerial.p50;
    const serialRatio = sqlScopedSerial.p50 / sqlUnscopedSerial.p50;
    console.log('\nat 1 connection (no queueing; for reading the targets above):\n');
    console.log(
      formatReport(
        [apiSerial, sqlScopedSerial, sqlUnscopedSerial],
        [
          { label: 'API p50 - SQL scoped p50', value: `${serialGap.toFixed(2)} ms`, target: '<= 2 ms', pass: serialGap <= 2 },
          { label: 'SQL scoped / unscoped p50', value: `${serialRatio.toFixed(2)}x`, target: '<= 1.1x', pass: serialRatio <= 1.1 },
        ],
      ),
    );
    console.log('\nwhere the API\'s time goes, at 1 connection (p50; the differences are estimates, each p50 is its own run):\n');
    console.log(formatReport([floorSerial, meSerial], []));
    const layers: [string, number][] = [
      ['any request (HTTP, Nest, address limit, logging)', floorSerial.p50],
      ['signed in, one row read (token, revocation check, principal limit, scoped client)', meSerial.p50 - floorSerial.p50],
      ['the list beyond its SQL and the layers above (validation, two queries, serialisation)', apiSerial.p50 - meSerial.p50 - sqlScopedSerial.p50],
    ];
    for (const [what, ms] of layers) console.log(`  ${ms.toFixed(2).padStart(7)} ms  ${what}`);
    if (serialGap > 2) console.log(`why: the ${serialGap.toFixed(2)} ms over the SQL are the layers above; the target of 2 ms is less than ${serialGap <= floorSerial.p50 ? 'what any request costs' : 'their sum'}`);
    console.log('\nwhat ending sessions at once adds to each request (part of the API figures above):\n');
    console.log(
      formatReport(
        [revocationSerial],
        [{ label: 'revocation check p50', value: `${revocationSerial.p50.toFixed(3)} ms`, target: '<= 0.3 ms', pass: revocationSerial.p50 <= 0.3 }],
      ),
    );
    // p50 far above the unloaded p50 means the run measured a queue, not the request path
    if (sqlScoped.p50 > 5 * sqlScopedSerial.p50) {
      console.log(
        `\nnote: at ${s.connections} connections the database is saturated (SQL p50 ${sqlScoped.p50.toFixed(1)} ms vs ` +
          `${sqlScopedSerial.p50.toFixed(1)} ms alone); the ${s.connections}-connection gap compares queues, not request paths`,
      );
    }
    console.log('');
  }, release);
}
