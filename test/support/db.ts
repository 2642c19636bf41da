import { createDatabase, dropDatabase, randomSuffix, withDatabaseName } from '../../prisma/tools/databases';
import { applyMigrations } from '../../prisma/tools/migrate';

/** The server test databases are created on; its own database is only used to connect. */
export function testDatabaseAdminUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL || 'postgresql://root@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  name: string;
  url: string;
}

/** `<prefix>_<UTC timestamp>_<random>`: sortable, so leftovers of crashed runs are easy to spot. */
export function testDatabaseName(prefix = 'tandem_test'): string {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${prefix}_${stamp}_${randomSuffix()}`;
}

/** An empty database on the test server; pass `migrate: true` for the current schema. */
export async function createTestDatabase(options: { prefix?: string; migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = testDatabaseName(options.prefix);
  const url = await createDatabase(testDatabaseAdminUrl(), name);
  if (options.migrate) {
    try {
      await applyMigrations(url);
    } catch (error) {
      await dropDatabase(testDatabaseAdminUrl(), name);
      throw error;
    }
  }
  return { name, url };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await dropDatabase(testDatabaseAdminUrl(), name);
}

/** A database of the test server by name: for tests that want the run's own database. */
export function testDatabaseUrl(name: string): string {
  return withDatabaseName(testDatabaseAdminUrl(), name);
}
