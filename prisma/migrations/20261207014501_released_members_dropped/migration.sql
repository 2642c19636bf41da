-- AlterTable
ALTER TABLE "BenchmarkCell" DROP COLUMN "releasedMembers";
