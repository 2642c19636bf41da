import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, CommonErrorCode, DomainError, REDIS_FAST, type AppConfig, type Principal } from '@tandem/server';

/**
 * API-wide request limits, counted in Redis so they hold across API instances: per client
 * address (every request, signed in or not) and per principal (a user or an API key,
 * wherever it calls from). When Redis is unreachable each instance counts in memory rather
 * than not at all.
 */
@Injectable()
export class RateLimits {
  private readonly byAddress: RateLimiterRedis;
  private readonly byPrincipal: RateLimiterRedis;

  constructor(@Inject(REDIS_FAST) redis: IORedis, @Inject(APP_CONFIG) config: AppConfig) {
    const duration = config.RATE_LIMIT_WINDOW_SECONDS;
    const limiter = (name: string, points: number): RateLimiterRedis =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.REDIS_PREFIX}:rate:${name}`, points, duration, insuranceLimiter: new RateLimiterMemory({ points, duration }) });
    this.byAddress = limiter('address', config.RATE_LIMIT_PER_ADDRESS);
    this.byPrincipal = limiter('principal', config.RATE_LIMIT_PER_PRINCIPAL);
  }

  private static async consume(limiter: RateLimiterRedis, key: string, who: string): Promise<void> {
    try {
      await limiter.consume(key, 1);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const wait = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new DomainError(CommonErrorCode.RateLimited, `Too many requests from ${who}; try again in ${wait} s`, undefined, wait);
      }
      throw rejection;
    }
  }

  consumeAddress(address: string): Promise<void> {
    return RateLimits.consume(this.byAddress, address, 'this address');
  }

  consumePrincipal(p: Principal): Promise<void> {
    const key = p.apiKeyId ? `key:${p.apiKeyId}` : `user:${p.userId ?? 'unknown'}`;
    return RateLimits.consume(this.byPrincipal, key, p.apiKeyId ? 'this API key' : 'your account');
  }
}
