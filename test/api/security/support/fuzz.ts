import fc from 'fast-check';
import { PROBLEM_CONTENT_TYPE } from '@tandem/contracts';
import { findRefusedCharacter } from '@tandem/domain';
import { call, type Call, type TestApi } from '../../support/api';
import type { ProblemBody } from '../../support/fixtures';
import type { SideEffects, SideEffectWatch } from '../../support/side-effects';

/**
 * Seeds, budgets, generators and the oracle of the fuzz suite.
 *
 * `npm test` runs a fixed seed and two generated cases per route × field, so it is
 * deterministic and takes about a minute here;
 * `npm run fuzz` draws a new seed (printed) and many more cases. FUZZ_SEED replays a run,
 * FUZZ_RUNS sets the number of generated cases per route × field (fixed examples come on
 * top: a NUL and a null for every field).
 */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Math.floor(Math.random() * 2 ** 31) : 20261206;
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 2);

/** Each route × field has a seed of its own, so one can be replayed without the others. */
export function seedOf(...parts: string[]): number {
  let h = FUZZ_SEED >>> 0;
  for (const ch of parts.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h | 0;
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/** Characters the API must refuse in any text (libs/domain text/control-characters.ts). */
export const REFUSED_CHARACTERS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\u0085', '\u009F', '\uD800', '\uDFFF'];

/** Text with one refused character somewhere in it; NUL most often, as the attack had it. */
export const controlText = fc
  .tuple(fc.string({ maxLength: 12 }), fc.oneof({ weight: 3, arbitrary: fc.constant('\u0000') }, { weight: 2, arbitrary: fc.constantFrom(...REFUSED_CHARACTERS) }), fc.string({ maxLength: 12 }))
  .map(([a, c, b]) => a + c + b);

const hugeNumbers = fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -(2 ** 53 + 1), 1e-320, 5e-324, 2 ** 31, -(2 ** 31) - 1, 1e20, -1e20, 1e15 + 0.5, 123456789.123456, 0, -1, 1.5);
const numbersAsText = fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e308', '42', '-0', '0x1F', ' 7 ', '5%', '1,5', '٣');
const dates = fc.constantFrom(
  '0000-01-01',
  '275760-09-13',
  '+275760-09-13',
  '-000001-01-01',
  '1900-01-01',
  '9999-12-31',
  '2026-02-30',
  '2026-13-01',
  '2026-1-1',
  '1970-01-01T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2026-01-01T25:61:00Z',
  '20260101',
);
const longText = fc.constantFrom(10_000, 100_000).chain((n) => fc.constantFrom('x'.repeat(n), 'é'.repeat(n / 2), `${'a'.repeat(n - 1)}\u0000`));
const unicodeText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\u202Eevil', 'zero\u200Bwidth', '🎉', 'Ω≈ç√∫', '\uFEFFbom', '\uFFFE', 'line\nbreak\ttab'));
const ids = fc.oneof(fc.uuid(), fc.constantFrom('not-an-id', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', '1', '../../etc/passwd'));
const emptyish = fc.constantFrom('', ' ', '\t', '\n', [], {}, [[]], [{}]);
/** JSON of any shape (numbers finite: JSON.stringify turns NaN and Infinity into null) */
const json = fc.jsonValue({ maxDepth: 2 });
const wrongTypes = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.string({ maxLength: 30 }), fc.array(json, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), json, { maxKeys: 3 }));
/** Nested far deeper than any schema: arrays or objects, 20–400 levels. */
const deep = fc.tuple(fc.integer({ min: 20, max: 400 }), fc.boolean()).map(([depth, arrays]) => nest(depth, arrays));
const prototypeKeys = fc.constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"prototype":1}').map((text) => JSON.parse(text) as unknown);

export function nest(depth: number, arrays: boolean): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
}

/** A value for any field: every shape the attack tried and then some. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  controlText,
  fc.constant(null),
  wrongTypes,
  hugeNumbers,
  numbersAsText,
  dates,
  longText,
  unicodeText,
  ids,
  emptyish,
  deep,
  prototypeKeys,
);

/** What every field is always tried with, before the generated cases. */
export const FIXED_VALUES: unknown[] = ['fuzz \u0000 nul', null];

/** Route parameters: never a valid id of a record (valid ids are the fixtures' own). */
export const paramValue: fc.Arbitrary<string> = fc.oneof(
  controlText,
  // no "." or "..": a URL client resolves them away before sending, as it does %2e%2e
  fc.constantFrom('not-an-id', '0', '-1', '1e3', '99999999999999999999999', 'null', 'undefined', '%', '...', ' ', 'ÿ', '🎉', 'x'.repeat(5_000)),
  fc.uuid(),
  fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => s.length > 0 && s !== '.' && s !== '..'),
);

