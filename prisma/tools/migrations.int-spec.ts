import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, dropDatabase, randomSuffix } from './databases';
import { handWrittenMarker, regenerateLastMigration, squashMigrations } from './drift';
import { diffDatabaseToSchema } from './engine';
import { migrationsDir } from './env';
import { applyMigrations, MigrationError } from './migrate';
import { readMigrations } from './migration-files';

jest.setTimeout(60_000);

// The run's database (test/support/global-setup.ts) names the server; each test gets its own.
const serverUrl = process.env.DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';
const created: string[] = [];
async function freshDatabase(): Promise<{ url: string }> {
  const name = `tandem_mig_test_${randomSuffix()}`;
  const url = await createDatabase(serverUrl, name);
  created.push(name);
  return { url };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await Promise.all(created.map((name) => dropDatabase(serverUrl, name)));
});

describe('prisma/migrations', () => {
  it('build exactly prisma/schema.prisma on an empty database (drift check)', async () => {
    const { url } = await freshDatabase();
    const { applied } = await applyMigrations(url);
    expect(applied).toEqual(readMigrations().map((migration) => migration.name));

    const pending = await diffDatabaseToSchema(url);
    // On failure the message is the SQL the migrations lack: `npm run db:migrate:create -- <name>`.
    expect(pending).toBe('');
  });

  it('record every migration in _prisma_migrations with its sha256 checksum, and apply once', async () => {
    const { url } = await freshDatabase();
    await applyMigrations(url);
    const second = await applyMigrations(url);
    expect(second.applied).toEqual([]);

    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished: boolean }>(
      url,
      'SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows).toEqual(
      readMigrations().map((migration) => ({ migration_name: migration.name, checksum: migration.checksum, applied_steps_count: 1, finished: true })),
    );
  });

  it('let concurrent deploys apply each migration once', async () => {
    const { url } = await freshDatabase();
    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    expect(results.flatMap((result) => result.applied).sort()).toEqual(readMigrations().map((migration) => migration.name));
  });

  it('enforce the disclosure threshold floor the schema cannot express', async () => {
    const { url } = await freshDatabase();
    await applyMigrations(url);
    await expect(
      query(url, `INSERT INTO "Consortium" (id, name, slug, region, "disclosureThreshold", "updatedAt") VALUES (gen_random_uuid(), 'x', 'x', 'x', 2, now())`),
    ).rejects.toThrow(/consortium_disclosure_threshold_min/);
  });

  it('detect a database that differs from the schema', async () => {
    const { url } = await freshDatabase();
    await applyMigrations(url);
    await query(url, 'ALTER TABLE "Consortium" DROP COLUMN "region"');
    expect(await diffDatabaseToSchema(url)).toMatch(/"region"/);
  });

  describe('with a copy of the migrations folder', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-migrations-'));
      cpSync(migrationsDir, dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('refuse a migration edited after it was applied', async () => {
      const { url } = await freshDatabase();
      await applyMigrations(url, { migrationsDir: dir });
      const [first] = readdirSync(dir).filter((name) => /^\d{14}_/.test(name)).sort();
      appendFileSync(path.join(dir, first, 'migration.sql'), '\n-- edited\n');

      await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(MigrationError);
      await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(new RegExp(`checksum mismatch: ${first}`));
    });

    it('regenerate the newest migration byte for byte when the schema has not changed', async () => {
      const before = readMigrations(dir).at(-1);
      const result = await regenerateLastMigration(serverUrl, dir);
      expect(result.changed).toBe(false);
      expect(readMigrations(dir).at(-1)).toEqual(before);
    });

    it('squash the history into one migration that keeps the hand-written SQL', async () => {
      const handWritten = readMigrations(dir).filter((migration) => migration.sql.includes(handWrittenMarker)).length;
      const squashed = await squashMigrations(serverUrl, 'init', dir);
      expect(readMigrations(dir).map((migration) => migration.name)).toEqual([squashed.name]);
      if (handWritten > 0) expect(readFileSync(squashed.file, 'utf8')).toContain(handWrittenMarker);

      const { url } = await freshDatabase();
      await applyMigrations(url, { migrationsDir: dir });
      expect(await diffDatabaseToSchema(url)).toBe('');
      expect(await query(url, `SELECT 1 FROM pg_constraint WHERE conname = 'consortium_disclosure_threshold_min'`)).toHaveLength(1);
    });

    it('roll back a failing migration entirely and leave it pending', async () => {
      const { url } = await freshDatabase();
      await applyMigrations(url, { migrationsDir: dir });
      const broken = path.join(dir, '29991231235959_broken');
      cpSync(path.join(dir, readdirSync(dir).filter((name) => /^\d{14}_/.test(name))[0]), broken, { recursive: true });
      writeFileSync(path.join(broken, 'migration.sql'), 'CREATE TABLE "half_done" (id int);\nSELECT 1/0;\n');

      await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(/29991231235959_broken failed and was rolled back: division by zero/);
      expect(await query(url, `SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`)).toEqual([]);
      expect(await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231235959_broken'`)).toEqual([]);
    });
  });
});
