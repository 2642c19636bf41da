import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@tandem/db';
import { Pool } from 'pg';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { RequestContext } from '../context/request-context';
import { scopedClient, type ScopedPrismaClient } from './scoped-client';

/** Which process a module runs in: the API's queries have short deadlines, the worker's long ones. */
export type ProcessKind = 'api' | 'worker';
export const PROCESS_KIND = Symbol('PROCESS_KIND');

/**
 * One pg pool, two faces: `scoped` for everything done on behalf of a principal (API
 * handlers), `system` for the few places that act before a principal exists or on the
 * platform's behalf (login, token rotation, the worker). `pool` is there for raw SQL
 * aggregates and COPY.
 */
@Injectable()
export class PrismaService implements OnModuleDestroy {
  readonly pool: Pool;
  readonly system: PrismaClient;
  readonly scoped: ScopedPrismaClient;

  constructor(@Inject(APP_CONFIG) config: AppConfig, context: RequestContext, @Optional() @Inject(PROCESS_KIND) kind: ProcessKind = 'api') {
    const queryTimeout = kind === 'worker' ? config.WORKER_DATABASE_QUERY_TIMEOUT_MS : config.DATABASE_QUERY_TIMEOUT_MS;
    // A partitioned or paused PostgreSQL must not hang a request: connecting and every query
    // have a deadline (the client's, which holds when the server cannot answer at all), and
    // the server cancels a statement the client stopped waiting for.
    this.pool = new Pool({
      connectionString: config.DATABASE_URL,
      max: config.DATABASE_POOL_MAX,
      connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
      ...(queryTimeout > 0 ? { query_timeout: queryTimeout, statement_timeout: queryTimeout } : {}),
      keepAlive: true,
    });
    // An idle client that loses its server errors on the pool; without a listener the process dies.
    this.pool.on('error', () => undefined);
    this.system = new PrismaClient({ adapter: new PrismaPg(this.pool) });
    this.scoped = scopedClient(this.system, () => context.requirePrincipal());
  }

  async onModuleDestroy(): Promise<void> {
    await this.system.$disconnect();
    await this.pool.end().catch(() => undefined);
  }
}
