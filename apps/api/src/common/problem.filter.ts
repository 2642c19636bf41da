import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Prisma } from '@tandem/db';
import { DomainError, RequestContext, dependencyUnavailable, failedDependency, statusOf } from '@tandem/server';
import { problem, sendProblem } from './problem';
import { redactUrl } from './redact';

/**
 * Every error leaves as RFC 9457 problem+json. Domain errors map by code (statusOf is an
 * exhaustive switch); Nest's own HTTP exceptions keep their status; Prisma's "record not
 * found" is a 404 (a scoped update/delete of someone else's row lands here); PostgreSQL or
 * Redis not answering is a 503 with Retry-After; anything else is a 500 whose detail does not leak internals.
 */
/**
 * The columns of a violated unique constraint. With the pg driver adapter `meta.target` is
 * empty; the constraint name (`Organisation_code_key`) is in the adapter's error instead.
 */
function uniqueFields(e: Prisma.PrismaClientKnownRequestError): string[] {
  const target = e.meta?.['target'];
  if (Array.isArray(target) && target.length) return target.map(String);
  if (typeof target === 'string' && target) return [target];
  const meta = e.meta as { modelName?: string; driverAdapterError?: { cause?: { constraint?: { index?: string; fields?: string[] } } } } | undefined;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  if (constraint?.fields?.length) return constraint.fields;
  const index = constraint?.index;
  if (!index) return [];
  const model = meta?.modelName;
  const core = index.replace(/_key$/, '').replace(model ? new RegExp(`^${model}_`) : /^[^_]+_/, '');
  return core.split('_').filter(Boolean);
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(private readonly context: RequestContext) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    const requestId = this.context.requestId;
    // A dependency that did not answer in time (or at all) is a 503 with Retry-After, not a 500.
    const dependency = exception instanceof DomainError ? null : failedDependency(exception);
    if (dependency) {
      this.logger.warn({ err: exception, path: redactUrl(req.url), requestId, dependency }, 'dependency unavailable');
      exception = dependencyUnavailable(dependency);
    }
    if (exception instanceof DomainError) {
      const headers: Record<string, string> = {};
      if (exception.retryAfterSeconds) headers['Retry-After'] = String(exception.retryAfterSeconds);
      sendProblem(res, problem(statusOf(exception.code), exception.message, { errors: exception.errors, requestId }, exception.code), headers);
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      sendProblem(res, problem(status, Array.isArray(detail) ? detail.join('; ') : String(detail), { requestId }));
      return;
    }
    if (exception instanceof Prisma.PrismaClientKnownRequestError) {
      if (exception.code === 'P2025') return sendProblem(res, problem(404, 'Record not found', { requestId }, 'not_found'));
      if (exception.code === 'P2002') {
        const fields = uniqueFields(exception);
        return sendProblem(
          res,
          problem(409, `A record with the same ${fields.join(', ') || 'key'} already exists`, { errors: fields.map((f) => ({ path: f, message: 'already taken' })), requestId }, 'conflict'),
        );
      }
      if (exception.code === 'P2003') return sendProblem(res, problem(409, 'The record is still referenced by other records', { requestId }, 'conflict'));
    }
    this.logger.error({ err: exception, path: redactUrl(req.url), requestId }, 'unhandled error');
    sendProblem(res, problem(500, 'Something went wrong on our side; the request id identifies it in the logs.', { requestId }));
  }
}
