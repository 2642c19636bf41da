-- CreateEnum
CREATE TYPE "CharterState" AS ENUM ('draft', 'published', 'superseded');

-- CreateEnum
CREATE TYPE "CommitmentKind" AS ENUM ('training_hours_per_frontline_worker', 'training_spend_pct_of_payroll', 'metrics_submitted_on_time', 'curricula_shared', 'modernisation_investment', 'jobs_created', 'sponsored_suppliers_multi_year', 'payment_within_days');

-- CreateEnum
CREATE TYPE "CommitmentSide" AS ENUM ('supplier', 'customer', 'any_member');

-- CreateEnum
CREATE TYPE "CommitmentState" AS ENUM ('on_track', 'at_risk', 'met', 'missed', 'waived');

-- CreateEnum
CREATE TYPE "CommitmentReviewOutcome" AS ENUM ('excused', 'warning', 'suspension_proposed');

-- CreateEnum
CREATE TYPE "CurriculumLevel" AS ENUM ('introductory', 'intermediate', 'advanced');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('enrolled', 'attended', 'completed', 'withdrawn');

-- CreateEnum
CREATE TYPE "TrainingPlanStatus" AS ENUM ('draft', 'submitted', 'returned', 'approved');

-- CreateTable
CREATE TABLE "Charter" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "state" "CharterState" NOT NULL DEFAULT 'draft',
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Charter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentTemplate" (
    "id" UUID NOT NULL,
    "charterId" UUID NOT NULL,
    "kind" "CommitmentKind" NOT NULL,
    "side" "CommitmentSide" NOT NULL,
    "target" DECIMAL(14,2) NOT NULL,
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommitmentTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CharterSignature" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "charterId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "signedByUserId" UUID,
    "signerName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CharterSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "kind" "CommitmentKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "target" DECIMAL(14,2) NOT NULL,
    "state" "CommitmentState" NOT NULL DEFAULT 'on_track',
    "actual" DECIMAL(14,2),
    "expected" DECIMAL(14,2),
    "evaluatedAt" TIMESTAMP(3),
    "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "waivedReason" TEXT,
    "waivedAt" TIMESTAMP(3),
    "waivedByUserId" UUID,
    "attestedValue" DECIMAL(14,2),
    "attestationNote" TEXT,
    "attestedAt" TIMESTAMP(3),
    "attestedByUserId" UUID,
    "verifiedAt" TIMESTAMP(3),
    "verifiedByUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentTransition" (
    "id" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "fromState" "CommitmentState",
    "toState" "CommitmentState" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "CommitmentTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentReview" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "outcome" "CommitmentReviewOutcome",
    "note" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedByUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommitmentReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Curriculum" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "ownerOrganisationId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "skillArea" TEXT NOT NULL,
    "hours" DECIMAL(6,1) NOT NULL,
    "level" "CurriculumLevel" NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "previousVersionId" UUID,
    "socCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Curriculum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grant" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "funderOrganisationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseSession" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "curriculumId" UUID NOT NULL,
    "providerOrganisationId" UUID NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "hours" DECIMAL(6,1) NOT NULL,
    "location" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "costPerSeat" DECIMAL(10,2) NOT NULL,
    "grantId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CourseSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Trainee" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "employerOrganisationId" UUID NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "socCode" TEXT,
    "frontline" BOOLEAN NOT NULL DEFAULT true,
    "hireDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Trainee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TraineeEmployment" (
    "id" UUID NOT NULL,
    "traineeId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TraineeEmployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "traineeId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "status" "EnrolmentStatus" NOT NULL DEFAULT 'enrolled',
    "hoursAttended" DECIMAL(6,1) NOT NULL DEFAULT 0,
    "credential" TEXT,
    "completedAt" DATE,
    "withdrawnAt" DATE,
    "wageBefore" DECIMAL(8,2),
    "wageAfter" DECIMAL(8,2),
    "wageStepId" UUID,
    "wageStepConfirmedAt" TIMESTAMP(3),
    "wageStepConfirmedByUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingActivity" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "occurredOn" DATE NOT NULL,
    "curriculumId" UUID,
    "sessionId" UUID,
    "skillArea" TEXT NOT NULL,
    "participants" INTEGER NOT NULL,
    "hoursPerParticipant" DECIMAL(6,1) NOT NULL,
    "cost" DECIMAL(12,2) NOT NULL,
    "providerOrganisationId" UUID,
    "providerName" TEXT,
    "frontline" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkforceYear" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "frontlineHeadcount" INTEGER NOT NULL,
    "payroll" DECIMAL(14,2) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkforceYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WageStep" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "credential" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "hourlyIncrease" DECIMAL(8,2) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WageStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnionRepresentation" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "unionOrganisationId" UUID NOT NULL,
    "firmOrganisationId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnionRepresentation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingPlan" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "TrainingPlanStatus" NOT NULL DEFAULT 'draft',
    "skillAreas" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "frontlineWorkers" INTEGER NOT NULL,
    "hours" DECIMAL(8,1) NOT NULL,
    "budget" DECIMAL(12,2) NOT NULL,
    "providers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "coGoverned" BOOLEAN NOT NULL DEFAULT false,
    "firmApprovedAt" TIMESTAMP(3),
    "firmApprovedByUserId" UUID,
    "unionApprovedAt" TIMESTAMP(3),
    "unionApprovedByUserId" UUID,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingPlanEvent" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" "TrainingPlanStatus",
    "toStatus" "TrainingPlanStatus" NOT NULL,
    "actorUserId" UUID,
    "actorRole" "Role" NOT NULL,
    "comment" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingPlanEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Charter_consortiumId_state_idx" ON "Charter"("consortiumId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Charter_consortiumId_version_key" ON "Charter"("consortiumId", "version");

-- CreateIndex
CREATE INDEX "CommitmentTemplate_charterId_idx" ON "CommitmentTemplate"("charterId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentTemplate_charterId_kind_side_key" ON "CommitmentTemplate"("charterId", "kind", "side");

-- CreateIndex
CREATE INDEX "CharterSignature_organisationId_idx" ON "CharterSignature"("organisationId");

-- CreateIndex
CREATE INDEX "CharterSignature_consortiumId_idx" ON "CharterSignature"("consortiumId");

-- CreateIndex
CREATE UNIQUE INDEX "CharterSignature_charterId_organisationId_key" ON "CharterSignature"("charterId", "organisationId");

-- CreateIndex
CREATE INDEX "Commitment_consortiumId_state_idx" ON "Commitment"("consortiumId", "state");

-- CreateIndex
CREATE INDEX "Commitment_consortiumId_year_idx" ON "Commitment"("consortiumId", "year");

-- CreateIndex
CREATE INDEX "Commitment_organisationId_year_idx" ON "Commitment"("organisationId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_templateId_organisationId_year_key" ON "Commitment"("templateId", "organisationId", "year");

-- CreateIndex
CREATE INDEX "CommitmentTransition_commitmentId_at_idx" ON "CommitmentTransition"("commitmentId", "at");

-- CreateIndex
CREATE INDEX "CommitmentReview_consortiumId_decidedAt_idx" ON "CommitmentReview"("consortiumId", "decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentReview_commitmentId_key" ON "CommitmentReview"("commitmentId");

-- CreateIndex
CREATE INDEX "Curriculum_consortiumId_shared_idx" ON "Curriculum"("consortiumId", "shared");

-- CreateIndex
CREATE INDEX "Curriculum_consortiumId_skillArea_idx" ON "Curriculum"("consortiumId", "skillArea");

-- CreateIndex
CREATE INDEX "Curriculum_ownerOrganisationId_idx" ON "Curriculum"("ownerOrganisationId");

-- CreateIndex
CREATE INDEX "Curriculum_previousVersionId_idx" ON "Curriculum"("previousVersionId");

-- CreateIndex
CREATE INDEX "Curriculum_socCodes_idx" ON "Curriculum" USING GIN ("socCodes");

-- CreateIndex
CREATE INDEX "Grant_consortiumId_idx" ON "Grant"("consortiumId");

-- CreateIndex
CREATE INDEX "Grant_funderOrganisationId_idx" ON "Grant"("funderOrganisationId");

-- CreateIndex
CREATE INDEX "CourseSession_consortiumId_startsOn_idx" ON "CourseSession"("consortiumId", "startsOn");

-- CreateIndex
CREATE INDEX "CourseSession_providerOrganisationId_startsOn_idx" ON "CourseSession"("providerOrganisationId", "startsOn");

-- CreateIndex
CREATE INDEX "CourseSession_curriculumId_idx" ON "CourseSession"("curriculumId");

-- CreateIndex
CREATE INDEX "CourseSession_grantId_idx" ON "CourseSession"("grantId");

-- CreateIndex
CREATE INDEX "Trainee_consortiumId_employerOrganisationId_idx" ON "Trainee"("consortiumId", "employerOrganisationId");

-- CreateIndex
CREATE INDEX "Trainee_employerOrganisationId_lastName_idx" ON "Trainee"("employerOrganisationId", "lastName");

-- CreateIndex
CREATE INDEX "TraineeEmployment_traineeId_startsOn_idx" ON "TraineeEmployment"("traineeId", "startsOn");

-- CreateIndex
CREATE INDEX "TraineeEmployment_organisationId_startsOn_idx" ON "TraineeEmployment"("organisationId", "startsOn");

-- CreateIndex
CREATE INDEX "Enrolment_consortiumId_status_idx" ON "Enrolment"("consortiumId", "status");

-- CreateIndex
CREATE INDEX "Enrolment_organisationId_status_idx" ON "Enrolment"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Enrolment_traineeId_idx" ON "Enrolment"("traineeId");

-- CreateIndex
CREATE INDEX "Enrolment_wageStepId_idx" ON "Enrolment"("wageStepId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_sessionId_traineeId_key" ON "Enrolment"("sessionId", "traineeId");

-- CreateIndex
CREATE INDEX "TrainingActivity_consortiumId_occurredOn_idx" ON "TrainingActivity"("consortiumId", "occurredOn");

-- CreateIndex
CREATE INDEX "TrainingActivity_organisationId_occurredOn_idx" ON "TrainingActivity"("organisationId", "occurredOn");

-- CreateIndex
CREATE INDEX "TrainingActivity_curriculumId_idx" ON "TrainingActivity"("curriculumId");

-- CreateIndex
CREATE INDEX "TrainingActivity_sessionId_idx" ON "TrainingActivity"("sessionId");

-- CreateIndex
CREATE INDEX "TrainingActivity_providerOrganisationId_idx" ON "TrainingActivity"("providerOrganisationId");

-- CreateIndex
CREATE INDEX "WorkforceYear_organisationId_idx" ON "WorkforceYear"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkforceYear_consortiumId_organisationId_year_key" ON "WorkforceYear"("consortiumId", "organisationId", "year");

-- CreateIndex
CREATE INDEX "WageStep_organisationId_idx" ON "WageStep"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "WageStep_consortiumId_organisationId_credential_key" ON "WageStep"("consortiumId", "organisationId", "credential");

-- CreateIndex
CREATE INDEX "UnionRepresentation_firmOrganisationId_idx" ON "UnionRepresentation"("firmOrganisationId");

-- CreateIndex
CREATE INDEX "UnionRepresentation_unionOrganisationId_idx" ON "UnionRepresentation"("unionOrganisationId");

-- CreateIndex
CREATE UNIQUE INDEX "UnionRepresentation_consortiumId_unionOrganisationId_firmOr_key" ON "UnionRepresentation"("consortiumId", "unionOrganisationId", "firmOrganisationId");

-- CreateIndex
CREATE INDEX "TrainingPlan_organisationId_idx" ON "TrainingPlan"("organisationId");

-- CreateIndex
CREATE INDEX "TrainingPlan_consortiumId_status_idx" ON "TrainingPlan"("consortiumId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingPlan_consortiumId_organisationId_year_key" ON "TrainingPlan"("consortiumId", "organisationId", "year");

-- CreateIndex
CREATE INDEX "TrainingPlanEvent_planId_at_idx" ON "TrainingPlanEvent"("planId", "at");

-- AddForeignKey
ALTER TABLE "Charter" ADD CONSTRAINT "Charter_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentTemplate" ADD CONSTRAINT "CommitmentTemplate_charterId_fkey" FOREIGN KEY ("charterId") REFERENCES "Charter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterSignature" ADD CONSTRAINT "CharterSignature_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterSignature" ADD CONSTRAINT "CharterSignature_charterId_fkey" FOREIGN KEY ("charterId") REFERENCES "Charter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterSignature" ADD CONSTRAINT "CharterSignature_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "CommitmentTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentTransition" ADD CONSTRAINT "CommitmentTransition_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentReview" ADD CONSTRAINT "CommitmentReview_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentReview" ADD CONSTRAINT "CommitmentReview_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Curriculum" ADD CONSTRAINT "Curriculum_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Curriculum" ADD CONSTRAINT "Curriculum_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Curriculum" ADD CONSTRAINT "Curriculum_previousVersionId_fkey" FOREIGN KEY ("previousVersionId") REFERENCES "Curriculum"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_funderOrganisationId_fkey" FOREIGN KEY ("funderOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseSession" ADD CONSTRAINT "CourseSession_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseSession" ADD CONSTRAINT "CourseSession_curriculumId_fkey" FOREIGN KEY ("curriculumId") REFERENCES "Curriculum"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseSession" ADD CONSTRAINT "CourseSession_providerOrganisationId_fkey" FOREIGN KEY ("providerOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseSession" ADD CONSTRAINT "CourseSession_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trainee" ADD CONSTRAINT "Trainee_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trainee" ADD CONSTRAINT "Trainee_employerOrganisationId_fkey" FOREIGN KEY ("employerOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraineeEmployment" ADD CONSTRAINT "TraineeEmployment_traineeId_fkey" FOREIGN KEY ("traineeId") REFERENCES "Trainee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraineeEmployment" ADD CONSTRAINT "TraineeEmployment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CourseSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_traineeId_fkey" FOREIGN KEY ("traineeId") REFERENCES "Trainee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_wageStepId_fkey" FOREIGN KEY ("wageStepId") REFERENCES "WageStep"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingActivity" ADD CONSTRAINT "TrainingActivity_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingActivity" ADD CONSTRAINT "TrainingActivity_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingActivity" ADD CONSTRAINT "TrainingActivity_curriculumId_fkey" FOREIGN KEY ("curriculumId") REFERENCES "Curriculum"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingActivity" ADD CONSTRAINT "TrainingActivity_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CourseSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingActivity" ADD CONSTRAINT "TrainingActivity_providerOrganisationId_fkey" FOREIGN KEY ("providerOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkforceYear" ADD CONSTRAINT "WorkforceYear_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkforceYear" ADD CONSTRAINT "WorkforceYear_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WageStep" ADD CONSTRAINT "WageStep_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WageStep" ADD CONSTRAINT "WageStep_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnionRepresentation" ADD CONSTRAINT "UnionRepresentation_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnionRepresentation" ADD CONSTRAINT "UnionRepresentation_unionOrganisationId_fkey" FOREIGN KEY ("unionOrganisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnionRepresentation" ADD CONSTRAINT "UnionRepresentation_firmOrganisationId_fkey" FOREIGN KEY ("firmOrganisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingPlan" ADD CONSTRAINT "TrainingPlan_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingPlan" ADD CONSTRAINT "TrainingPlan_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingPlanEvent" ADD CONSTRAINT "TrainingPlanEvent_planId_fkey" FOREIGN KEY ("planId") REFERENCES "TrainingPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)

-- What no write path may ever store, whatever the API validates first.
ALTER TABLE "Charter" ADD CONSTRAINT "Charter_version_positive" CHECK (version >= 1);
ALTER TABLE "CommitmentTemplate" ADD CONSTRAINT "CommitmentTemplate_target_nonnegative" CHECK (target >= 0);
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_dates" CHECK ("endsOn" >= "startsOn");
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_target_nonnegative" CHECK (target >= 0);
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_waived_has_reason" CHECK (state <> 'waived' OR "waivedReason" IS NOT NULL);
ALTER TABLE "Curriculum" ADD CONSTRAINT "Curriculum_hours_positive" CHECK (hours > 0);
ALTER TABLE "Curriculum" ADD CONSTRAINT "Curriculum_version_positive" CHECK (version >= 1);
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_dates" CHECK ("endsOn" >= "startsOn");
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_amount_nonnegative" CHECK (amount >= 0);
ALTER TABLE "CourseSession" ADD CONSTRAINT "CourseSession_dates" CHECK ("endsOn" >= "startsOn");
ALTER TABLE "CourseSession" ADD CONSTRAINT "CourseSession_hours_positive" CHECK (hours > 0);
ALTER TABLE "CourseSession" ADD CONSTRAINT "CourseSession_capacity_positive" CHECK (capacity > 0);
ALTER TABLE "CourseSession" ADD CONSTRAINT "CourseSession_cost_nonnegative" CHECK ("costPerSeat" >= 0);
ALTER TABLE "TraineeEmployment" ADD CONSTRAINT "TraineeEmployment_dates" CHECK ("endsOn" IS NULL OR "endsOn" >= "startsOn");
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_hours_nonnegative" CHECK ("hoursAttended" >= 0);
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_wages_nonnegative" CHECK (("wageBefore" IS NULL OR "wageBefore" >= 0) AND ("wageAfter" IS NULL OR "wageAfter" >= 0));
ALTER TABLE "TrainingActivity" ADD CONSTRAINT "TrainingActivity_participants_positive" CHECK (participants > 0);
ALTER TABLE "TrainingActivity" ADD CONSTRAINT "TrainingActivity_hours_positive" CHECK ("hoursPerParticipant" > 0);
ALTER TABLE "TrainingActivity" ADD CONSTRAINT "TrainingActivity_cost_nonnegative" CHECK (cost >= 0);
ALTER TABLE "WorkforceYear" ADD CONSTRAINT "WorkforceYear_figures_nonnegative" CHECK ("frontlineHeadcount" >= 0 AND payroll >= 0);
ALTER TABLE "WageStep" ADD CONSTRAINT "WageStep_increase_nonnegative" CHECK ("hourlyIncrease" >= 0);
ALTER TABLE "TrainingPlan" ADD CONSTRAINT "TrainingPlan_figures_nonnegative" CHECK ("frontlineWorkers" >= 0 AND hours >= 0 AND budget >= 0);
ALTER TABLE "UnionRepresentation" ADD CONSTRAINT "UnionRepresentation_not_self" CHECK ("unionOrganisationId" <> "firmOrganisationId");

-- A trainee has at most one open employment (the current employer).
CREATE UNIQUE INDEX "TraineeEmployment_one_open" ON "TraineeEmployment" ("traineeId") WHERE "endsOn" IS NULL;
