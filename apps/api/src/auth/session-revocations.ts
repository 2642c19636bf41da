import { Inject, Injectable, Logger } from '@nestjs/common';
import type IORedis from 'ioredis';
import { APP_CONFIG, CommonErrorCode, DomainError, PrismaService, REDIS_FAST, type AppConfig } from '@tandem/server';

/** The claims a revocation can hit: the user, the role assignment, the login (family) and when the token was issued. */
export interface RevocableClaims {
  sub: string;
  ra: string;
  fam: string;
  /** issued-at in milliseconds (our claim; `iat` is whole seconds) */
  ims: number;
}

/** Whether a token issued at `ims` falls under a marker (the time of a revocation, in ms). */
function issuedBy(ims: number, marker: string | null): boolean {
  return marker !== null && ims <= Number(marker);
}

/**
 * Access tokens are verified without a database read, so ending a session must reach the
 * next request some other way: a marker in Redis, written when a session, an account or a
 * role ends and kept as long as an access token can live. Every authenticated request reads
 * the three markers that could concern it in one MGET.
 *
 * The database stays the truth (refresh families revoked, account disabled, assignment
 * gone or suspended, `sessionsValidAfter`): when Redis cannot answer, the same question is
 * asked of PostgreSQL, so an outage of Redis never lets a revoked token through.
 */
@Injectable()
export class SessionRevocations {
  private readonly logger = new Logger(SessionRevocations.name);
  private readonly prefix: string;
  private readonly ttlSeconds: number;

  constructor(
    @Inject(REDIS_FAST) private readonly redis: IORedis,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly prisma: PrismaService,
  ) {
    this.prefix = `${config.REDIS_PREFIX}:revoked`;
    // A little longer than a token lives, so clock skew between API instances cannot reopen a gap.
    this.ttlSeconds = config.JWT_ACCESS_TTL_SECONDS + 60;
  }

  private key(kind: 'fam' | 'user' | 'ra', id: string): string {
    return `${this.prefix}:${kind}:${id}`;
  }

  /**
   * Write markers. Callers write them BEFORE recording the revocation in the database: a
   * revocation recorded only in the database would be honoured while Redis is down (the
   * fallback) and forgotten once it is back. So when Redis cannot take the marker, the
   * whole action is refused with 503 and nothing changes.
   */
  private async mark(entries: [string, string][]): Promise<void> {
    if (entries.length === 0) return;
    try {
      const multi = this.redis.multi();
      for (const [key, value] of entries) multi.set(key, value, 'EX', this.ttlSeconds);
      const results = (await multi.exec()) ?? [];
      const failed = results.find(([error]) => error !== null);
      if (failed) throw failed[0];
    } catch (error) {
      this.logger.error({ err: error }, 'could not write session revocation markers to Redis');
      throw new DomainError(CommonErrorCode.Unavailable, 'Sessions cannot be ended while the session store is unreachable; nothing was changed, try again shortly', undefined, 5);
    }
  }

  revokeFamilies(familyIds: string[]): Promise<void> {
    return this.mark(familyIds.map((id) => [this.key('fam', id), '1']));
  }

  /**
   * Every token issued up to `at` (milliseconds) on these role assignments stops working; a
   * role suspended and then reactivated signs in again (tokens issued after the marker pass).
   */
  revokeAssignments(roleAssignmentIds: string[], at = new Date()): Promise<void> {
    return this.mark(roleAssignmentIds.map((id) => [this.key('ra', id), String(at.getTime())]));
  }

  /** Every token of the user issued up to `at` (milliseconds) stops working. */
  revokeUser(userId: string, at: Date): Promise<void> {
    return this.mark([[this.key('user', userId), String(at.getTime())]]);
  }

  async isRevoked(claims: RevocableClaims): Promise<boolean> {
    let values: (string | null)[];
    try {
      values = await this.redis.mget(this.key('fam', claims.fam), this.key('ra', claims.ra), this.key('user', claims.sub));
    } catch {
      return this.isRevokedInDatabase(claims);
    }
    const [fam, ra, user] = values;
    if (fam !== null) return true;
    return issuedBy(claims.ims, ra) || issuedBy(claims.ims, user);
  }

  /** The same answer from PostgreSQL, for when Redis cannot give it. */
  private async isRevokedInDatabase(claims: RevocableClaims): Promise<boolean> {
    const { rows } = await this.prisma.pool.query<{ ok: boolean }>(
      `SELECT (f."revokedAt" IS NULL AND u.status = 'active' AND ra.status = 'active'
               AND (u."sessionsValidAfter" IS NULL OR u."sessionsValidAfter" < (to_timestamp($4::double precision / 1000) AT TIME ZONE 'UTC'))) AS ok
       FROM "User" u
       JOIN "RoleAssignment" ra ON ra.id = $2::uuid AND ra."userId" = u.id
       JOIN "RefreshTokenFamily" f ON f.id = $3::uuid AND f."userId" = u.id
       WHERE u.id = $1::uuid`,
      [claims.sub, claims.ra, claims.fam, claims.ims],
    );
    return rows[0]?.ok !== true;
  }
}
