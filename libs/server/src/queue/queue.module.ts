import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { QUEUES } from '@tandem/contracts';
import type IORedis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { JobProducer } from './job-producer';
import { REDIS, RedisModule } from './redis.module';

/** Redis connection and queue registrations shared by the API (producers) and the worker. */
@Global()
@Module({
  imports: [
    RedisModule,
    BullModule.forRootAsync({
      imports: [RedisModule],
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: IORedis) => ({ connection: redis, prefix: config.REDIS_PREFIX }),
    }),
    ...Object.values(QUEUES).map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [JobProducer],
  exports: [JobProducer, BullModule, RedisModule],
})
export class QueueModule {}
