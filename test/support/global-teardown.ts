import { Redis } from 'ioredis';
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

/** SCAN, never KEYS: the Redis may be shared with a running dev stack. */
async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
