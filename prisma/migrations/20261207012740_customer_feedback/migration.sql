-- CreateTable
CREATE TABLE "CustomerFeedback" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "supplierId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "forecastStability" INTEGER NOT NULL,
    "paymentOnTime" INTEGER NOT NULL,
    "rebidThreat" INTEGER NOT NULL,
    "helpReceived" INTEGER NOT NULL,
    "wouldRecommend" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerFeedback_consortiumId_periodId_customerId_idx" ON "CustomerFeedback"("consortiumId", "periodId", "customerId");

-- CreateIndex
CREATE INDEX "CustomerFeedback_supplierId_idx" ON "CustomerFeedback"("supplierId");

-- CreateIndex
CREATE INDEX "CustomerFeedback_customerId_idx" ON "CustomerFeedback"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerFeedback_periodId_supplierId_customerId_key" ON "CustomerFeedback"("periodId", "supplierId", "customerId");

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)

ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_scores_1_to_5" CHECK (
  "forecastStability" BETWEEN 1 AND 5 AND "paymentOnTime" BETWEEN 1 AND 5 AND "rebidThreat" BETWEEN 1 AND 5
  AND "helpReceived" BETWEEN 1 AND 5 AND "wouldRecommend" BETWEEN 1 AND 5);
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_not_self" CHECK ("supplierId" <> "customerId");
