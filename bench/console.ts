import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { consoleDist, ensureConsoleBuild } from '../scripts/console-build';

/** What a first visit to the login page downloads, gzipped. */
const TARGET_KB = 300;

interface Asset {
  file: string;
  bytes: number;
  gzipped: number;
}

function measure(file: string): Asset {
  const content = readFileSync(path.join(consoleDist, file));
  return { file, bytes: content.length, gzipped: gzipSync(content, { level: 6 }).length };
}

/**
 * The JavaScript the login page loads: index.html's entry module and the chunks it preloads
 * (its static imports). Every other page is a lazy chunk fetched when first visited.
 */
export function loginPageScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1]);
  return [...new Set(scripts)];
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} kB`;

export async function runConsoleBenchmark(): Promise<void> {
  ensureConsoleBuild();
  const html = readFileSync(path.join(consoleDist, 'index.html'), 'utf8');
  const first = loginPageScripts(html).map(measure);
  const all = readdirSync(path.join(consoleDist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => measure(`assets/${f}`));
  const sum = (assets: Asset[], key: 'bytes' | 'gzipped'): number => assets.reduce((total, a) => total + a[key], 0);
  const lazy = all.filter((a) => !first.some((f) => f.file === a.file)).sort((a, b) => b.gzipped - a.gzipped);
  const loginGz = sum(first, 'gzipped');
  console.log(`console bundle (dist/console, production build)
  login page JavaScript   ${String(first.length).padStart(3)} files  ${kb(sum(first, 'bytes')).padStart(10)}  gzipped ${kb(loginGz).padStart(9)}   target ≤ ${TARGET_KB} kB: ${loginGz <= TARGET_KB * 1024 ? 'met' : 'NOT met'}
  loaded on demand        ${String(lazy.length).padStart(3)} files  ${kb(sum(lazy, 'bytes')).padStart(10)}  gzipped ${kb(sum(lazy, 'gzipped')).padStart(9)}   largest: ${lazy[0] ? `${lazy[0].file} ${kb(lazy[0].gzipped)}` : 'none'}
  whole console           ${String(all.length).padStart(3)} files  ${kb(sum(all, 'bytes')).padStart(10)}  gzipped ${kb(sum(all, 'gzipped')).padStart(9)}`);
}
