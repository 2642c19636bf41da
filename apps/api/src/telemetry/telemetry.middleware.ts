import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { TelemetryService } from './telemetry.service';

/** Times every request; the route label is the template (/api/organisations/:id), not the URL. */
@Injectable()
export class TelemetryMiddleware implements NestMiddleware {
  constructor(private readonly metrics: TelemetryService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.requestDuration.startTimer();
    res.on('finish', () => {
      const routePath: unknown = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof routePath === 'string' ? `${req.baseUrl}${routePath}` : 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      end(labels);
      this.metrics.requests.inc(labels);
    });
    next();
  }
}
