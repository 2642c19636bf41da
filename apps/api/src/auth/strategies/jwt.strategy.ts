import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig, type Principal } from '@tandem/server';
import type { AccessClaims } from '../auth.service';

/** Short-lived access tokens: the principal comes from the claims, no database read. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: config.JWT_SECRET, algorithms: ['HS256'] });
  }

  validate(claims: AccessClaims): Principal & { familyId: string } {
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
