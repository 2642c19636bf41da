import { echelonOf, inRowSpan } from './linear';
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
  /**
   * Readers may hold this cell's figures already (it was released before, or it is decided
   * and shown): it takes part in every check and is never the one suppressed.
   */
  fixed?: boolean;
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
  return dominated(sharesOf(members));
}

/** Rule 3 on what it needs of a set: per total, Σ|x| and the two largest |x|. */
function dominated(sh: Shares): boolean {
  return sh.total.some((total, d) => {
    const first = sh.first[d] ?? 0;
    const second = sh.second[d] ?? 0;
    return total > 0 && (first > DOMINANCE_ONE * total || first + second > DOMINANCE_TWO * total);
  });
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

/** One cell as the checks see it: its members, and whether it may be chosen for suppression. */
interface Row {
  key: string;
  ids: ReadonlySet<string>;
  members: ReadonlyMap<string, DisclosureMember>;
  /** readers may hold its figures already: always in the checks, never chosen for suppression */
  fixed: boolean;
}

/**
 * Unknown members grouped by the set of rows they belong to. No combination of the rows'
 * totals can tell members of one atom apart, so the checks work on atoms, not firms: a few
 * hundred columns instead of thousands.
 */
interface Atoms {
  members: DisclosureMember[][];
  /** per atom, what rule 3 needs of it */
  shares: Shares[];
  /** matrix[row][atom] = 1 when the atom's members are in the row */
  matrix: number[][];
}

function atomsOf(rows: readonly Row[], known: ReadonlySet<string>): Atoms {
  const signature = new Map<string, number[]>();
  rows.forEach((row, i) => {
    for (const id of row.ids) {
      if (known.has(id)) continue;
      const sig = signature.get(id);
      if (sig) sig.push(i);
      else signature.set(id, [i]);
    }
  });
  const index = new Map<string, number>();
  const members: DisclosureMember[][] = [];
  const matrix = rows.map(() => [] as number[]);
  for (const [id, sig] of signature) {
    const key = sig.join(',');
    let a = index.get(key);
    if (a === undefined) {
      a = members.length;
      index.set(key, a);
      members.push([]);
      for (const r of matrix) r.push(0);
      for (const i of sig) (matrix[i] as number[])[a] = 1;
    }
    const member = rows[sig[0] as number]?.members.get(id);
    (members[a] as DisclosureMember[]).push(member ?? { organisationId: id, contributions: [] });
  }
  return { members, matrix, shares: members.map(sharesOf) };
}

const EPS = 1e-9;

/** A set of unknown members whose total (or difference) a reader could work out, with the vector that gives it. */
interface Leak {
  vector: number[];
  label: string;
}

/** Per atom and per total: Σ|x| and the two largest |x| (what rule 3 needs of a union of atoms). */
interface Shares {
  total: number[];
  first: number[];
  second: number[];
}

function sharesOf(members: readonly DisclosureMember[]): Shares {
  const dims = members.reduce((d, m) => Math.max(d, m.contributions.length), 0);
  const out: Shares = { total: new Array<number>(dims).fill(0), first: new Array<number>(dims).fill(0), second: new Array<number>(dims).fill(0) };
  for (const m of members)
    for (let d = 0; d < dims; d++) {
      const x = Math.abs(m.contributions[d] ?? 0);
      out.total[d] = (out.total[d] as number) + x;
      if (x > (out.first[d] as number)) {
        out.second[d] = out.first[d] as number;
        out.first[d] = x;
      } else if (x > (out.second[d] as number)) out.second[d] = x;
    }
  return out;
}

/**
 * Fewer than k members, or dominated (rule 3), over the union of some atoms. Atoms are
 * disjoint, so the count is the sum of their sizes and the two largest shares are among the
 * atoms' own two largest: no pass over the members (a union can hold thousands of them).
 */
function risky(atoms: Atoms, support: readonly number[], k: number): boolean {
  let count = 0;
  for (const a of support) count += (atoms.members[a] as DisclosureMember[]).length;
  if (count < k) return true;
  const dims = support.reduce((d, a) => Math.max(d, (atoms.shares[a] as Shares).total.length), 0);
  const union: Shares = { total: new Array<number>(dims).fill(0), first: new Array<number>(dims).fill(0), second: new Array<number>(dims).fill(0) };
  for (const a of support) {
    const sh = atoms.shares[a] as Shares;
    for (let d = 0; d < sh.total.length; d++) {
      union.total[d] = (union.total[d] as number) + (sh.total[d] as number);
      for (const x of [sh.first[d] as number, sh.second[d] as number]) {
        if (x > (union.first[d] as number)) {
          union.second[d] = union.first[d] as number;
          union.first[d] = x;
        } else if (x > (union.second[d] as number)) union.second[d] = x;
      }
    }
  }
  return dominated(union);
}

/**
 * The first set of fewer than k unknown members (or a dominated one) that the shown rows
 * disclose: by the difference of two rows (rule 4), or by any linear combination of their
 * totals that comes down to one plain sum over a set of members (a firm's value by
 * "the whole minus every band but its own", or by equations over overlapping groups).
 * `skip`: leaks already known to be beyond repair (made of cells released before).
 */
function findLeak(rows: readonly Row[], known: ReadonlySet<string>, k: number, skip: ReadonlySet<string>): Leak | null {
  const atoms = atomsOf(rows, known);
  const width = atoms.members.length;
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) {
      const a = atoms.matrix[i] as number[];
      const b = atoms.matrix[j] as number[];
      const support: number[] = [];
      for (let c = 0; c < width; c++) if (a[c] !== b[c]) support.push(c);
      if (support.length === 0 || !risky(atoms, support, k)) continue;
      const label = `diff:${[rows[i]?.key, rows[j]?.key].sort().join('|')}`;
      if (!skip.has(label)) return { vector: a.map((x, c) => x - (b[c] as number)), label };
    }
  const e = echelonOf(atoms.matrix, width);
  for (const row of e.rows) {
    const support: number[] = [];
    for (let c = 0; c < width; c++) if (Math.abs(row[c] as number) > EPS) support.push(c);
    const first = row[support[0] as number] as number;
    if (!support.every((c) => Math.abs((row[c] as number) - first) < 1e-7)) continue;
    if (!risky(atoms, support, k)) continue;
    // labelled by the firms concerned, which stay the same whatever else changes
    const label = `sum:${support.flatMap((c) => (atoms.members[c] as DisclosureMember[]).map((x) => x.organisationId)).sort().join(',')}`;
    if (!skip.has(label)) return { vector: row, label };
  }
  return null;
}

