import { Injectable } from '@nestjs/common';
import type { Prisma } from '@tandem/db';
import { DEFAULT_SHARED_CATEGORIES, type BenchmarkReportAudience, type MetricCategory, type Role } from '@tandem/contracts';
import { QUANTILES, benchmarkMember, benchmarkValueBounds, discloseCells, withheldQuantiles, type CellStatistics, type DisclosureCell, type QuantileName, type SuppressionReason } from '@tandem/domain';
import type { Principal } from '../context/principal';
import { organisationsActedFor, readerRoles } from '../context/reader-roles';
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

const BUYER_ROLES: ReadonlySet<Role> = new Set(['customer_buyer']);

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

/** k where a consortium has none recorded (benchmarks.md: 5) */
const DEFAULT_THRESHOLD = 5;

interface Partition {
  siblings: {
    id: string;
    periodId: string;
    metricId: string;
    suppression: SuppressionReason | null;
    releasedAt: Date | null;
    metric: { isRatio: boolean; minValue: { toNumber(): number } | null; maxValue: { toNumber(): number } | null };
  }[];
  /** the members and contributions as released: what any reader could combine */
  released: Map<string, ReleasedFigures>;
}

/**
 * What one kind of viewer can name does not depend on which member it is, only on its scope
 * (every firm names the same public groups): a batch of reports reads each partition once.
 */
export class DisclosureCache {
  readonly partitions = new Map<string, Promise<Partition>>();
  /** k per consortium, read once per batch */
  readonly thresholds = new Map<string, Promise<number>>();
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
    const k = p.consortiumId ? await this.threshold(p.consortiumId, cache) : DEFAULT_THRESHOLD;
    if (isStaffViewer(p)) return { staff: true, k, reasons: stored, released: new Map(), withheld: new Map() };
    if (cells.length === 0 || !p.consortiumId) return { staff: false, k, reasons: new Map(cells.map((c) => [c.id, c.suppression ?? 'fewer_than_k'])), released: new Map(), withheld: new Map() };

