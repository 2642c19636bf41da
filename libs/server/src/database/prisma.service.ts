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
 *
 * `read` is `scoped` on DATABASE_READ_URL (a PostgreSQL read replica) for lists, dashboards
 * and exports: reads that may lag the primary by a moment. Without a replica it is `scoped`
 * itself, on the same pool. Anything read to decide a write, or shown right after one, stays
 * on `scoped`.
 */
@Injectable()
export class PrismaService implements OnModuleDestroy {
  readonly pool: Pool;
  readonly system: PrismaClient;
  readonly scoped: ScopedPrismaClient;
  readonly readPool: Pool;
  readonly read: ScopedPrismaClient;
  /** `system` on the read pool: unscoped aggregates that describe no single firm (a funder's counts) */
  readonly readSystem: PrismaClient;

  constructor(@Inject(APP_CONFIG) config: AppConfig, context: RequestContext) {
    this.pool = new Pool({ connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_MAX });
    this.system = new PrismaClient({ adapter: new PrismaPg(this.pool) });
    this.scoped = scopedClient(this.system, () => context.requirePrincipal());
    const replica = config.DATABASE_READ_URL !== config.DATABASE_URL;
    this.readPool = replica ? new Pool({ connectionString: config.DATABASE_READ_URL, max: config.DATABASE_POOL_MAX }) : this.pool;
    this.readSystem = replica ? new PrismaClient({ adapter: new PrismaPg(this.readPool) }) : this.system;
    this.read = replica ? scopedClient(this.readSystem, () => context.requirePrincipal()) : this.scoped;
  }

  async onModuleDestroy(): Promise<void> {
    await this.system.$disconnect();
    await this.pool.end().catch(() => undefined);
    if (this.readPool !== this.pool) {
      await this.readSystem.$disconnect();
      await this.readPool.end().catch(() => undefined);
    }
  }
}
