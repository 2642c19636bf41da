import { Injectable } from '@nestjs/common';
import { QUANTILES, discloseCells, type CellStatistics, withheldQuantiles, type DisclosureCell, type QuantileName, type SuppressionReason } from '@tandem/domain';
import { PrismaService, RequestContext, type Principal } from '@tandem/server';
import { SharingSettingsService } from '../sharing-settings/sharing-settings.service';

export interface StoredCell {
  id: string;
  periodId: string;
  metricId: string;
  suppression: SuppressionReason | null;
}

/** What was released of a cell (`releasedFigures`): what readers outside staff read. */
export interface ReleasedFigures extends CellStatistics {
  pooled: number | null;
  members: { organisationId: string; value: number; numerator: number | null; denominator: number | null }[];
}

export interface ViewerDecisions {
  /** staff and the platform admin read every figure, with the public decision marked */
  staff: boolean;
  k: number;
  /** per cell: null = shown to this viewer, else why not */
  reasons: Map<string, SuppressionReason | null>;
  /** per cell shown outside staff: the figures as released */
  released: Map<string, ReleasedFigures>;
  /** per cell shown outside staff: quantiles left out for this viewer */
  withheld: Map<string, Set<QuantileName>>;
}

function releasedOf(json: unknown): ReleasedFigures | null {
  return json && typeof json === 'object' && Array.isArray((json as ReleasedFigures).members) ? (json as ReleasedFigures) : null;
}

export function isStaffViewer(p: Principal): boolean {
  return p.role === 'consortium_staff' || p.role === 'platform_admin';
}

/**
 * Disclosure control per viewer (benchmarks.md rules 1–4 and 7), applied before any figure
 * of a cell leaves: the public decision the worker stored stands for everyone, and on top of
 * it the viewer-aware rule over every cell the viewer can name of the same metric and
 * period, with what this viewer already sees of members' own values — a firm its own, a
 * customer buyer its suppliers' (today it reads every submitted figure of theirs). The
 * members of a cell are read here and never leave.
 */
@Injectable()
export class BenchmarkDisclosure {
  constructor(
    private readonly prisma: PrismaService,
    private readonly context: RequestContext,
    private readonly sharing: SharingSettingsService,
  ) {}

  async decide(cells: readonly StoredCell[]): Promise<ViewerDecisions> {
    const p = this.context.requirePrincipal();
    const stored = new Map(cells.map((c) => [c.id, c.suppression]));
    const consortium = p.consortiumId
      ? await this.prisma.system.consortium.findUnique({ where: { id: p.consortiumId }, select: { disclosureThreshold: true } })
      : null;
    const k = consortium?.disclosureThreshold ?? 5;
    if (isStaffViewer(p)) return { staff: true, k, reasons: stored, released: new Map(), withheld: new Map() };
    if (cells.length === 0 || !p.consortiumId) return { staff: false, k, reasons: new Map(cells.map((c) => [c.id, c.suppression ?? 'fewer_than_k'])), released: new Map(), withheld: new Map() };

    // every cell of the same metric and period the viewer can name (released ones only, by
    // scope): any combination of them can be taken
    const partitions = [...new Map(cells.map((c) => [`${c.periodId}:${c.metricId}`, { periodId: c.periodId, metricId: c.metricId }])).values()];
    const siblings = await this.prisma.scoped.benchmarkCell.findMany({
      where: { OR: partitions },
      select: { id: true, periodId: true, metricId: true, suppression: true, releasedAt: true, releasedMembers: true, releasedFigures: true, metric: { select: { category: true, isRatio: true } } },
    });
    // the members and contributions as released: what any reader could combine
    const released = new Map<string, ReleasedFigures>();
    for (const s of siblings) {
      const figures = s.releasedAt ? releasedOf(s.releasedFigures) : null;
      if (figures) released.set(s.id, figures);
    }
    const knownOf = await this.knownMembers(p, p.consortiumId);
    const reasons = new Map<string, SuppressionReason | null>();
    const withheld = new Map<string, Set<QuantileName>>();
    for (const { periodId, metricId } of partitions) {
      const all = siblings.filter((s) => s.periodId === periodId && s.metricId === metricId);
      // never released (withheld from everyone since the publication): no figure of it is out
      for (const s of all) if (!s.releasedAt) reasons.set(s.id, s.suppression ?? 'fewer_than_k');
      const mine = all.filter((s) => s.releasedAt);
      // as released: the population readers were shown, fixed where the public decision now withholds it
      const disclosure: DisclosureCell[] = mine.map((s) => {
        const figures = new Map((released.get(s.id)?.members ?? []).map((m) => [m.organisationId, m]));
        return {
          key: s.id,
          partition: `${periodId}:${metricId}`,
          members: s.releasedMembers.map((id) => {
            const m = figures.get(id);
            const contributions = !m ? [] : s.metric.isRatio ? [m.value, m.numerator ?? 0, m.denominator ?? 0] : [m.value];
            return { organisationId: id, contributions };
          }),
          fixed: s.suppression !== null,
        };
      });
      const before = new Map(mine.filter((s) => s.suppression !== null).map((s) => [s.id, s.suppression as SuppressionReason]));
      const known = knownOf(all[0]?.metric.category ?? null);
      const decided = discloseCells(disclosure, k, known, before);
      for (const [id, reason] of decided) {
        reasons.set(id, reason);
        const figures = released.get(id);
        if (reason !== null || !figures) continue;
        const present = QUANTILES.map(([q]) => q).filter((q) => figures[q] !== null);
        withheld.set(id, withheldQuantiles(figures.members, present, known));
      }
    }
    // a cell the viewer cannot name among its siblings (none should exist) is not shown
    const final = new Map(cells.map((c): [string, SuppressionReason | null] => {
      const reason = reasons.has(c.id) ? (reasons.get(c.id) ?? null) : (c.suppression ?? 'fewer_than_k');
      // shown only with the figures as released
      return [c.id, reason === null && !released.has(c.id) ? 'differencing' : reason];
    }));
    return { staff: false, k, reasons: final, released, withheld };
  }

  /**
   * Organisations whose own values of a metric the viewer already reads: a firm its own; a
   * customer buyer, besides, its suppliers that share the metric's category with it (rule 8).
   */
  private async knownMembers(p: Principal, consortiumId: string): Promise<(category: string | null) => Set<string>> {
    const self = p.organisationId && p.role !== 'funder' ? [p.organisationId] : [];
    if (p.role !== 'customer_buyer' || !p.organisationId) return () => new Set(self);
    const customerId = p.organisationId;
    const suppliers = await this.prisma.system.supplyRelationship.findMany({ where: { consortiumId, customerId }, select: { supplierId: true } });
    const shared = await this.sharing.sharedWith(customerId, [...new Set(suppliers.map((s) => s.supplierId))]);
    return (category) => {
      const known = new Set(self);
      if (!category) return known;
      for (const [supplierId, categories] of shared) if ((categories as readonly string[]).includes(category)) known.add(supplierId);
      return known;
    };
  }
}
