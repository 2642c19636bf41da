-- CreateTable
CREATE TABLE "PendingJob" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "jobId" TEXT,
    "runAfter" TIMESTAMP(3),
    "requestedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingJob_createdAt_idx" ON "PendingJob"("createdAt");
