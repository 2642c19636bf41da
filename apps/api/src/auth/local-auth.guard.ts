import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { DomainError } from '@tandem/server';
import { LoginDto } from './auth.dto';

/**
 * Guards run before pipes, so the login body is validated here (same rules as the global
 * pipe) before passport-local sees it: a malformed request is a 400 naming the fields.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const dto = plainToInstance(LoginDto, req.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      throw DomainError.validation(
        errors.flatMap((e) =>
          Object.values(e.constraints ?? {}).map((m) => ({ path: e.property, message: m.includes('should not exist') ? 'unknown field' : m })),
        ),
      );
    }
    return (await super.canActivate(ctx)) as boolean;
  }

  override handleRequest<T>(err: unknown, user: T | false): T {
    if (err) throw err;
    if (!user) throw DomainError.validation([{ path: 'email', message: 'is required' }]);
    return user;
  }
}
