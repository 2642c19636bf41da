// Prisma's CLI tries to download a schema-engine binary for `generate`; offline it fails.
// `generate` never runs that binary, so any existing file satisfies the check.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
if (!existsSync('prisma/schema.prisma')) process.exit(0);
execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/dev/null', PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
});
