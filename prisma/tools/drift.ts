import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withTemporaryDatabase } from './databases';
import { diffDatabaseToSchema } from './engine';
import { migrationsDir as defaultMigrationsDir } from './env';
import { applyMigrations } from './migrate';
import { lockfileContent, lockfileName, migrationTimestamp, normaliseMigrationName, readMigrations } from './migration-files';

/**
 * What prisma/schema.prisma has that the migrations do not build: replays every migration
 * into a temporary database on `serverUrl`'s server and diffs it against the schema. Empty
 * when they agree. No shadow database, so no engine-managed CREATE/DROP DATABASE.
 */
export async function diffMigrationsToSchema(serverUrl: string, migrationsDir: string = defaultMigrationsDir): Promise<string> {
  return withTemporaryDatabase(serverUrl, 'tandem_mig', async (url) => {
    await applyMigrations(url, { migrationsDir });
    return diffDatabaseToSchema(url);
  });
}

export function ensureLockfile(migrationsDir: string = defaultMigrationsDir): void {
  mkdirSync(migrationsDir, { recursive: true });
  const file = path.join(migrationsDir, lockfileName);
  if (!existsSync(file)) writeFileSync(file, lockfileContent);
}

export interface CreatedMigration {
  name: string;
  file: string;
}

/** Writes `<timestamp>_<name>/migration.sql` with the schema's pending changes; null when none. */
export async function createMigration(serverUrl: string, name: string, migrationsDir: string = defaultMigrationsDir): Promise<CreatedMigration | null> {
  const slug = normaliseMigrationName(name);
  ensureLockfile(migrationsDir);
  const sql = await diffMigrationsToSchema(serverUrl, migrationsDir);
  if (sql === '') return null;

  // Folder order is apply order: never sort before an existing migration, even with clock skew.
  const last = readMigrations(migrationsDir).at(-1)?.name.slice(0, 14);
  let stamp = new Date();
  if (last !== undefined && migrationTimestamp(stamp) <= last) stamp = new Date(parseStamp(last).getTime() + 1000);
  const folder = `${migrationTimestamp(stamp)}_${slug}`;
  const file = path.join(migrationsDir, folder, 'migration.sql');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, sql);
  return { name: folder, file };
}

/**
 * Everything after this line in a migration is SQL Prisma does not model (CHECK constraints,
 * partial indexes, triggers); `regenerateLastMigration` keeps it.
 */
export const handWrittenMarker = '-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)';

export interface RegeneratedMigration extends CreatedMigration {
  changed: boolean;
}

/**
 * Rewrites the newest migration from the current schema, keeping its hand-written tail. Only
 * for a migration no shared database has applied yet: a changed file fails their checksum.
 */
export async function regenerateLastMigration(serverUrl: string, migrationsDir: string = defaultMigrationsDir): Promise<RegeneratedMigration> {
  const migrations = readMigrations(migrationsDir);
  const last = migrations.at(-1);
  if (last === undefined) throw new Error('There is no migration to regenerate: use `create <name>`.');
  const generated = await withTemporaryDatabase(serverUrl, 'tandem_mig', async (url) => {
    await applyMigrations(url, { migrations: migrations.slice(0, -1) });
    return diffDatabaseToSchema(url);
  });
  const sql = joinScript(generated, [handWrittenPart(last.sql)]);
  const file = path.join(migrationsDir, last.name, 'migration.sql');
  const changed = readFileSync(file, 'utf8') !== sql;
  if (changed) writeFileSync(file, sql);
  return { name: last.name, file, changed };
}

/**
 * Replaces every migration with one generated from the schema, followed by the hand-written
 * parts of all of them in order. For a history no shared database has applied yet.
 */
export async function squashMigrations(serverUrl: string, name: string, migrationsDir: string = defaultMigrationsDir): Promise<CreatedMigration> {
  const slug = normaliseMigrationName(name);
  const migrations = readMigrations(migrationsDir);
  // Generated before anything is deleted: a failure leaves the folder as it was.
  const generated = await withTemporaryDatabase(serverUrl, 'tandem_mig', async (url) => {
    await applyMigrations(url, { migrations: [] });
    return diffDatabaseToSchema(url);
  });
  const folder = `${migrationTimestamp()}_${slug}`;
  for (const migration of migrations) rmSync(path.join(migrationsDir, migration.name), { recursive: true, force: true });
  ensureLockfile(migrationsDir);
  const file = path.join(migrationsDir, folder, 'migration.sql');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, joinScript(generated, migrations.map((migration) => handWrittenPart(migration.sql))));
  return { name: folder, file };
}

/** The SQL after the marker line, without the marker. */
function handWrittenPart(sql: string): string {
  const markerAt = sql.indexOf(handWrittenMarker);
  return markerAt === -1 ? '' : sql.slice(markerAt + handWrittenMarker.length).trim();
}

function joinScript(generated: string, handWritten: string[]): string {
  const parts = handWritten.filter((part) => part !== '');
  const sections = [generated.trimEnd(), ...(parts.length > 0 ? [handWrittenMarker, ...parts] : [])].filter((part) => part !== '');
  return sections.join('\n\n') + '\n';
}

function parseStamp(stamp: string): Date {
  const [y, mo, d, h, mi, s] = [stamp.slice(0, 4), stamp.slice(4, 6), stamp.slice(6, 8), stamp.slice(8, 10), stamp.slice(10, 12), stamp.slice(12, 14)];
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}
