import type { Prisma } from '../generated/client';
import { recomputePeriod } from '../../apps/worker/src/benchmarks/recompute-period';

export interface BenchmarkSeedPeriod {
  id: string;
  consortiumId: string;
  /** when the period closed: the time the seeded run computed it */
  closedAt: Date;
}

/**
 * Benchmarks of every closed quarter, by the worker's own statements (so the demo shows what
 * a recompute stores), in the seed's transaction, oldest period first, with a completed run
 * per period. Returns the number of cells.
 */
/**
 * Two custom groups of glmp that differ by one firm (a cohort and the cohort with a late
 * joiner): the demo's differencing pair, of which at most one ever publishes.
 */
export async function insertCustomGroups(tx: Prisma.TransactionClient, consortiumId: string, createdAt: Date): Promise<void> {
  const cohort = (size: number) => `ARRAY(SELECT o.id FROM "Organisation" o JOIN "Membership" m ON m."organisationId" = o.id
    WHERE m."consortiumId" = $1::uuid AND m.status = 'active' AND o.kind = 'supplier' AND o."naicsCode" LIKE '332%' ORDER BY o.code LIMIT ${size})`;
  for (const [key, name, size] of [
    ['lean-cohort', 'Lean cohort 2025', 8],
    ['lean-cohort-late', 'Lean cohort 2025 with the late joiner', 9],
  ] as const) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "PeerGroup" (id, "consortiumId", kind, key, name, "organisationIds", "createdAt", "updatedAt")
       VALUES (md5('seed-group:' || $2)::uuid, $1::uuid, 'custom', md5('seed-group:' || $2)::uuid::text, $3, ${cohort(size)}, $4::timestamp, $4::timestamp)`,
      consortiumId,
      key,
      name,
      createdAt.toISOString(),
    );
  }
}

export async function insertBenchmarks(tx: Prisma.TransactionClient, periods: readonly BenchmarkSeedPeriod[], thresholdOf: ReadonlyMap<string, number>): Promise<number> {
  let cells = 0;
  for (const p of periods) {
    const k = thresholdOf.get(p.consortiumId) ?? 5;
    const result = await recomputePeriod(tx, { consortiumId: p.consortiumId, periodId: p.id, k, computedAt: p.closedAt });
    await tx.$executeRawUnsafe(
      `INSERT INTO "BenchmarkRun" (id, "consortiumId", "periodId", reason, "queueJobId", state, progress, "inputRevision", threshold, cells, "computedAt", "createdAt", "updatedAt")
       VALUES (md5('seed-run:' || $2)::uuid, $1::uuid, $2::uuid, 'period_closed', 'benchmarks:seed-' || $2, 'completed', 100, $3, $4, $5, $6::timestamp, $6::timestamp, $6::timestamp)`,
      p.consortiumId,
      p.id,
      result.inputRevision,
      k,
      result.cells,
      p.closedAt.toISOString(),
    );
    cells += result.cells;
  }
  return cells;
}
