/*
 * `npm start`: everything Tandem needs on one machine, from a fresh clone.
 *   PostgreSQL  DATABASE_URL, or an embedded one (data in .tandem/pg, port PG_EMBEDDED_PORT=5433)
 *   Redis       REDIS_URL, or redis-server from the PATH (port REDIS_EMBEDDED_PORT=6380)
 *   then migrations, the demo seed, the API and worker (compiled by SWC) and the console: its
 *   production build (made once, remade when its sources change) on CONSOLE_PORT, or with
 *   `npm run dev` (`--dev`) Vite's hot-reloading dev server.
 * Ctrl-C stops all of it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../prisma/seed/demo-accounts';
import { loadDotEnv, repoRoot, seedPath } from '../prisma/tools/env';
import { applyMigrations } from '../prisma/tools/migrate';
import { consoleDist, ensureConsoleBuild } from './console-build';
import {
  buildNestApps,
  findOnPath,
  localSecrets,
  postgresReachable,
  redactUrl,
  REDIS_MISSING,
  redisReachable,
  spawnService,
  startEmbeddedPostgres,
  startRedisServer,
  StartError,
  waitForHttp,
  type ExitInfo,
  type ManagedService,
} from './services';
import { startStaticServer } from './static-server';

const HEALTH_TIMEOUT_MS = 120_000;
/** `npm run dev`: Vite's dev server (hot reload) instead of the production build. */
const DEV = process.argv.includes('--dev');

/** Owns every started service; stops them newest first (apps before their database). */
class Supervisor {
  private readonly services: ManagedService[] = [];
  private stopping: Promise<void> | undefined;
  private reportFailure: (message: string) => void = () => undefined;
  /** Settles with a message when a service dies on its own. */
  readonly failure = new Promise<string>((resolve) => {
    this.reportFailure = resolve;
  });

  get running(): number {
    return this.services.length;
  }

  get shuttingDown(): boolean {
    return this.stopping !== undefined;
  }

  add(service: ManagedService): void {
    this.services.push(service);
    void service.exited.then((exit) => {
      if (this.shuttingDown) return;
      this.reportFailure(`${service.name} stopped unexpectedly (${exit.signal ?? `exit code ${exit.code}`})`);
    });
  }

  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const service of [...this.services].reverse()) {
        await service.stop().catch((error: unknown) => console.error(`could not stop ${service.name}: ${String(error)}`));
      }
    })();
    return this.stopping;
  }
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new StartError(`${name}=${raw} is not a port number.`);
  return value;
}

async function provideDatabase(supervisor: Supervisor): Promise<string> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const reachable = await postgresReachable(configured);
    if (!reachable.ok) {
      throw new StartError(`DATABASE_URL (${redactUrl(configured)}) is not reachable: ${reachable.reason}. Start that PostgreSQL, or unset DATABASE_URL to use an embedded one.`);
    }
    console.log(`PostgreSQL   ${redactUrl(configured)}`);
    return configured;
  }
  const port = intFromEnv('PG_EMBEDDED_PORT', 5433);
  console.log(`PostgreSQL   DATABASE_URL not set: starting an embedded server on port ${port} (data in .tandem/pg)`);
  const { url, service } = await startEmbeddedPostgres({ port });
  supervisor.add(service);
  return url;
}

async function provideRedis(supervisor: Supervisor): Promise<string> {
  const configured = process.env.REDIS_URL;
  if (configured) {
    const reachable = await redisReachable(configured);
    if (!reachable.ok) {
      throw new StartError(`REDIS_URL (${redactUrl(configured)}) is not reachable: ${reachable.reason}. Start that Redis, or unset REDIS_URL to start redis-server here.`);
    }
    console.log(`Redis        ${redactUrl(configured)}`);
    return configured;
  }
  const port = intFromEnv('REDIS_EMBEDDED_PORT', 6380);
  console.log(`Redis        REDIS_URL not set: starting redis-server on port ${port}`);
  const { url, service } = await startRedisServer(port);
  supervisor.add(service);
  return url;
}

async function userCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ count: string }>('SELECT count(*) FROM "User"')).rows[0].count);
  } finally {
    await client.end();
  }
}

async function migrateAndSeed(databaseUrl: string): Promise<void> {
  const { applied } = await applyMigrations(databaseUrl, { log: (line) => console.log(`migrations   ${line}`) }).catch((error: unknown) => {
    throw new StartError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  });
  if (applied.length === 0) console.log('migrations   up to date');
  if ((await userCount(databaseUrl)) > 0) return;
  if (!existsSync(seedPath)) {
    console.warn('seed         prisma/seed/index.ts is missing: starting with an empty database');
    return;
  }
  const { seed } = (await import(seedPath)) as { seed: (url: string, options: { log: (line: string) => void }) => Promise<void> };
  await seed(databaseUrl, { log: (line) => console.log(`seed         ${line}`) });
}

