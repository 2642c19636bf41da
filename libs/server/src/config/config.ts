import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '@tandem/contracts';

/**
 * Secrets that have been published (in this repository or its history) and therefore sign
 * nothing, whatever NODE_ENV says: anyone could mint a platform admin's token with them.
 */
export const PUBLIC_SECRETS: readonly string[] = ['tandem-development-secret-not-for-production-use'];

/**
 * TRUST_PROXY: which X-Forwarded-For hops to believe. `true` (believe every hop) is refused:
 * then any client chooses its own address, and with it escapes per-address limits.
 */
const trustProxy = z.string().transform((raw, ctx): false | number | string[] => {
  const v = raw.trim();
  if (v === 'false' || v === '0' || v === 'no') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !['loopback', 'linklocal', 'uniquelocal'].includes(e) && !isIP(e.split('/')[0] ?? ''));
  if (v === 'true' || v === 'yes' || v === '1' || entries.length === 0 || bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: 'give the number of proxies in front of the API (e.g. 1) or their addresses (10.0.0.1,10.0.0.0/8,loopback); true would trust any X-Forwarded-For' });
    return z.NEVER;
  }
  return entries;
});

/**
 * Every environment variable Tandem reads, validated once at boot. Defaults suit a
 * developer's machine; production must set the secrets (see .env.example and README).
 */
const configShape = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').default('postgresql://root@127.0.0.1:5432/tandem'),
  /** a read replica for lists, dashboards and exports (reads that may lag a moment); unset: DATABASE_URL */
  DATABASE_READ_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  /** a new PostgreSQL connection (or a free one from the pool) not had within this answers 503 */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** a query of the API not answered within this answers 503 (and PostgreSQL cancels it); 0: none */
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /** the same for the worker, whose recomputes and import commits run long; 0: none */
  WORKER_DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).default(900_000),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().min(1).default('tandem'),
  /** an enqueue or any other Redis command of a request not answered within this answers 503 (or is kept for later) */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** on SIGTERM, requests in flight (API) and jobs running (worker) get this long to finish before the process exits anyway */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(25_000),
  CONSOLE_URL: z.string().url().default('http://localhost:4200'),
  /** the console's production build, served by the API at / (the container image sets it); unset: only the API */
  CONSOLE_DIR: z.string().min(1).optional(),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:4200,http://127.0.0.1:4200')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
  /** unset: refused in production; in development and test a random one per process (sessions end with it) */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  INVITE_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(72),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'like 100kb or 1mb').default('100kb'),
  BULK_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'like 100kb or 1mb').default('5mb'),
  /** failed sign-ins for one account from one address (the owner elsewhere still gets in) */
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** ceiling on failed sign-ins for one account from all addresses together, per day */
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_PER_DAY: z.coerce.number().int().min(1).default(200),
  /** requests per RATE_LIMIT_WINDOW_SECONDS from one client address, signed in or not */
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(1200),
  /** requests per RATE_LIMIT_WINDOW_SECONDS of one user or API key */
  RATE_LIMIT_PER_PRINCIPAL: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /** invitations one firm's admins may send per day; staff of a consortium get the second figure */
  INVITATIONS_PER_FIRM_PER_DAY: z.coerce.number().int().min(1).default(30),
  INVITATIONS_PER_CONSORTIUM_PER_DAY: z.coerce.number().int().min(1).default(300),
  /** bearer token Prometheus sends to GET /metrics; unset: /metrics answers 404 */
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// URL').optional(),
  MAIL_FROM: z.string().default('Tandem <no-reply@tandem.local>'),
  QUEUE_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  QUEUE_BACKOFF_MS: z.coerce.number().int().min(10).default(2000),
  /** a running job's lock, renewed while its worker lives; a worker that died has its job taken over this long after (BullMQ's stalled check) */
  QUEUE_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  EMAIL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  OUTBOX_RELAY_EVERY_MS: z.coerce.number().int().min(1000).default(60_000),
  FOLLOW_UP_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  REMINDER_EVERY_MS: z.coerce.number().int().min(1000).default(3_600_000),
  /** how often the commitments evaluation runs (one run per tick across workers) */
  COMMITMENT_EVALUATION_EVERY_MS: z.coerce.number().int().min(1000).default(3_600_000),
  REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(90).default(7),
  IMPORT_DIR: z.string().min(1).default('.tandem/imports'),
  IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  MAX_IMPORT_BYTES: z.coerce.number().int().min(1024).max(2_147_483_647).default(MAX_IMPORT_BYTES),
  /** imports one firm (or a consortium's staff together) may have not yet finished: uploaded, parsing, parsed or committing; one more upload answers 409 */
  MAX_IMPORTS_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).default(3),
  /** days the error rows of a cancelled or failed import are kept after it ended */
  IMPORT_ERROR_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** how often the retention job looks for error rows past IMPORT_ERROR_RETENTION_DAYS (one run per tick across workers) */
  IMPORT_ERROR_PURGE_EVERY_MS: z.coerce.number().int().min(1000).default(3_600_000),
  /** memory each sort or hash of a benchmark recompute may use before spilling to disk (PostgreSQL work_mem, its transaction only) */
  BENCHMARK_WORK_MEM_MB: z.coerce.number().int().min(4).max(16_384).default(256),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** json for log collectors; pretty (one readable line per request) is what `npm start` uses */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  TRUST_PROXY: trustProxy.default(false),
});

/** The names of every variable the configuration reads (deployments must provide or default each). */
export const CONFIG_VARIABLES = Object.keys(configShape.shape) as (keyof typeof configShape.shape)[];

export const configSchema = configShape
  .superRefine((c, ctx) => {
    if (c.JWT_SECRET !== undefined && PUBLIC_SECRETS.includes(c.JWT_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is a published value: generate one (npm start keeps one in .tandem/secrets.json)' });
    }
    if (c.JWT_SECRET === undefined && c.NODE_ENV !== 'development' && c.NODE_ENV !== 'test') {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: `is required when NODE_ENV=${c.NODE_ENV}` });
    }
    if (c.METRICS_TOKEN !== undefined && PUBLIC_SECRETS.includes(c.METRICS_TOKEN)) {
      ctx.addIssue({ code: 'custom', path: ['METRICS_TOKEN'], message: 'is a published value' });
    }
  })
  .transform((c) => ({
    ...c,
    DATABASE_READ_URL: c.DATABASE_READ_URL ?? c.DATABASE_URL,
    JWT_SECRET: c.JWT_SECRET ?? randomBytes(36).toString('base64url'),
    /** true when JWT_SECRET was generated for this process: sessions do not survive a restart */
    jwtSecretEphemeral: c.JWT_SECRET === undefined,
  }));

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parse the environment; throw one error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    // One problem is one line, so a refused start reads as one line in any log.
    throw new ConfigError(lines.length === 1 ? `Invalid configuration: ${lines[0]}` : `Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}

/** Body limit string ("100kb") in bytes, for checks outside body-parser. */
export function bytes(limit: string): number {
  const m = /^(\d+)(b|kb|mb)$/i.exec(limit);
  if (!m) throw new ConfigError(`bad size ${limit}`);
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  return unit === 'mb' ? n * 1024 * 1024 : unit === 'kb' ? n * 1024 : n;
}
