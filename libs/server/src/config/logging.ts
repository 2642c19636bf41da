import type { AppConfig } from './config';

/**
 * pino's transport for LOG_FORMAT: JSON lines for log collectors (production), or one
 * readable line per entry for a person at a terminal (`npm start` sets pretty).
 */
export function logTransport(config: Pick<AppConfig, 'LOG_FORMAT'>): { target: string; options: Record<string, unknown> } | undefined {
  if (config.LOG_FORMAT !== 'pretty') return undefined;
  return {
    target: 'pino-pretty',
    options: {
      singleLine: true,
      colorize: Boolean(process.stdout.isTTY),
      translateTime: 'SYS:HH:MM:ss',
      // the request line already says everything a person reads; JSON keeps the fields
      ignore: 'pid,hostname,req,res,responseTime,context',
    },
  };
}
