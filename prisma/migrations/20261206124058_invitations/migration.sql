-- CreateEnum
CREATE TYPE "RoleAssignmentStatus" AS ENUM ('active', 'suspended');

-- CreateEnum
CREATE TYPE "InvitationStatus" AS ENUM ('pending', 'accepted', 'declined', 'revoked');

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "sensitive" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RoleAssignment" ADD COLUMN     "status" "RoleAssignmentStatus" NOT NULL DEFAULT 'active',
ADD COLUMN     "suspendedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "consortiumId" UUID,
    "organisationId" UUID,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "status" "InvitationStatus" NOT NULL DEFAULT 'pending',
    "invitedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "acceptedById" UUID,
    "roleAssignmentId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_consortiumId_status_createdAt_idx" ON "Invitation"("consortiumId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Invitation_organisationId_createdAt_idx" ON "Invitation"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "Invitation_email_status_idx" ON "Invitation"("email", "status");

-- CreateIndex
CREATE INDEX "Invitation_invitedById_idx" ON "Invitation"("invitedById");

-- CreateIndex
CREATE INDEX "Invitation_acceptedById_idx" ON "Invitation"("acceptedById");

-- CreateIndex
CREATE INDEX "Invitation_roleAssignmentId_idx" ON "Invitation"("roleAssignmentId");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_roleAssignmentId_fkey" FOREIGN KEY ("roleAssignmentId") REFERENCES "RoleAssignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: an invited account used to exist before its owner accepted, holding its roles. Now an
-- invitation is the pending offer and no role exists until it is accepted: every role of a
-- not-yet-activated account becomes a pending invitation (the first keeps the link already
-- sent; the others can be accepted by the person once signed in), and the account goes.
INSERT INTO "Invitation" ("id", "email", "name", "role", "consortiumId", "organisationId", "tokenHash", "expiresAt", "status", "createdAt", "updatedAt")
SELECT ra."id", u."email", u."name", ra."role", ra."consortiumId", ra."organisationId",
       CASE WHEN row_number() OVER (PARTITION BY u."id" ORDER BY ra."createdAt", ra."id") = 1 AND u."inviteTokenHash" IS NOT NULL
            THEN u."inviteTokenHash"
            ELSE encode(sha256(convert_to(gen_random_uuid()::text || ra."id"::text, 'UTF8')), 'hex') END,
       coalesce(u."inviteExpiresAt", now()), 'pending', ra."createdAt", now()
FROM "User" u
JOIN "RoleAssignment" ra ON ra."userId" = u."id"
WHERE u."status" = 'invited';

DELETE FROM "User" WHERE "status" = 'invited';

-- Messages written before this migration that carry an invitation link.
UPDATE "OutboxMessage" SET "sensitive" = true WHERE "text" LIKE '%accept-invite?token=%';

-- DropIndex
DROP INDEX "User_inviteTokenHash_key";

-- AlterTable
ALTER TABLE "User" DROP COLUMN "inviteExpiresAt",
DROP COLUMN "inviteTokenHash",
ADD COLUMN     "sessionsValidAfter" TIMESTAMP(3),
ALTER COLUMN "status" SET DEFAULT 'active';

-- AlterEnum
BEGIN;
CREATE TYPE "UserStatus_new" AS ENUM ('active', 'disabled');
ALTER TABLE "public"."User" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "User" ALTER COLUMN "status" TYPE "UserStatus_new" USING ("status"::text::"UserStatus_new");
ALTER TYPE "UserStatus" RENAME TO "UserStatus_old";
ALTER TYPE "UserStatus_new" RENAME TO "UserStatus";
DROP TYPE "public"."UserStatus_old";
ALTER TABLE "User" ALTER COLUMN "status" SET DEFAULT 'active';
COMMIT;

