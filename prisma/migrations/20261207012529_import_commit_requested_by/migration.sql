-- AlterTable
ALTER TABLE "Import" ADD COLUMN     "commitRequestedByApiKeyId" UUID,
ADD COLUMN     "commitRequestedById" UUID;

-- Imports asked to commit before this column existed: who asked was only in their audit trail.
UPDATE "Import" i
   SET "commitRequestedById" = a."actorUserId", "commitRequestedByApiKeyId" = a."actorApiKeyId"
  FROM (SELECT DISTINCT ON ("entityId") "entityId", "actorUserId", "actorApiKeyId"
          FROM "AuditEvent"
         WHERE "entityType" = 'Import' AND action = 'import.commit_requested'
         ORDER BY "entityId", id DESC) a
 WHERE a."entityId" = i.id::text;
