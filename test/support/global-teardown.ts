import { deleteRedisKeys } from '../../prisma/tools/databases';
import { dropTestDatabase } from './db';
import { TEST_DATABASE_NAME_VAR } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const name = process.env[TEST_DATABASE_NAME_VAR];
  const prefix = process.env.REDIS_PREFIX;
  if (process.env.KEEP_TEST_DB === '1') {
    console.log(`\nKEEP_TEST_DB=1: kept database ${name ?? '(none)'} and Redis keys ${prefix ?? '(none)'}*`);
    return;
  }
  const results = await Promise.allSettled([
    name ? dropTestDatabase(name) : Promise.resolve(),
    prefix ? deleteRedisKeys(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix) : Promise.resolve(),
  ]);
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  if (failures.length > 0) {
    throw new Error(`Test cleanup failed: ${failures.map((failure) => (failure instanceof Error ? failure.message : String(failure))).join('; ')}`);
  }
}
