import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { Pool } from 'pg';
import { QUEUES } from '@tandem/contracts';

/** Job states whose counts must not move when a request is refused. */
export const JOB_STATES = ['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized', 'waiting-children'] as const;

export interface SideEffects {
  /** exact row count of every table of the public schema (migrations bookkeeping excluded) */
  tables: Record<string, number>;
  /** queue → state → job count */
  queues: Record<string, Record<string, number>>;
}

/**
 * Watches everything a request could write: every table (exact count(*), not the planner's
 * estimate) and every BullMQ queue the API produces to, under this run's Redis prefix.
 */
export class SideEffectWatch {
  private tables: string[] | undefined;
  private readonly redis: IORedis;
  private readonly queues: Queue[];

  constructor(private readonly pool: Pool) {
    const prefix = process.env.REDIS_PREFIX;
    if (!prefix) throw new Error('REDIS_PREFIX is not set: run through jest (test/support/global-setup.ts)');
    this.redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    this.queues = Object.values(QUEUES).map((name) => new Queue(name, { connection: this.redis, prefix }));
  }

  async tableCounts(): Promise<Record<string, number>> {
    if (!this.tables) {
      const { rows } = await this.pool.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
      );
      this.tables = rows.map((r) => r.name);
      if (this.tables.length === 0) throw new Error('no tables in the public schema');
    }
    const sql = this.tables.map((t) => `SELECT '${t}' AS name, count(*)::bigint::text AS n FROM "${t}"`).join(' UNION ALL ');
    const { rows } = await this.pool.query<{ name: string; n: string }>(sql);
    return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
  }

  async queueCounts(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const q of this.queues) out[q.name] = await q.getJobCounts(...JOB_STATES);
    return out;
  }

  async snapshot(): Promise<SideEffects> {
    const [tables, queues] = await Promise.all([this.tableCounts(), this.queueCounts()]);
    return { tables, queues };
  }

  /**
   * Runs `fn` and asserts it changed no row count and enqueued no job. `check` runs on the
   * result first, so a wrong status is reported as such rather than as a row-count diff.
   */
  async expectNone<T>(fn: () => Promise<T>, check?: (result: T) => void): Promise<T> {
    const before = await this.snapshot();
    const result = await fn();
    const after = await this.snapshot();
    check?.(result);
    expect(after).toEqual(before);
    return result;
  }

  async close(): Promise<void> {
    for (const q of this.queues) await q.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
