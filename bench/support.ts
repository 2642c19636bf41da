import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '../prisma/seed/demo-accounts';
import { deleteRedisKeys, dropDatabase, randomSuffix, redactUrl, withDatabaseName } from '../prisma/tools/databases';

/** Shared by the benchmarks: settings from the environment, loopback-only targets, a staff session. */

export const STAFF_EMAIL = 'staff.admin@glmp.demo';

export function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** Load is only ever sent to this machine. */
export function assertLoopback(url: string, name: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`${name} must point at 127.0.0.1, not ${host}`);
}

/** An access token of the glmp staff demo account. */
export async function login(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: STAFF_EMAIL, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login as ${STAFF_EMAIL} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken?: unknown };
  if (typeof body.accessToken !== 'string') throw new Error('login returned no accessToken');
  return body.accessToken;
}

export interface ScratchSettings {
  /** a maintenance database URL of the server the scratch database is created on */
  adminUrl: string;
  redisUrl: string;
  timeoutSeconds: number;
}

/** Where a benchmark's scratch database and Redis live (loopback only), and how long a run may take. */
export function scratchSettings(): ScratchSettings {
  const s: ScratchSettings = {
    adminUrl: process.env.BENCH_DATABASE_ADMIN_URL || process.env.TEST_DATABASE_ADMIN_URL || 'postgresql://root@127.0.0.1:5432/postgres',
    redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    timeoutSeconds: intFromEnv('BENCH_TIMEOUT_SECONDS', 900, 30, 3600),
  };
  assertLoopback(s.adminUrl, 'BENCH_DATABASE_ADMIN_URL');
  assertLoopback(s.redisUrl, 'REDIS_URL');
  return s;
}

/** One run's own database and Redis key prefix. */
export interface Scratch {
  databaseName: string;
  databaseUrl: string;
  redisPrefix: string;
}

/**
 * Run a benchmark in a database and Redis prefix of its own, and drop both afterwards —
 * also on Ctrl-C (exit 130) and when the run exceeds BENCH_TIMEOUT_SECONDS (exit 1).
 * `release` closes what the run opened (apps, pools, connections) before the drop; it runs
 * once, whichever way the run ends, so it must cope with things never opened.
 */
export async function withScratchDatabase(label: string, s: ScratchSettings, run: (scratch: Scratch) => Promise<void>, release: () => Promise<void> = async () => undefined): Promise<void> {
  const suffix = randomSuffix();
  const scratch: Scratch = { databaseName: `tandem_bench_${suffix}`, databaseUrl: '', redisPrefix: `tandem_bench_${suffix}` };
  scratch.databaseUrl = withDatabaseName(s.adminUrl, scratch.databaseName);
  let cleaned: Promise<void> | undefined;
  const cleanup = (): Promise<void> =>
    (cleaned ??= (async () => {
      await release().catch((error: unknown) => console.error(`closing the benchmark's connections: ${String(error)}`));
      await deleteRedisKeys(s.redisUrl, scratch.redisPrefix).catch((error: unknown) => console.error(`clearing Redis keys ${scratch.redisPrefix}:*: ${String(error)}`));
      await dropDatabase(s.adminUrl, scratch.databaseName);
      console.log(`dropped ${scratch.databaseName}`);
    })());
  const abort = (why: string, code: number) => {
    console.error(why);
    cleanup().finally(() => process.exit(code));
  };
  const onSignal = (signal: NodeJS.Signals) => abort(`${signal}: stopping, dropping ${scratch.databaseName}`, 130);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const watchdog = setTimeout(() => abort(`bench ${label} exceeded ${s.timeoutSeconds} s (BENCH_TIMEOUT_SECONDS)`, 1), s.timeoutSeconds * 1000);
  watchdog.unref();
  try {
    console.log(`database ${redactUrl(scratch.databaseUrl)}`);
    await run(scratch);
  } finally {
    clearTimeout(watchdog);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}

/**
 * The environment the API and worker read their configuration from (once, at import: set
 * this before importing their bootstrap), pointed at the scratch database and prefix.
 */
export function useAppEnvironment(scratch: Scratch, redisUrl: string, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    DATABASE_URL: scratch.databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: scratch.redisPrefix,
    JWT_SECRET: randomBytes(36).toString('base64url'),
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    // A benchmark is one address hammering the API on purpose.
    RATE_LIMIT_PER_ADDRESS: '1000000000',
    RATE_LIMIT_PER_PRINCIPAL: '1000000000',
    ...extra,
  });
}
