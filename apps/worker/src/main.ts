import { createWorker } from './bootstrap';

createWorker().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
