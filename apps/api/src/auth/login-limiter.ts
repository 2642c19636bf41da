import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import IORedis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AuthErrorCode, DomainError, type AppConfig } from '@tandem/server';

/**
 * Failed logins are counted per account and per client address in Redis (so the limit
 * holds across API instances); once either is exhausted, further attempts answer 429
 * before the password is even checked. A successful login clears the account's count.
 */
@Injectable()
export class LoginLimiter implements OnModuleDestroy {
  private readonly redis: IORedis;
  private readonly byAccount: RateLimiterRedis;
  private readonly byAddress: RateLimiterRedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
    const duration = config.LOGIN_WINDOW_SECONDS;
    this.byAccount = new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `${config.REDIS_PREFIX}:login:account`, points: config.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT, duration });
    this.byAddress = new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `${config.REDIS_PREFIX}:login:address`, points: config.LOGIN_MAX_ATTEMPTS_PER_ADDRESS, duration });
  }

  async assertAllowed(email: string, address: string): Promise<void> {
    const [a, b] = await Promise.all([this.byAccount.get(email), this.byAddress.get(address)]);
    const blocked = [a && a.remainingPoints <= 0 ? a : null, b && b.remainingPoints <= 0 ? b : null].filter((r): r is RateLimiterRes => r !== null);
    if (blocked.length) {
      const wait = Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000);
      throw new DomainError(AuthErrorCode.RateLimited, `Too many failed sign-in attempts; try again in ${wait} s`, undefined, wait);
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.penalty(email, 1), this.byAddress.penalty(address, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(email);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