    // every cell of the same metric and period the viewer can name (released ones only, by
    // scope): any combination of them can be taken
    const partitions = [...new Map(cells.map((c) => [`${c.periodId}:${c.metricId}`, { periodId: c.periodId, metricId: c.metricId }])).values()];
    const known = await this.knownMembers(p, p.consortiumId);
    const released = new Map<string, ReleasedFigures>();
    const reasons = new Map<string, SuppressionReason | null>();
    const withheld = new Map<string, Set<QuantileName>>();
    for (const { periodId, metricId } of partitions) {
      const { siblings: all, released: figuresOf } = await this.partition(p, periodId, metricId, cache);
      for (const [id, figures] of figuresOf) released.set(id, figures);
      // never released (withheld from everyone since the publication): no figure of it is out
      for (const s of all) if (!s.releasedAt) reasons.set(s.id, s.suppression ?? 'fewer_than_k');
      const mine = all.filter((s) => s.releasedAt);
      // as released: the population readers were shown (the released figures' members), fixed
      // where the public decision now withholds it
      const disclosure: DisclosureCell[] = mine.map((s) => ({
        key: s.id,
        partition: `${periodId}:${metricId}`,
        members: (released.get(s.id)?.members ?? []).map((m) => benchmarkMember(m.organisationId, s.metric.isRatio, m)),
        bounds: benchmarkValueBounds(s.metric.minValue?.toNumber() ?? null, s.metric.maxValue?.toNumber() ?? null),
        fixed: s.suppression !== null,
      }));
      const before = new Map(mine.filter((s) => s.suppression !== null).map((s) => [s.id, s.suppression as SuppressionReason]));
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

  /** The consortium's k (its disclosure threshold), once per batch when given a cache. */
  private threshold(consortiumId: string, cache?: DisclosureCache): Promise<number> {
    const cached = cache?.thresholds.get(consortiumId);
    if (cached) return cached;
    const loading = this.prisma.system.consortium
      .findUnique({ where: { id: consortiumId }, select: { disclosureThreshold: true } })
      .then((c) => c?.disclosureThreshold ?? DEFAULT_THRESHOLD);
    cache?.thresholds.set(consortiumId, loading);
    return loading;
  }

  /** The cells of one metric and period the viewer can name, with their members' contributions. */
  private partition(p: Principal, periodId: string, metricId: string, cache?: DisclosureCache): Promise<Partition> {
    // what decides the scope of BenchmarkCell: the role's kind and, for a buyer, its supply base
    const scopeKey = `${p.role === 'customer_buyer' ? `buyer:${p.organisationId ?? ''}` : p.role}:${periodId}:${metricId}`;
    const cached = cache?.partitions.get(scopeKey);
    if (cached) return cached;
    const loading = this.loadPartition(p, periodId, metricId);
    cache?.partitions.set(scopeKey, loading);
    return loading;
  }

  private async loadPartition(p: Principal, periodId: string, metricId: string): Promise<Partition> {
    const scope = scopeWhere('BenchmarkCell', p);
    const where = { periodId, metricId };
    const rows = await this.prisma.system.benchmarkCell.findMany({
      where: scope ? mergeWhere(where, scope) : where,
      select: {
        id: true,
        periodId: true,
        metricId: true,
        suppression: true,
        releasedAt: true,
        releasedFigures: true,
        metric: { select: { isRatio: true, minValue: true, maxValue: true } },
      },
    });
    const released = new Map<string, ReleasedFigures>();
    for (const r of rows) {
      const figures = r.releasedAt ? releasedOf(r.releasedFigures) : null;
      if (figures) released.set(r.id, figures);
    }
    return { siblings: rows.map(({ releasedFigures: _figures, ...rest }) => rest), released };
  }

  /**
   * Organisations whose own values of a metric the viewer may know: a firm its own; a customer
   * buyer, besides, every supplier it has or had a relationship with, whatever they share with
   * it now. What a reader has once read it keeps: when a supplier stops sharing a category,
   * treating the buyer as no longer knowing that supplier's values would show it quantiles and
   * groups that, with the values it downloaded before, give other firms' values (an outside
   * attack did exactly that). So the known set never shrinks with a setting; a buyer is
   * withheld a little more than the least it could be.
   */
  private async knownMembers(p: Principal, consortiumId: string): Promise<ReadonlySet<string>> {
    // the person's, over every role it holds in the consortium (readerRoles)
    const roles = await readerRoles(this.prisma, p);
    const self = roles.filter((r) => r.role !== 'funder' && r.organisationId !== null).map((r) => r.organisationId as string);
    const customers = organisationsActedFor(roles, BUYER_ROLES);
    if (customers.size === 0) return new Set(self);
    const suppliers = await this.prisma.system.supplyRelationship.findMany({ where: { consortiumId, customerId: { in: [...customers] } }, select: { supplierId: true } });
    return new Set([...self, ...suppliers.map((s) => s.supplierId)]);
  }
}

/**
 * The categories each supplier shares with a customer (its setting's, else the default of
 * delivery and quality), read at the time of the call: a changed setting holds for the next
 * reader. The one reading of sharing settings (benchmarks.md rule 8) for the API's scorecards
 * and for disclosure control, in requests and in the worker's reports.
 */
export async function sharedWithCustomer(
  prisma: PrismaService,
  consortiumId: string,
  customerId: string,
  supplierIds: readonly string[],
): Promise<Map<string, readonly MetricCategory[]>> {
  const rows = await prisma.system.sharingSetting.findMany({ where: { consortiumId, customerId, supplierId: { in: [...supplierIds] } }, select: { supplierId: true, categories: true } });
  const named = new Map(rows.map((r) => [r.supplierId, r.categories as MetricCategory[]]));
  return new Map(supplierIds.map((s) => [s, named.get(s) ?? DEFAULT_SHARED_CATEGORIES]));
}

/** A stored cell's statistics as the database holds them (staff read these). */
export interface StoredFigures {
  id: string;
  n: number;
  median: Prisma.Decimal | null;
  p25: Prisma.Decimal | null;
  p75: Prisma.Decimal | null;
  p10: Prisma.Decimal | null;
  p90: Prisma.Decimal | null;
  mean: Prisma.Decimal | null;
  pooled: Prisma.Decimal | null;
}

export type ViewedCell =
  | { shown: false; reason: SuppressionReason }
  | ({ shown: true; withheld: QuantileName[]; pooled: number | null } & CellStatistics);

/**
 * What one reader is shown of a cell, the one rule for every output (the API's lists, the
 * worker's reports): staff the current figures; anyone else, where the cell is shown to them,
 * the figures as released less the quantiles withheld from them; otherwise the reason alone.
 */
export function viewedFigures(c: StoredFigures, d: ViewerDecisions): ViewedCell {
  const reason = d.reasons.get(c.id) ?? null;
  const decimal = (x: Prisma.Decimal | null): number | null => (x === null ? null : x.toNumber());
  if (d.staff) {
    return {
      shown: true,
      withheld: [],
      n: c.n,
      median: decimal(c.median),
      p25: decimal(c.p25),
      p75: decimal(c.p75),
      p10: decimal(c.p10),
      p90: decimal(c.p90),
      mean: decimal(c.mean),
      pooled: decimal(c.pooled),
    };
  }
  const figures = d.released.get(c.id);
  if (reason !== null || !figures) return { shown: false, reason: reason ?? 'differencing' };
  const withheld = d.withheld.get(c.id) ?? new Set<QuantileName>();
  const quantile = (q: QuantileName): number | null => (withheld.has(q) ? null : figures[q]);
  return {
    shown: true,
    withheld: [...withheld],
    n: figures.n,
    median: quantile('median'),
    p25: quantile('p25'),
    p75: quantile('p75'),
    p10: quantile('p10'),
    p90: quantile('p90'),
    mean: figures.mean,
    pooled: figures.pooled,
  };
}
