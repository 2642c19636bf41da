/**
 * Benchmarks: `npm run bench -- <name>`. Each creates its own database (tandem_bench_*),
 * measures, prints a table with its targets, and drops the database again.
 */
import { runConsoleBenchmark } from './console';
import { runBenchmarksBenchmark } from './benchmarks';
import { runImportBenchmark } from './import';
import { runListBenchmark } from './list';
import { runLoadBenchmark } from './load';
import { runScorecardsBenchmark } from './scorecards';
import { runSeedBenchmark } from './seed';

interface Benchmark {
  describe: string;
  /** null: announced by its issue, not written yet */
  run: (() => Promise<void>) | null;
}

const BENCHMARKS: Record<string, Benchmark> = {
  list: { describe: 'GET /api/organisations vs the same SQL through pg, scoped and unscoped (30 000 organisations, 32 connections)', run: runListBenchmark },
  import: { describe: 'CSV of 1 000 000 metric values: upload → parse + checks → commit, vs COPY of the same rows into MetricValue', run: runImportBenchmark },
  console: { describe: 'gzipped JavaScript the console\'s login page loads (production build), target ≤ 300 kB', run: runConsoleBenchmark },
  load: { describe: 'six demo roles mixing their common reads and writes at 64 connections for 60 s: req/s, p50, p99, errors, the API process\'s RSS (targets: 0 errors, RSS growth < 10 %)', run: runLoadBenchmark },
  scorecards: { describe: 'scorecards of 30 000 relationships recomputed through the job vs the single SQL statement', run: runScorecardsBenchmark },
  seed: { describe: 'the whole demo seed into an empty database (it runs before every test run), target ≤ 15 s, vs copying its rows in SQL', run: runSeedBenchmark },
  benchmarks: { describe: 'one period of benchmarks (30 000 firms × 13 metrics × 20 quarters) through the job vs one statement computing the same statistics', run: runBenchmarksBenchmark },
};

function usage(): string {
  const names = Object.entries(BENCHMARKS).map(([name, b]) => `  ${name.padEnd(10)} ${b.describe}${b.run ? '' : ' (not yet implemented)'}`);
  return [
    'usage: npm run bench -- <benchmark>',
    '',
    'benchmarks:',
    ...names,
    '',
    'environment: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (32), BENCH_ORGANISATIONS (30000), BENCH_RELATIONSHIPS (30000), BENCH_RUNS (5),',
    '  BENCH_DATABASE_ADMIN_URL (postgresql://root@127.0.0.1:5432/postgres), REDIS_URL, BENCH_TIMEOUT_SECONDS (900),',
    '  BENCH_IMPORT_ROWS (1000000), BENCH_LOAD_SECONDS (60), BENCH_LOAD_CONNECTIONS (64; load\'s warm-up is BENCH_WARMUP_SECONDS, default 5)',
    '  BENCH_FIRMS (30000), BENCH_QUARTERS (20)',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const name = argv[0];
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const benchmark = BENCHMARKS[name];
  if (!benchmark) {
    console.error(`unknown benchmark "${name}"\n\n${usage()}`);
    return 1;
  }
  if (!benchmark.run) {
    console.error(`benchmark "${name}" is not yet implemented\n\n${usage()}`);
    return 1;
  }
  await benchmark.run();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    // the API's Redis and pg handles may linger a moment after close; the result is printed
    process.exit(code);
  },
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
