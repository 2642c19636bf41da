-- AlterTable
ALTER TABLE "BenchmarkRun" ADD COLUMN     "inputFingerprint" TEXT,
ADD COLUMN     "resultFingerprint" TEXT,
ADD COLUMN     "reusedResults" BOOLEAN NOT NULL DEFAULT false;
