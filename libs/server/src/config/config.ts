import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '@tandem/contracts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const DEV_JWT_SECRET = 'tandem-development-secret-not-for-production-use';

/**
 * Every environment variable Tandem reads, validated once at boot. Defaults suit a
 * developer's machine; production must set the secrets (see .env.example and README).
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').default('postgresql://root@127.0.0.1:5432/tandem'),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z.string().min(1).default('tandem'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    CONSOLE_URL: z.string().url().default('http://localhost:4200'),
    CORS_ORIGINS: z
      .string()
      .default('http://localhost:4200,http://127.0.0.1:4200')
      .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_JWT_SECRET),
    JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
    REFRESH_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    INVITE_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(72),
    BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'like 100kb or 1mb').default('100kb'),
    BULK_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'like 100kb or 1mb').default('5mb'),
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// URL').optional(),
    MAIL_FROM: z.string().default('Tandem <no-reply@tandem.local>'),
    QUEUE_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
    QUEUE_BACKOFF_MS: z.coerce.number().int().min(10).default(2000),
    EMAIL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    OUTBOX_RELAY_EVERY_MS: z.coerce.number().int().min(1000).default(60_000),
    METRICS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
    REMINDER_EVERY_MS: z.coerce.number().int().min(1000).default(3_600_000),
    REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(90).default(7),
    IMPORT_DIR: z.string().min(1).default('.tandem/imports'),
    IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    MAX_IMPORT_BYTES: z.coerce.number().int().min(1024).max(2_147_483_647).default(MAX_IMPORT_BYTES),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: bool.default(false),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && c.JWT_SECRET === DEV_JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set in production' });
    }
  });

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parse the environment; throw one error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
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
