import { Global, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AddressRateLimitMiddleware } from './rate-limits.middleware';
import { RateLimits } from './rate-limits.service';

/** Request limits per address (middleware, all routes but the probes) and per principal (the access guard). */
@Global()
@Module({ providers: [RateLimits], exports: [RateLimits] })
export class RateLimitsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(AddressRateLimitMiddleware)
      .exclude({ path: 'health', method: RequestMethod.GET }, { path: 'health/ready', method: RequestMethod.GET }, { path: 'metrics', method: RequestMethod.GET })
      .forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
  }
}
