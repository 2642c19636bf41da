import { Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { DomainError } from '@tandem/server';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

const ALWAYS = ['id', 'createdAt', 'updatedAt'];

/**
 * Fields a client may not change. react-admin's edit form PUTs the whole record back, read-only
 * fields included: on PUT those fields (and only those) are dropped before validation, and
 * anything else unknown is still rejected. A PATCH names only what it means to change, so a
 * read-only field in one is refused (400 naming each), not dropped with a 200 that reads as
 * done: an outside attack moved a relationship to another supplier that way and was told it
 * had. Interceptors run before pipes, which is why this is one.
 */
@Injectable()
class ReadOnlyFieldsInterceptor implements NestInterceptor {
  constructor(private readonly fields: string[]) {}
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const body: unknown = req.body;
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      const record = body as Record<string, unknown>;
      if (req.method === 'PATCH') {
        const refused = this.fields.filter((f) => Object.hasOwn(record, f));
        if (refused.length > 0) throw DomainError.validation(refused.map((path) => ({ path, message: 'cannot be changed' })));
      }
      for (const f of [...ALWAYS, ...this.fields]) delete record[f];
    }
    return next.handle();
  }
}

export const IgnoreReadOnly = (...fields: string[]): MethodDecorator => UseInterceptors(new ReadOnlyFieldsInterceptor(fields));
