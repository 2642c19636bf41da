import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { seed } from '../prisma/seed';
import { DEMO_PASSWORD } from '../prisma/seed/demo-accounts';
import { applyMigrations } from '../prisma/tools/migrate';
import { summarise, type Summary } from './stats';
import { intFromEnv, scratchSettings, type Scratch, useAppEnvironment, withScratchDatabase } from './support';

/**
 * `npm run bench -- load` BENCH_LOAD_CONNECTIONS (64) concurrent clients
 * for BENCH_LOAD_SECONDS (60), split over six demo roles, each looping over its role's common
 * reads and writes: consortium staff, a supplier's contributor and (another supplier's) firm
 * admin, a customer's buyer, a union representative and a funder. Prints requests/s, p50 and
 * p99 per role and in total, non-2xx responses and connection errors/timeouts, and the API
 * process's resident set size after the warm-up and at the end. The warm-up (BENCH_WARMUP_SECONDS,
 * 30) runs the same clients, so the heap has grown to what 64 concurrent requests need before the
 * RSS is first read: the target is about what keeps growing after that, not V8 sizing its heap.
 * Targets: 0 errors of any kind, RSS growth < 10 %.
 *
 * The API runs as a child process (bench/load-api.ts) so that the RSS is the API's alone,
 * read from /proc/<pid>/status (VmRSS), and autocannon's work does not share its event loop.
 */

interface Settings {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  adminUrl: string;
  redisUrl: string;
  timeoutSeconds: number;
}

function settings(): Settings {
  const s: Settings = {
    seconds: intFromEnv('BENCH_LOAD_SECONDS', 60, 1, 3000),
    warmupSeconds: intFromEnv('BENCH_WARMUP_SECONDS', 30, 0, 300),
    connections: intFromEnv('BENCH_LOAD_CONNECTIONS', 64, ROLES.length, 1024),
    ...scratchSettings(),
  };
  return s;
}

type RoleName = 'staff' | 'contributor' | 'firm admin' | 'buyer' | 'union rep' | 'funder';

interface RoleSpec {
  name: RoleName;
  email: string;
  /** share of the connections (of 64) */
  weight: number;
}

/** Who the load comes from; the weights are shares of 64 connections. */
const ROLES: readonly RoleSpec[] = [
  { name: 'staff', email: 'staff.admin@glmp.demo', weight: 12 },
  { name: 'contributor', email: 'contributor@acme-castings.demo', weight: 14 },
  { name: 'firm admin', email: 'supplier.admin@badger-machining.demo', weight: 12 },
  { name: 'buyer', email: 'buyer@northstar-engines.demo', weight: 12 },
  { name: 'union rep', email: 'union@glmp.demo', weight: 7 },
  { name: 'funder', email: 'funder@wi-workforce.demo', weight: 7 },
];

/** Years of quarters generated (through the API) so the firms have open periods to report new drafts in. */
const SCRATCH_YEAR_FIRST = 2200;
const SCRATCH_YEARS = 40;
/** One write in this many reports a new draft; the others change a draft reported before. */
const CREATE_EVERY = 5;

/** Connections per role: the weights scaled to `total` (largest remainder), at least one each. */
function split(total: number): number[] {
  const sum = ROLES.reduce((a, r) => a + r.weight, 0);
  const exact = ROLES.map((r) => Math.max(1, (r.weight * total) / sum));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, n) => a + n, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]![1]]!++;
  while (counts.reduce((a, n) => a + n, 0) > total) counts[counts.indexOf(Math.max(...counts))]!--;
  return counts;
}

function listQuery(resource: string, q: { sort?: [string, 'ASC' | 'DESC']; range?: [number, number]; filter?: Record<string, unknown> } = {}): string {
  const params = new URLSearchParams();
  if (q.sort) params.set('sort', JSON.stringify(q.sort));
  params.set('range', JSON.stringify(q.range ?? [0, 24]));
  if (q.filter) params.set('filter', JSON.stringify(q.filter));
  return `/api/${resource}?${params.toString()}`;
}

