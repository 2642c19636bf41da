-- AlterTable
ALTER TABLE "MetricDefinition" ADD COLUMN     "category" "MetricCategory";

-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)

-- The standard catalogue's categories (libs/domain/src/benchmarks/categories.ts, which new
-- consortia and the seed take theirs from). A consortium's own metric keeps none until staff
-- give it one: with none it is shared with no customer.
UPDATE "MetricDefinition" m
   SET category = c.category::"MetricCategory"
  FROM (VALUES ('OTD', 'delivery'), ('LEAD_TIME', 'delivery'),
               ('PPM', 'quality'), ('SCRAP', 'quality'),
               ('COST_INDEX', 'cost'),
               ('VA_EMP', 'productivity'), ('INV_TURNS', 'productivity'), ('OEE', 'productivity'),
               ('CYCLE_TIME', 'productivity'), ('SETUP_TIME', 'productivity'),
               ('TRIR', 'safety'),
               ('TRAIN_HRS', 'workforce'), ('TRAIN_SPEND', 'workforce')) AS c(code, category)
 WHERE m.code = c.code AND m.standard;
