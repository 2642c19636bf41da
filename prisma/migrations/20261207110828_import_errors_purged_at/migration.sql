-- AlterTable
ALTER TABLE "Import" ADD COLUMN     "errorsPurgedAt" TIMESTAMP(3);