/** The API in its own process. */
interface Api {
  baseUrl: string;
  pid: number;
  /** the API's memory after a full garbage collection */
  collected: () => Promise<NodeJS.MemoryUsage>;
  close: () => Promise<void>;
}

async function startApi(): Promise<Api> {
  const root = path.resolve(__dirname, '..');
  const child: ChildProcess = fork(path.join(__dirname, 'load-api.ts'), [], { cwd: root, execArgv: ['--expose-gc', '-r', path.join(__dirname, 'register.cjs')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port?: number }) => (typeof m.port === 'number' ? resolve(m.port) : reject(new Error('the API sent no port'))));
    child.once('exit', (code) => reject(new Error(`the API exited (${code}) before listening`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    collected: () =>
      new Promise((resolve) => {
        const answer = (m: { memory?: NodeJS.MemoryUsage }) => {
          if (!m.memory) return;
          child.off('message', answer);
          resolve(m.memory);
        };
        child.on('message', answer);
        child.send('memory');
      }),
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killed);
    },
  };
}

/** Resident set size of a process, in bytes (Linux: /proc/<pid>/status). */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  const kb = Number(/(\d+)/.exec(line ?? '')?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for pid ${pid}`);
  return kb * 1024;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const loadavg = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function login(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login as ${email} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken?: unknown };
  if (typeof body.accessToken !== 'string') throw new Error(`login as ${email} returned no accessToken`);
  return body.accessToken;
}

async function call(baseUrl: string, token: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

// ---------------------------------------------------------------- writes

interface Figures {
  value?: number;
  numerator?: number;
  denominator?: number;
}

interface Slot {
  periodId: string;
  metricId: string;
  figures: Figures;
}

/**
 * The drafts one firm's clients write: new ones are reported into free (period, metric)
 * slots; a draft is changed by one client at a time (taken out of `free` while its request
 * is in flight and put back with its new revision), so no write is stale.
 */
class Drafts {
  free: { id: string; revision: number }[] = [];
  slots: Slot[] = [];
  writes = 0;
  created = 0;
  changed = 0;
  /** writes that found nothing to do (no free draft, no slot left) and read instead */
  starved = 0;

  constructor(readonly label: string) {}
}

type Context = Record<string, unknown>;
type Req = autocannon.Request;

/** Every response per role and label, and the first body of each failing status, for the report. */
class Outcomes {
  readonly counts = new Map<string, number>();
  readonly examples = new Map<string, string>();

  record(role: string, label: string, status: number, body: string): void {
    const key = `${role}\t${label}\t${status}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if ((status < 200 || status >= 300) && !this.examples.has(key)) this.examples.set(key, body.slice(0, 400));
  }

  failures(): string[] {
    return [...this.counts]
      .filter(([key]) => {
        const status = Number(key.split('\t')[2]);
        return status < 200 || status >= 300;
      })
      .map(([key, n]) => {
        const [role, label, status] = key.split('\t');
        return `  ${role} ${label}: ${n} × ${status} ${this.examples.get(key) ?? ''}`;
      });
  }
}

interface Step {
  label: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  body?: unknown;
  /** a write whose request is decided when it is sent */
  setup?: (req: Req, context: Context) => Req;
  after?: (status: number, body: string, context: Context) => void;
}

