import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { RequestPathRedis } from './request-path-redis';

export const REDIS = Symbol('REDIS');
/**
 * A second connection for the request path (rate limits, session revocations): it fails a
 * command within a second instead of queueing it while Redis is away, and skips Redis
 * altogether once a command timed out until Redis answers again (`RequestPathRedis`), so a
 * request never waits on an unreachable Redis. BullMQ's own connection must queue
 * (maxRetriesPerRequest: null).
 */
export const REDIS_FAST = Symbol('REDIS_FAST');

/** One shared Redis connection for queues (BullMQ needs maxRetriesPerRequest: null), closed on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null }),
    },
    {
      provide: REDIS_FAST,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new RequestPathRedis(config.REDIS_URL, { commandTimeout: 1000, connectTimeout: 2000 }),
    },
  ],
  exports: [REDIS, REDIS_FAST],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(REDIS_FAST) private readonly fast: IORedis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
    await this.fast.quit().catch(() => this.fast.disconnect());
  }
}
