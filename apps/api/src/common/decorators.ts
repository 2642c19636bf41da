import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiOperation, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ROLE_LABELS, rolesWith, type Permission } from '@tandem/contracts';
import type { Principal } from '@tandem/server';

export const IS_PUBLIC = 'tandem:public';
export const PERMISSION = 'tandem:permission';

/** Reachable without authentication. Every other route needs a token and a permission. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));

/** The permission a route needs; also documents in OpenAPI which roles it admits. */
export function RequirePermission(permission: Permission, summary?: string): MethodDecorator {
  const roles = rolesWith(permission);
  return applyDecorators(
    SetMetadata(PERMISSION, permission),
    ApiBearerAuth(),
    ApiOperation({ summary, description: `Permission \`${permission}\`. Roles: ${roles.map((r) => ROLE_LABELS[r]).join(', ')}.` }),
    ApiExtension('x-permission', permission),
    ApiExtension('x-roles', roles),
    ApiUnauthorizedResponse({ description: 'missing or invalid token (problem+json)' }),
    ApiForbiddenResponse({ description: 'role lacks the permission (problem+json)' }),
  );
}

export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<{ user: Principal }>();
  return req.user;
});

export const ANY_ROLE = 'tandem:any-role';

/** Any authenticated principal, whatever its role (e.g. `me`, logout). */
export function AnyAuthenticated(summary?: string): MethodDecorator {
  return applyDecorators(
    SetMetadata(ANY_ROLE, true),
    ApiBearerAuth(),
    ApiOperation({ summary, description: 'Any authenticated user.' }),
    ApiExtension('x-roles', 'any'),
    ApiUnauthorizedResponse({ description: 'missing or invalid token (problem+json)' }),
  );
}