function draftWrite(drafts: Drafts, listPath: string): Step {
  return {
    label: `write ${drafts.label} draft`,
    path: listPath,
    setup: (req, context) => {
      const n = ++drafts.writes;
      const create = drafts.slots.length > 0 && (n % CREATE_EVERY === 0 || drafts.free.length === 0);
      const draft = create ? undefined : drafts.free.shift();
      if (draft) {
        context.draft = draft;
        return { ...req, method: 'PUT', path: `/api/metric-values/${draft.id}`, body: JSON.stringify({ revision: draft.revision, note: `load: change ${n}` }) };
      }
      const slot = create ? drafts.slots.pop() : undefined;
      if (slot) {
        context.creating = true;
        return { ...req, method: 'POST', path: '/api/metric-values', body: JSON.stringify({ metricId: slot.metricId, periodId: slot.periodId, ...slot.figures, note: `load: draft ${n}` }) };
      }
      drafts.starved++;
      return { ...req, method: 'GET', path: listPath, body: undefined };
    },
    after: (status, body, context) => {
      const wrote = context.draft !== undefined || context.creating === true;
      delete context.draft;
      delete context.creating;
      if (!wrote || status < 200 || status >= 300) return;
      const value = JSON.parse(body) as { id: string; revision: number };
      if (value.revision === 1) drafts.created++;
      else drafts.changed++;
      drafts.free.push({ id: value.id, revision: value.revision });
    },
  };
}

/** A field of a relationship flipped between two values: a write that always succeeds. */
function relationshipWrite(ids: string[]): Step {
  let n = 0;
  return {
    label: 'PATCH supply-relationships/:id',
    path: '/api/supply-relationships',
    setup: (req) => {
      n++;
      const id = ids[n % ids.length] as string;
      return { ...req, method: 'PATCH', path: `/api/supply-relationships/${id}`, body: JSON.stringify({ commodity: n % 2 ? 'castings' : 'castings (load test)' }) };
    },
  };
}

// ---------------------------------------------------------------- the mix

interface Ids {
  openPeriodId: string;
  closedPeriodId: string;
  acmeId: string;
  northstarId: string;
  staffRelationships: string[];
  buyerRelationships: string[];
}

function mixes(ids: Ids, contributor: Drafts, firmAdmin: Drafts): Record<RoleName, Step[]> {
  const me: Step = { label: 'GET auth/me', path: '/api/auth/me' };
  const periods: Step = { label: 'GET periods', path: listQuery('periods', { sort: ['startsOn', 'DESC'] }) };
  const completeness: Step = { label: 'GET periods/:id/completeness (home card)', path: `/api/periods/${ids.openPeriodId}/completeness?late=true&limit=5` };
  const definitions: Step = { label: 'GET metric-definitions', path: listQuery('metric-definitions', { range: [0, 99] }) };
  const openValues = listQuery('metric-values', { filter: { periodId: ids.openPeriodId }, range: [0, 49] });
  const firmReads = (drafts: Drafts): Step[] => [
    me,
    periods,
    completeness,
    { label: 'GET metric-values (open period)', path: openValues },
    draftWrite(drafts, openValues),
    definitions,
    { label: 'GET scorecards', path: listQuery('scorecards', { filter: { periodId: ids.closedPeriodId } }) },
    draftWrite(drafts, openValues),
    { label: 'GET corrective-action-plans', path: listQuery('corrective-action-plans') },
    { label: 'GET metric-values (history)', path: listQuery('metric-values', { sort: ['periodStartsOn', 'DESC'] }) },
  ];
  return {
    staff: [
      me,
      { label: 'GET dashboard', path: '/api/dashboard' },
      periods,
      completeness,
      { label: 'GET metric-values (submitted)', path: listQuery('metric-values', { filter: { status: 'submitted' }, sort: ['submittedAt', 'DESC'] }) },
      { label: 'GET organisations (search)', path: listQuery('organisations', { filter: { kind: 'supplier', q: 'steel' }, sort: ['name', 'ASC'] }) },
      { label: 'GET supply-relationships', path: listQuery('supply-relationships') },
      { label: 'GET scorecards', path: listQuery('scorecards', { filter: { periodId: ids.closedPeriodId } }) },
      relationshipWrite(ids.staffRelationships),
      { label: 'GET memberships', path: listQuery('memberships') },
      { label: 'GET corrective-action-plans', path: listQuery('corrective-action-plans') },
      { label: 'GET metric-values (open period)', path: openValues },
    ],
    contributor: firmReads(contributor),
    'firm admin': [
      ...firmReads(firmAdmin),
      { label: 'GET role-assignments', path: listQuery('role-assignments') },
      { label: 'GET invitations', path: listQuery('invitations') },
      { label: 'GET audit-events', path: listQuery('audit-events') },
    ],
    buyer: [
      me,
      { label: 'GET supply-relationships', path: listQuery('supply-relationships', { filter: { customerId: ids.northstarId } }) },
      { label: 'GET scorecards', path: listQuery('scorecards', { filter: { customerId: ids.northstarId, periodId: ids.closedPeriodId } }) },
      { label: 'GET metric-values (customer reports)', path: listQuery('metric-values', { filter: { customerReported: true } }) },
      relationshipWrite(ids.buyerRelationships),
      { label: 'GET corrective-action-plans', path: listQuery('corrective-action-plans') },
      { label: 'GET scorecard-templates', path: listQuery('scorecard-templates') },
      { label: 'GET supply-relationships/:id/standing-history', path: `/api/supply-relationships/${ids.buyerRelationships[0]}/standing-history` },
      periods,
    ],
    'union rep': [
      me,
      { label: 'GET organisations', path: listQuery('organisations', { sort: ['name', 'ASC'] }) },
      { label: 'GET organisations/:id', path: `/api/organisations/${ids.acmeId}` },
      { label: 'GET memberships', path: listQuery('memberships') },
      periods,
      definitions,
      { label: 'GET consortia', path: listQuery('consortia') },
    ],
    funder: [
      me,
      { label: 'GET dashboard', path: '/api/dashboard' },
      { label: 'GET organisations', path: listQuery('organisations', { sort: ['name', 'ASC'] }) },
      periods,
      definitions,
      { label: 'GET consortia', path: listQuery('consortia') },
    ],
  };
}

