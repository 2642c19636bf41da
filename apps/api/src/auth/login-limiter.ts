import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AuthErrorCode, DomainError, REDIS_FAST, type AppConfig } from '@tandem/server';

const DAY_SECONDS = 86_400;

/**
 * Failed sign-ins, counted in Redis so the limits hold across API instances — the pattern
 * rate-limiter-flexible documents for login endpoints:
 *
 * - per account **and** address: a few failures block that pair only. Someone guessing from
 *   one address cannot lock the owner out: the owner, from another address, still signs in;
 * - per address: one address guessing many accounts is blocked;
 * - per account, per day, across all addresses: a high ceiling against guessing spread over
 *   many addresses. Reaching it does block the owner too; it is set far above what a person
 *   mistyping ever needs.
 *
 * Once a limit is reached, attempts answer 429 before the password is even checked. A
 * success clears the pair's count. When Redis is unreachable the counts are kept in memory
 * (per instance) rather than not at all.
 */
@Injectable()
export class LoginLimiter {
  private readonly byAccountAndAddress: RateLimiterRedis;
  private readonly byAddress: RateLimiterRedis;
  private readonly byAccountPerDay: RateLimiterRedis;

  constructor(@Inject(REDIS_FAST) redis: IORedis, @Inject(APP_CONFIG) config: AppConfig) {
    const window = config.LOGIN_WINDOW_SECONDS;
    const limiter = (keyPrefix: string, points: number, duration: number): RateLimiterRedis =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.REDIS_PREFIX}:login:${keyPrefix}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ points, duration }),
      });
    this.byAccountAndAddress = limiter('account-address', config.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS, window);
    this.byAddress = limiter('address', config.LOGIN_MAX_ATTEMPTS_PER_ADDRESS, window);
    this.byAccountPerDay = limiter('account-day', config.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_PER_DAY, DAY_SECONDS);
  }

  private static pair(email: string, address: string): string {
    return `${email}|${address}`;
  }

  async assertAllowed(email: string, address: string): Promise<void> {
    const results = await Promise.all([
      this.byAccountAndAddress.get(LoginLimiter.pair(email, address)),
      this.byAddress.get(address),
      this.byAccountPerDay.get(email),
    ]);
    const blocked = results.filter((r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0);
    if (blocked.length) {
      const wait = Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000);
      throw new DomainError(AuthErrorCode.RateLimited, `Too many failed sign-in attempts; try again in ${wait} s`, undefined, wait);
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.byAccountAndAddress.penalty(LoginLimiter.pair(email, address), 1),
      this.byAddress.penalty(address, 1),
      this.byAccountPerDay.penalty(email, 1),
    ]);
  }

  async recordSuccess(email: string, address: string): Promise<void> {
    await this.byAccountAndAddress.delete(LoginLimiter.pair(email, address));
  }
}
