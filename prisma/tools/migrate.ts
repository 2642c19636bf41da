import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { databaseNameOf, DUPLICATE_DATABASE, INVALID_CATALOG_NAME, pgErrorCode, quoteIdent, redactUrl, withMaintenanceClient } from './databases';
import { migrationsDir as defaultMigrationsDir } from './env';
import { readMigrations, type MigrationFile } from './migration-files';

/**
 * The lock key Prisma's own schema engine takes (`pg_advisory_lock(72707369)`), so this runner
 * and a stock `prisma migrate deploy` also exclude each other.
 */
const ADVISORY_LOCK_KEY = 72707369;

/** Prisma's `_prisma_migrations` table, column for column. */
const createMigrationsTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  /** Apply exactly these instead of reading `migrationsDir` (e.g. all but the last). */
  migrations?: MigrationFile[];
  /** Progress lines; silent by default so tests and `npm start` choose their own output. */
  log?: (line: string) => void;
}

export interface ApplyMigrationsResult {
  applied: string[];
  /** Recorded in the database but absent from the folder (e.g. from another branch). */
  unknown: string[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * `prisma migrate deploy` without the downloaded engine: applies pending migrations in folder
 * order, each in its own transaction, recording them in `_prisma_migrations`. Creates the
 * database first when it does not exist, as Prisma does.
 */
export async function applyMigrations(databaseUrl: string, options: ApplyMigrationsOptions = {}): Promise<ApplyMigrationsResult> {
  const log = options.log ?? (() => undefined);
  const migrations = options.migrations ?? readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  const client = await connectCreatingDatabase(databaseUrl, log);
  try {
    // Session-level lock on this one connection: a second process waits here until we finish.
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    try {
      return await applyLocked(client, migrations, log);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyLocked(client: pg.Client, migrations: MigrationFile[], log: (line: string) => void): Promise<ApplyMigrationsResult> {
  await client.query(createMigrationsTable);
  const rows = (
    await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    )
  ).rows.filter((row) => row.rolled_back_at === null);

  const failed = rows.filter((row) => row.finished_at === null).map((row) => row.migration_name);
  if (failed.length > 0) {
    throw new MigrationError(
      `The database records failed migrations (${failed.join(', ')}). Fix the database by hand, then mark them ` +
        `rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ...).`,
    );
  }

  const byName = new Map(migrations.map((migration) => [migration.name, migration]));
  const appliedNames = new Set(rows.map((row) => row.migration_name));
  const edited = rows.filter((row) => {
    const file = byName.get(row.migration_name);
    return file !== undefined && file.checksum !== row.checksum;
  });
  if (edited.length > 0) {
    throw new MigrationError(
      `Migration checksum mismatch: ${edited.map((row) => row.migration_name).join(', ')} changed after being applied ` +
        `to this database. Applied migrations are immutable: restore the file and add a new migration instead ` +
        `(a development database can be rebuilt with npm run db:reset).`,
    );
  }
  const unknown = rows.map((row) => row.migration_name).filter((name) => !byName.has(name));
  if (unknown.length > 0) log(`warning: applied migrations missing from prisma/migrations: ${unknown.join(', ')}`);

  const applied: string[] = [];
  for (const migration of migrations) {
    if (appliedNames.has(migration.name)) continue;
    log(`applying ${migration.name}`);
    const startedAt = new Date();
    await client.query('BEGIN');
    try {
      // One simple-protocol query: multi-statement scripts and $$ bodies run as written.
      await client.query(migration.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
        [randomUUID(), migration.checksum, migration.name, startedAt],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
    }
    applied.push(migration.name);
  }
  return { applied, unknown };
}

async function connectCreatingDatabase(databaseUrl: string, log: (line: string) => void): Promise<pg.Client> {
  const connect = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return client;
  };
  try {
    return await connect();
  } catch (error) {
    if (pgErrorCode(error) !== INVALID_CATALOG_NAME) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationError(`Cannot connect to ${redactUrl(databaseUrl)}: ${reason}`, { cause: error });
    }
    const name = databaseNameOf(databaseUrl);
    log(`creating database ${name}`);
    await withMaintenanceClient(databaseUrl, async (admin) => {
      try {
        await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      } catch (createError) {
        // Another process starting at the same moment created it first: fine.
        if (pgErrorCode(createError) !== DUPLICATE_DATABASE) throw createError;
      }
    });
    return connect();
  }
}
