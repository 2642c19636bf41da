import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@tandem/db';
import { Pool } from 'pg';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { RequestContext } from '../context/request-context';
import { scopedClient, type ScopedPrismaClient } from './scoped-client';

/**
 * Why a request handler reads past its principal's scope. Each is a rule of the product, not
 * a convenience; the handler filters to what the reason allows and shows no row of it.
 * - `funder-aggregates`: a funder's dashboard counts its consortium's memberships and people,
 *   aggregates that describe no single firm (the funder may read no membership itself).
 * - `plan-participants`: whether a named user works on a corrective action plan (a user of
 *   the supplier or the customer, or staff); the answer is yes or no, the same for an unknown
 *   id, never a row of the other firm.
 */
/**
 * Why a handler reads past its principal's scope (each use is commented where it is made):
 * - funder-aggregates: a funder's dashboard counts;
 * - plan-participants: the people of a corrective-action or training plan (names, addresses of
 *   those acting on or party to a plan the reader may read);
 * - disclosure-aggregates: every row behind an aggregate that leaves only through disclosure
 *   control or counts no single firm (customer feedback summaries, talent circulation, keep rates);
 * - relationship-counterpart: the other party's commitments on a supply relationship the
 *   reader sees (the reciprocity view);
 * - member-directory: whether an organisation is an active member or a provider of the
 *   consortium (yes or no, nothing more) when a training record names it;
 * - employer-ladder: the employer's wage ladder when a trainer's recorded credential proposes a
 *   step (the step is stored for the firm; wages never return to the trainer).
 */
export type CrossScopeReason = 'funder-aggregates' | 'plan-participants' | 'disclosure-aggregates' | 'relationship-counterpart' | 'member-directory' | 'employer-ladder';

/** Which process a module runs in: the API's queries have short deadlines, the worker's long ones. */
export type ProcessKind = 'api' | 'worker';
export const PROCESS_KIND = Symbol('PROCESS_KIND');

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

  constructor(@Inject(APP_CONFIG) config: AppConfig, context: RequestContext, @Optional() @Inject(PROCESS_KIND) kind: ProcessKind = 'api') {
    const queryTimeout = kind === 'worker' ? config.WORKER_DATABASE_QUERY_TIMEOUT_MS : config.DATABASE_QUERY_TIMEOUT_MS;
    // A partitioned or paused PostgreSQL must not hang a request: connecting and every query
    // have a deadline (the client's, which holds when the server cannot answer at all), and
    // the server cancels a statement the client stopped waiting for.
    const pool = (connectionString: string): Pool => {
      const created = new Pool({
        connectionString,
        max: config.DATABASE_POOL_MAX,
        connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
        ...(queryTimeout > 0 ? { query_timeout: queryTimeout, statement_timeout: queryTimeout } : {}),
        keepAlive: true,
      });
      // An idle client that loses its server errors on the pool; without a listener the process dies.
      created.on('error', () => undefined);
      return created;
    };
    this.pool = pool(config.DATABASE_URL);
    this.system = new PrismaClient({ adapter: new PrismaPg(this.pool) });
    this.scoped = scopedClient(this.system, () => context.requirePrincipal());
    const replica = config.DATABASE_READ_URL !== config.DATABASE_URL;
    this.readPool = replica ? pool(config.DATABASE_READ_URL) : this.pool;
    this.readSystem = replica ? new PrismaClient({ adapter: new PrismaPg(this.readPool) }) : this.system;
    this.read = replica ? scopedClient(this.readSystem, () => context.requirePrincipal()) : this.scoped;
  }

  /**
   * The unscoped client for a request handler's read past the principal's scope, for a named
   * reason (CrossScopeReason). Handlers use `scoped` and `read` only; this is the one
   * exception, explicit so that every use can be found and reviewed. `replica`: on the read
   * replica (aggregates that may lag a moment).
   */
  crossScope(_reason: CrossScopeReason, opts: { replica?: boolean } = {}): PrismaClient {
    return opts.replica ? this.readSystem : this.system;
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
