/*
 * What the container image runs (infra/Dockerfile): the API, the worker and the migration
 * command compiled by SWC into dist/start, and the console's production build in
 * dist/console. The same compilation `npm start` uses, so what runs here runs there.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { ensureConsoleBuild } from './console-build';
import { repoRoot } from '../prisma/tools/env';
import { buildDir, buildNestApps } from './services';

/** The image's commands and the sources they are compiled from (infra/docker-entrypoint.sh runs them). */
export const IMAGE_ENTRIES = [
  { name: 'api', source: 'apps/api/src/main.ts' },
  { name: 'worker', source: 'apps/worker/src/main.ts' },
  { name: 'migrate', source: 'prisma/tools/deploy.ts' },
] as const;

async function main(): Promise<void> {
  const entries = await buildNestApps([...IMAGE_ENTRIES]);
  // deploy.js finds the migrations beside it, as prisma/tools finds them in the repository
  cpSync(path.join(repoRoot, 'prisma', 'migrations'), path.join(buildDir, 'prisma', 'migrations'), { recursive: true });
  ensureConsoleBuild();
  for (const [name, entry] of entries) console.log(`${name.padEnd(8)} ${path.relative(repoRoot, entry)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