/** Raw JSON bodies that are not the object a route expects. */
export const RAW_BODIES: string[] = [
  '[]',
  '[{}]',
  '"a string"',
  '42',
  'null',
  'true',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`,
  '{"a":1,"a":2}',
  '{"fuzz\\u0000key":1}',
];

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

export interface FuzzRequest {
  method: string;
  /** path and query string, already encoded */
  path: string;
  token?: string;
  body?: unknown;
  /** a raw body (not JSON-encoded here) and its type */
  raw?: string;
  contentType?: string;
}

export interface Expectation {
  /** the request must be refused with 400 naming this path (or a path under it) */
  names?: string;
  /** a per-row answer (the bulk push) may name the field in the row's result instead */
  rowResults?: boolean;
}

const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * The first path in `value` (under `root`, named as the API names fields) that the API must
 * refuse: text with a refused character, or a reserved key (the API reports the key and
 * looks no deeper).
 */
export function refusedPath(value: unknown, root = ''): string | undefined {
  if (typeof value === 'string') return findRefusedCharacter(value) ? root : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const at = root === '' ? k : `${root}.${k}`;
    if (findRefusedCharacter(k) || RESERVED_KEYS.includes(k)) return at;
    const inner = refusedPath(v, at);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function clip(text: string, max = 1_500): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

export function describeRequest(req: FuzzRequest): string {
  const body = req.raw !== undefined ? req.raw : req.body === undefined ? '' : JSON.stringify(req.body);
  return `${req.method} ${clip(req.path, 300)}${body ? ` ${clip(body)}` : ''}`;
}

function diff(before: SideEffects, after: SideEffects): string[] {
  const out: string[] = [];
  for (const [t, n] of Object.entries(after.tables)) if (before.tables[t] !== n) out.push(`table ${t}: ${before.tables[t]} → ${n}`);
  for (const [q, states] of Object.entries(after.queues)) {
    for (const [s, n] of Object.entries(states)) if (before.queues[q]?.[s] !== n) out.push(`queue ${q} ${s}: ${before.queues[q]?.[s]} → ${n}`);
  }
  return out;
}

/** Thrown with everything needed to replay a failure: the seed, the request and the answer. */
export class FuzzFailure extends Error {
  constructor(what: string, req: FuzzRequest, res: Call | undefined, context: string) {
    super(
      [
        `${what}`,
        `  replay: FUZZ_SEED=${FUZZ_SEED} npx jest test/api/security/fuzz.e2e-spec.ts -t '${context.replace(/'/g, '')}'`,
        `  request: ${describeRequest(req)}`,
        res ? `  answer: ${res.status} ${res.contentType} ${clip(typeof res.body === 'string' ? res.body : JSON.stringify(res.body))}` : '',
      ].join('\n'),
    );
    this.name = 'FuzzFailure';
  }
}

interface Sent {
  req: FuzzRequest;
  context: string;
  res: Call;
}

/** Refused requests checked together: one snapshot for this many, bisected when one wrote. */
const BATCH = 10;

/**
 * Sends fuzzed requests and holds each answer to the rules: never a 5xx; every refusal is
 * problem+json with type, title, status and detail; a 400 names at least one field; a
 * refused request changes no row count of any table and enqueues no job.
 *
 * Side effects are checked for batches of refused requests: a snapshot of every table's row
 * count and every queue's job counts after each batch, compared with the one before it.
 * An accepted request changes that state legitimately, so the refused requests still
 * waiting for their check are replayed after it, between two snapshots of their own. When
 * a batch did change something, its requests are replayed one by one to name the culprit.
 */
export class Fuzzer {
  private baseline: SideEffects | undefined;
  private pending: Sent[] = [];
  /** requests sent, by answer status class, for the summary */
  readonly tally: Record<string, number> = {};

  constructor(
    private readonly api: TestApi,
    private readonly watch: SideEffectWatch,
  ) {}

  /** A fixture is about to write: check what waits, then take the next baseline afresh. */
  async dirty(): Promise<void> {
    await this.flush();
    this.baseline = undefined;
  }

  /** Check the refused requests that still wait for it. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const before = this.baseline as SideEffects;
    const after = await this.watch.snapshot();
    this.baseline = after;
    if (diff(before, after).length) await this.bisect(batch, diff(before, after));
  }

  private async request(req: FuzzRequest, context: string): Promise<Call> {
    try {
      return await call(this.api, req.method, req.path, {
        token: req.token,
        ...(req.raw !== undefined ? { raw: req.raw, headers: { 'Content-Type': req.contentType ?? 'application/json' } } : req.body !== undefined ? { body: req.body } : {}),
      });
    } catch (error) {
      throw new FuzzFailure(`the request failed without an answer: ${String(error)}`, req, undefined, context);
    }
  }

  /** One of `batch` wrote although it was refused: find it by replaying them one at a time. */
  private async bisect(batch: Sent[], changed: string[]): Promise<void> {
    for (const sent of batch) {
      const before = await this.watch.snapshot();
      const res = await this.request(sent.req, sent.context);
      const after = await this.watch.snapshot();
      const wrote = diff(before, after);
      if (res.status >= 400 && wrote.length) throw new FuzzFailure(`refused with ${res.status}, but it wrote: ${wrote.join('; ')}`, sent.req, res, sent.context);
    }
    const first = batch[0] as Sent;
    throw new FuzzFailure(`one of ${batch.length} refused requests wrote (${changed.join('; ')}), but none did when replayed alone`, first.req, first.res, first.context);
  }

