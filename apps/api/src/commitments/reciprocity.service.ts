import { Injectable } from '@nestjs/common';
import type { CommitmentKind, CommitmentState, KeepRate, Reciprocity, ReciprocityCommitment } from '@tandem/contracts';
import { fiscalYearOf, keepRate, type StateCounts } from '@tandem/domain';
import { DomainError, PrismaService, RequestContext } from '@tandem/server';
import type { ReciprocityQueryDto } from './dto/commitment.dto';

/** Relationships shown at most (a consortium has tens to hundreds). */
const MAX_ROWS = 1000;

/**
 * Consortium-wide, per side (the member's organisation kind) for one year: members with
 * commitments, and commitments per state. One aggregate; no firm's row leaves the database.
 */
const KEEP_RATES_SQL = `
SELECT o.kind::text AS side, count(DISTINCT c."organisationId")::int AS members, c.state::text AS state, count(*)::int AS n
FROM "Commitment" c
JOIN "Organisation" o ON o.id = c."organisationId"
WHERE c."consortiumId" = $1::uuid AND c.year = $2::int AND o.kind IN ('supplier', 'customer')
GROUP BY GROUPING SETS ((o.kind, c.state), (o.kind))
`;

interface KeepRateRow {
  side: 'supplier' | 'customer';
  members: number;
  state: CommitmentState | null;
  n: number;
}

@Injectable()
export class ReciprocityService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly context: RequestContext,
  ) {}

  /**
   * For each supply relationship the reader sees (scoped like supply relationships), the
   * supplier's and the customer's commitments of the year side by side. Seeing a relationship
   * is what shows its counterpart's commitments (kind, state, target), nothing more: the
   * achieved figure is the firm's own (training hours per worker and spend as % of payroll are
   * its derived metric values) and only the firm itself and staff read it.
   * Keep rates are consortium-wide aggregates, withheld from everyone but staff when a side
   * has fewer members than the disclosure threshold.
   */
  async get(query: ReciprocityQueryDto): Promise<Reciprocity> {
    const p = this.context.requirePrincipal();
    const consortiumId = p.consortiumId ?? query.consortiumId;
    if (!consortiumId) throw DomainError.validation([{ path: 'consortiumId', message: 'is required' }]);
    const consortium = await this.prisma.read.consortium.findFirst({ where: { id: consortiumId }, select: { fiscalYearStartMonth: true, disclosureThreshold: true } });
    if (!consortium) throw DomainError.notFound('Consortium');
    const year = query.year ?? fiscalYearOf(new Date(), consortium.fiscalYearStartMonth);

    const relationships = await this.prisma.read.supplyRelationship.findMany({
      where: { consortiumId, supplierId: query.supplierId, customerId: query.customerId },
      select: { id: true, supplierId: true, customerId: true, sourcingMode: true, sponsored: true, supplier: { select: { name: true } }, customer: { select: { name: true } } },
      orderBy: [{ customer: { name: 'asc' } }, { supplier: { name: 'asc' } }, { id: 'asc' }],
      take: MAX_ROWS,
    });
    const parties = [...new Set(relationships.flatMap((r) => [r.supplierId, r.customerId]))];
    // the parties of relationships the reader sees, read past the commitments' own scope (a firm reads only its own there)
    const commitments = parties.length
      ? await this.prisma.crossScope('relationship-counterpart', { replica: true }).commitment.findMany({
          where: { consortiumId, year, organisationId: { in: parties } },
          select: { id: true, organisationId: true, kind: true, year: true, state: true, target: true, actual: true },
          orderBy: [{ kind: 'asc' }],
        })
      : [];
    const staff = p.role === 'consortium_staff' || p.role === 'platform_admin';
    const byOrg = new Map<string, ReciprocityCommitment[]>();
    for (const c of commitments) {
      const list = byOrg.get(c.organisationId) ?? [];
      const figure = staff || c.organisationId === p.organisationId ? (c.actual?.toNumber() ?? null) : null;
      list.push({ id: c.id, kind: c.kind as CommitmentKind, year: c.year, state: c.state as CommitmentState, target: c.target.toNumber(), actual: figure });
      byOrg.set(c.organisationId, list);
    }
    const rows = relationships.map((r) => ({
      relationshipId: r.id,
      supplierId: r.supplierId,
      supplierName: r.supplier.name,
      customerId: r.customerId,
      customerName: r.customer.name,
      sourcingMode: r.sourcingMode,
      sponsored: r.sponsored,
      supplierCommitments: byOrg.get(r.supplierId) ?? [],
      customerCommitments: byOrg.get(r.customerId) ?? [],
    }));

    const aggregates = await this.prisma.crossScope('disclosure-aggregates', { replica: true }).$queryRawUnsafe<KeepRateRow[]>(KEEP_RATES_SQL, consortiumId, year);
    const keepRates: KeepRate[] = (['supplier', 'customer'] as const).map((side) => {
      const total = aggregates.find((a) => a.side === side && a.state === null);
      const counts: StateCounts = {};
      for (const a of aggregates) if (a.side === side && a.state !== null) counts[a.state] = a.n;
      const members = total?.members ?? 0;
      const suppressed = !staff && members < consortium.disclosureThreshold;
      return { side, members: suppressed ? 0 : members, commitments: suppressed ? 0 : (total?.n ?? 0), keepRate: suppressed ? null : keepRate(counts), suppressed };
    });
    return { year, rows, keepRates };
  }
}
