import { Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

const ALWAYS = ['id', 'createdAt', 'updatedAt'];

/**
 * react-admin's edit form PUTs the whole record back, read-only fields included. Those
 * fields (and only those) are dropped before validation; anything else unknown is still
 * rejected. Interceptors run before pipes, which is why this is one.
 */
@Injectable()
class ReadOnlyFieldsInterceptor implements NestInterceptor {
  constructor(private readonly fields: string[]) {}
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const body: unknown = req.body;
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      for (const f of [...ALWAYS, ...this.fields]) delete (body as Record<string, unknown>)[f];
    }
    return next.handle();
  }
}

export const IgnoreReadOnly = (...fields: string[]): MethodDecorator => UseInterceptors(new ReadOnlyFieldsInterceptor(fields));
