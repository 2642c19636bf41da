import { Logger } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import { DiscoveryService } from '@nestjs/core';
import { APP_CONFIG, onTermination, type AppConfig } from '@tandem/server';
import { createWorker } from './bootstrap';

async function main(): Promise<void> {
  const worker = await createWorker();
  const config = worker.get<AppConfig>(APP_CONFIG);
  // SIGTERM: each queue's worker stops taking jobs and finishes the one it runs (BullMQ's
  // close waits for it), and only then are the database pool and Redis closed. A job still
  // running past the grace period is picked up again by another worker once its lock expires.
  onTermination(
    async () => {
      const hosts = worker
        .get(DiscoveryService)
        .getProviders()
        .map((wrapper) => wrapper.instance as unknown)
        .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
      await Promise.all(hosts.map((host) => host.worker.close()));
      await worker.close();
    },
    config.SHUTDOWN_GRACE_MS,
    new Logger('Worker'),
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
