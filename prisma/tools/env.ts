import { existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const schemaPath = path.join(repoRoot, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(repoRoot, 'prisma', 'migrations');
export const seedPath = path.join(repoRoot, 'prisma', 'seed', 'index.ts');

export const defaultDatabaseUrl = 'postgresql://root@127.0.0.1:5432/tandem';

/** Loads the root `.env` once; variables already set in the environment win. */
export function loadDotEnv(): void {
  const file = path.join(repoRoot, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

export function databaseUrlFromEnv(): string {
  return process.env.DATABASE_URL || defaultDatabaseUrl;
}
