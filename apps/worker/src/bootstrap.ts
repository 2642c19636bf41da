import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

export async function createWorker(): Promise<INestApplicationContext> {
  const ctx = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  ctx.useLogger(ctx.get(Logger));
  await ctx.init();
  return ctx;
}
