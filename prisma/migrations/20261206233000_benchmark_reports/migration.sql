-- CreateEnum
CREATE TYPE "BenchmarkReportState" AS ENUM ('queued', 'running', 'completed', 'failed');

-- CreateTable
CREATE TABLE "BenchmarkReport" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "revision" TEXT NOT NULL,
    "inputRevision" TEXT,
    "audience" TEXT NOT NULL,
    "state" "BenchmarkReportState" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "snapshot" JSONB,
    "pdf" BYTEA,
    "fileName" TEXT,
    "error" TEXT,
    "generatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BenchmarkReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BenchmarkReport_consortiumId_periodId_idx" ON "BenchmarkReport"("consortiumId", "periodId");

-- CreateIndex
CREATE INDEX "BenchmarkReport_periodId_state_idx" ON "BenchmarkReport"("periodId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkReport_organisationId_periodId_revision_key" ON "BenchmarkReport"("organisationId", "periodId", "revision");

-- AddForeignKey
ALTER TABLE "BenchmarkReport" ADD CONSTRAINT "BenchmarkReport_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkReport" ADD CONSTRAINT "BenchmarkReport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkReport" ADD CONSTRAINT "BenchmarkReport_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)

-- A report's progress is a percentage.
ALTER TABLE "BenchmarkReport" ADD CONSTRAINT "BenchmarkReport_progress_check" CHECK (progress BETWEEN 0 AND 100);