/**
 * The cell to suppress against a leak: of the cells that may still be suppressed, the
 * smallest whose removal alone takes the leak away (so a small band goes before the whole
 * consortium, as in classical complementary suppression); failing that, the smallest that
 * shares a member with it. Null when only fixed cells are involved.
 */
function victimOf(rows: readonly Row[], known: ReadonlySet<string>, leak: Leak): number | null {
  const atoms = atomsOf(rows, known);
  const width = atoms.members.length;
  // the leak's vector was taken over these same rows' atoms
  const order = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !r.fixed)
    .sort((x, y) => x.r.ids.size - y.r.ids.size || (x.r.key < y.r.key ? 1 : x.r.key > y.r.key ? -1 : 0));
  if (order.length === 0) return null;
  for (const { i } of order) {
    const rest = atoms.matrix.filter((_, r) => r !== i);
    if (!inRowSpan(echelonOf(rest, width), leak.vector)) return i;
  }
  // made of fixed cells alone: nothing suppressed now would take it back
  const fixedRows = atoms.matrix.filter((_, r) => rows[r]?.fixed);
  if (inRowSpan(echelonOf(fixedRows, width), leak.vector)) return null;
  const touched = order.find(({ i }) => leak.vector.some((x, c) => Math.abs(x) > EPS && (atoms.matrix[i] as number[])[c] === 1));
  return (touched ?? order[0])?.i ?? null;
}

/**
 * Decides every cell for one viewer: null = may be shown, else why not. `known` is what the
 * viewer already sees of members' own values (nobody for the public decision; the firm
 * itself; a buyer's suppliers, as far as they share with it). `suppressed` carries decisions
 * taken before (the stored public ones), which stand: a viewer never sees a cell the public
 * may not.
 *
 *  1. fewer than k unknown members → fewer_than_k; 3. the unknown members dominated → dominated;
 *  4. among the cells still shown of one partition, together with the fixed ones (cells
 *     released before, whose figures readers may hold whatever is decided now), while any
 *     difference of two cells, or any linear combination of their totals that reduces to a
 *     plain sum, covers 1 … k − 1 unknown members or a dominated set of them, one more cell is
 *     suppressed (complementary suppression), and the checks run again until none remains.
 *     Suppressing only removes rows, so this ends. Checks work on atoms: members that belong
 *     to exactly the same cells, which no combination can tell apart.
 */
export function discloseCells(
  cells: readonly DisclosureCell[],
  k: number,
  known: ReadonlySet<string> = new Set(),
  suppressed: ReadonlyMap<string, SuppressionReason> = new Map(),
): Map<string, SuppressionReason | null> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
  const out = new Map<string, SuppressionReason | null>();
  const partitions = new Map<string, Row[]>();
  const rowOf = (cell: DisclosureCell): Row => ({
    key: cell.key,
    ids: new Set(cell.members.map((x) => x.organisationId)),
    members: new Map(cell.members.map((x) => [x.organisationId, x])),
    fixed: cell.fixed === true,
  });
  const addRow = (cell: DisclosureCell): void => {
    partitions.set(cell.partition, [...(partitions.get(cell.partition) ?? []), rowOf(cell)]);
  };
  for (const cell of cells) {
    if (out.has(cell.key)) throw new Error(`cell ${cell.key} given twice`);
    const before = suppressed.get(cell.key);
    const hidden = cell.members.filter((x) => !known.has(x.organisationId));
    const reason: SuppressionReason | null =
      before ?? (new Set(hidden.map((x) => x.organisationId)).size < k ? 'fewer_than_k' : isDominated(hidden) ? 'dominated' : null);
    out.set(cell.key, reason);
    // a fixed cell stays a row whatever it shows now: its figures may be out already
    if (reason === null || cell.fixed) addRow(cell);
  }
  for (const rows of partitions.values()) {
    // smallest first, then by key, so that the answer never depends on the order of the input
    rows.sort((x, y) => x.ids.size - y.ids.size || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    const skip = new Set<string>();
    for (;;) {
      const leak = findLeak(rows, known, k, skip);
      if (!leak) break;
      const victim = victimOf(rows, known, leak);
      if (victim === null) {
        skip.add(leak.label);
        continue;
      }
      const [gone] = rows.splice(victim, 1);
      if (gone) out.set(gone.key, 'differencing');
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
