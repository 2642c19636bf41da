/*
 * The container image's `migrate` command: apply pending migrations to DATABASE_URL and
 * exit. Needs only `pg` (no Prisma engine, no TypeScript tooling), so it runs from the
 * production image, once per release, before the new API and workers start.
 */
import { applyMigrations } from './migrate';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is not set: the migrate command applies migrations to it.');
  process.exit(1);
}

applyMigrations(databaseUrl, { log: (line) => console.log(line) }).then(
  ({ applied }) => {
    console.log(applied.length === 0 ? 'Database is up to date.' : `Applied ${applied.length} migration(s).`);
  },
  (error: unknown) => {
    console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