/** The production console: static files on CONSOLE_PORT, /api and /health forwarded to the API. */
async function serveConsoleBuild(consolePort: number, apiPort: number): Promise<ManagedService> {
  const web = await startStaticServer(consoleDist, apiPort, { port: consolePort, host: '127.0.0.1' }).catch((error: unknown) => {
    throw new StartError(`The console cannot listen on port ${consolePort} (${error instanceof Error ? error.message : String(error)}): set CONSOLE_PORT to a free port.`);
  });
  let stopped: (exit: ExitInfo) => void = () => undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    stopped = resolve;
  });
  return {
    name: 'console',
    exited,
    async stop() {
      await web.close();
      stopped({ code: 0, signal: null });
    },
  };
}

function printWelcome(urls: { console: string; api: string }): void {
  const rows = DEMO_ACCOUNTS.map((account) => [account.email, account.role.replace(/_/g, ' '), account.organisationCode ?? account.consortiumSlug ?? 'all consortia']);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  const table = rows.map((row) => `    ${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`).join('\n');
  console.log(`
Tandem is running.

  Console       ${urls.console}
  API           ${urls.api}/api
  API docs      ${urls.api}/api/docs
  Queues        console menu (platform admin) → Queues
  Metrics       ${urls.api}/metrics with the bearer METRICS_TOKEN of .tandem/secrets.json

  Demo logins (password ${DEMO_PASSWORD}):
${table}

Press Ctrl-C to stop everything.
`);
}

async function main(): Promise<void> {
  loadDotEnv();
  const supervisor = new Supervisor();
  let exitCode = 0;
  const shutdown = async (message?: string): Promise<never> => {
    if (message) console.error(`\n${message}`);
    if (!supervisor.shuttingDown && supervisor.running > 0) console.log('\nstopping…');
    const hadServices = supervisor.running > 0;
    await supervisor.stopAll();
    if (hadServices) console.log('stopped.');
    process.exit(message ? 1 : exitCode);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  void supervisor.failure.then((message) => shutdown(`${message}: stopping everything.`));

  try {
    // Before starting anything: a missing Redis should not cost an embedded PostgreSQL start.
    if (!process.env.REDIS_URL && !findOnPath('redis-server')) throw new StartError(REDIS_MISSING);
    const databaseUrl = await provideDatabase(supervisor);
    const redisUrl = await provideRedis(supervisor);
    await migrateAndSeed(databaseUrl);

    const port = intFromEnv('PORT', 3000);
    const consolePort = intFromEnv('CONSOLE_PORT', 4200);
    const apiUrl = `http://127.0.0.1:${port}`;
    const consoleUrl = `http://127.0.0.1:${consolePort}`;
    if (!DEV) {
      try {
        ensureConsoleBuild((line) => console.log(`console      ${line}`));
      } catch (error) {
        throw new StartError(error instanceof Error ? error.message : String(error));
      }
    }
    const entries = await buildNestApps([
      { name: 'api', source: 'apps/api/src/main.ts' },
      { name: 'worker', source: 'apps/worker/src/main.ts' },
    ]);

    const secrets = localSecrets();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      JWT_SECRET: process.env.JWT_SECRET || secrets.JWT_SECRET,
      METRICS_TOKEN: process.env.METRICS_TOKEN || secrets.METRICS_TOKEN,
      NODE_ENV: process.env.NODE_ENV || 'development',
      // one readable line per request at a terminal; production keeps JSON
      LOG_FORMAT: process.env.LOG_FORMAT || 'pretty',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      PORT: String(port),
      CONSOLE_PORT: String(consolePort),
      CONSOLE_URL: process.env.CONSOLE_URL || consoleUrl,
      CORS_ORIGINS: process.env.CORS_ORIGINS || `${consoleUrl},http://localhost:${consolePort}`,
      API_PROXY_TARGET: apiUrl,
    };
    for (const [name, entry] of entries) supervisor.add(spawnService(name, process.execPath, ['--enable-source-maps', entry], { env }));
    if (!existsSync(path.join(repoRoot, 'apps/console/vite.config.ts'))) {
      console.warn('console      apps/console/vite.config.ts is missing: not starting the console');
    } else if (DEV) {
      const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
      supervisor.add(spawnService('console', process.execPath, [vite, '--config', 'apps/console/vite.config.ts', '--clearScreen', 'false'], { env }));
    } else {
      supervisor.add(await serveConsoleBuild(consolePort, port));
    }

    const healthy = await waitForHttp(`${apiUrl}/health`, HEALTH_TIMEOUT_MS, supervisor.failure);
    if (supervisor.shuttingDown) return;
    if (!healthy) throw new StartError(`The API did not answer ${apiUrl}/health within ${HEALTH_TIMEOUT_MS / 1000} s.`);
    printWelcome({ console: consoleUrl, api: apiUrl });
  } catch (error) {
    exitCode = 1;
    const message = error instanceof StartError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    await shutdown(message);
  }
}

void main();
