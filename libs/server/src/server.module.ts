import { Global, Module, type DynamicModule } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClsModule } from 'nestjs-cls';
import type { IncomingMessage } from 'node:http';
import { AuditService } from './audit/audit.service';
import { BackgroundJobs } from './background-jobs/background-jobs.service';
import { BenchmarkDisclosure } from './benchmarks/benchmark-disclosure';
import { ConfigModule } from './config/config.module';
import { RequestContext } from './context/request-context';
import { PROCESS_KIND, PrismaService, type ProcessKind } from './database/prisma.service';
import { OutboxService } from './outbox/outbox.service';
import { QueueModule } from './queue/queue.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Config, request context, database, queues, audit and outbox for the API and the worker, and
 * the viewer-aware disclosure decision both apply (the API per request, the worker for reports).
 */
@Global()
@Module({
  imports: [
    ConfigModule,
    ClsModule.forRoot({
      global: true,
      middleware: {
        mount: true,
        generateId: true,
        // Honour a caller's X-Request-Id when it is sane, so logs correlate across systems.
        idGenerator: (req: IncomingMessage) => {
          const h = req.headers['x-request-id'];
          return typeof h === 'string' && REQUEST_ID.test(h) ? h : randomUUID();
        },
      },
    }),
    QueueModule,
  ],
  providers: [RequestContext, PrismaService, AuditService, OutboxService, BackgroundJobs, BenchmarkDisclosure],
  exports: [ConfigModule, RequestContext, PrismaService, AuditService, OutboxService, BackgroundJobs, BenchmarkDisclosure, QueueModule],
})
export class ServerModule {
  /** The module for the API or the worker: the process decides its database deadlines. */
  static forProcess(kind: ProcessKind): DynamicModule {
    return { module: ServerModule, providers: [{ provide: PROCESS_KIND, useValue: kind }], exports: [PROCESS_KIND] };
  }
}
