import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { seed } from '../prisma/seed';
import { applyMigrations } from '../prisma/tools/migrate';
import { scratchSettings, withScratchDatabase } from './support';

/** The demo seed runs before every test run and on a newcomer's first `npm start`: it must stay quick. */
const TARGET_SECONDS = 15;

/**
 * The whole demo seed into a migrated, empty database, against the baseline of copying the same
 * rows back in with one INSERT … SELECT per table (what the seed's computation costs on top of
 * writing its rows).
 */
export async function runSeedBenchmark(): Promise<void> {
  const s = scratchSettings();
  let pool: Pool | undefined;
  await withScratchDatabase(
    'seed',
    s,
    async (scratch) => {
      await applyMigrations(scratch.databaseUrl);
      const t = performance.now();
      await seed(scratch.databaseUrl, { log: (line) => console.log(line) });
      const seedSeconds = (performance.now() - t) / 1000;
      pool = new Pool({ connectionString: scratch.databaseUrl, max: 2 });
      const { rows } = await pool.query<{ table: string; n: string }>(
        `SELECT relname AS table, n_live_tup::text AS n FROM pg_stat_user_tables WHERE n_live_tup > 0 AND relname <> '_prisma_migrations' ORDER BY relname`,
      );
      // baseline: every seeded row copied into an unlogged copy of its table
      const b = performance.now();
      for (const r of rows) await pool.query(`CREATE UNLOGGED TABLE "bench_copy_${r.table}" AS SELECT * FROM "${r.table}"`);
      const copySeconds = (performance.now() - b) / 1000;
      const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
      console.table([
        { step: 'demo seed (build + insert + evaluations)', seconds: seedSeconds.toFixed(1), rows: total, target: `≤ ${TARGET_SECONDS} s`, met: seedSeconds <= TARGET_SECONDS ? 'yes' : 'NO' },
        { step: 'baseline: the same rows copied table by table in SQL', seconds: copySeconds.toFixed(1), rows: total, target: '', met: '' },
      ]);
    },
    async () => {
      await pool?.end();
    },
  );
}
