-- AlterTable
ALTER TABLE "Import" ADD COLUMN     "stagedRows" INTEGER NOT NULL DEFAULT 0;

-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)

-- The staging table is rewritten by every parse and emptied by every commit: it need not be
-- WAL-logged. After a crash PostgreSQL truncates an unlogged table; the commit compares the
-- rows it finds with "stagedRows" and sends an import whose stage is gone back to parsing.
ALTER TABLE "ImportRow" SET UNLOGGED;

-- Imports parsed before this migration keep their staged rows (SET UNLOGGED copies them).
UPDATE "Import" i SET "stagedRows" = s.n
FROM (SELECT "importId", count(*)::int AS n FROM "ImportRow" GROUP BY "importId") s
WHERE s."importId" = i.id;
