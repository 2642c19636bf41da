import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AuthErrorCode, CommonErrorCode, DomainError, type AppConfig } from '@tandem/server';
import { Public } from '../common/decorators';
import { TelemetryService } from './telemetry.service';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Prometheus scrape endpoint. Queue depths and traffic per route describe the installation's
 * use, so the scraper authenticates with its own bearer token (METRICS_TOKEN), not a user's;
 * without one configured the endpoint does not exist.
 */
@ApiTags('operations')
@Controller('metrics')
export class TelemetryController {
  constructor(
    private readonly metrics: TelemetryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics', description: 'Bearer METRICS_TOKEN (not a user token); 404 when METRICS_TOKEN is not configured.' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string' } })
  @ApiUnauthorizedResponse({ description: 'missing or wrong METRICS_TOKEN (problem+json)' })
  @ApiNotFoundResponse({ description: 'METRICS_TOKEN is not configured (problem+json)' })
  scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    const expected = this.config.METRICS_TOKEN;
    if (!expected) throw new DomainError(CommonErrorCode.NotFound, 'Metrics are not exposed: set METRICS_TOKEN to let Prometheus scrape them');
    const presented = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
    // Equal-length digests: the comparison takes the same time whatever was sent.
    if (!timingSafeEqual(digest(presented), digest(expected))) throw new DomainError(AuthErrorCode.Unauthenticated, 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>');
    return this.metrics.registry.metrics();
  }
}
