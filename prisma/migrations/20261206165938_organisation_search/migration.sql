-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Organisation_name_trgm_idx" ON "Organisation" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Organisation_code_trgm_idx" ON "Organisation" USING GIN ("code" gin_trgm_ops);
