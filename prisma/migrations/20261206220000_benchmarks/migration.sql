-- CreateEnum
CREATE TYPE "PeerGroupKind" AS ENUM ('consortium', 'naics', 'size_band', 'region', 'supply_base', 'custom');

-- CreateEnum
CREATE TYPE "BenchmarkRunState" AS ENUM ('queued', 'running', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "SuppressionReason" AS ENUM ('fewer_than_k', 'dominated', 'differencing');

-- CreateEnum
CREATE TYPE "MetricCategory" AS ENUM ('delivery', 'quality', 'cost', 'productivity', 'safety', 'workforce');

-- AlterTable
ALTER TABLE "MetricValue" ADD COLUMN     "outlierConfirmedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PeerGroup" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "kind" "PeerGroupKind" NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "customerId" UUID,
    "organisationIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "filterNaics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "filterSizeBands" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "filterRegions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeerGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchmarkRun" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "queueJobId" TEXT NOT NULL,
    "state" "BenchmarkRunState" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "inputRevision" TEXT,
    "threshold" INTEGER,
    "cells" INTEGER NOT NULL DEFAULT 0,
    "computedAt" TIMESTAMP(3),
    "error" TEXT,
    "requestedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BenchmarkRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchmarkCell" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "metricId" UUID NOT NULL,
    "peerGroupId" UUID NOT NULL,
    "n" INTEGER NOT NULL,
    "median" DECIMAL(18,6),
    "p25" DECIMAL(18,6),
    "p75" DECIMAL(18,6),
    "p10" DECIMAL(18,6),
    "p90" DECIMAL(18,6),
    "mean" DECIMAL(18,6),
    "pooled" DECIMAL(18,6),
    "suppression" "SuppressionReason",
    "releasedAt" TIMESTAMP(3),
    "releasedMembers" UUID[] DEFAULT ARRAY[]::UUID[],
    "releasedFigures" JSONB,
    "excludedNotValidated" INTEGER NOT NULL DEFAULT 0,
    "excludedOutlier" INTEGER NOT NULL DEFAULT 0,
    "inputRevision" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BenchmarkCell_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchmarkStanding" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "cellId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "metricId" UUID NOT NULL,
    "peerGroupId" UUID NOT NULL,
    "value" DECIMAL(18,6) NOT NULL,
    "numerator" DECIMAL(20,6),
    "denominator" DECIMAL(20,6),
    "percentileRank" DECIMAL(5,2) NOT NULL,
    "quartile" INTEGER NOT NULL,
    "releasedPercentileRank" DECIMAL(5,2),
    "releasedQuartile" INTEGER,
    "changeSincePrevious" DECIMAL(18,6),
    "changeSinceBaseline" DECIMAL(18,6),
    "distanceToGoal" DECIMAL(18,6),
    "computedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BenchmarkStanding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SharingSetting" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "supplierId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "categories" "MetricCategory"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SharingSetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PeerGroup_consortiumId_active_idx" ON "PeerGroup"("consortiumId", "active");

-- CreateIndex
CREATE INDEX "PeerGroup_customerId_idx" ON "PeerGroup"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "PeerGroup_consortiumId_kind_key_key" ON "PeerGroup"("consortiumId", "kind", "key");

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkRun_queueJobId_key" ON "BenchmarkRun"("queueJobId");

-- CreateIndex
CREATE INDEX "BenchmarkRun_consortiumId_createdAt_idx" ON "BenchmarkRun"("consortiumId", "createdAt");

-- CreateIndex
CREATE INDEX "BenchmarkRun_periodId_createdAt_idx" ON "BenchmarkRun"("periodId", "createdAt");

-- CreateIndex
CREATE INDEX "BenchmarkRun_requestedById_idx" ON "BenchmarkRun"("requestedById");

-- CreateIndex
CREATE INDEX "BenchmarkCell_consortiumId_periodId_idx" ON "BenchmarkCell"("consortiumId", "periodId");

-- CreateIndex
CREATE INDEX "BenchmarkCell_metricId_idx" ON "BenchmarkCell"("metricId");

-- CreateIndex
CREATE INDEX "BenchmarkCell_peerGroupId_idx" ON "BenchmarkCell"("peerGroupId");

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkCell_periodId_metricId_peerGroupId_key" ON "BenchmarkCell"("periodId", "metricId", "peerGroupId");

-- CreateIndex
CREATE INDEX "BenchmarkStanding_organisationId_periodId_idx" ON "BenchmarkStanding"("organisationId", "periodId");

-- CreateIndex
CREATE INDEX "BenchmarkStanding_consortiumId_periodId_metricId_idx" ON "BenchmarkStanding"("consortiumId", "periodId", "metricId");

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkStanding_cellId_organisationId_key" ON "BenchmarkStanding"("cellId", "organisationId");

-- CreateIndex
CREATE INDEX "SharingSetting_supplierId_idx" ON "SharingSetting"("supplierId");

-- CreateIndex
CREATE INDEX "SharingSetting_customerId_idx" ON "SharingSetting"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "SharingSetting_consortiumId_supplierId_customerId_key" ON "SharingSetting"("consortiumId", "supplierId", "customerId");

-- AddForeignKey
ALTER TABLE "PeerGroup" ADD CONSTRAINT "PeerGroup_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerGroup" ADD CONSTRAINT "PeerGroup_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkRun" ADD CONSTRAINT "BenchmarkRun_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkRun" ADD CONSTRAINT "BenchmarkRun_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkCell" ADD CONSTRAINT "BenchmarkCell_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkCell" ADD CONSTRAINT "BenchmarkCell_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkCell" ADD CONSTRAINT "BenchmarkCell_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "MetricDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkCell" ADD CONSTRAINT "BenchmarkCell_peerGroupId_fkey" FOREIGN KEY ("peerGroupId") REFERENCES "PeerGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkStanding" ADD CONSTRAINT "BenchmarkStanding_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkStanding" ADD CONSTRAINT "BenchmarkStanding_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "BenchmarkCell"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkStanding" ADD CONSTRAINT "BenchmarkStanding_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharingSetting" ADD CONSTRAINT "SharingSetting_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharingSetting" ADD CONSTRAINT "SharingSetting_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharingSetting" ADD CONSTRAINT "SharingSetting_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)

-- Ranges Prisma cannot express (CHECK constraints).
ALTER TABLE "BenchmarkRun" ADD CONSTRAINT "benchmark_run_progress" CHECK ("progress" >= 0 AND "progress" <= 100);
ALTER TABLE "BenchmarkStanding" ADD CONSTRAINT "benchmark_standing_rank" CHECK ("percentileRank" >= 0 AND "percentileRank" <= 100);
ALTER TABLE "BenchmarkStanding" ADD CONSTRAINT "benchmark_standing_quartile" CHECK ("quartile" BETWEEN 1 AND 4);
ALTER TABLE "BenchmarkCell" ADD CONSTRAINT "benchmark_cell_n" CHECK ("n" >= 1);
