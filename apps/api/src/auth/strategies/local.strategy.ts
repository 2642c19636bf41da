import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { AuthService } from '../auth.service';
import { LoginLimiter } from '../login-limiter';

/** Email + password (argon2id), behind the failure limits per account and address, per address and per account. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly auth: AuthService,
    private readonly limiter: LoginLimiter,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(req: Request, email: string, password: string): Promise<unknown> {
    const account = email.toLowerCase();
    const address = req.ip ?? 'unknown';
    await this.limiter.assertAllowed(account, address);
    const user = await this.auth.verifyCredentials(account, password);
    if (!user) {
      await this.limiter.recordFailure(account, address);
      throw this.auth.invalidCredentials();
    }
    await this.limiter.recordSuccess(account, address);
    return user;
  }
}
