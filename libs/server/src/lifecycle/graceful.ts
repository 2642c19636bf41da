import type { Server } from 'node:http';
import type { LoggerService } from '@nestjs/common';

/**
 * On SIGTERM or SIGINT, run `drain` (stop taking work, let the work in hand finish), then
 * exit 0; past `graceMs` or on an error, exit 1. Nest's own shutdown hooks are not used for
 * this because they close the database pool (onModuleDestroy) before the HTTP server and the
 * queue workers (later hooks): a request or a job in flight lost its connections mid-way.
 */
export function onTermination(drain: (signal: string) => Promise<void>, graceMs: number, logger: LoggerService): void {
  let started = false;
  const handle = (signal: NodeJS.Signals): void => {
    if (started) return;
    started = true;
    logger.log(`${signal}: finishing the work in hand (at most ${graceMs} ms), then exiting`, 'Shutdown');
    const deadline = setTimeout(() => {
      logger.error(`work still in hand after ${graceMs} ms: exiting anyway`, undefined, 'Shutdown');
      process.exit(1);
    }, graceMs);
    deadline.unref();
    drain(signal).then(
      () => {
        logger.log('drained: exiting', 'Shutdown');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`, undefined, 'Shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handle);
  process.once('SIGINT', handle);
}

/**
 * Stop accepting connections and wait for the requests in flight to be answered. Idle
 * keep-alive connections are closed at once; a connection whose request is running is closed
 * after its response (Node does so for a server that is closing).
 */
export function drainHttp(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
