import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { APP_CONFIG, drainHttp, onTermination, type AppConfig } from '@tandem/server';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  const app = await createApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  // The process's own signals belong to its entry point (tests and benchmarks that embed the
  // app close it themselves). SIGTERM: no new connections, the requests in flight are
  // answered, and only then are the database pool and Redis closed.
  onTermination(
    async () => {
      await drainHttp(app.getHttpServer() as Server);
      await app.close();
    },
    config.SHUTDOWN_GRACE_MS,
    new Logger('Api'),
  );
  await app.listen(config.PORT, '0.0.0.0');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
