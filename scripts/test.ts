/*
 * `npm test`: lint, typecheck, console build, then every Jest project (unit, integration, e2e,
 * browser) in one run against a fresh database (test/support/global-setup.ts). Stops at the
 * first failing step. The last line is the tally: `N passed, N failed[, N skipped]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadDotEnv, repoRoot } from '../prisma/tools/env';
import { ensureConsoleBuild } from './console-build';

const resultsFile = path.join(repoRoot, 'test-results', 'jest.json');

interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  /** Suites that crashed before running a test (syntax error, failing import). */
  numRuntimeErrorTestSuites: number;
}

function binOf(pkg: string, bin: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), bin);
}

function run(label: string, command: string, args: string[], quiet = false): number {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'], env: process.env });
  const status = result.status ?? 1;
  if (result.error) console.error(result.error.message);
  console.log(`${status === 0 ? '✔' : '✖'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return status;
}

function main(): number {
  loadDotEnv();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const steps: [label: string, command: string, args: string[], quiet?: boolean][] = [
    // @nx/enforce-module-boundaries silently skips itself ("No cached ProjectGraph") unless nx
    // has computed the project graph, as it never has in a fresh clone.
    ['project graph', process.execPath, [binOf('nx', 'dist/bin/nx.js'), 'show', 'projects'], true],
    ['lint', npm, ['run', '--silent', 'lint']],
    ['typecheck', npm, ['run', '--silent', 'typecheck']],
  ];
  for (const [label, command, args, quiet] of steps) {
    if (run(label, command, args, quiet) !== 0) {
      console.error(`\n${label} failed: tests not run.`);
      return 1;
    }
  }
  // The browser project drives the production build (remade when its sources changed), not the dev server.
  console.log('\n▶ console build');
  try {
    ensureConsoleBuild((line) => console.log(`console      ${line}`));
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}: tests not run.`);
    return 1;
  }

  mkdirSync(path.dirname(resultsFile), { recursive: true });
  rmSync(resultsFile, { force: true });
  const jestStatus = run('jest', process.execPath, [
    binOf('jest', 'bin/jest.js'),
    // One test file at a time (they share one database and Redis), in one worker process that
    // Jest replaces whenever a file leaves it holding more than this: in one process (--runInBand)
    // the modules and apps of ~100 files accumulated until the heap ran out (CI: OOM after 23
    // minutes, and before that, GC pauses long enough for in-process APIs to time out on PostgreSQL).
    '--maxWorkers=1',
    '--workerIdleMemoryLimit=1536MB',
    '--logHeapUsage',
    '--ci',
    // A library's stray timer must not hold CI until its time limit: the teardown has already
    // dropped the database and Redis keys when Jest would wait.
    '--forceExit',
    '--json',
    `--outputFile=${path.relative(repoRoot, resultsFile)}`,
  ]);

  if (!existsSync(resultsFile)) {
    console.error('\nJest wrote no results (did the global setup fail? see above).');
    return 1;
  }
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as JestResults;
  const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  const skipped = results.numPendingTests + (results.numTodoTests ?? 0);
  console.log(`\n${results.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return jestStatus !== 0 || failed > 0 ? 1 : 0;
}

process.exitCode = main();
