import { createWorker } from './bootstrap';

async function main(): Promise<void> {
  const worker = await createWorker();
  // signals belong to the entry point, as in the API's main.ts
  worker.enableShutdownHooks();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
