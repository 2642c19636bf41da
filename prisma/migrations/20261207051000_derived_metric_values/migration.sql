-- AlterEnum
ALTER TYPE "MetricValueSource" ADD VALUE 'derived';
