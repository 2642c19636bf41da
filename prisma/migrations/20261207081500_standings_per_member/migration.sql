-- CreateTable
CREATE TABLE "BenchmarkMemberStanding" (
    "id" UUID NOT NULL,
    "consortiumId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "metricId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "value" DECIMAL(18,6) NOT NULL,
    "numerator" DECIMAL(20,6),
    "denominator" DECIMAL(20,6),
    "changeSincePrevious" DECIMAL(18,6),
    "changeSinceBaseline" DECIMAL(18,6),
    "distanceToGoal" DECIMAL(18,6),
    "cellIds" UUID[],
    "peerGroupIds" UUID[],
    "percentileRanks" DECIMAL(5,2)[],
    "quartiles" INTEGER[],
    "releasedPercentileRanks" DECIMAL(5,2)[],
    "releasedQuartiles" INTEGER[],
    "computedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BenchmarkMemberStanding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BenchmarkMemberStanding_organisationId_periodId_idx" ON "BenchmarkMemberStanding"("organisationId", "periodId");

-- CreateIndex
CREATE INDEX "BenchmarkMemberStanding_consortiumId_periodId_idx" ON "BenchmarkMemberStanding"("consortiumId", "periodId");

-- CreateIndex
CREATE INDEX "BenchmarkMemberStanding_metricId_idx" ON "BenchmarkMemberStanding"("metricId");

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkMemberStanding_periodId_organisationId_metricId_key" ON "BenchmarkMemberStanding"("periodId", "organisationId", "metricId");

-- AddForeignKey
ALTER TABLE "BenchmarkMemberStanding" ADD CONSTRAINT "BenchmarkMemberStanding_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkMemberStanding" ADD CONSTRAINT "BenchmarkMemberStanding_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkMemberStanding" ADD CONSTRAINT "BenchmarkMemberStanding_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "MetricDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkMemberStanding" ADD CONSTRAINT "BenchmarkMemberStanding_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing standings, one row per member, metric and period: the figures that do not depend on
-- the group are the same in each of the member's rows; the positions go in order of cell id.
INSERT INTO "BenchmarkMemberStanding" (id, "consortiumId", "periodId", "metricId", "organisationId", value, numerator, denominator,
                                       "changeSincePrevious", "changeSinceBaseline", "distanceToGoal", "cellIds", "peerGroupIds",
                                       "percentileRanks", quartiles, "releasedPercentileRanks", "releasedQuartiles", "computedAt", "createdAt", "updatedAt")
SELECT md5(s."periodId" || ':' || s."metricId" || ':' || s."organisationId")::uuid, (array_agg(s."consortiumId"))[1], s."periodId", s."metricId", s."organisationId",
       (array_agg(s.value ORDER BY s."cellId"))[1], (array_agg(s.numerator ORDER BY s."cellId"))[1], (array_agg(s.denominator ORDER BY s."cellId"))[1],
       (array_agg(s."changeSincePrevious" ORDER BY s."cellId"))[1], (array_agg(s."changeSinceBaseline" ORDER BY s."cellId"))[1],
       (array_agg(s."distanceToGoal" ORDER BY s."cellId"))[1],
       array_agg(s."cellId" ORDER BY s."cellId"), array_agg(s."peerGroupId" ORDER BY s."cellId"),
       array_agg(s."percentileRank" ORDER BY s."cellId"), array_agg(s.quartile ORDER BY s."cellId"),
       array_agg(s."releasedPercentileRank" ORDER BY s."cellId"), array_agg(s."releasedQuartile" ORDER BY s."cellId"),
       max(s."computedAt"), min(s."createdAt"), max(s."updatedAt")
FROM "BenchmarkStanding" s
GROUP BY s."periodId", s."metricId", s."organisationId";

-- DropForeignKey
ALTER TABLE "BenchmarkStanding" DROP CONSTRAINT "BenchmarkStanding_cellId_fkey";

-- DropForeignKey
ALTER TABLE "BenchmarkStanding" DROP CONSTRAINT "BenchmarkStanding_consortiumId_fkey";

-- DropForeignKey
ALTER TABLE "BenchmarkStanding" DROP CONSTRAINT "BenchmarkStanding_organisationId_fkey";

-- DropTable
DROP TABLE "BenchmarkStanding";

-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)
-- A recompute where every figure changes rewrites every row of the period; none of the
-- columns it writes is indexed, so with room on the page each new version is heap-only.
ALTER TABLE "BenchmarkMemberStanding" SET (fillfactor = 50);

-- One row per member and cell, as the table was: what the API, the reports and the tests
-- read. The id is md5 of the natural key (period:metric:group:organisation), the stored
-- standings' id before, so links keep working. Positions of cells that no longer exist (a
-- group deleted since the last run) are left out.
CREATE VIEW "BenchmarkStanding" AS
SELECT md5(s."periodId" || ':' || s."metricId" || ':' || u."peerGroupId" || ':' || s."organisationId")::uuid AS id,
       s."consortiumId", u."cellId", s."organisationId", s."periodId", s."metricId", u."peerGroupId",
       s.value, s.numerator, s.denominator, u."percentileRank", u.quartile, u."releasedPercentileRank", u."releasedQuartile",
       s."changeSincePrevious", s."changeSinceBaseline", s."distanceToGoal", s."computedAt", s."createdAt", s."updatedAt"
FROM "BenchmarkMemberStanding" s
CROSS JOIN LATERAL unnest(s."cellIds", s."peerGroupIds", s."percentileRanks", s.quartiles, s."releasedPercentileRanks", s."releasedQuartiles")
  AS u("cellId", "peerGroupId", "percentileRank", quartile, "releasedPercentileRank", "releasedQuartile")
JOIN "BenchmarkCell" c ON c.id = u."cellId";
