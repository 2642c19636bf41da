import { Injectable } from '@nestjs/common';
import type { BenchmarkReportAudience, BenchmarkReportCell, BenchmarkReportGroup, BenchmarkReportMetric, BenchmarkReportSnapshot, PeerGroupKind } from '@tandem/contracts';
import type { Prisma } from '@tandem/db';
import { suppressionMessage } from '@tandem/domain';
import { BenchmarkDisclosure, viewedFigures, memberViewer, mergeWhere, PrismaService, REPORT_TREND_PERIODS, scopeWhere, type DisclosureCache, type Principal, type ViewerDecisions } from '@tandem/server';

type Where = Record<string, unknown>;

const num = (d: Prisma.Decimal | null): number | null => (d === null ? null : d.toNumber());

const KIND_ORDER: PeerGroupKind[] = ['consortium', 'naics', 'size_band', 'region', 'supply_base', 'custom'];

const CELL_SELECT = {
  id: true,
  periodId: true,
  metricId: true,
  suppression: true,
  computedAt: true,
  releasedAt: true,
  createdAt: true,
  n: true,
  p10: true,
  p25: true,
  median: true,
  p75: true,
  p90: true,
  mean: true,
  pooled: true,
  peerGroup: { select: { id: true, name: true, kind: true } },
} as const;
type CellRow = Prisma.BenchmarkCellGetPayload<{ select: typeof CELL_SELECT }>;

/** A row the viewer may read, found with the same scope rules as the API's (libs/server scope.ts). */
function scoped(model: 'BenchmarkCell' | 'BenchmarkStanding', viewer: Principal, where: Where): Where {
  const scope = scopeWhere(model, viewer);
  return scope ? mergeWhere(where, scope) : where;
}

/** What the API's benchmark-cells shows this viewer of one cell: figures, or the reason alone. */
function printedCell(c: CellRow, d: ViewerDecisions): BenchmarkReportCell {
  const viewed = viewedFigures(c, d);
  if (!viewed.shown) return { shown: false, reason: suppressionMessage(viewed.reason, d.k), reasonCode: viewed.reason };
  const { n, p10, p25, median, p75, p90, mean, pooled } = viewed;
  return { shown: true, n, p10, p25, median, p75, p90, mean, pooled };
}

/**
 * What a member's report prints, read as that member reads the benchmarks through the API:
 * the same scope rules and the same viewer-aware disclosure decision, with the member as the
 * viewer (`memberViewer`), whoever asked for the report. A firm: its positions in every
 * group it belongs to that it can name, its own value always, rank and quartile only where
 * the group is shown. A customer: the whole consortium and its supply base, aggregates only.
 */
@Injectable()
export class BenchmarkReportSnapshots {
  constructor(
    private readonly prisma: PrismaService,
    private readonly disclosure: BenchmarkDisclosure,
  ) {}

