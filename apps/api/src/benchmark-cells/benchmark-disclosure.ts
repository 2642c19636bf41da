import { Injectable } from '@nestjs/common';
import { discloseCells, disclosureCellsOf, type CellMemberRow, type SuppressionReason } from '@tandem/domain';
import { PrismaService, RequestContext, type Principal } from '@tandem/server';

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

    // every cell of the same metric and period the viewer can name: any pair of them can be subtracted
    const partitions = [...new Map(cells.map((c) => [`${c.periodId}:${c.metricId}`, { periodId: c.periodId, metricId: c.metricId }])).values()];
    const siblings = await this.prisma.scoped.benchmarkCell.findMany({
      where: { OR: partitions },
      select: { id: true, periodId: true, metricId: true, suppression: true },
    });
    const known = await this.knownMembers(p, p.consortiumId);
    const ids = siblings.map((s) => s.id);
    // raw SQL bypasses scoping: the consortium comes from the principal, and nothing read here is returned
    const { rows } = await this.prisma.pool.query<CellMemberRow>(
      `SELECT s."cellId", s."periodId"::text || ':' || s."metricId"::text AS partition, s."organisationId",
              s.value::float8 AS value, s.numerator::float8 AS numerator, s.denominator::float8 AS denominator, d."isRatio" AS "isRatio"
         FROM "BenchmarkStanding" s JOIN "MetricDefinition" d ON d.id = s."metricId"
        WHERE s."consortiumId" = $1::uuid AND s."cellId" = ANY ($2::uuid[])`,
      [p.consortiumId, ids],
    );
    const before = new Map<string, SuppressionReason>();
    for (const s of siblings) if (s.suppression) before.set(s.id, s.suppression);
    const decided = discloseCells(disclosureCellsOf(rows), k, known, before);
    // a cell without members read (none should exist) is not shown
    return { staff: false, k, reasons: new Map(cells.map((c) => [c.id, decided.has(c.id) ? (decided.get(c.id) ?? null) : (c.suppression ?? 'fewer_than_k')])) };
  }

  /** Organisations whose own values the viewer already reads. */
  private async knownMembers(p: Principal, consortiumId: string): Promise<Set<string>> {
    const known = new Set<string>();
    if (!p.organisationId) return known;
    if (p.role === 'funder') return known;
    known.add(p.organisationId);
    if (p.role === 'customer_buyer') {
      const suppliers = await this.prisma.system.supplyRelationship.findMany({ where: { consortiumId, customerId: p.organisationId }, select: { supplierId: true } });
      for (const s of suppliers) known.add(s.supplierId);
    }
    return known;
  }
}
