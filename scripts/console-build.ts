/*
 * The console's production build, made when missing and again when its sources change:
 * `npm start`, the browser journeys and `npm run bench -- console` all serve dist/console.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..');
export const consoleDist = path.join(repoRoot, 'dist', 'console');
/** Beside the build, so a build copied elsewhere carries the sources it was made from. */
const HASH_FILE = '.source-hash';
/** What the bundle is made of: the console, the shared libraries it imports, the locked dependencies. */
const SOURCES = ['apps/console', 'libs/contracts/src', 'libs/domain/src', 'package-lock.json'];

function filesUnder(relative: string): string[] {
  const absolute = path.join(repoRoot, relative);
  if (!existsSync(absolute)) return [];
  if (statSync(absolute).isFile()) return [relative];
  return readdirSync(absolute, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)))
    // caches and editor files beside the sources are not what the bundle is made of
    .filter((file) => !file.split(path.sep).some((part) => part === 'node_modules' || part.startsWith('.')))
    .sort();
}

/** sha256 over the path and content of every source file of the console build. */
export function consoleSourceHash(): string {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const file of filesUnder(source)) {
      hash.update(`${file}\0`);
      hash.update(readFileSync(path.join(repoRoot, file)));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

/** Whether dist/console was built from the sources as they are now. */
export function consoleBuildIsCurrent(hash = consoleSourceHash()): boolean {
  const file = path.join(consoleDist, HASH_FILE);
  return existsSync(path.join(consoleDist, 'index.html')) && existsSync(file) && readFileSync(file, 'utf8').trim() === hash;
}

/** Build the console unless the build on disk is current; returns whether it built. */
export function ensureConsoleBuild(log: (line: string) => void = console.log): boolean {
  const hash = consoleSourceHash();
  if (consoleBuildIsCurrent(hash)) return false;
  log(existsSync(path.join(consoleDist, 'index.html')) ? 'its sources changed: rebuilding (vite build)' : 'building the production bundle (vite build, once)');
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'apps/console/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
    // NODE_ENV=production whoever asks (Jest sets test, which would bundle React's development
    // build); the config is TypeScript loaded the bundled way on purpose, its notice is noise
    env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (result.status !== 0) throw new Error(`vite build of the console failed (${result.signal ?? `exit ${result.status}`})`);
  writeFileSync(path.join(consoleDist, HASH_FILE), `${hash}\n`);
  return true;
}
