import { createApp } from './bootstrap';
import { APP_CONFIG, type AppConfig } from '@tandem/server';

async function main(): Promise<void> {
  const app = await createApp();
  // The process's own signals belong to its entry point: tests and benchmarks that embed the
  // app close it themselves (and drop their databases) rather than being killed by Nest.
  app.enableShutdownHooks();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.PORT, '0.0.0.0');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
