-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)
-- The next migration drops "BenchmarkCell"."releasedMembers": the population of a released cell
-- is read from "releasedFigures"->'members' from then on (the release writes both from the same
-- rows, in one statement). Before the column goes, make sure it holds nothing the figures lack:
-- a released cell whose members differ from its figures' members stops the migration, so no
-- population released to readers is lost; nothing is rewritten.
DO $$
DECLARE
  differing int;
BEGIN
  -- a squashed history builds the final schema first: no column, nothing to check
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'BenchmarkCell' AND column_name = 'releasedMembers') THEN
    RETURN;
  END IF;
  SELECT count(*) INTO differing
  FROM "BenchmarkCell" c
  WHERE cardinality(c."releasedMembers") > 0
    AND (c."releasedFigures" IS NULL
         OR jsonb_typeof(c."releasedFigures"->'members') IS DISTINCT FROM 'array'
         OR ARRAY(SELECT x FROM unnest(c."releasedMembers"::text[]) x ORDER BY x)
            IS DISTINCT FROM ARRAY(SELECT m->>'organisationId' FROM jsonb_array_elements(c."releasedFigures"->'members') m ORDER BY 1));
  IF differing > 0 THEN
    RAISE EXCEPTION 'BenchmarkCell: % released cell(s) whose "releasedMembers" differ from "releasedFigures".members; reconcile them before dropping "releasedMembers"', differing;
  END IF;
END $$;