  async send(req: FuzzRequest, context: string, expectation: Expectation = {}): Promise<Call> {
    // reads write nothing by construction: no side-effect check for them
    const reads = req.method === 'GET';
    if (!reads && !this.baseline) this.baseline = await this.watch.snapshot();
    const res = await this.request(req, context);
    const cls = `${Math.floor(res.status / 100)}xx`;
    this.tally[cls] = (this.tally[cls] ?? 0) + 1;

    if (res.status >= 500) throw new FuzzFailure(`${res.status}: a server error`, req, res, context);
    if (res.status >= 400) {
      const p = res.body as Partial<ProblemBody> | null;
      const shaped =
        res.contentType.split(';')[0] === PROBLEM_CONTENT_TYPE &&
        p !== null &&
        typeof p === 'object' &&
        typeof p.type === 'string' &&
        typeof p.title === 'string' &&
        typeof p.detail === 'string' &&
        p.status === res.status;
      if (!shaped) throw new FuzzFailure(`${res.status} is not problem+json with type, title, status and detail`, req, res, context);
      if (res.status === 400 && !(Array.isArray(p.errors) && p.errors.length > 0 && p.errors.every((e) => typeof e?.path === 'string' && typeof e.message === 'string'))) {
        throw new FuzzFailure('a 400 that names no field in errors', req, res, context);
      }
    }
    if (expectation.names !== undefined) this.expectNamed(expectation.names, req, res, context, expectation.rowResults === true);
    if (reads) return res;

    if (res.status >= 400) {
      this.pending.push({ req, context, res });
      if (this.pending.length >= BATCH) await this.flush();
    } else {
      // accepted: the state moved, so what waited is replayed against the new state
      let waiting = this.pending;
      this.pending = [];
      for (;;) {
        this.baseline = await this.watch.snapshot();
        const accepted = await this.replay(waiting);
        if (accepted < 0) break;
        // accepted this time (e.g. a conflict resolved meanwhile): its write is its own; the
        // ones before it are replayed once more against the state after it
        waiting = [...this.pending, ...waiting.slice(accepted + 1)];
        this.pending = [];
      }
      await this.flush();
    }
    return res;
  }

  /** Replays `waiting` into `pending`; the index of the first one accepted this time, or -1. */
  private async replay(waiting: Sent[]): Promise<number> {
    for (const [i, sent] of waiting.entries()) {
      const again = await this.request(sent.req, sent.context);
      if (again.status < 400) return i;
      this.pending.push({ ...sent, res: again });
    }
    return -1;
  }

  private expectNamed(path: string, req: FuzzRequest, res: Call, context: string, rowResults: boolean): void {
    const under = (p: string): boolean => path === '' || p === path || p.startsWith(`${path}.`);
    if (res.status === 400) {
      const paths = ((res.body as ProblemBody).errors ?? []).map((e) => e.path);
      if (paths.some(under)) return;
      throw new FuzzFailure(`refused, but ${path || 'the body'} is not among the fields named (${paths.join(', ')})`, req, res, context);
    }
    // The bulk push answers row by row: a row's own errors name the field within the row.
    const m = /^rows\.(\d+)\.(.+)$/.exec(path);
    if (rowResults && res.status === 200 && m && Array.isArray(res.body)) {
      const row = (res.body as { status: string; errors?: { path: string }[] }[])[Number(m[1])];
      const field = m[2] as string;
      if (row?.status === 'error' && (row.errors ?? []).some((e) => e.path === field || e.path.startsWith(`${field}.`))) return;
    }
    throw new FuzzFailure(`expected 400 naming ${path || 'the body'}`, req, res, context);
  }
}

/**
 * Run the values of `arb` (after `examples`) through `check` with fast-check: seeded, and
 * without shrinking, since each case is an HTTP request. The first failure is thrown as it
 * is, rather than inside fast-check's report, which would print a 100 kB value in full.
 */
export async function fuzzValues<T>(arb: fc.Arbitrary<T>, examples: T[], runs: number, seed: number, check: (value: T) => Promise<void>): Promise<void> {
  let failure: unknown;
  try {
    await fc.assert(
      fc.asyncProperty(arb, async (value) => {
        try {
          await check(value);
        } catch (error) {
          failure ??= error;
          throw error;
        }
      }),
      { seed, numRuns: runs, examples: examples.map((e) => [e] as [T]), endOnFailure: true },
    );
  } catch (error) {
    throw failure ?? error;
  }
}
