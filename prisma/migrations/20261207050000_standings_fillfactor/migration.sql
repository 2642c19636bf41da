-- prisma/tools: hand-written SQL below this line (kept by `tsx prisma/tools/cli.ts regenerate`)
-- A recompute in which every figure changes rewrites every standing of the period. None of
-- the columns it writes is indexed, so with room on the page each new row version is a
-- heap-only tuple: no entry in any of the table's four indexes. Packed pages (fillfactor
-- 100) sent every version to another page with four index insertions, about seven times the
-- buffer accesses (EXPLAIN ANALYZE, 189 000 standings). Existing pages keep their rows until
-- they are rewritten; new pages are filled to half.
ALTER TABLE "BenchmarkStanding" SET (fillfactor = 50);
