import { FixedCells, discloseCells, isPrimary, type ContributionBounds, type DisclosureCell, type DisclosureMember, type SuppressionReason } from './disclosure';

/**
 * Who sees which peer groups outside staff: the whole consortium, NAICS, size band and region
 * are public (members and funders); a supply base only to its customer, as aggregates; a
 * custom group is staff's own analysis and never leaves staff.
 */
export const PUBLIC_GROUP_KINDS = ['consortium', 'naics', 'size_band', 'region'] as const;

export function isPublicGroupKind(kind: string): boolean {
  return (PUBLIC_GROUP_KINDS as readonly string[]).includes(kind);
}

/** A stored cell of one period as the public decision needs it. */
export interface PeriodCell {
  key: string;
  /** one metric: cells of different metrics cannot be combined */
  partition: string;
  kind: string;
  /** the members it has now, with what each adds to its totals */
  members: readonly DisclosureMember[];
  /** the range of each contribution (the metric's) */
  bounds?: readonly ContributionBounds[];
  /** shown outside staff before: readers may hold its figures */
  released: boolean;
  /** its members when released; empty when not released */
  releasedMembers: readonly string[];
}

function sameMembers(members: readonly DisclosureMember[], ids: readonly string[]): boolean {
  if (members.length !== ids.length) return false;
  const set = new Set(ids);
  return members.every((m) => set.has(m.organisationId));
}

/**
 * The cell as readers know it. A released cell keeps the population it was released with: its
 * figures are out, so it takes part in every later check with those members; a run that finds
 * other members in it (a firm joined or left the group, or its value left the gate) would let
 * a reader subtract the two releases, so it is suppressed from then on ("would disclose by
 * difference").
 */
export function asReleased(c: PeriodCell): { cell: DisclosureCell; before: SuppressionReason | null } {
  const { key, partition, bounds } = c;
  if (!c.released) return { cell: { key, partition, bounds, members: c.members }, before: null };
  if (sameMembers(c.members, c.releasedMembers)) return { cell: { key, partition, bounds, members: c.members, fixed: true }, before: null };
  const now = new Map(c.members.map((m) => [m.organisationId, m]));
  const members = c.releasedMembers.map((id) => now.get(id) ?? { organisationId: id, contributions: [] });
  return { cell: { key, partition, bounds, members, fixed: true }, before: 'differencing' };
}

/** A cell's decision from a map of them (null = shown; a cell missing from it is not shown). */
function decisionOf(decisions: ReadonlyMap<string, SuppressionReason | null>, key: string): SuppressionReason | null {
  const d = decisions.get(key);
  return d === undefined ? 'fewer_than_k' : d;
}

/**
 * How each supply base is decided against its partition's public cells. `split` (what runs):
 * the public cells' atoms are built once per metric and each supply base splits the atoms its
 * members are in (FixedCells). `rebuild`: the whole system built again per supply base, as
 * `discloseCells` does; the same decisions, kept as the reference the property tests hold
 * `split` to. At 30 000 firms the difference is minutes against seconds.
 */
export type SupplyBasePass = 'split' | 'rebuild';

/**
 * Names the rules decidePeriod applies: part of the fingerprint a recompute compares before
 * it reuses stored decisions, so a change to these rules (here or in disclosure.ts) must
 * change this string, or periods whose inputs did not change keep the old decisions.
 */
export const DISCLOSURE_RULES_REVISION = 'members-alike-2026-12-07';

/**
 * The public decision of every cell of a period (a reader who knows no member's value):
 *  - the public groups together, one partition per metric, with released cells fixed;
 *  - each supply base against the public cells as decided (shown or released, all fixed):
 *    its customer reads both, so the supply base is the one suppressed when they combine;
 *  - a custom group on its own (rules 1 and 3): staff read it, with the reason marked.
 */
export function decidePeriod(cells: readonly PeriodCell[], k: number, pass: SupplyBasePass = 'split'): Map<string, SuppressionReason | null> {
  const prepared = cells.map((c) => ({ c, ...asReleased(c) }));
  const before = (list: typeof prepared): Map<string, SuppressionReason> =>
    new Map(list.filter((p) => p.before !== null).map((p) => [p.c.key, p.before as SuppressionReason]));
  const publicCells = prepared.filter((p) => isPublicGroupKind(p.c.kind));
  const out = discloseCells(
    publicCells.map((p) => p.cell),
    k,
    new Set(),
    before(publicCells),
  );
  const decided = publicCells.filter((p) => out.get(p.c.key) === null || p.c.released).map((p) => ({ ...p.cell, fixed: true }));
  const byPartition = new Map<string, DisclosureCell[]>();
  for (const cell of decided) byPartition.set(cell.partition, [...(byPartition.get(cell.partition) ?? []), cell]);
  // public cells withheld by rule 1 or 3: a supply base must not make them come back by combination either
  const withheld = publicCells.filter((p) => !p.c.released && isPrimary(out.get(p.c.key)));
  const withheldBy = new Map<string, typeof withheld>();
  for (const p of withheld) withheldBy.set(p.c.partition, [...(withheldBy.get(p.c.partition) ?? []), p]);
  const fixed = new Map<string, FixedCells>();
  const fixedOf = (partition: string): FixedCells => {
    let f = fixed.get(partition);
    if (!f) {
      f = new FixedCells(byPartition.get(partition) ?? [], (withheldBy.get(partition) ?? []).map((p) => p.cell));
      fixed.set(partition, f);
    }
    return f;
  };
  for (const p of prepared) {
    if (p.c.kind === 'supply_base') {
      if (pass === 'split') out.set(p.c.key, fixedOf(p.c.partition).decide(p.cell, k, p.before));
      else {
        const others = withheldBy.get(p.c.partition) ?? [];
        const own = discloseCells(
          [...(byPartition.get(p.c.partition) ?? []), ...others.map((o) => o.cell), p.cell],
          k,
          new Set(),
          new Map([...before([p]), ...others.map((o): [string, SuppressionReason] => [o.c.key, out.get(o.c.key) as SuppressionReason])]),
        );
        out.set(p.c.key, decisionOf(own, p.c.key));
      }
    } else if (!isPublicGroupKind(p.c.kind)) {
      out.set(p.c.key, decisionOf(discloseCells([{ ...p.cell, partition: p.c.key }], k), p.c.key));
    }
  }
  return out;
}
