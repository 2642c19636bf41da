import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig, type Principal } from '@tandem/server';
import type { AccessClaims } from '../auth.service';
import { SessionRevocations } from '../session-revocations';

/**
 * The audience of access tokens: other tokens signed with the same secret (the queue
 * board's session) are for other doors and do not open this one.
 */
export const ACCESS_TOKEN_AUDIENCE = 'tandem:api';

/**
 * Short-lived access tokens: the principal comes from the claims. One Redis read (MGET of
 * three markers) answers whether the session, the account or the role has been ended since
 * the token was issued (SessionRevocations); no database read while Redis answers.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly revocations: SessionRevocations,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // a key object, made once: given the secret as text, jsonwebtoken first tries to read it as
      // a PEM public key on every verification and throws, which cost about 1 ms per request.
      // passport-jwt hands it to jsonwebtoken.verify untouched; its types predate KeyObject.
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as Buffer,
      algorithms: ['HS256'],
      audience: ACCESS_TOKEN_AUDIENCE,
    });
  }

  async validate(claims: AccessClaims & { iat?: number }): Promise<(Principal & { familyId: string }) | false> {
    const ims = typeof claims.ims === 'number' ? claims.ims : (claims.iat ?? 0) * 1000;
    if (await this.revocations.isRevoked({ sub: claims.sub, ra: claims.ra, fam: claims.fam, ims })) return false;
    return {
      kind: 'user',
      userId: claims.sub,
      apiKeyId: null,
      roleAssignmentId: claims.ra,
      role: claims.role,
      consortiumId: claims.c,
      organisationId: claims.o,
      familyId: claims.fam,
    };
  }
}
