import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import { JobProducer, RequestContext, debounced } from '@tandem/server';

/**
 * Enqueues 'training-figures.derive': the derived training metrics are recomputed when a
 * period closes (that period, once per close) and when training records change (every period
 * of the consortium, debounced per consortium in windows of DEBOUNCE_MS, like scorecards).
 */
@Injectable()
export class TrainingFiguresTrigger {
  static readonly DEBOUNCE_MS = 5_000;

  constructor(private readonly jobs: JobProducer) {}

  async recordsChanged(consortiumId: string, now = Date.now()): Promise<string> {
    const { jobId, delay } = debounced(`training-figures-derive-${consortiumId}`, TrainingFiguresTrigger.DEBOUNCE_MS, now);
    await this.jobs.enqueue('training-figures.derive', { consortiumId, periodId: null }, { jobId, delay });
    return jobId;
  }

  async periodClosed(consortiumId: string, periodId: string, closeNumber: number): Promise<string> {
    const jobId = `training-figures-derive-${periodId}-closed-r${closeNumber}`;
    await this.jobs.enqueue('training-figures.derive', { consortiumId, periodId }, { jobId });
    return jobId;
  }
}

/**
 * On the controllers of training records (enrolments, activities, sessions, workforce years):
 * after a write succeeded (its transaction committed), the consortium's derived metrics are
 * recomputed. A refused write enqueues nothing; a lost enqueue does not fail the write (the
 * next change or the period's close derives them again).
 */
@Injectable()
export class TrainingRecordsChanged implements NestInterceptor {
  private readonly logger = new Logger(TrainingRecordsChanged.name);

  constructor(
    private readonly trigger: TrainingFiguresTrigger,
    private readonly context: RequestContext,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = ctx.switchToHttp().getRequest<Request>().method;
    if (method === 'GET' || method === 'HEAD') return next.handle();
    return next.handle().pipe(
      mergeMap((body: unknown) =>
        from(
          (async () => {
            const own = body && typeof body === 'object' && 'consortiumId' in body ? (body as { consortiumId: unknown }).consortiumId : null;
            const consortiumId = typeof own === 'string' ? own : this.context.principal?.consortiumId;
            if (consortiumId) await this.trigger.recordsChanged(consortiumId).catch((error: unknown) => this.logger.error({ err: error }, 'enqueue of training-figures.derive failed'));
            return body;
          })(),
        ),
      ),
    );
  }
}
