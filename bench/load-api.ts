import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../apps/api/src/bootstrap';

/**
 * The API as `npm run bench -- load` runs it: a process of its own (forked by bench/load.ts,
 * configured through the environment it inherits), so its RSS is the API's alone and the load
 * generator does not share its event loop. Listens on a free loopback port and tells the
 * parent which one over the IPC channel, and its memory after a full GC when asked; SIGTERM (or the parent going away) closes it.
 */
async function main(): Promise<void> {
  const app = await createApp();
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  process.once('disconnect', () => {
    void app.close().finally(() => process.exit(0));
  });
  // the parent asks for the heap after a full collection (forked with --expose-gc): growth that survives it is kept, not garbage
  process.on('message', (m: unknown) => {
    if (m !== 'memory') return;
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ memory: process.memoryUsage() });
  });
  process.send?.({ port });
}

main().catch((error: unknown) => {
  console.error(`load-api: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
