import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@tandem/db';
import { Pool } from 'pg';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { RequestContext } from '../context/request-context';
import { scopedClient, type ScopedPrismaClient } from './scoped-client';

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

  constructor(@Inject(APP_CONFIG) config: AppConfig, context: RequestContext) {
    this.pool = new Pool({ connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_MAX });
    this.system = new PrismaClient({ adapter: new PrismaPg(this.pool) });
    this.scoped = scopedClient(this.system, () => context.requirePrincipal());
  }

  async onModuleDestroy(): Promise<void> {
    await this.system.$disconnect();
    await this.pool.end().catch(() => undefined);
  }
}
