import { createHash } from 'node:crypto';
import { DISCLOSURE_RULES_REVISION, decidePeriod, disclosureCellsOf, isPublicGroupKind, type MemberFigures, type PartitionFigures, type PeriodCell, type SuppressionReason } from '@tandem/domain';
import {
  ANALYZE_STAGE_SQL,
  CELL_META_SQL,
  ENTERING_FIGURES_SQL,
  GROUP_MEMBER_LISTS_SQL,
  INPUT_FINGERPRINT_SQL,
  RELEASE_SQL,
  RESULT_FINGERPRINT_SQL,
  SET_SUPPRESSION_SQL,
  STAGE_GROUP_MEMBERS_SQL,
  STAGE_TABLES_SQL,
  STAGE_VALUES_CTE,
  UPSERT_CELLS_SQL,
  UPSERT_STANDINGS_SQL,
  UPSERT_SYSTEM_GROUPS_SQL,
  type PackedFigures,
  type PackedGroupMembers,
  type StoredResults,
} from './benchmarks.sql';

/**
 * The revision of the computation itself: its statements' text and the disclosure rules. In
 * the input fingerprint, so a deployment that computes differently never keeps results
 * computed the old way.
 */
export const COMPUTATION_REVISION = createHash('md5')
  .update(
    [
      UPSERT_SYSTEM_GROUPS_SQL,
      ...STAGE_TABLES_SQL,
      STAGE_GROUP_MEMBERS_SQL,
      STAGE_VALUES_CTE,
      UPSERT_CELLS_SQL,
      UPSERT_STANDINGS_SQL,
      GROUP_MEMBER_LISTS_SQL,
      ENTERING_FIGURES_SQL,
      CELL_META_SQL,
      SET_SUPPRESSION_SQL,
      RELEASE_SQL,
      DISCLOSURE_RULES_REVISION,
    ].join('\n'),
  )
  .digest('hex');

/** work_mem of a recompute's transaction unless the caller says otherwise (config BENCHMARK_WORK_MEM_MB). */
export const DEFAULT_RECOMPUTE_WORK_MEM_MB = 256;

/**
 * The settings of a recompute's transaction (SET LOCAL: this transaction only). The bench runs
 * its baseline statement under the same ones.
 * - jit off: the statements are estimated far above JIT's thresholds, and compiling them with
 *   inlining and optimisation took longer than running them (6.4 s of 11 s for the standings at
 *   3 000 firms).
 * - work_mem: the standings sort and pair about 1.9 M rows at 30 000 firms; with the server's
 *   default (4 MB) every sort went to disk and every hash join into 16–32 batches.
 * - extra_float_digits: ENTERING_FIGURES_SQL sends doubles as text, the shortest form that reads
 *   back as the same number.
 */
export function recomputeSettings(workMemMb: number): string[] {
  if (!Number.isInteger(workMemMb) || workMemMb < 1) throw new Error(`work_mem must be a whole number of MB, got ${workMemMb}`);
  return ['SET LOCAL jit = off', `SET LOCAL work_mem = '${workMemMb}MB'`, 'SET LOCAL extra_float_digits = 3'];
}

