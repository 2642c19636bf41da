import fc from 'fast-check';
import type { Pool } from 'pg';
import { call, startApi, type TestApi } from '../support/api';
import { dbPool, type ProblemBody } from '../support/fixtures';
import { SideEffectWatch } from '../support/side-effects';
import {
  anyValue,
  controlText,
  FIXED_VALUES,
  FUZZ_RUNS,
  FUZZ_SEED,
  fuzzValues,
  Fuzzer,
  FuzzFailure,
  nest,
  paramValue,
  RAW_BODIES,
  refusedPath,
  seedOf,
  type Expectation,
  type FuzzRequest,
} from './support/fuzz';
import { fields, operations, withField, type OpenApi, type Operation } from './support/openapi';
import { buildWorld, TARGETS, type As, type World } from './support/targets';
import { MAX_INPUT_DEPTH } from '../../../apps/api/src/common/input-shape';

/**
 * An outside fuzzer got 500s from NULs and from nulls. This suite is that fuzzer,
 * generated from the API's OpenAPI document: every write route, every field of its request
 * schema (nested ones included), every route parameter, and every list route's filter, sort
 * and range. The rules: never a 5xx; every refusal is problem+json; a 400 names a field; a
 * NUL (or another refused character) and a null for a field that is not nullable are 400s
 * naming that field; a refused request writes no row and enqueues no job.
 *
 * Bounded in `npm test` (a fixed seed, FUZZ_RUNS=2 generated values per route × field on top
 * of a NUL and a null); `npm run fuzz` runs many more with a fresh seed. A failure prints the
 * seed, the request and the answer; FUZZ_SEED=… replays it.
 */

jest.setTimeout(600_000);

/** The list routes: GET routes that take react-admin's filter/sort/range (checked against the document below). */
const LIST_ROUTES = [
  'GET /api/consortia',
  'GET /api/organisations',
  'GET /api/memberships',
  'GET /api/users',
  'GET /api/invitations',
  'GET /api/role-assignments',
  'GET /api/api-keys',
  'GET /api/audit-events',
  'GET /api/outbox',
  'GET /api/background-jobs',
  'GET /api/metric-definitions',
  'GET /api/periods',
  'GET /api/metric-values',
  'GET /api/scorecards',
  'GET /api/metric-goals',
  'GET /api/imports',
  'GET /api/imports/:id/errors',
  'GET /api/supply-relationships',
  'GET /api/scorecard-templates',
  'GET /api/corrective-action-plans',
  'GET /api/peer-groups',
  'GET /api/benchmark-runs',
  'GET /api/benchmark-cells',
  'GET /api/standings',
  'GET /api/sharing-settings',
  'GET /api/charters',
  'GET /api/charters/:id/signatures',
  'GET /api/commitments',
  'GET /api/commitment-reviews',
  'GET /api/curricula',
  'GET /api/grants',
  'GET /api/course-sessions',
  'GET /api/trainees',
  'GET /api/enrolments',
  'GET /api/training-activities',
  'GET /api/workforce-years',
  'GET /api/wage-steps',
  'GET /api/customer-feedback',
  'GET /api/union-representations',
  'GET /api/training-plans',
  'GET /api/demand-surveys',
];

/** Principals of the list fuzz: consortium staff and a firm admin (each sees a different scope). */
const LIST_AS: As[] = ['staff', 'acmeAdmin'];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A route parameter percent-encoded as a client would send it. encodeURIComponent throws on
 * a lone surrogate; its three bytes (as WTF-8 writes it) are what an attacker sends instead.
 */
function encodeParam(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < value.length && value.charCodeAt(i + 1) >= 0xdc00 && value.charCodeAt(i + 1) <= 0xdfff;
    if (pair) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(value[i] as string);
    }
  }
  return out;
}

function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, d + 1);
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** What a body carrying `value` at field `name` (at `level` levels down) must be answered with. */
function expectationFor(name: string, level: number, value: unknown, nullable: boolean): Expectation {
  const refused = refusedPath(value, name);
  if (refused !== undefined) return { names: refused };
  if (value === null && !nullable) return { names: name };
  if (depthOf(value) + level > MAX_INPUT_DEPTH) return { names: name };
  return {};
}

