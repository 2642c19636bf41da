-- CreateEnum
CREATE TYPE "MetricDirection" AS ENUM ('higher', 'lower');

-- CreateEnum
CREATE TYPE "MetricFrequency" AS ENUM ('monthly', 'quarterly');

-- CreateEnum
CREATE TYPE "MetricReporter" AS ENUM ('supplier', 'customer', 'derived');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('month', 'quarter');

-- CreateEnum
CREATE TYPE "PeriodState" AS ENUM ('open', 'closed', 'published');

-- CreateEnum
CREATE TYPE "MetricValueStatus" AS ENUM ('draft', 'submitted', 'validated', 'rejected');

-- CreateEnum
CREATE TYPE "MetricValueSource" AS ENUM ('form', 'csv', 'api');

-- CreateEnum
CREATE TYPE "RevisionApproval" AS ENUM ('not_needed', 'pending', 'approved', 'declined');

-- CreateEnum
CREATE TYPE "SourcingMode" AS ENUM ('annual_rebid', 'multi_year', 'sole_source', 'strategic_partnership');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('uploaded', 'parsing', 'parsed', 'committing', 'committed', 'cancelled', 'failed');

-- CreateEnum
CREATE TYPE "Standing" AS ENUM ('preferred', 'approved', 'development', 'probation');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('open', 'in_progress', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('todo', 'doing', 'done');

-- CreateTable
CREATE TABLE "MetricDefinition" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "MetricDirection" NOT NULL,
    "minValue" DECIMAL(18,6),
    "maxValue" DECIMAL(18,6),
    "frequency" "MetricFrequency" NOT NULL,
    "reporters" "MetricReporter"[],
    "isRatio" BOOLEAN NOT NULL DEFAULT false,
    "ratioScale" DECIMAL(18,6),
    "numeratorLabel" TEXT,
    "denominatorLabel" TEXT,
    "outlierFactor" DECIMAL(8,3) NOT NULL DEFAULT 3,
    "standard" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MetricDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Period" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "PeriodKind" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "state" "PeriodState" NOT NULL DEFAULT 'open',
    "closedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricValue" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "metricId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "customerId" UUID,
    "subjectKey" TEXT NOT NULL,
    "value" DECIMAL(18,6) NOT NULL,
    "numerator" DECIMAL(20,6),
    "denominator" DECIMAL(20,6),
    "note" TEXT,
    "source" "MetricValueSource" NOT NULL,
    "status" "MetricValueStatus" NOT NULL DEFAULT 'draft',
    "rejectionReason" TEXT,
    "outlier" BOOLEAN NOT NULL DEFAULT false,
    "outlierNote" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "validatedAt" TIMESTAMP(3),
    "validatedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MetricValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricValueRevision" (
    "id" UUID NOT NULL,
    "metricValueId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "value" DECIMAL(18,6) NOT NULL,
    "numerator" DECIMAL(20,6),
    "denominator" DECIMAL(20,6),
    "note" TEXT,
    "status" "MetricValueStatus" NOT NULL,
    "source" "MetricValueSource" NOT NULL,
    "reason" TEXT,
    "approval" "RevisionApproval" NOT NULL DEFAULT 'not_needed',
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "actorUserId" UUID,
    "actorApiKeyId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricValueRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplyRelationship" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "supplierId" UUID NOT NULL,
    "since" DATE NOT NULL,
    "commodity" TEXT NOT NULL,
    "spendBand" TEXT NOT NULL,
    "sourcingMode" "SourcingMode" NOT NULL,
    "sponsored" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupplyRelationship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourcingModeChange" (
    "id" UUID NOT NULL,
    "relationshipId" UUID NOT NULL,
    "fromMode" "SourcingMode",
    "toMode" "SourcingMode" NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "reason" TEXT,
    "actorUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourcingModeChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricGoal" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "metricId" UUID NOT NULL,
    "baselinePeriodId" UUID,
    "baselineValue" DECIMAL(18,6),
    "goalValue" DECIMAL(18,6),
    "goalDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MetricGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Import" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "organisationId" UUID,
    "createdById" UUID,
    "apiKeyId" UUID,
    "filename" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "checksum" TEXT NOT NULL,
    "storagePath" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'uploaded',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "validRows" INTEGER NOT NULL DEFAULT 0,
    "errorRows" INTEGER NOT NULL DEFAULT 0,
    "committedRows" INTEGER NOT NULL DEFAULT 0,
    "fileError" TEXT,
    "committedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportError" (
    "id" BIGSERIAL NOT NULL,
    "importId" UUID NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "column" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportError_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "importId" UUID NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "orgCode" TEXT,
    "periodCode" TEXT,
    "metricCode" TEXT,
    "valueText" TEXT,
    "numeratorText" TEXT,
    "denominatorText" TEXT,
    "customerCode" TEXT,
    "note" TEXT,
    "organisationId" UUID,
    "periodId" UUID,
    "metricId" UUID,
    "customerId" UUID,
    "value" DECIMAL(18,6),
    "numerator" DECIMAL(20,6),
    "denominator" DECIMAL(20,6),
    "valid" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("importId","rowNumber")
);

-- CreateTable
CREATE TABLE "ScorecardTemplate" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "customerId" UUID,
    "name" TEXT NOT NULL,
    "standings" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScorecardTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScorecardCriterion" (
    "id" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "metricId" UUID NOT NULL,
    "weight" DECIMAL(8,3) NOT NULL,
    "thresholds" JSONB NOT NULL,

    CONSTRAINT "ScorecardCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scorecard" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "relationshipId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "supplierId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "score" DECIMAL(6,2) NOT NULL,
    "standing" "Standing" NOT NULL,
    "details" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scorecard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectiveActionPlan" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "relationshipId" UUID NOT NULL,
    "scorecardId" UUID,
    "supplierId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "standing" "Standing" NOT NULL,
    "title" TEXT NOT NULL,
    "ownerUserId" UUID,
    "status" "PlanStatus" NOT NULL DEFAULT 'open',
    "dueOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CorrectiveActionPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectiveActionTask" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT,
    "dueOn" DATE NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'todo',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CorrectiveActionTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderLog" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "outboxMessageId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MetricDefinition_consortiumId_enabled_idx" ON "MetricDefinition"("consortiumId", "enabled");

-- CreateIndex
CREATE UNIQUE INDEX "MetricDefinition_consortiumId_code_key" ON "MetricDefinition"("consortiumId", "code");

-- CreateIndex
CREATE INDEX "Period_consortiumId_state_idx" ON "Period"("consortiumId", "state");

-- CreateIndex
CREATE INDEX "Period_consortiumId_startsOn_idx" ON "Period"("consortiumId", "startsOn");

-- CreateIndex
CREATE INDEX "Period_consortiumId_dueOn_idx" ON "Period"("consortiumId", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "Period_consortiumId_code_key" ON "Period"("consortiumId", "code");

-- CreateIndex
CREATE INDEX "MetricValue_consortiumId_periodId_status_idx" ON "MetricValue"("consortiumId", "periodId", "status");

-- CreateIndex
CREATE INDEX "MetricValue_consortiumId_status_outlier_idx" ON "MetricValue"("consortiumId", "status", "outlier");

-- CreateIndex
CREATE INDEX "MetricValue_metricId_periodId_idx" ON "MetricValue"("metricId", "periodId");

-- CreateIndex
CREATE INDEX "MetricValue_periodId_idx" ON "MetricValue"("periodId");

-- CreateIndex
CREATE INDEX "MetricValue_customerId_idx" ON "MetricValue"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "MetricValue_organisationId_metricId_periodId_subjectKey_key" ON "MetricValue"("organisationId", "metricId", "periodId", "subjectKey");

-- CreateIndex
CREATE INDEX "MetricValueRevision_approval_idx" ON "MetricValueRevision"("approval");

-- CreateIndex
CREATE INDEX "MetricValueRevision_actorUserId_idx" ON "MetricValueRevision"("actorUserId");

-- CreateIndex
CREATE UNIQUE INDEX "MetricValueRevision_metricValueId_revision_key" ON "MetricValueRevision"("metricValueId", "revision");

-- CreateIndex
CREATE INDEX "SupplyRelationship_customerId_idx" ON "SupplyRelationship"("customerId");

-- CreateIndex
CREATE INDEX "SupplyRelationship_supplierId_idx" ON "SupplyRelationship"("supplierId");

-- CreateIndex
CREATE INDEX "SupplyRelationship_consortiumId_sourcingMode_idx" ON "SupplyRelationship"("consortiumId", "sourcingMode");

-- CreateIndex
CREATE UNIQUE INDEX "SupplyRelationship_consortiumId_customerId_supplierId_key" ON "SupplyRelationship"("consortiumId", "customerId", "supplierId");

-- CreateIndex
CREATE INDEX "SourcingModeChange_relationshipId_effectiveOn_idx" ON "SourcingModeChange"("relationshipId", "effectiveOn");

-- CreateIndex
CREATE INDEX "MetricGoal_organisationId_idx" ON "MetricGoal"("organisationId");

-- CreateIndex
CREATE INDEX "MetricGoal_metricId_idx" ON "MetricGoal"("metricId");

-- CreateIndex
CREATE INDEX "MetricGoal_baselinePeriodId_idx" ON "MetricGoal"("baselinePeriodId");

-- CreateIndex
CREATE UNIQUE INDEX "MetricGoal_consortiumId_organisationId_metricId_key" ON "MetricGoal"("consortiumId", "organisationId", "metricId");

-- CreateIndex
CREATE INDEX "Import_consortiumId_createdAt_idx" ON "Import"("consortiumId", "createdAt");

-- CreateIndex
CREATE INDEX "Import_organisationId_createdAt_idx" ON "Import"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "Import_status_idx" ON "Import"("status");

-- CreateIndex
CREATE INDEX "ImportError_importId_rowNumber_idx" ON "ImportError"("importId", "rowNumber");

-- CreateIndex
CREATE INDEX "ScorecardTemplate_consortiumId_customerId_idx" ON "ScorecardTemplate"("consortiumId", "customerId");

-- CreateIndex
CREATE INDEX "ScorecardCriterion_metricId_idx" ON "ScorecardCriterion"("metricId");

-- CreateIndex
CREATE UNIQUE INDEX "ScorecardCriterion_templateId_metricId_key" ON "ScorecardCriterion"("templateId", "metricId");

-- CreateIndex
CREATE INDEX "Scorecard_consortiumId_periodId_idx" ON "Scorecard"("consortiumId", "periodId");

-- CreateIndex
CREATE INDEX "Scorecard_supplierId_idx" ON "Scorecard"("supplierId");

-- CreateIndex
CREATE INDEX "Scorecard_customerId_idx" ON "Scorecard"("customerId");

-- CreateIndex
CREATE INDEX "Scorecard_templateId_idx" ON "Scorecard"("templateId");

-- CreateIndex
CREATE UNIQUE INDEX "Scorecard_relationshipId_periodId_key" ON "Scorecard"("relationshipId", "periodId");

-- CreateIndex
CREATE INDEX "CorrectiveActionPlan_consortiumId_status_idx" ON "CorrectiveActionPlan"("consortiumId", "status");

-- CreateIndex
CREATE INDEX "CorrectiveActionPlan_supplierId_idx" ON "CorrectiveActionPlan"("supplierId");

-- CreateIndex
CREATE INDEX "CorrectiveActionPlan_customerId_idx" ON "CorrectiveActionPlan"("customerId");

-- CreateIndex
CREATE INDEX "CorrectiveActionPlan_scorecardId_idx" ON "CorrectiveActionPlan"("scorecardId");

-- CreateIndex
CREATE UNIQUE INDEX "CorrectiveActionPlan_relationshipId_scorecardId_key" ON "CorrectiveActionPlan"("relationshipId", "scorecardId");

-- CreateIndex
CREATE INDEX "CorrectiveActionTask_planId_idx" ON "CorrectiveActionTask"("planId");

-- CreateIndex
CREATE INDEX "ReminderLog_periodId_idx" ON "ReminderLog"("periodId");

-- CreateIndex
CREATE INDEX "ReminderLog_consortiumId_idx" ON "ReminderLog"("consortiumId");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderLog_organisationId_periodId_key" ON "ReminderLog"("organisationId", "periodId");

-- AddForeignKey
ALTER TABLE "MetricDefinition" ADD CONSTRAINT "MetricDefinition_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "MetricDefinition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricValueRevision" ADD CONSTRAINT "MetricValueRevision_metricValueId_fkey" FOREIGN KEY ("metricValueId") REFERENCES "MetricValue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyRelationship" ADD CONSTRAINT "SupplyRelationship_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyRelationship" ADD CONSTRAINT "SupplyRelationship_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyRelationship" ADD CONSTRAINT "SupplyRelationship_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourcingModeChange" ADD CONSTRAINT "SourcingModeChange_relationshipId_fkey" FOREIGN KEY ("relationshipId") REFERENCES "SupplyRelationship"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricGoal" ADD CONSTRAINT "MetricGoal_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricGoal" ADD CONSTRAINT "MetricGoal_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricGoal" ADD CONSTRAINT "MetricGoal_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "MetricDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricGoal" ADD CONSTRAINT "MetricGoal_baselinePeriodId_fkey" FOREIGN KEY ("baselinePeriodId") REFERENCES "Period"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportError" ADD CONSTRAINT "ImportError_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardTemplate" ADD CONSTRAINT "ScorecardTemplate_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardCriterion" ADD CONSTRAINT "ScorecardCriterion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ScorecardTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardCriterion" ADD CONSTRAINT "ScorecardCriterion_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "MetricDefinition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_relationshipId_fkey" FOREIGN KEY ("relationshipId") REFERENCES "SupplyRelationship"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ScorecardTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectiveActionPlan" ADD CONSTRAINT "CorrectiveActionPlan_relationshipId_fkey" FOREIGN KEY ("relationshipId") REFERENCES "SupplyRelationship"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectiveActionPlan" ADD CONSTRAINT "CorrectiveActionPlan_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectiveActionTask" ADD CONSTRAINT "CorrectiveActionTask_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CorrectiveActionPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderLog" ADD CONSTRAINT "ReminderLog_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;
