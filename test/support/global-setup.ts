import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadDotEnv, seedPath } from '../../prisma/tools/env';
import { applyMigrations } from '../../prisma/tools/migrate';
import { loadConfig, register } from 'tsconfig-paths';
import { createTestDatabase, dropTestDatabase, testDatabaseAdminUrl } from './db';

/** Set here, read by global-teardown.ts (same process). */
export const TEST_DATABASE_NAME_VAR = 'TANDEM_TEST_DATABASE_NAME';

type SeedModule = { seed?: (databaseUrl: string, options?: { log?: (line: string) => void }) => Promise<void> };

/**
 * One database and one Redis key prefix per `jest` run, so runs on the same machine (two
 * terminals, CI beside a developer) never share state. Jest workers are forked after this
 * returns and inherit process.env.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  loadDotEnv(); // for TEST_DATABASE_ADMIN_URL and REDIS_URL; DATABASE_URL is replaced below
  // The seed tells its story as of the day it runs; tests read the story as of its own day
  // (2026-11-24, prisma/seed/calendar.ts), whatever the date. Set here, so the test
  // processes that seed scratch databases inherit it too.
  process.env.SEED_TODAY ||= '2026-11-24';
  const database = await createTestDatabase().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot create the test database on ${testDatabaseAdminUrl()} (set TEST_DATABASE_ADMIN_URL): ${reason}`);
  });
  try {
    await applyMigrations(database.url);
    await seedDemoData(database.url);
  } catch (error) {
    await dropTestDatabase(database.name);
    throw error;
  }

  const suffix = database.name.slice('tandem_test_'.length);
  process.env[TEST_DATABASE_NAME_VAR] = database.name;
  process.env.DATABASE_URL = database.url;
  process.env.REDIS_URL ||= 'redis://127.0.0.1:6379';
  process.env.REDIS_PREFIX = `tandem_test_${suffix}`;
  process.env.NODE_ENV = 'test';
  // 36 random bytes are exactly 48 base64url characters.
  process.env.JWT_SECRET = randomBytes(36).toString('base64url');
  process.env.METRICS_TOKEN = randomBytes(24).toString('base64url');
  // Every test talks from 127.0.0.1 and reuses a handful of accounts: the request and
  // invitation limits are exercised by their own specs (test/api/security), which start
  // an API with low limits; everywhere else they must not be what a test runs into.
  process.env.RATE_LIMIT_PER_ADDRESS ??= '10000000';
  process.env.RATE_LIMIT_PER_PRINCIPAL ??= '10000000';
  process.env.INVITATIONS_PER_FIRM_PER_DAY ??= '100000';
  process.env.INVITATIONS_PER_CONSORTIUM_PER_DAY ??= '100000';
  // The demo firms' imports left parsed by one file count against the next file's uploads in this
  // shared database; the cap itself is proved by test/api/imports-in-flight.e2e-spec.ts with its own firm.
  process.env.MAX_IMPORTS_IN_FLIGHT ??= '1000';
  // A query slowed by a loaded CI machine is not what a test should meet; the short deadlines
  // themselves are proved by test/api/faults.e2e-spec.ts, which starts an API with its own.
  process.env.DATABASE_QUERY_TIMEOUT_MS ??= '30000';
  console.log(`\ntest database ${database.name} ready in ${Date.now() - started} ms`);
}

async function seedDemoData(databaseUrl: string): Promise<void> {
  if (!existsSync(seedPath)) {
    console.warn('\nwarning: prisma/seed/index.ts is missing; tests run against an empty database');
    return;
  }
  // The seed imports @tandem/* like the apps; Jest's moduleNameMapper does not reach its
  // global setup, so the aliases of the root tsconfig.json are registered for the seed's run.
  const aliases = loadConfig(path.resolve(__dirname, '../..'));
  if (aliases.resultType !== 'success') throw new Error(`global setup: ${aliases.message}`);
  const unregister = register({ baseUrl: aliases.absoluteBaseUrl, paths: aliases.paths });
  try {
    const seedModule = (await import(path.resolve(seedPath))) as SeedModule;
    if (typeof seedModule.seed !== 'function') {
      console.warn('\nwarning: prisma/seed/index.ts exports no seed(databaseUrl); tests run against an empty database');
      return;
    }
    await seedModule.seed(databaseUrl, { log: () => undefined });
  } finally {
    unregister();
  }
}