describe('fuzz', () => {
  let api: TestApi;
  let pool: Pool;
  let watch: SideEffectWatch;
  let doc: OpenApi;
  let ops: Map<string, Operation>;
  let world: World;
  let fuzzer: Fuzzer;
  const started = Date.now();

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    watch = new SideEffectWatch(pool);
    doc = (await call(api, 'GET', '/api/docs-json')).body as OpenApi;
    ops = new Map(operations(doc).map((o) => [o.key, o]));
    world = await buildWorld(api, pool);
    fuzzer = new Fuzzer(api, watch);
  }, 120_000);

  afterAll(async () => {
    if (fuzzer) {
      const tally = Object.entries(fuzzer.tally)
        .sort()
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      console.log(`fuzz: seed ${FUZZ_SEED}, ${FUZZ_RUNS} generated values per route × field; ${tally}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await watch?.close();
    await pool?.end();
    await api?.close();
  });

  it('covers every write route and every list route of the OpenAPI document', () => {
    const documented = [...ops.values()];
    const writes = documented.filter((o) => o.method !== 'GET').map((o) => o.key);
    expect({ missing: writes.filter((k) => !TARGETS[k]), stale: Object.keys(TARGETS).filter((k) => !writes.includes(k)) }).toEqual({ missing: [], stale: [] });
    const lists = documented.filter((o) => o.method === 'GET' && o.queryParams.includes('filter')).map((o) => o.key);
    expect([...lists].sort()).toEqual([...LIST_ROUTES].sort());
  });

  const pathOf = (op: Operation, params: Record<string, string>): string => op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeParam(params[name] ?? ''));

  it.each(Object.keys(TARGETS))('%s', async (key) => {
    const op = ops.get(key);
    if (!op) throw new Error(`${key} is not in the OpenAPI document`);
    const target = TARGETS[key]!;
    const token = world.token[target.as];
    const params = target.params?.(world) ?? {};
    // The base body is fetched again only after a request was accepted (a record changed, a
    // unique code was used); a refused request changed nothing, so the next can reuse it.
    let cached: Record<string, unknown> | undefined;
    const base = async (): Promise<Record<string, unknown> | undefined> => {
      if (!target.body || target.paramsOnly) return undefined;
      if (cached) return cached;
      if (target.writesFixtures) await fuzzer.dirty();
      cached = await target.body(world);
      return cached;
    };
    const send = async (req: FuzzRequest, ctx: string, expectation: Expectation = {}) => {
      const res = await fuzzer.send(req, ctx, expectation);
      if (res.status < 300) cached = undefined;
      return res;
    };
    const rowResults = key === 'POST /api/metric-values/bulk';

    // Route parameters: nothing but the fixtures' own ids names a record here.
    for (const name of op.pathParams) {
      const ctx = `${key} :${name}`;
      await fuzzValues(paramValue, ['a\u0000b', 'x'.repeat(10_000)], FUZZ_RUNS, seedOf(key, `:${name}`), async (value) => {
        const req: FuzzRequest = { method: op.method, path: pathOf(op, { ...params, [name]: value }), token, body: await base() };
        // a lone surrogate cannot be UTF-8: the path itself is malformed, before any route is matched
        const res = await send(req, ctx, LONE_SURROGATE.test(value) ? { names: 'path' } : refusedPath(value) !== undefined ? { names: name } : {});
        if (res.status < 400) throw new FuzzFailure(`${res.status}: an invalid ${name} was accepted`, req, res, ctx);
      });
    }
    if (target.paramsOnly) return fuzzer.flush();

    // Query parameters of a write route (the file name of a text/csv upload).
    for (const name of op.queryParams) {
      const ctx = `${key} ?${name}`;
      await fuzzValues(fc.oneof(paramValue, controlText), ['\u0000', 'fuzz\u0001.csv'], FUZZ_RUNS, seedOf(key, `?${name}`), async (value) => {
        const req: FuzzRequest = {
          method: op.method,
          path: `${pathOf(op, params)}?${name}=${encodeParam(value)}`,
          token,
          ...(target.raw ? { raw: target.raw.text, contentType: target.raw.contentType } : { body: await base() }),
        };
        // a lone surrogate's bytes are not UTF-8: the query string parser reads them as U+FFFD
        await send(req, ctx, !LONE_SURROGATE.test(value) && refusedPath(value) !== undefined ? { names: name } : {});
      });
    }
    if (!op.body) return fuzzer.flush();

    // Bodies that are not the object the route expects, or that carry what no field may.
    const path = pathOf(op, params);
    // bounded: a rotating share of the malformed bodies per route (all of them across routes)
    const routeIndex = Object.keys(TARGETS).indexOf(key);
    for (const raw of FUZZ_RUNS > 5 ? RAW_BODIES : RAW_BODIES.filter((_b, i) => (i + routeIndex) % 4 === 0)) {
      await send({ method: op.method, path, token, raw }, `${key} raw body`, raw.includes('\\u0000') ? { names: '' } : {});
    }
    const unknown = `fuzz_${(seedOf(key, 'unknown') >>> 0).toString(36)}`;
    await send({ method: op.method, path, token, body: { ...(await base()), [unknown]: 'surprise' } }, `${key} unknown field`, { names: unknown });
    await send({ method: op.method, path, token, body: { ...(await base()), deep: nest(1_000, true) } }, `${key} deep nesting`, { names: 'deep' });

    // Every field of the request schema, nested ones included.
    const sample = await base();
    for (const field of fields(doc, op.body, sample)) {
      const ctx = `${key} ${field.name}`;
      await fuzzValues(anyValue, FIXED_VALUES, FUZZ_RUNS, seedOf(key, field.name), async (value) => {
        const body = withField(await base(), field.path, value);
        const req: FuzzRequest = { method: op.method, path, token, body };
        const expected = value === null && target.ownValidation ? {} : expectationFor(field.name, field.path.length, value, field.nullable);
        await send(req, ctx, { ...expected, rowResults });
      });
    }
    await fuzzer.flush();
  });

  /** Filters and sortable fields of a list route, as its own 400 lists them. */
  async function vocabulary(path: string, token: string): Promise<{ filters: string[]; sortable: string[] }> {
    const listed = async (query: string, marker: string): Promise<string[]> => {
      const res = await call(api, 'GET', `${path}?${query}`, { token });
      const message = ((res.body as ProblemBody).errors ?? []).map((e) => e.message).find((m) => m.includes(marker)) ?? '';
      return message.slice(message.indexOf(marker) + marker.length).split(',').map((s) => s.trim()).filter(Boolean);
    };
    return {
      filters: await listed(`filter=${encodeURIComponent('{"fuzzNoSuchFilter":1}')}`, 'filters:'),
      sortable: await listed(`sort=${encodeURIComponent('["fuzzNoSuchField","ASC"]')}`, 'sortable:'),
    };
  }

  /** A list query of react-admin's protocol, malformed in every way the attack tried. */
  function listQuery(filters: string[], sortable: string[]): fc.Arbitrary<Record<string, string>> {
    const small = anyValue.filter((v) => JSON.stringify(v).length < 2_000);
    const key = fc.constantFrom(...filters, 'q', 'id', 'fuzzNoSuchFilter', 'toString', 'constructor', '__proto__', 'hasOwnProperty', '');
    const filter = fc.oneof(
      fc.dictionary(key, fc.oneof(small, fc.array(small, { maxLength: 3 })), { maxKeys: 3 }).map((f) => JSON.stringify(f)),
      fc.constantFrom('[]', 'null', '1', '"x"', '{"q":"\\u0000"}', '{"id":[]}', '{"id":"\\u0000"}', '{', '{"q":', `{"q":"${'x'.repeat(9_000)}"}`, '{"id":[1e308,-1,"1e3"]}'),
      fc.string({ maxLength: 30 }),
    );
    const sort = fc.oneof(
      fc.tuple(fc.constantFrom(...sortable, 'fuzzNoSuchField', 'passwordHash', '__proto__', 'toString', ''), fc.constantFrom<unknown>('ASC', 'DESC', 'asc', 'sideways', 1, null)).map((s) => JSON.stringify(s)),
      fc.constantFrom('[]', '["name"]', '["name","ASC","extra"]', '{"field":"name"}', 'name', '"name"', '[null,null]', '[["name"],"ASC"]'),
      fc.string({ maxLength: 20 }),
    );
    const range = fc.oneof(
      fc.tuple(fc.integer(), fc.integer()).map((r) => JSON.stringify(r)),
      fc.constantFrom('[0,1e12]', '[-1,5]', '[5,1]', '[0]', '[]', '["a","b"]', '[0.5,2]', '[1e308,1e308]', '{}', '[0,24,3]', '[0,-1]', '[9007199254740993,9007199254740993]', '[null,null]'),
      fc.string({ maxLength: 20 }),
    );
    return fc.record({ filter, sort, range }, { requiredKeys: [] });
  }

  it.each(LIST_ROUTES)('%s: filter, sort and range', async (key) => {
    const op = ops.get(key);
    if (!op) throw new Error(`${key} is not in the OpenAPI document`);
    const path = pathOf(op, { id: world.importId });
    for (const as of LIST_AS) {
      const token = world.token[as];
      const { filters, sortable } = await vocabulary(path, token);
      const ctx = `${key} as ${as}`;
      const examples: Record<string, string>[] = [{ filter: JSON.stringify({ q: 'fuzz \u0000' }) }, { filter: JSON.stringify({ [filters[0] ?? 'id']: '\u0000' }) }, { range: '[0,1e12]' }, { sort: '["fuzzNoSuchField","ASC"]' }];
      await fuzzValues(listQuery(filters, sortable), examples, FUZZ_RUNS * 3, seedOf(key, as), async (query) => {
        const qs = Object.entries(query)
          .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
          .join('&');
        const req: FuzzRequest = { method: 'GET', path: qs ? `${path}?${qs}` : path, token };
        let parsed: unknown;
        try {
          parsed = query.filter === undefined ? undefined : JSON.parse(query.filter);
        } catch {
          parsed = undefined;
        }
        const refused = refusedPath(parsed, 'filter');
        const res = await fuzzer.send(req, ctx, refused !== undefined ? { names: refused } : {});
        if (res.status === 200 && !res.headers.get('content-range')) throw new FuzzFailure('a list without Content-Range', req, res, ctx);
      });
    }
  });
});