/** What the statements need of a transaction: Prisma's raw methods (the worker's and the seed's). */
export interface RawTransaction {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface PeriodRecompute {
  groups: number;
  cells: number;
  standings: number;
  suppressed: number;
  /** cells first shown outside staff by this run (the period is published) */
  released: number;
  /** rows written or removed: 0 on a second run over the same input */
  changed: number;
  inputRevision: string;
  /** the inputs and the stored results were the last completed run's: nothing was recomputed */
  reused: boolean;
  inputFingerprint: string;
  resultFingerprint: string;
}

/** What the last completed run of the period recorded (null fingerprints never match). */
export interface LastRun {
  inputRevision: string | null;
  inputFingerprint: string | null;
  resultFingerprint: string | null;
}

export interface CellMeta {
  id: string;
  metricId: string;
  peerGroupId: string;
  kind: string;
  released: boolean;
  releasedMembers: string[];
  periodState: string;
}

interface Counts {
  computed: number;
  written: number;
  removed: number;
}

/** Each group's members, unpacked from GROUP_MEMBER_LISTS_SQL. */
export function groupMembersOf(packed: readonly PackedGroupMembers[]): Map<string, string[]> {
  return new Map(packed.map((g) => [g.groupId, g.organisationIds.split(',')]));
}

/** Each metric's entering figures, unpacked from ENTERING_FIGURES_SQL. */
export function partitionFiguresOf(packed: readonly PackedFigures[]): Map<string, PartitionFigures> {
  const numberOrNull = (text: string | undefined): number | null => (text === undefined || text === '' ? null : Number(text));
  return new Map(
    packed.map((p) => {
      const values = p.values.split(',');
      const numerators = p.numerators.split(',');
      const denominators = p.denominators.split(',');
      const figures = new Map<string, MemberFigures>();
      for (const [i, organisationId] of p.organisationIds.split(',').entries()) {
        figures.set(organisationId, { value: Number(values[i]), numerator: numberOrNull(numerators[i]), denominator: numberOrNull(denominators[i]) });
      }
      return [p.partition, { isRatio: p.isRatio, minValue: p.minValue, maxValue: p.maxValue, figures }];
    }),
  );
}

/**
 * The period's stored cells as disclosure control decides them, inside a run's transaction
 * after its cells were written: a cell's members are those its standings are computed over —
 * its group's staged members with an entering figure of its metric.
 */
export async function stagedPeriodCells(tx: RawTransaction, p: { consortiumId: string; periodId: string }): Promise<{ cells: PeriodCell[]; meta: CellMeta[] }> {
  const groupMembers = groupMembersOf(await tx.$queryRawUnsafe<PackedGroupMembers[]>(GROUP_MEMBER_LISTS_SQL));
  const figures = partitionFiguresOf(await tx.$queryRawUnsafe<PackedFigures[]>(ENTERING_FIGURES_SQL));
  const meta = await tx.$queryRawUnsafe<CellMeta[]>(CELL_META_SQL, p.consortiumId, p.periodId);
  const built = disclosureCellsOf(
    meta.map((m) => ({ key: m.id, partition: m.metricId, groupId: m.peerGroupId })),
    groupMembers,
    figures,
  );
  const cells = meta.map((m, i) => ({
    key: m.id,
    partition: m.metricId,
    kind: m.kind,
    members: built[i]?.members ?? [],
    bounds: built[i]?.bounds,
    released: m.released,
    releasedMembers: m.releasedMembers,
  }));
  return { cells, meta };
}

/**
 * Until a statement just started has been sent to the server. Prisma's path from a raw query
 * to the pg client's socket is promise continuations only, which run before the next turn of
 * the event loop (measured: a statement followed by a blocking second of work took two
 * seconds without the yield, one with it); two turns for margin.
 */
async function dispatched(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * One period of one consortium, inside the caller's transaction: system peer groups, cells
 * and standings in SQL, then the public disclosure decision of every cell (libs/domain). The
 * worker's job and the seed both run exactly this, so the demo shows what a recompute stores.
 */
export async function recomputePeriod(
  tx: RawTransaction,
  p: { consortiumId: string; periodId: string; k: number; computedAt: Date; workMemMb?: number },
  step: (percent: number) => Promise<void> = async () => undefined,
  last: LastRun | null = null,
): Promise<PeriodRecompute> {
  const args = [p.consortiumId, p.periodId] as const;
  const at = p.computedAt.toISOString();
  for (const setting of recomputeSettings(p.workMemMb ?? DEFAULT_RECOMPUTE_WORK_MEM_MB)) await tx.$executeRawUnsafe(setting);
  const [groups] = await tx.$queryRawUnsafe<{ groups: number }[]>(UPSERT_SYSTEM_GROUPS_SQL, p.consortiumId);
  for (const statement of STAGE_TABLES_SQL) await tx.$executeRawUnsafe(statement);
  // Before anything else is read: a change committed while this run reads makes the next run
  // differ. The same read stages the values the run computes from (STAGE_VALUES_CTE).
  const [fingerprint] = await tx.$queryRawUnsafe<{ fingerprint: string; revision: string }[]>(INPUT_FINGERPRINT_SQL, ...args, p.k, COMPUTATION_REVISION);
  const inputFingerprint = fingerprint?.fingerprint ?? '';
  if (last !== null && last.inputFingerprint === inputFingerprint && last.inputRevision !== null) {
    const [kept] = await tx.$queryRawUnsafe<StoredResults[]>(RESULT_FINGERPRINT_SQL, ...args);
    if (kept !== undefined && kept.fingerprint === last.resultFingerprint) {
      return {
        groups: groups?.groups ?? 0,
        cells: kept.cells,
        standings: kept.standings,
        suppressed: kept.suppressed,
        released: 0,
        changed: 0,
        inputRevision: last.inputRevision,
        reused: true,
        inputFingerprint,
        resultFingerprint: kept.fingerprint,
      };
    }
  }
  const inputRevision = fingerprint?.revision ?? '';
  await tx.$executeRawUnsafe(STAGE_GROUP_MEMBERS_SQL, p.consortiumId);
  await tx.$executeRawUnsafe(ANALYZE_STAGE_SQL);
  await step(10);
  const [cellCounts] = await tx.$queryRawUnsafe<(Counts & { standings: number })[]>(UPSERT_CELLS_SQL, ...args, inputRevision, at);
  await step(40);
  // Disclosure control decides on what was staged and the cells just written, not on the
  // standings: its inputs are read now, and its decision (this process's CPU) runs while
  // PostgreSQL computes and writes the standings (the server's). The statement is sent before
  // the decision blocks this thread (dispatched), and its result is awaited after.
  const { cells, meta } = await stagedPeriodCells(tx, p);
  const standingsWritten = Promise.resolve(tx.$queryRawUnsafe<{ written: number; inserted: number; removed: number }[]>(UPSERT_STANDINGS_SQL, ...args, at));
  standingsWritten.catch(() => undefined); // read below; not an unhandled rejection while the decision runs
  await dispatched();
  let decisions: Map<string, SuppressionReason | null>;
  try {
    decisions = decidePeriod(cells, p.k);
  } catch (error) {
    await standingsWritten.catch(() => undefined); // the transaction rolls back once its statement is done, not under it
    throw error;
  }
  const [standings] = await standingsWritten;
  // A first run fills tables the planner last saw empty; fresh statistics keep the joins by id
  // below (decisions, releases) from nested loops over the whole table. A sample, but of a big
  // table: standings are analysed only when rows came or went, not when figures changed in place.
  const stale = [
    (cellCounts?.written ?? 0) + (cellCounts?.removed ?? 0) > 1_000 ? '"BenchmarkCell"' : null,
    (standings?.inserted ?? 0) + (standings?.removed ?? 0) > 1_000 ? '"BenchmarkStanding"' : null,
  ].filter((t) => t !== null);
  if (stale.length > 0) await tx.$executeRawUnsafe(`ANALYZE ${stale.join(', ')}`);
  await step(80);
  const ids = [...decisions.keys()];
  const decided = await tx.$executeRawUnsafe(SET_SUPPRESSION_SQL, ...args, ids, ids.map((id) => decisions.get(id) ?? null));
  await step(90);
  // Published: what is shown outside staff now is out for good; its population is fixed.
  const toRelease = meta.filter((m) => m.periodState === 'published' && !m.released && decisions.get(m.id) === null && (isPublicGroupKind(m.kind) || m.kind === 'supply_base')).map((m) => m.id);
  const [release] = toRelease.length > 0 ? await tx.$queryRawUnsafe<{ released: number }[]>(RELEASE_SQL, ...args, at, toRelease) : [];
  const released = release?.released ?? 0;
  const [stored] = await tx.$queryRawUnsafe<StoredResults[]>(RESULT_FINGERPRINT_SQL, ...args);
  return {
    groups: groups?.groups ?? 0,
    cells: cellCounts?.computed ?? 0,
    standings: cellCounts?.standings ?? 0,
    suppressed: [...decisions.values()].filter((d) => d !== null).length,
    released,
    changed: released + (cellCounts?.written ?? 0) + (cellCounts?.removed ?? 0) + (standings?.written ?? 0) + (standings?.removed ?? 0) + decided,
    inputRevision,
    reused: false,
    inputFingerprint,
    resultFingerprint: stored?.fingerprint ?? '',
  };
}
