import { Injectable } from '@nestjs/common';
import { DEFAULT_SHARED_CATEGORIES, type BenchmarkReportAudience } from '@tandem/contracts';
import { categoryOfMetric, discloseCells, disclosureCellsOf, type CellMemberRow, type DisclosureCell, type SuppressionReason } from '@tandem/domain';
import type { Principal } from '../context/principal';
import { RequestContext } from '../context/request-context';
import { PrismaService } from '../database/prisma.service';
import { mergeWhere } from '../database/scoped-client';
import { scopeWhere } from '../database/scope';

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
 * A member as the viewer of its own benchmarks, without a request (the worker building its
 * report): a customer reads as its buyers do (the public groups, its supply base, what its
 * suppliers share with it), any other member as its firm's people do (the public groups and
 * its own values). Scoping and disclosure take it exactly like a signed-in principal.
 */
export function memberViewer(consortiumId: string, organisationId: string, audience: BenchmarkReportAudience): Principal {
  return {
    kind: 'user',
    userId: null,
    apiKeyId: null,
    roleAssignmentId: null,
    role: audience === 'customer' ? 'customer_buyer' : 'firm_contributor',
    consortiumId,
    organisationId,
  };
}

/** The audience a member's report is written for: its kind decides whose view it gets. */
export function reportAudienceOf(kind: string): BenchmarkReportAudience {
  return kind === 'customer' ? 'customer' : 'firm';
}

interface Partition {
  siblings: { id: string; periodId: string; metricId: string; suppression: SuppressionReason | null; releasedAt: Date | null; releasedMembers: string[]; metric: { code: string } }[];
  contributions: Map<string, Map<string, DisclosureCell['members'][number]>>;
}

/**
 * What one kind of viewer can name does not depend on which member it is, only on its scope
 * (every firm names the same public groups): a batch of reports reads each partition once.
 */
export class DisclosureCache {
  readonly partitions = new Map<string, Promise<Partition>>();
}

/**
 * Disclosure control per viewer (benchmarks.md rules 1–4 and 7), applied before any figure
 * of a cell leaves: the public decision the worker stored stands for everyone, and on top of
 * it the viewer-aware rule over every cell the viewer can name of the same metric and
 * period, with what this viewer already sees of members' own values — a firm its own, a
 * customer buyer its suppliers'. The members of a cell are read here and never leave.
 *
 * The viewer is the request's principal (API), or a member as the viewer of its own report
 * (worker, `memberViewer`): one decision for every output (rule 9).
 */
@Injectable()
export class BenchmarkDisclosure {
  constructor(
    private readonly prisma: PrismaService,
    private readonly context: RequestContext,
  ) {}

  async decide(cells: readonly StoredCell[], viewer: Principal = this.context.requirePrincipal(), cache?: DisclosureCache): Promise<ViewerDecisions> {
    const p = viewer;
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
    const knownOf = await this.knownMembers(p, p.consortiumId);
    const reasons = new Map<string, SuppressionReason | null>();
    for (const { periodId, metricId } of partitions) {
      const { siblings: all, contributions } = await this.partition(p, p.consortiumId, periodId, metricId, cache);
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
      const decided = discloseCells(disclosure, k, knownOf(mine[0]?.metric.code ?? ''), before);
      for (const [id, reason] of decided) reasons.set(id, reason);
    }
    // a cell the viewer cannot name among its siblings (none should exist) is not shown
    return { staff: false, k, reasons: new Map(cells.map((c) => [c.id, reasons.has(c.id) ? (reasons.get(c.id) ?? null) : (c.suppression ?? 'fewer_than_k')])) };
  }

  /** The cells of one metric and period the viewer can name, with their members' contributions. */
  private partition(p: Principal, consortiumId: string, periodId: string, metricId: string, cache?: DisclosureCache): Promise<Partition> {
    // what decides the scope of BenchmarkCell: the role's kind and, for a buyer, its supply base
    const scopeKey = `${p.role === 'customer_buyer' ? `buyer:${p.organisationId ?? ''}` : p.role}:${periodId}:${metricId}`;
    const cached = cache?.partitions.get(scopeKey);
    if (cached) return cached;
    const loading = this.loadPartition(p, consortiumId, periodId, metricId);
    cache?.partitions.set(scopeKey, loading);
    return loading;
  }

  private async loadPartition(p: Principal, consortiumId: string, periodId: string, metricId: string): Promise<Partition> {
    const scope = scopeWhere('BenchmarkCell', p);
    const where = { periodId, metricId };
    const siblings = await this.prisma.system.benchmarkCell.findMany({
      where: scope ? mergeWhere(where, scope) : where,
      select: { id: true, periodId: true, metricId: true, suppression: true, releasedAt: true, releasedMembers: true, metric: { select: { code: true } } },
    });
    // raw SQL bypasses scoping: the consortium comes from the viewer, and nothing read here is returned
    const { rows } = await this.prisma.pool.query<CellMemberRow>(
      `SELECT s."cellId", s."periodId"::text || ':' || s."metricId"::text AS partition, s."organisationId",
              s.value::float8 AS value, s.numerator::float8 AS numerator, s.denominator::float8 AS denominator, d."isRatio" AS "isRatio"
         FROM "BenchmarkStanding" s JOIN "MetricDefinition" d ON d.id = s."metricId"
        WHERE s."consortiumId" = $1::uuid AND s."cellId" = ANY ($2::uuid[])`,
      [consortiumId, siblings.map((s) => s.id)],
    );
    const contributions = new Map(disclosureCellsOf(rows).map((c) => [c.key, new Map(c.members.map((m) => [m.organisationId, m]))]));
    return { siblings, contributions };
  }

  /**
   * Organisations whose own values of a metric the viewer already reads: a firm its own; a
   * customer buyer, besides, its suppliers that share the metric's category with it (rule 8).
   */
  private async knownMembers(p: Principal, consortiumId: string): Promise<(metricCode: string) => Set<string>> {
    const self = p.organisationId && p.role !== 'funder' ? [p.organisationId] : [];
    if (p.role !== 'customer_buyer' || !p.organisationId) return () => new Set(self);
    const customerId = p.organisationId;
    const [suppliers, settings] = await Promise.all([
      this.prisma.system.supplyRelationship.findMany({ where: { consortiumId, customerId }, select: { supplierId: true } }),
      this.prisma.system.sharingSetting.findMany({ where: { consortiumId, customerId }, select: { supplierId: true, categories: true } }),
    ]);
    const chosen = new Map(settings.map((s) => [s.supplierId, new Set<string>(s.categories)]));
    return (metricCode) => {
      const category = categoryOfMetric(metricCode);
      const known = new Set(self);
      if (!category) return known;
      for (const { supplierId } of suppliers) {
        const shares = chosen.get(supplierId) ?? new Set<string>(DEFAULT_SHARED_CATEGORIES);
        if (shares.has(category)) known.add(supplierId);
      }
      return known;
    };
  }
}
