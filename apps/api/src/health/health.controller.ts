import { Controller, Get, HttpException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { QUEUES } from '@tandem/contracts';
import { CommonErrorCode, DEPENDENCY_RETRY_AFTER_SECONDS, DomainError, PrismaService } from '@tandem/server';
import { Public } from '../common/decorators';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly prisma: PrismaService,
    @InjectQueue(QUEUES.email) private readonly queue: Queue,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness', description: 'Public. The process answers.' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', example: 'ok' } } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness', description: 'Public. PostgreSQL and Redis answer; 503 otherwise.' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string' }, info: { type: 'object' }, error: { type: 'object' }, details: { type: 'object' } } } })
  @ApiServiceUnavailableResponse({ description: 'a dependency is down (problem+json)' })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.check();
    } catch (error) {
      // Terminus's 503 says only "Service Unavailable": name what is down, for a person or a probe's log.
      const details = (error instanceof HttpException ? (error.getResponse() as { details?: Record<string, { status?: string }> }).details : undefined) ?? {};
      const down = Object.entries(details).filter(([, d]) => d.status !== 'up').map(([name]) => name);
      if (down.length === 0) throw error;
      throw new DomainError(CommonErrorCode.Unavailable, `Not ready: ${down.join(' and ')} not answering`, down.map((name) => ({ path: name, message: 'not answering' })), DEPENDENCY_RETRY_AFTER_SECONDS);
    }
  }

  private check(): Promise<HealthCheckResult> {
    return this.health.check([
      () =>
        this.indicators
          .check('postgresql')
          .attempt(async () => {
            await this.prisma.pool.query('SELECT 1');
          })
          .withTimeout(2000),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            // A real round trip through the queue's own connection.
            await this.queue.getJobCounts('waiting');
          })
          .withTimeout(2000),
    ]);
  }
}
