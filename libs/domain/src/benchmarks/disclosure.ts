/**
 * Statistical disclosure control (benchmarks.md rules 1–4 and 7, issue 8). Pure functions:
 * the worker stores the public decision (a viewer who knows nobody's value) with each cell,
 * and the API applies the viewer-aware rule on top of it before anything leaves.
 *
 * The guarantee, for every viewer and every pair of cells it is shown of one metric and
 * period: a shown cell covers at least k members whose values the viewer cannot see, and
 * they do not pass the dominance rule; and two shown cells differ by no member the viewer
 * cannot see, or by at least k of them. So neither one cell nor the difference of two
 * isolates fewer than k unknown firms.
 */
export const SUPPRESSION_REASONS = ['fewer_than_k', 'dominated', 'differencing'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** Shares of benchmarks.md rule 3: one contributor above 60 %, or two above 80 %, of a total. */
export const DOMINANCE_ONE = 0.6;
export const DOMINANCE_TWO = 0.8;

export interface DisclosureMember {
  organisationId: string;
  /**
   * What the member adds to each total the cell publishes: its value for a mean, its
   * numerator and denominator for a pooled ratio. Signs are ignored (a share of Σ|x|).
   */
  contributions: readonly number[];
}

export interface DisclosureCell {
  /** unique among the cells given */
  key: string;
  /** cells that can be subtracted from each other: one metric of one period */
  partition: string;
  members: readonly DisclosureMember[];
}

/** What a reader is told instead of a figure. Never a number but k, which is public. */
export function suppressionMessage(reason: SuppressionReason, k: number): string {
  switch (reason) {
    case 'fewer_than_k':
      return `fewer than ${k} peers`;
    case 'dominated':
      return 'dominated';
    case 'differencing':
      return 'would disclose by difference';
    default: {
      const unknown: never = reason;
      throw new Error(`unknown reason ${String(unknown)}`);
    }
  }
}

/**
 * Rule 3 over one set of members: true when, for some total, one of them contributes more
 * than 60 % of it or two together more than 80 %. A total of zero is dominated by nobody.
 */
export function isDominated(members: readonly DisclosureMember[]): boolean {
  const dims = members.reduce((d, m) => Math.max(d, m.contributions.length), 0);
  for (let d = 0; d < dims; d++) {
    let total = 0;
    let first = 0;
    let second = 0;
    for (const m of members) {
      const x = Math.abs(m.contributions[d] ?? 0);
      total += x;
      if (x > first) {
        second = first;
        first = x;
      } else if (x > second) second = x;
    }
    if (total > 0 && (first > DOMINANCE_ONE * total || first + second > DOMINANCE_TWO * total)) return true;
  }
  return false;
}

/** Members of a set the viewer cannot see. */
function unknownCount(ids: ReadonlySet<string>, known: ReadonlySet<string>): number {
  if (known.size === 0) return ids.size;
  let n = 0;
  for (const id of ids) if (!known.has(id)) n += 1;
  return n;
}

/** |(A Δ B) \ known|: members a viewer could isolate by subtracting one cell from the other. */
export function unknownDifference(a: ReadonlySet<string>, b: ReadonlySet<string>, known: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sharedUnknown = 0;
  for (const id of small) if (large.has(id) && !known.has(id)) sharedUnknown += 1;
  return unknownCount(a, known) + unknownCount(b, known) - 2 * sharedUnknown;
}

/**
 * Decides every cell for one viewer: null = may be shown, else why not. `known` is what the
 * viewer already sees of members' own values (nobody for the public decision; the firm
 * itself; a buyer's suppliers). `suppressed` carries decisions taken before (the stored
 * public ones), which stand: a viewer never sees a cell the public may not.
 *
 *  1. fewer than k unknown members → fewer_than_k; 3. the unknown members dominated → dominated;
 *  4. among the cells still shown of one partition, while two differ by 1 … k − 1 unknown
 *     members, the smaller of the two (fewer members; then the greater key, so the answer
 *     never depends on input order) is suppressed — complementary suppression, repeated until
 *     no such pair remains. Suppressing only removes pairs, so this ends.
 */
export function discloseCells(
  cells: readonly DisclosureCell[],
  k: number,
  known: ReadonlySet<string> = new Set(),
  suppressed: ReadonlyMap<string, SuppressionReason> = new Map(),
): Map<string, SuppressionReason | null> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
  const out = new Map<string, SuppressionReason | null>();
  const shown = new Map<string, { cell: DisclosureCell; ids: Set<string> }[]>();
  for (const cell of cells) {
    if (out.has(cell.key)) throw new Error(`cell ${cell.key} given twice`);
    const before = suppressed.get(cell.key);
    if (before) {
      out.set(cell.key, before);
      continue;
    }
    const ids = new Set(cell.members.map((m) => m.organisationId));
    const hidden = cell.members.filter((m) => !known.has(m.organisationId));
    if (new Set(hidden.map((m) => m.organisationId)).size < k) out.set(cell.key, 'fewer_than_k');
    else if (isDominated(hidden)) out.set(cell.key, 'dominated');
    else {
      out.set(cell.key, null);
      shown.set(cell.partition, [...(shown.get(cell.partition) ?? []), { cell, ids }]);
    }
  }
  for (const group of shown.values()) {
    // smallest first, so the first risky pair found names the cell to suppress
    const live = [...group].sort((x, y) => x.ids.size - y.ids.size || (x.cell.key < y.cell.key ? 1 : x.cell.key > y.cell.key ? -1 : 0));
    let changed = true;
    while (changed) {
      changed = false;
      outer: for (let i = 0; i < live.length; i++) {
        const a = live[i] as (typeof live)[number];
        for (let j = i + 1; j < live.length; j++) {
          const b = live[j] as (typeof live)[number];
          const d = unknownDifference(a.ids, b.ids, known);
          if (d > 0 && d < k) {
            out.set(a.cell.key, 'differencing');
            live.splice(i, 1);
            changed = true;
            break outer;
          }
        }
      }
    }
  }
  return out;
}

/** A member's stored figures in one cell, as the worker and the API read them. */
export interface CellMemberRow {
  cellId: string;
  /** cells that can be subtracted from each other: one metric of one period */
  partition: string;
  organisationId: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  isRatio: boolean;
}

/**
 * Cells as disclosure control sees them: each member contributes its value to the mean and,
 * for a ratio metric, its numerator and denominator to the pooled ratio.
 */
export function disclosureCellsOf(rows: readonly CellMemberRow[]): DisclosureCell[] {
  const cells = new Map<string, { key: string; partition: string; members: DisclosureMember[] }>();
  for (const r of rows) {
    let cell = cells.get(r.cellId);
    if (!cell) {
      cell = { key: r.cellId, partition: r.partition, members: [] };
      cells.set(r.cellId, cell);
    }
    cell.members.push({ organisationId: r.organisationId, contributions: r.isRatio ? [r.value, r.numerator ?? 0, r.denominator ?? 0] : [r.value] });
  }
  return [...cells.values()];
}
