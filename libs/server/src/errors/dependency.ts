import { CommonErrorCode, DomainError } from './domain-error';

/** The services a request depends on; readiness and a 503's message name the one that failed. */
export type Dependency = 'postgresql' | 'redis';

const NAMES: Record<Dependency, string> = { postgresql: 'The database', redis: 'The queue store' };

/** Seconds a client waits before trying again after a dependency failed to answer. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

/** A call to a dependency that did not answer in time or could not be reached. */
export function dependencyUnavailable(dependency: Dependency): DomainError {
  return new DomainError(
    CommonErrorCode.Unavailable,
    `${NAMES[dependency]} is not answering; nothing was changed, try again in a few seconds`,
    undefined,
    DEPENDENCY_RETRY_AFTER_SECONDS,
  );
}

/** True for the DomainError `dependencyUnavailable` builds. */
export function isUnavailable(error: unknown): boolean {
  return error instanceof DomainError && error.code === CommonErrorCode.Unavailable;
}

// pg (and the pool), Prisma's own connection errors, ioredis without its offline queue.
const POSTGRES_MESSAGES = [
  'Query read timeout',
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
  'Connection terminated unexpectedly',
  'Client has encountered a connection error and is not queryable',
  'canceling statement due to statement timeout',
];
const POSTGRES_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', '57014', '57P01', '57P03', '08000', '08003', '08006']);
const REDIS_MESSAGES = ['Command timed out', "Stream isn't writeable", 'Connection is closed', 'Reached the max retries per request limit'];
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

/**
 * Which dependency an error says is unreachable or too slow, or null when it is some other
 * error (a bug, a constraint): those stay 500 or their own status. Walks `cause` and the
 * driver adapter's wrapped error, where Prisma keeps pg's.
 */
export function failedDependency(error: unknown, depth = 0): Dependency | null {
  if (depth > 5 || error === null || typeof error !== 'object') return null;
  const e = error as { message?: unknown; code?: unknown; name?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; errors?: unknown };
  const message = typeof e.message === 'string' ? e.message : '';
  const code = typeof e.code === 'string' ? e.code : '';
  if (POSTGRES_MESSAGES.some((m) => message.includes(m)) || POSTGRES_CODES.has(code)) return 'postgresql';
  if (REDIS_MESSAGES.some((m) => message.includes(m))) return 'redis';
  if (NETWORK_CODES.has(code)) return /redis|6379/i.test(message) ? 'redis' : 'postgresql';
  for (const inner of [e.cause, e.meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    const found = failedDependency(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

/** `work`, or a 503 DomainError naming `dependency` once `ms` pass without an answer. */
export async function withDeadline<T>(work: Promise<T>, ms: number, dependency: Dependency): Promise<T> {
  if (ms <= 0) return work;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(dependencyUnavailable(dependency)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
