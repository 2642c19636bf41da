-- CreateEnum
CREATE TYPE "DemandSurveyStatus" AS ENUM ('draft', 'open', 'closed');

-- CreateTable
CREATE TABLE "DemandSurvey" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "status" "DemandSurveyStatus" NOT NULL DEFAULT 'draft',
    "horizonMonths" INTEGER NOT NULL,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemandSurvey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemandAnswer" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "surveyId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "socCode" TEXT NOT NULL,
    "expectedOpenings" INTEGER NOT NULL,
    "couldExistJobs" INTEGER NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemandAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DemandSurvey_consortiumId_status_idx" ON "DemandSurvey"("consortiumId", "status");

-- CreateIndex
CREATE INDEX "DemandAnswer_consortiumId_surveyId_idx" ON "DemandAnswer"("consortiumId", "surveyId");

-- CreateIndex
CREATE INDEX "DemandAnswer_organisationId_idx" ON "DemandAnswer"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "DemandAnswer_surveyId_organisationId_socCode_key" ON "DemandAnswer"("surveyId", "organisationId", "socCode");

-- AddForeignKey
ALTER TABLE "DemandSurvey" ADD CONSTRAINT "DemandSurvey_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemandAnswer" ADD CONSTRAINT "DemandAnswer_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemandAnswer" ADD CONSTRAINT "DemandAnswer_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "DemandSurvey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemandAnswer" ADD CONSTRAINT "DemandAnswer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)

ALTER TABLE "DemandSurvey" ADD CONSTRAINT "DemandSurvey_window" CHECK ("closesOn" >= "opensOn");
ALTER TABLE "DemandSurvey" ADD CONSTRAINT "DemandSurvey_horizon" CHECK ("horizonMonths" BETWEEN 1 AND 60);
ALTER TABLE "DemandAnswer" ADD CONSTRAINT "DemandAnswer_counts_not_negative" CHECK ("expectedOpenings" >= 0 AND "couldExistJobs" >= 0);
ALTER TABLE "DemandAnswer" ADD CONSTRAINT "DemandAnswer_soc_code" CHECK ("socCode" ~ '^[0-9]{2}-[0-9]{4}$');
