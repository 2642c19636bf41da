import { defineConfig } from 'prisma/config';

// The stock `prisma migrate` needs a downloaded schema engine, which this project cannot
// fetch offline; migrations are applied by prisma/tools (see docs/architecture.md).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed/index.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/tandem' },
});
