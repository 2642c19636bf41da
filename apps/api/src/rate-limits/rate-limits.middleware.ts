import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError, statusOf } from '@tandem/server';
import { problem, sendProblem } from '../common/problem';
import { RateLimits } from './rate-limits.service';

/** Every request counts against its client address before anything else is done for it. */
@Injectable()
export class AddressRateLimitMiddleware implements NestMiddleware {
  constructor(private readonly limits: RateLimits) {}

  use(req: Request, res: Response, next: NextFunction): void {
    this.limits.consumeAddress(req.ip ?? 'unknown').then(
      () => next(),
      (error: unknown) => {
        if (error instanceof DomainError) {
          sendProblem(res, problem(statusOf(error.code), error.message, {}, error.code), error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : {});
          return;
        }
        next(error);
      },
    );
  }
}
