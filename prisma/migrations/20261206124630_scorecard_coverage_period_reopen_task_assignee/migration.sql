-- AlterTable
ALTER TABLE "CorrectiveActionTask" ADD COLUMN     "ownerUserId" UUID;

-- AlterTable
ALTER TABLE "Period" ADD COLUMN     "reopenCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reopenReason" TEXT,
ADD COLUMN     "reopenedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Scorecard" ADD COLUMN     "coverage" DECIMAL(5,4) NOT NULL DEFAULT 1,
ADD COLUMN     "provisional" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "CorrectiveActionTask_ownerUserId_idx" ON "CorrectiveActionTask"("ownerUserId");

-- CreateIndex
CREATE INDEX "Scorecard_consortiumId_provisional_idx" ON "Scorecard"("consortiumId", "provisional");

-- AddForeignKey
ALTER TABLE "CorrectiveActionTask" ADD CONSTRAINT "CorrectiveActionTask_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)

-- Coverage is a share of the template's weight (Prisma cannot express CHECK constraints).
ALTER TABLE "Scorecard" ADD CONSTRAINT "scorecard_coverage_share" CHECK ("coverage" >= 0 AND "coverage" <= 1);
ALTER TABLE "Period" ADD CONSTRAINT "period_reopen_count_min" CHECK ("reopenCount" >= 0);

-- Scorecards written before coverage existed: their coverage from the details they hold (a
-- criterion with a score had a validated value), provisional when the period is open or a
-- criterion had none. Scores stay as they were computed until the next recompute of their
-- period applies the closed-period rule (a criterion without a value scores 0). Plans that
-- earlier runs opened stay: people have been told about them; staff cancel the wrong ones.
UPDATE "Scorecard" s
   SET "coverage" = c.coverage,
       "provisional" = c.provisional
  FROM (
    SELECT sc.id,
           COALESCE(round(sum((d ->> 'weight')::numeric) FILTER (WHERE d ->> 'score' IS NOT NULL)
                          / NULLIF(sum((d ->> 'weight')::numeric), 0), 4), 1) AS coverage,
           bool_or(p.state = 'open') OR COALESCE(bool_or(d ->> 'score' IS NULL) FILTER (WHERE d IS NOT NULL), false) AS provisional
      FROM "Scorecard" sc
      JOIN "Period" p ON p.id = sc."periodId"
      LEFT JOIN LATERAL jsonb_array_elements(sc.details) AS d ON true
     GROUP BY sc.id
  ) c
 WHERE c.id = s.id;

-- Tasks named their owner in free text. Where that text is, unambiguously, the e-mail or the
-- name of one user who works on the plan (a firm role at its supplier or customer, or staff
-- of its consortium), that user becomes the assignee. The text itself is kept.
UPDATE "CorrectiveActionTask" t
   SET "ownerUserId" = m."userId"
  FROM (
    SELECT t2.id AS "taskId", (array_agg(DISTINCT u.id))[1] AS "userId", count(DISTINCT u.id) AS n
      FROM "CorrectiveActionTask" t2
      JOIN "CorrectiveActionPlan" pl ON pl.id = t2."planId"
      JOIN "RoleAssignment" ra
        ON ra."consortiumId" = pl."consortiumId"
       AND (ra.role = 'consortium_staff'
            OR (ra.role IN ('firm_admin', 'firm_contributor', 'customer_buyer') AND ra."organisationId" IN (pl."supplierId", pl."customerId")))
      JOIN "User" u ON u.id = ra."userId"
     WHERE t2."ownerUserId" IS NULL AND t2.owner IS NOT NULL
       AND (lower(btrim(t2.owner)) = u.email OR lower(btrim(t2.owner)) = lower(btrim(u.name)))
     GROUP BY t2.id
  ) m
 WHERE t.id = m."taskId" AND m.n = 1;
