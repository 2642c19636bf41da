import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { databaseNameOf, INVALID_CATALOG_NAME, pgErrorCode, redactUrl } from './databases';
import { createMigration, diffMigrationsToSchema, regenerateLastMigration, squashMigrations } from './drift';
import { databaseUrlFromEnv, loadDotEnv, repoRoot, seedPath } from './env';
import { applyMigrations } from './migrate';

const usage = `usage: tsx prisma/tools/cli.ts <command>
  deploy          apply pending migrations to DATABASE_URL          (npm run db:migrate)
  create <name>   write a migration for the schema's pending changes (npm run db:migrate:create -- <name>)
  check           fail when prisma/schema.prisma and the migrations disagree (npm run db:migrate:check)
  regenerate      rewrite the newest, not yet shared migration from the schema, keeping
                  its hand-written tail
  squash <name>   replace all migrations by one (for a history no shared database applied),
                  keeping every hand-written tail
  reset           drop everything in DATABASE_URL, migrate and seed   (npm run db:reset)`;

async function deploy(databaseUrl: string): Promise<void> {
  const { applied } = await applyMigrations(databaseUrl, { log: (line) => console.log(line) });
  console.log(applied.length === 0 ? 'Database is up to date.' : `Applied ${applied.length} migration(s).`);
}

async function create(databaseUrl: string, name: string | undefined): Promise<void> {
  if (!name) throw new UsageError('create needs a name: npm run db:migrate:create -- <name>');
  const created = await createMigration(databaseUrl, name);
  if (created === null) {
    console.log('no changes: the migrations already build prisma/schema.prisma.');
    return;
  }
  console.log(`created ${path.relative(repoRoot, created.file)}`);
  console.log('Review it, add what Prisma does not model (CHECK constraints, partial indexes), then commit it.');
}

async function regenerate(databaseUrl: string): Promise<void> {
  const result = await regenerateLastMigration(databaseUrl);
  const file = path.relative(repoRoot, result.file);
  if (!result.changed) {
    console.log(`${file} already matches prisma/schema.prisma.`);
    return;
  }
  console.log(`rewrote ${file}.`);
  console.log('Databases that applied the old version now fail its checksum: rebuild them (npm run db:reset; for npm start delete .tandem/pg).');
}

async function squash(databaseUrl: string, name: string | undefined): Promise<void> {
  if (!name) throw new UsageError('squash needs a name: tsx prisma/tools/cli.ts squash init');
  const created = await squashMigrations(databaseUrl, name);
  console.log(`replaced all migrations by ${path.relative(repoRoot, created.file)}.`);
  console.log('Databases migrated before now fail its checksum: rebuild them (npm run db:reset; for npm start delete .tandem/pg).');
}

async function check(databaseUrl: string): Promise<void> {
  const sql = await diffMigrationsToSchema(databaseUrl);
  if (sql === '') {
    console.log('Migrations and prisma/schema.prisma agree.');
    return;
  }
  console.error('prisma/schema.prisma and prisma/migrations disagree. Applying all migrations leaves this to do:\n');
  console.error(sql);
  console.error('Create a migration for it: npm run db:migrate:create -- <name>');
  process.exitCode = 1;
}

async function reset(databaseUrl: string): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new UsageError('Refusing to reset with NODE_ENV=production.');
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    // Dropping the schema rather than the database: other sessions (a running API) survive it.
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    console.log(`emptied schema public of ${databaseNameOf(databaseUrl)}`);
  } catch (error) {
    if (pgErrorCode(error) !== INVALID_CATALOG_NAME) throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  await deploy(databaseUrl);
  if (!existsSync(seedPath)) {
    console.warn('warning: prisma/seed/index.ts does not exist; database left without demo data.');
    return;
  }
  console.log('seeding');
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), seedPath], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl, TSX_TSCONFIG_PATH: process.env.TSX_TSCONFIG_PATH ?? 'tsconfig.base.json' },
  });
  if (result.status !== 0) throw new Error(`The seed failed (exit ${result.status ?? result.signal}).`);
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  loadDotEnv();
  const databaseUrl = databaseUrlFromEnv();
  const [command, ...rest] = argv;
  switch (command) {
    case 'deploy':
      return deploy(databaseUrl);
    case 'create':
      return create(databaseUrl, rest[0]);
    case 'check':
      return check(databaseUrl);
    case 'regenerate':
      return regenerate(databaseUrl);
    case 'squash':
      return squash(databaseUrl, rest[0]);
    case 'reset':
      return reset(databaseUrl);
    default:
      throw new UsageError(usage);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const refused = /ECONNREFUSED|ENOTFOUND|getaddrinfo/.test(message);
  console.error(refused ? `Cannot reach PostgreSQL at ${redactUrl(databaseUrlFromEnv())}: ${message}` : message);
  process.exitCode = 1;
});