  async build(
    target: { consortiumId: string; organisationId: string; periodId: string; audience: BenchmarkReportAudience; inputRevision: string | null },
    cache?: DisclosureCache,
  ): Promise<BenchmarkReportSnapshot> {
    const db = this.prisma.system;
    const { consortiumId, organisationId, periodId, audience } = target;
    const viewer = memberViewer(consortiumId, organisationId, audience);
    const [consortium, organisation, period] = await Promise.all([
      db.consortium.findUniqueOrThrow({ where: { id: consortiumId }, select: { id: true, name: true } }),
      db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { id: true, code: true, name: true } }),
      db.period.findFirstOrThrow({ where: { id: periodId, consortiumId }, select: { id: true, code: true, startsOn: true, endsOn: true } }),
    ]);
    // the trend: published periods up to this one (the same ones the report's revision covers)
    const trendPeriods = (
      await db.period.findMany({
        where: { consortiumId, state: 'published', startsOn: { lte: period.startsOn } },
        orderBy: { startsOn: 'desc' },
        take: REPORT_TREND_PERIODS,
        select: { id: true, code: true },
      })
    ).reverse();
    const trendIds = trendPeriods.map((p) => p.id);
    const metrics = await db.metricDefinition.findMany({
      where: { consortiumId, enabled: true },
      orderBy: { code: 'asc' },
      select: { id: true, code: true, name: true, unit: true, direction: true },
    });

    // the member's own positions (a customer's buyers read none: the API gives them no standings)
    const standings =
      audience === 'firm'
        ? await db.benchmarkStanding.findMany({
            where: scoped('BenchmarkStanding', viewer, { periodId: { in: trendIds } }),
            select: { value: true, releasedPercentileRank: true, releasedQuartile: true, changeSincePrevious: true, periodId: true, metricId: true, cell: { select: CELL_SELECT } },
          })
        : [];
    // the groups of the report: a firm's own groups; a customer's whole consortium and supply base
    const current: CellRow[] =
      audience === 'firm'
        ? standings.filter((s) => s.periodId === periodId).map((s) => s.cell)
        : await db.benchmarkCell.findMany({ where: scoped('BenchmarkCell', viewer, { periodId, peerGroup: { kind: { in: ['consortium', 'supply_base'] } } }), select: CELL_SELECT });
    // the whole consortium's cell of every period of the trend, as far as the member can name it
    const wholes = await db.benchmarkCell.findMany({ where: scoped('BenchmarkCell', viewer, { periodId: { in: trendIds }, peerGroup: { kind: 'consortium' } }), select: CELL_SELECT });

    const cells = [...new Map([...current, ...wholes].map((c) => [c.id, c])).values()];
    const decisions = await this.disclosure.decide(cells, viewer, cache);
    const ownOf = new Map(standings.map((s) => [s.cell.id, s]));

    const out: BenchmarkReportMetric[] = [];
    for (const m of metrics) {
      const groups: BenchmarkReportGroup[] = current
        .filter((c) => c.metricId === m.id)
        .sort((a, b) => KIND_ORDER.indexOf(a.peerGroup.kind) - KIND_ORDER.indexOf(b.peerGroup.kind) || a.peerGroup.name.localeCompare(b.peerGroup.name))
        .map((c) => {
          const cell = printedCell(c, decisions);
          const s = ownOf.get(c.id);
          return {
            peerGroupId: c.peerGroup.id,
            name: c.peerGroup.name,
            kind: c.peerGroup.kind,
            cell,
            // the member's own value always (self-view); a rank describes the peers: only where shown
            own: s
              ? {
                  value: s.value.toNumber(),
                  // as released with the cell, as the member reads it through the API
                  percentileRank: cell.shown ? num(s.releasedPercentileRank) : null,
                  quartile: cell.shown ? s.releasedQuartile : null,
                  changeSincePrevious: num(s.changeSincePrevious),
                }
              : null,
          };
        });
      if (groups.length === 0) continue;
      const trend = trendPeriods.map((p) => {
        const whole = wholes.find((c) => c.periodId === p.id && c.metricId === m.id);
        const printed = whole ? printedCell(whole, decisions) : null;
        const own = whole ? ownOf.get(whole.id) : undefined;
        return {
          periodId: p.id,
          code: p.code,
          own: own ? own.value.toNumber() : null,
          median: printed?.shown ? printed.median : null,
          reason: printed && !printed.shown ? printed.reason : printed ? null : 'no statistics for this period',
        };
      });
      out.push({ id: m.id, code: m.code, name: m.name, unit: m.unit || null, direction: m.direction, groups, trend });
    }
    // as the member reads them: released then (a later computation is staff's)
    const computedAt = cells.reduce<Date | null>((latest, c) => {
      const at = c.releasedAt ?? c.createdAt;
      return latest === null || at > latest ? at : latest;
    }, null);
    return {
      version: 1,
      audience,
      consortium,
      organisation,
      period: { id: period.id, code: period.code, startsOn: period.startsOn.toISOString().slice(0, 10), endsOn: period.endsOn.toISOString().slice(0, 10) },
      threshold: decisions.k,
      inputRevision: target.inputRevision,
      computedAt: computedAt ? computedAt.toISOString() : null,
      metrics: out,
    };
  }
}
