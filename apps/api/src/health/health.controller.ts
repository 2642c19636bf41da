import { Controller, Get } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { QUEUES } from '@tandem/contracts';
import { PrismaService } from '@tandem/server';
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
  ready(): Promise<HealthCheckResult> {
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