function requestsOf(role: RoleName, steps: Step[], outcomes: Outcomes): Req[] {
  return steps.map((step) => ({
    method: step.method ?? 'GET',
    path: step.path,
    ...(step.body === undefined ? {} : { body: JSON.stringify(step.body) }),
    ...(step.setup ? { setupRequest: (req: Req, context: object) => (step.setup as NonNullable<Step['setup']>)(req, context as Context) } : {}),
    onResponse: (status: number, body: string, context: object) => {
      outcomes.record(role, step.label, status, body);
      step.after?.(status, body, context as Context);
    },
  }));
}

// ---------------------------------------------------------------- setup

async function lookUp(pool: Pool): Promise<Ids & { firms: Record<'acme' | 'badger', string> }> {
  const one = async <T>(sql: string, params: unknown[], what: string): Promise<T> => {
    const row = (await pool.query(sql, params)).rows[0] as T | undefined;
    if (row === undefined) throw new Error(`${what} missing after seeding`);
    return row;
  };
  const { id: consortiumId } = await one<{ id: string }>(`SELECT id FROM "Consortium" WHERE slug = 'glmp'`, [], 'consortium glmp');
  const org = async (code: string) => (await one<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = $1`, [code], `organisation ${code}`)).id;
  const acmeId = await org('acme-castings');
  const badgerId = await org('badger-machining');
  const northstarId = await org('northstar-engines');
  const period = async (states: string[]) =>
    (await one<{ id: string }>(`SELECT id FROM "Period" WHERE "consortiumId" = $1 AND state::text = ANY($2) ORDER BY "startsOn" DESC LIMIT 1`, [consortiumId, states], `a ${states.join('/')} period of glmp`)).id;
  const relationships = async (where: string, params: unknown[]) =>
    (await pool.query<{ id: string }>(`SELECT id FROM "SupplyRelationship" WHERE "consortiumId" = $1 AND ${where} ORDER BY id LIMIT 8`, [consortiumId, ...params])).rows.map((r) => r.id);
  const buyerRelationships = await relationships(`"customerId" = $2`, [northstarId]);
  const staffRelationships = await relationships(`"customerId" <> $2`, [northstarId]);
  if (!buyerRelationships.length || !staffRelationships.length) throw new Error('the seed has no supply relationships to write to');
  return {
    openPeriodId: await period(['open']),
    closedPeriodId: await period(['closed', 'published']),
    acmeId,
    northstarId,
    buyerRelationships,
    staffRelationships,
    firms: { acme: acmeId, badger: badgerId },
  };
}

/** A firm's latest self-reported figures per metric: what its new drafts report. */
async function figuresOf(pool: Pool, organisationId: string): Promise<{ metricId: string; code: string; figures: Figures }[]> {
  const { rows } = await pool.query<{ metricId: string; code: string; value: string; numerator: string | null; denominator: string | null }>(
    `SELECT DISTINCT ON (v."metricId") v."metricId", d.code, v.value::text, v.numerator::text, v.denominator::text
     FROM "MetricValue" v JOIN "MetricDefinition" d ON d.id = v."metricId" JOIN "Period" p ON p.id = v."periodId"
     WHERE v."organisationId" = $1 AND v."subjectKey" = 'self' AND p.kind = 'quarter'
     ORDER BY v."metricId", p."startsOn" DESC`,
    [organisationId],
  );
  return rows.map((r) => ({
    metricId: r.metricId,
    code: r.code,
    figures: r.numerator !== null && r.denominator !== null ? { numerator: Number(r.numerator), denominator: Number(r.denominator) } : { value: Number(r.value) },
  }));
}

/**
 * Fill a firm's slots: each metric is tried once (a draft in the first scratch quarter) as
 * the firm's own user; the metrics that take a draft give a slot in every other scratch quarter.
 */
async function prepareDrafts(baseUrl: string, token: string, pool: Pool, organisationId: string, periodIds: string[], drafts: Drafts): Promise<void> {
  const [first, ...rest] = periodIds;
  const usable: { metricId: string; figures: Figures }[] = [];
  const refused: string[] = [];
  for (const m of await figuresOf(pool, organisationId)) {
    const res = await call(baseUrl, token, 'POST', '/api/metric-values', { metricId: m.metricId, periodId: first, ...m.figures, note: 'load: first draft' });
    if (res.status === 201) {
      const v = res.body as { id: string; revision: number };
      drafts.free.push({ id: v.id, revision: v.revision });
      usable.push(m);
    } else {
      refused.push(`${m.code} (${res.status})`);
    }
  }
  if (!usable.length) throw new Error(`${drafts.label}: no metric took a draft: ${refused.join(', ')}`);
  for (const periodId of rest) for (const m of usable) drafts.slots.push({ periodId, metricId: m.metricId, figures: m.figures });
  // reported in random order, so consecutive drafts land in different periods and metrics
  for (let i = drafts.slots.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [drafts.slots[i], drafts.slots[j]] = [drafts.slots[j] as Slot, drafts.slots[i] as Slot];
  }
  console.log(`${drafts.label}: ${usable.length} metrics take drafts, ${drafts.slots.length} slots${refused.length ? `; refused (not reported by the firm itself in a quarter): ${refused.join(', ')}` : ''}`);
}

/** The probe before the run: every request of every mix answers 2xx once, or the mix is wrong. */
async function probe(baseUrl: string, tokens: Record<RoleName, string>, all: Record<RoleName, Step[]>): Promise<void> {
  const wrong: string[] = [];
  for (const role of ROLES) {
    for (const step of all[role.name]) {
      if (step.setup) continue; // writes are judged by the run itself
      const res = await call(baseUrl, tokens[role.name], step.method ?? 'GET', step.path, step.body);
      if (res.status < 200 || res.status >= 300) wrong.push(`${role.name} ${step.label} ${step.path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    }
  }
  if (wrong.length) throw new Error(`requests of the mix fail before any load:\n${wrong.join('\n')}`);
}

