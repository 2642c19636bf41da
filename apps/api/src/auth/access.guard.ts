import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { can, type Permission } from '@tandem/contracts';
import { AuthErrorCode, CommonErrorCode, DomainError, RequestContext, dependencyUnavailable, failedDependency, type Principal } from '@tandem/server';
import { ANY_ROLE, IS_PUBLIC, PERMISSION } from '../common/decorators';
import { RateLimits } from '../rate-limits/rate-limits.service';

/**
 * Guarded by default (registered globally): a route is reachable without a token only when
 * marked @Public(); otherwise it needs a valid access token or API key, and the role must
 * hold the route's declared permission. A route that declares nothing is refused.
 */
@Injectable()
export class AccessGuard extends AuthGuard(['jwt', 'api-key']) {
  constructor(
    private readonly reflector: Reflector,
    private readonly context: RequestContext,
    private readonly limits: RateLimits,
  ) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(ctx);
    const principal = ctx.switchToHttp().getRequest<{ user: Principal }>().user;
    this.context.setPrincipal(principal);
    await this.limits.consumePrincipal(principal);
    if (this.reflector.getAllAndOverride<boolean>(ANY_ROLE, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION, targets);
    if (!permission) throw new DomainError(CommonErrorCode.Forbidden, 'This route declares no permission');
    if (!can(principal.role, permission)) {
      throw new DomainError(CommonErrorCode.Forbidden, `Your role (${principal.role}) does not allow ${permission}`);
    }
    return true;
  }

  /**
   * The strategies fail (no token, a bad signature, a revoked session) with no error; an error
   * is their own failure to answer, such as the revocation check asking PostgreSQL while Redis is
   * unreachable: a dependency that did not answer is a 503, and anything else is not the
   * caller's fault either (500), never a 401 that would tell a client to sign in again.
   */
  override handleRequest<T>(err: unknown, user: T | false): T {
    if (err instanceof DomainError) throw err;
    const dependency = err ? failedDependency(err) : null;
    if (dependency) throw dependencyUnavailable(dependency);
    if (err) throw err;
    if (!user) throw new DomainError(AuthErrorCode.Unauthenticated, 'Authentication required: send a valid bearer token');
    return user;
  }
}
