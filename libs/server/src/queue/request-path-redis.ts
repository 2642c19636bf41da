import { Logger } from '@nestjs/common';
import IORedis, { type RedisOptions } from 'ioredis';

/** The message ioredis rejects a command with when `commandTimeout` passes without a reply. */
const TIMED_OUT = 'Command timed out';

/**
 * The request path's Redis connection (rate limits, sign-in limits, session revocations), with
 * a circuit breaker: commands are never queued while the connection is not ready, each fails
 * after `commandTimeout`, and the first one that times out on a ready connection drops the
 * connection and reconnects. Until Redis answers the reconnection's ready check, every command
 * fails at once ("Stream isn't writeable"), so the callers' fallbacks (in-memory limits, the
 * revocation question asked of PostgreSQL) answer without waiting; without the breaker every
 * request during a partition waited out the timeout of each of its Redis calls (1–3 s).
 * The connection comes back by itself when Redis answers again: the breaker closes on `ready`.
 */
export class RequestPathRedis extends IORedis {
  private readonly logger = new Logger(RequestPathRedis.name);
  /** Times the breaker opened, for the metrics and the tests. */
  trips = 0;
  /** When the current connection became ready: a command sent before it says nothing about it. */
  private readyAt = 0;
  /** Tripped and not ready again yet. */
  private open = false;

  constructor(url: string, options: Pick<RedisOptions, 'commandTimeout' | 'connectTimeout'>) {
    // A dropped connection's socket is destroyed soon (a silent peer never acknowledges its end),
    // and the commands it had in flight fail rather than being sent again on the next one.
    super(url, { ...options, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false, disconnectTimeout: 200, autoResendUnfulfilledCommands: false });
    // Errors surface on the commands that fail; an unhandled 'error' event would crash the process.
    this.on('error', () => undefined);
    this.on('ready', () => {
      this.readyAt = Date.now();
      this.open = false;
      if (this.trips > 0) this.logger.log('Redis answers again: the request path uses it again');
    });
  }

  override sendCommand(...args: Parameters<IORedis['sendCommand']>): unknown {
    const sentAt = Date.now();
    const [command] = args;
    command.promise.catch((error: unknown) => {
      if (error instanceof Error && error.message === TIMED_OUT && !this.open && sentAt >= this.readyAt) this.trip();
    });
    return super.sendCommand(...args);
  }

  private trip(): void {
    this.open = true;
    this.trips++;
    this.logger.warn(`Redis did not answer within ${this.options.commandTimeout} ms: the request path skips it until it answers again`);
    this.disconnect(true);
  }
}
