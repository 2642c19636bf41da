import { Injectable } from '@nestjs/common';
import type { BenchmarkCell } from '@tandem/contracts';
import type { BenchmarkCell as BenchmarkCellRow } from '@tandem/db';
import { suppressionMessage, type QuantileName, type SuppressionReason } from '@tandem/domain';
import { BenchmarkDisclosure, DomainError, PrismaService, type ViewerDecisions } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import { num } from '../common/serialize';

/**
 * Neither sorts nor filters on a figure: the order of suppressed cells among shown ones, or a
 * filter that matches them, would tell their figures. Nor on when a cell was last computed:
 * that moves when a member's value is revised.
 */
export const BENCHMARK_CELL_LIST: ListSpec = {
  sortable: ['createdAt', 'periodId', 'metricId', 'peerGroupId'],
  defaultSort: ['createdAt', 'asc'],
  filters: { periodId: { type: 'uuid' }, metricId: { type: 'uuid' }, peerGroupId: { type: 'uuid' } },
};

export function toBenchmarkCell(c: BenchmarkCellRow, d: ViewerDecisions): BenchmarkCell {
  const reason: SuppressionReason | null = d.reasons.get(c.id) ?? null;
  const base = {
    id: c.id,
    periodId: c.periodId,
    metricId: c.metricId,
    peerGroupId: c.peerGroupId,
    suppressed: reason !== null,
    reason: reason ? suppressionMessage(reason, d.k) : null,
    reasonCode: reason,
    // outside staff, when it was released: a later computation (a revised value) is not theirs to see
    computedAt: (d.staff ? c.computedAt : (c.releasedAt ?? c.createdAt)).toISOString(),
  };
  if (d.staff) {
    return {
      ...base,
      withheldStatistics: [],
      n: c.n,
      median: num(c.median),
      p25: num(c.p25),
      p75: num(c.p75),
      p10: num(c.p10),
      p90: num(c.p90),
      mean: num(c.mean),
      pooled: num(c.pooled),
      exclusions: { notValidated: c.excludedNotValidated, unconfirmedOutlier: c.excludedOutlier },
    };
  }
  const figures = d.released.get(c.id);
  if (reason !== null || !figures) return { ...base, withheldStatistics: [], n: null, median: null, p25: null, p75: null, p10: null, p90: null, mean: null, pooled: null };
  // outside staff: the figures as released, less the quantiles that would give this reader a firm's value
  const withheld = d.withheld.get(c.id) ?? new Set();
  const quantile = (q: QuantileName): number | null => (withheld.has(q) ? null : figures[q]);
  return {
    ...base,
    withheldStatistics: [...withheld],
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

/** Stored cells only (never computed on request), through disclosure control for the reader. */
@Injectable()
export class BenchmarkCellsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly disclosure: BenchmarkDisclosure,
  ) {}

  async list(page: ListPage): Promise<{ rows: BenchmarkCell[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.scoped.benchmarkCell, page);
    const decisions = await this.disclosure.decide(rows);
    return { rows: rows.map((r) => toBenchmarkCell(r, decisions)), total };
  }

  async get(id: string): Promise<BenchmarkCell> {
    const row = await this.prisma.scoped.benchmarkCell.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Benchmark cell');
    return toBenchmarkCell(row, await this.disclosure.decide([row]));
  }
}
