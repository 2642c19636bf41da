import { createHash } from 'node:crypto';
import { DISCLOSURE_RULES_REVISION, decidePeriod, disclosureCellsOf, isPublicGroupKind, type CellMemberRow, type PeriodCell } from '@tandem/domain';
import {
  CELL_MEMBERS_SQL,
  CELL_META_SQL,
  INPUT_FINGERPRINT_SQL,
  RELEASE_SQL,
  INPUT_REVISION_SQL,
  RESULT_FINGERPRINT_SQL,
  SET_SUPPRESSION_SQL,
  UPSERT_CELLS_SQL,
  UPSERT_STANDINGS_SQL,
  UPSERT_SYSTEM_GROUPS_SQL,
  type PackedCellMembers,
  type StoredResults,
} from './benchmarks.sql';

/**
 * The revision of the computation itself: its statements' text and the disclosure rules. In
 * the input fingerprint, so a deployment that computes differently never keeps results
 * computed the old way.
 */
export const COMPUTATION_REVISION = createHash('md5')
  .update([UPSERT_SYSTEM_GROUPS_SQL, INPUT_REVISION_SQL, UPSERT_CELLS_SQL, UPSERT_STANDINGS_SQL, CELL_MEMBERS_SQL, CELL_META_SQL, SET_SUPPRESSION_SQL, RELEASE_SQL, DISCLOSURE_RULES_REVISION].join('\n'))
  .digest('hex');

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

interface CellMeta {
  id: string;
  metricId: string;
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

/** The rows of CELL_MEMBERS_SQL one per member again, in the order the statement packed them. */
export function cellMemberRowsOf(packed: readonly PackedCellMembers[]): CellMemberRow[] {
  const rows: CellMemberRow[] = [];
  const numberOrNull = (text: string | undefined): number | null => (text === undefined || text === '' ? null : Number(text));
  for (const c of packed) {
    const ids = c.organisationIds.split(',');
    const values = c.values.split(',');
    const numerators = c.numerators.split(',');
    const denominators = c.denominators.split(',');
    for (const [i, organisationId] of ids.entries()) {
      rows.push({
        cellId: c.cellId,
        partition: c.partition,
        organisationId,
        value: Number(values[i]),
        numerator: numberOrNull(numerators[i]),
        denominator: numberOrNull(denominators[i]),
        isRatio: c.isRatio,
        minValue: c.minValue,
        maxValue: c.maxValue,
      });
    }
  }
  return rows;
}

/**
 * One period of one consortium, inside the caller's transaction: system peer groups, cells
 * and standings in SQL, then the public disclosure decision of every cell (libs/domain). The
 * worker's job and the seed both run exactly this, so the demo shows what a recompute stores.
 */
export async function recomputePeriod(
  tx: RawTransaction,
  p: { consortiumId: string; periodId: string; k: number; computedAt: Date },
  step: (percent: number) => Promise<void> = async () => undefined,
  last: LastRun | null = null,
): Promise<PeriodRecompute> {
  const args = [p.consortiumId, p.periodId] as const;
  const at = p.computedAt.toISOString();
  // The statements below are estimated far above JIT's thresholds, and compiling them with
  // inlining and optimisation took longer than running them (6.4 s of 11 s for the standings
  // at 3 000 firms). For the rest of this transaction only.
  await tx.$executeRawUnsafe(`SET LOCAL jit = off`);
  // CELL_MEMBERS_SQL sends doubles as text: the shortest form that reads back as the same number
  await tx.$executeRawUnsafe(`SET LOCAL extra_float_digits = 3`);
  const [groups] = await tx.$queryRawUnsafe<{ groups: number }[]>(UPSERT_SYSTEM_GROUPS_SQL, p.consortiumId);
  // Before anything is read: a change committed while this run reads makes the next run differ.
  const [fingerprint] = await tx.$queryRawUnsafe<{ fingerprint: string }[]>(INPUT_FINGERPRINT_SQL, ...args, p.k, COMPUTATION_REVISION);
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
  const [input] = await tx.$queryRawUnsafe<{ revision: string }[]>(INPUT_REVISION_SQL, ...args);
  const inputRevision = input?.revision ?? '';
  await step(10);
  const [cellCounts] = await tx.$queryRawUnsafe<Counts[]>(UPSERT_CELLS_SQL, ...args, inputRevision, at);
  await step(40);
  const [standings] = await tx.$queryRawUnsafe<(Counts & { inserted: number })[]>(UPSERT_STANDINGS_SQL, ...args, at);
  // A first run fills tables the planner last saw empty; fresh statistics keep the joins by id
  // below (members, decisions) from nested loops over the whole table. A sample, but of a big
  // table: standings are analysed only when rows came or went, not when figures changed in place.
  const stale = [
    (cellCounts?.written ?? 0) + (cellCounts?.removed ?? 0) > 1_000 ? '"BenchmarkCell"' : null,
    (standings?.inserted ?? 0) + (standings?.removed ?? 0) > 1_000 ? '"BenchmarkStanding"' : null,
  ].filter((t) => t !== null);
  if (stale.length > 0) await tx.$executeRawUnsafe(`ANALYZE ${stale.join(', ')}`);
  await step(70);
  const members = cellMemberRowsOf(await tx.$queryRawUnsafe<PackedCellMembers[]>(CELL_MEMBERS_SQL, ...args));
  const meta = await tx.$queryRawUnsafe<CellMeta[]>(CELL_META_SQL, ...args);
  const current = new Map(disclosureCellsOf(members).map((c) => [c.key, c]));
  const cells: PeriodCell[] = meta.map((m) => ({
    key: m.id,
    partition: m.metricId,
    kind: m.kind,
    members: current.get(m.id)?.members ?? [],
    bounds: current.get(m.id)?.bounds,
    released: m.released,
    releasedMembers: m.releasedMembers,
  }));
  const decisions = decidePeriod(cells, p.k);
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
    standings: standings?.computed ?? 0,
    suppressed: [...decisions.values()].filter((d) => d !== null).length,
    released,
    changed: released + (cellCounts?.written ?? 0) + (cellCounts?.removed ?? 0) + (standings?.written ?? 0) + (standings?.removed ?? 0) + decided,
    inputRevision,
    reused: false,
    inputFingerprint,
    resultFingerprint: stored?.fingerprint ?? '',
  };
}
