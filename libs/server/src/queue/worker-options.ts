import { z } from 'zod';

const lockMs = z.coerce.number().int().min(1000).max(600_000).default(30_000);

/**
 * Options of every queue's worker, for `@Processor(queue, workerOptions())`: decorators are
 * read when the class is defined, before Nest's config exists, so this reads the one variable
 * it needs (QUEUE_LOCK_MS, validated with the rest of the config at boot). A running job's
 * lock lasts this long and is renewed while its worker lives; when a worker dies mid-job,
 * another takes the job over after at most twice this (lock expiry, then the stalled check).
 */
export function workerOptions(env: NodeJS.ProcessEnv = process.env): { lockDuration: number; stalledInterval: number } {
  const ms = lockMs.parse(env.QUEUE_LOCK_MS);
  return { lockDuration: ms, stalledInterval: ms };
}
