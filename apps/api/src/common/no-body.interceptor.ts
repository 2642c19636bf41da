import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { DomainError } from '@tandem/server';

/** Whether the handler reads a body: through @Body(), or the request itself (@Req(): an upload reads its stream and answers 415 to JSON). */
function readsBody(ctx: ExecutionContext): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), ctx.getHandler().name) ?? {}) as Record<string, unknown>;
  const reading = [String(RouteParamtypes.BODY), String(RouteParamtypes.REQUEST)];
  return Object.keys(args).some((key) => reading.includes(key.split(':')[0] ?? ''));
}

/**
 * An action that takes no body (close a period, remind late firms, revoke a key) refuses a
 * JSON body with fields, naming each as unknown, as every route with a body does through the
 * validation pipe's whitelist. Without this, `{"dryRun": true}` on remind-late was ignored and
 * the e-mails went out. An empty object (what clients send by habit) is accepted; uploads
 * (multipart, text/csv) are the import route's own business.
 */
@Injectable()
export class NoBodyInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request>();
    if (req.method === 'GET' || req.method === 'HEAD' || !req.is('application/json') || readsBody(ctx)) return next.handle();
    const body: unknown = req.body;
    if (body === undefined || body === null) return next.handle();
    if (typeof body !== 'object' || Array.isArray(body)) {
      throw DomainError.validation([{ path: 'body', message: 'this action takes no body' }]);
    }
    const fields = Object.keys(body);
    if (fields.length > 0) throw DomainError.validation(fields.map((path) => ({ path, message: 'unknown field' })));
    return next.handle();
  }
}