// ---------------------------------------------------------------- the run

interface RoleResult {
  role: RoleName;
  connections: number;
  summary: Summary;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** every response's latency, ms */
  latencies: number[];
}

function run(baseUrl: string, role: RoleName, token: string, requests: Req[], connections: number, seconds: number): Promise<RoleResult> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'content-type': 'application/json' },
        requests,
      },
      (error, result) => {
        if (error) return reject(error);
        const connectionErrors = result.errors - result.timeouts; // autocannon counts timeouts among errors
        resolve({
          role,
          connections,
          summary: summarise(role, latencies, result.duration, result.non2xx + result.errors),
          non2xx: result.non2xx,
          errors: connectionErrors,
          timeouts: result.timeouts,
          latencies,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
}

function table(rows: RoleResult[], total: RoleResult): string {
  const cells = [
    ['', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors', 'timeouts'],
    ...[...rows, total].map((r) => [
      r.role,
      String(r.connections),
      r.summary.rps.toFixed(0),
      r.summary.p50.toFixed(1),
      r.summary.p99.toFixed(1),
      String(r.summary.samples),
      String(r.non2xx),
      String(r.errors),
      String(r.timeouts),
    ]),
  ];
  const widths = cells[0]!.map((_, col) => Math.max(...cells.map((row) => row[col]!.length)));
  return cells.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ')).join('\n');
}

export async function runLoadBenchmark(): Promise<void> {
  const s = settings();
  let pool: Pool | undefined;
  let api: Api | undefined;
  const release = async (): Promise<void> => {
    await api?.close().catch((error: unknown) => console.error(`closing the API: ${String(error)}`));
    await pool?.end().catch(() => undefined);
  };
  await withScratchDatabase(
    'load',
    s,
    async (scratch: Scratch) => {
      const { databaseUrl } = scratch;
      let t = performance.now();
      await applyMigrations(databaseUrl);
      await seed(databaseUrl, { log: (line) => console.log(line) });
      pool = new Pool({ connectionString: databaseUrl, max: 2 });
      const ids = await lookUp(pool);
      // tokens must outlive warm-up + run; the demo accounts' sessions are the benchmark's own database's
      useAppEnvironment(scratch, s.redisUrl, { JWT_ACCESS_TTL_SECONDS: String(Math.min(86_400, Math.max(900, s.warmupSeconds + s.seconds + 600))) });
      api = await startApi();
      console.log(`API (pid ${api.pid}, a process of its own) up on ${api.baseUrl} in ${((performance.now() - t) / 1000).toFixed(1)} s (with migrations and seed)`);

      const tokens = {} as Record<RoleName, string>;
      for (const role of ROLES) tokens[role.name] = await login(api.baseUrl, role.email);
      t = performance.now();
      const scratchPeriods: string[] = [];
      for (let year = SCRATCH_YEAR_FIRST; year < SCRATCH_YEAR_FIRST + SCRATCH_YEARS; year++) {
        const res = await call(api.baseUrl, tokens.staff, 'POST', '/api/periods/generate', { year, kind: 'quarter', dueDays: 30 });
        if (res.status !== 201) throw new Error(`generating the quarters of ${year}: ${res.status} ${JSON.stringify(res.body)}`);
        scratchPeriods.push(...(res.body as { created: { id: string }[] }).created.map((p) => p.id));
      }
      console.log(`generated ${scratchPeriods.length} open quarters (${SCRATCH_YEAR_FIRST}–${SCRATCH_YEAR_FIRST + SCRATCH_YEARS - 1}) for new drafts in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      const contributor = new Drafts('acme-castings (contributor)');
      const firmAdmin = new Drafts('badger-machining (firm admin)');
      await prepareDrafts(api.baseUrl, tokens.contributor, pool, ids.firms.acme, scratchPeriods, contributor);
      await prepareDrafts(api.baseUrl, tokens['firm admin'], pool, ids.firms.badger, scratchPeriods, firmAdmin);
      await pool.end();
      pool = undefined;

      const all = mixes(ids, contributor, firmAdmin);
      await probe(api.baseUrl, tokens, all);
      const connections = split(s.connections);
      const outcomes = new Outcomes();
      const launch = (seconds: number) =>
        Promise.all(ROLES.map((role, i) => run((api as Api).baseUrl, role.name, tokens[role.name], requestsOf(role.name, all[role.name], outcomes), connections[i] as number, seconds)));

      console.log(`\n${s.connections} connections (${ROLES.map((r, i) => `${r.name} ${connections[i]}`).join(', ')}), ${s.warmupSeconds} s warm-up, ${s.seconds} s measured`);
      const loadBefore = loadavg();
      if (s.warmupSeconds > 0) {
        const warm = await launch(s.warmupSeconds);
        const warmErrors = warm.reduce((a, r) => a + r.non2xx + r.errors + r.timeouts, 0);
        if (warmErrors) console.log(`warm-up: ${warmErrors} failed requests (counted below only if they recur)`);
        outcomes.counts.clear();
        outcomes.examples.clear();
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const rssStart = rssOf(api.pid);
      const gcStart = await api.collected();
      let rssPeak = rssStart;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, rssOf((api as Api).pid));
      }, 1000);
      const writesBefore = [contributor, firmAdmin].map((d) => ({ created: d.created, changed: d.changed, starved: d.starved }));
      const results = await launch(s.seconds);
      clearInterval(sampler);
      const loadAfter = loadavg();
      // the last responses are in; let the API settle before the end reading
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const rssEnd = rssOf(api.pid);
      rssPeak = Math.max(rssPeak, rssEnd);
      const gcEnd = await api.collected();

      const everyLatency = results.flatMap((r) => r.latencies);
      const pooled = summarise('total', everyLatency, 1, 0);
      const total: RoleResult = {
        role: 'total' as RoleName,
        connections: s.connections,
        // percentiles over every request of every role; req/s the sum of the roles'
        summary: { ...pooled, rps: results.reduce((a, r) => a + r.summary.rps, 0) },
        non2xx: results.reduce((a, r) => a + r.non2xx, 0),
        errors: results.reduce((a, r) => a + r.errors, 0),
        timeouts: results.reduce((a, r) => a + r.timeouts, 0),
        latencies: [],
      };

      console.log(`\nload: ${s.seconds} s, ${s.connections} connections, ${cpus().length} cores, load average ${loadBefore} before, ${loadAfter} after\n`);
      console.log(table(results, total));
      const growth = (rssEnd - rssStart) / rssStart;
      console.log(`\nAPI RSS (child process, /proc/${api.pid}/status VmRSS): ${mb(rssStart)} after warm-up, ${mb(rssEnd)} at the end, peak ${mb(rssPeak)}; growth ${(growth * 100).toFixed(1)} %`);
      console.log(
        `after a full GC (read after the RSS above): heap used ${mb(gcStart.heapUsed)} → ${mb(gcEnd.heapUsed)}, heap total ${mb(gcStart.heapTotal)} → ${mb(gcEnd.heapTotal)}, ` +
          `external ${mb(gcStart.external)} → ${mb(gcEnd.external)}, RSS ${mb(gcStart.rss)} → ${mb(gcEnd.rss)}`,
      );
      [contributor, firmAdmin].forEach((d, i) => {
        const b = writesBefore[i] as { created: number; changed: number; starved: number };
        console.log(`writes of ${d.label}: ${d.created - b.created} drafts reported, ${d.changed - b.changed} changed${d.starved > b.starved ? `, ${d.starved - b.starved} found no draft or slot free and read instead` : ''}`);
      });
      const failures = outcomes.failures();
      if (failures.length) console.log(`\nfailed responses by request (first body of each):\n${failures.join('\n')}`);
      const errors = total.non2xx + total.errors + total.timeouts;
      console.log('');
      console.log(`errors (non-2xx + connection errors + timeouts)  ${String(errors).padStart(8)}   target 0        ${errors === 0 ? 'met' : 'NOT MET'}`);
      console.log(`API RSS growth                                   ${`${(growth * 100).toFixed(1)} %`.padStart(8)}   target < 10 %   ${growth < 0.1 ? 'met' : 'NOT MET'}`);
      console.log('');
    },
    release,
  );
}
