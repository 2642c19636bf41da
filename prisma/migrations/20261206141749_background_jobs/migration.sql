-- CreateEnum
CREATE TYPE "BackgroundJobState" AS ENUM ('queued', 'running', 'completed', 'failed');

-- CreateTable
CREATE TABLE "BackgroundJob" (
    "id" UUID NOT NULL,
    "queueJobId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "consortiumId" UUID,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "state" "BackgroundJobState" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT,
    "error" TEXT,
    "requestedById" UUID,
    "runAfter" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BackgroundJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BackgroundJob_queueJobId_key" ON "BackgroundJob"("queueJobId");

-- CreateIndex
CREATE INDEX "BackgroundJob_consortiumId_createdAt_idx" ON "BackgroundJob"("consortiumId", "createdAt");

-- CreateIndex
CREATE INDEX "BackgroundJob_state_idx" ON "BackgroundJob"("state");

-- CreateIndex
CREATE INDEX "BackgroundJob_name_idx" ON "BackgroundJob"("name");

-- CreateIndex
CREATE INDEX "BackgroundJob_requestedById_idx" ON "BackgroundJob"("requestedById");

-- AddForeignKey
ALTER TABLE "BackgroundJob" ADD CONSTRAINT "BackgroundJob_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackgroundJob" ADD CONSTRAINT "BackgroundJob_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
