import { Injectable } from '@nestjs/common';
import { discloseCells, disclosureCellsOf, type CellMemberRow, type DisclosureCell, type SuppressionReason } from '@tandem/domain';
import { PrismaService, RequestContext, type Principal } from '@tandem/server';
import { SharingSettingsService } from '../sharing-settings/sharing-settings.service';

export interface StoredCell {
  id: string;
  periodId: string;
  metricId: string;
  suppression: SuppressionReason | null;
}

export interface ViewerDecisions {
  /** staff and the platform admin read every figure, with the public decision marked */
  staff: boolean;
  k: number;
  /** per cell: null = shown to this viewer, else why not */
  reasons: Map<string, SuppressionReason | null>;
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
    if (isStaffViewer(p)) return { staff: true, k, reasons: stored };
    if (cells.length === 0 || !p.consortiumId) return { staff: false, k, reasons: new Map(cells.map((c) => [c.id, c.suppression ?? 'fewer_than_k'])) };

    // every cell of the same metric and period the viewer can name (released ones only, by
    // scope): any combination of them can be taken
    const partitions = [...new Map(cells.map((c) => [`${c.periodId}:${c.metricId}`, { periodId: c.periodId, metricId: c.metricId }])).values()];
    const siblings = await this.prisma.scoped.benchmarkCell.findMany({
      where: { OR: partitions },
      select: { id: true, periodId: true, metricId: true, suppression: true, releasedAt: true, releasedMembers: true, metric: { select: { category: true } } },
    });
    const ids = siblings.map((s) => s.id);
    // raw SQL bypasses scoping: the consortium comes from the principal, and nothing read here is returned
    const { rows } = await this.prisma.pool.query<CellMemberRow>(
      `SELECT s."cellId", s."periodId"::text || ':' || s."metricId"::text AS partition, s."organisationId",
              s.value::float8 AS value, s.numerator::float8 AS numerator, s.denominator::float8 AS denominator, d."isRatio" AS "isRatio"
         FROM "BenchmarkStanding" s JOIN "MetricDefinition" d ON d.id = s."metricId"
        WHERE s."consortiumId" = $1::uuid AND s."cellId" = ANY ($2::uuid[])`,
      [p.consortiumId, ids],
    );
    const contributions = new Map(disclosureCellsOf(rows).map((c) => [c.key, new Map(c.members.map((m) => [m.organisationId, m]))]));
    const knownOf = await this.knownMembers(p, p.consortiumId);
    const reasons = new Map<string, SuppressionReason | null>();
    for (const { periodId, metricId } of partitions) {
      const all = siblings.filter((s) => s.periodId === periodId && s.metricId === metricId);
      // never released (withheld from everyone since the publication): no figure of it is out
      for (const s of all) if (!s.releasedAt) reasons.set(s.id, s.suppression ?? 'fewer_than_k');
      const mine = all.filter((s) => s.releasedAt);
      // as released: the population readers were shown, fixed where the public decision now withholds it
      const disclosure: DisclosureCell[] = mine.map((s) => {
        const now = contributions.get(s.id);
        return {
          key: s.id,
          partition: `${periodId}:${metricId}`,
          members: s.releasedMembers.map((id) => now?.get(id) ?? { organisationId: id, contributions: [] }),
          fixed: s.suppression !== null,
        };
      });
      const before = new Map(mine.filter((s) => s.suppression !== null).map((s) => [s.id, s.suppression as SuppressionReason]));
      const decided = discloseCells(disclosure, k, knownOf(all[0]?.metric.category ?? null), before);
      for (const [id, reason] of decided) reasons.set(id, reason);
    }
    // a cell the viewer cannot name among its siblings (none should exist) is not shown
    return { staff: false, k, reasons: new Map(cells.map((c) => [c.id, reasons.has(c.id) ? (reasons.get(c.id) ?? null) : (c.suppression ?? 'fewer_than_k')])) };
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
