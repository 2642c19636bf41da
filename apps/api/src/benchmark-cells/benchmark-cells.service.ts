import { Injectable } from '@nestjs/common';
import type { BenchmarkCell } from '@tandem/contracts';
import type { BenchmarkCell as BenchmarkCellRow } from '@tandem/db';
import { suppressionMessage, type SuppressionReason } from '@tandem/domain';
import { BenchmarkDisclosure, DomainError, PrismaService, viewedFigures, type ViewerDecisions } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';

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
  const viewed = viewedFigures(c, d);
  const reason: SuppressionReason | null = d.staff ? (d.reasons.get(c.id) ?? null) : viewed.shown ? null : viewed.reason;
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
  if (!viewed.shown) return { ...base, withheldStatistics: [], n: null, median: null, p25: null, p75: null, p10: null, p90: null, mean: null, pooled: null };
  const { shown: _shown, withheld, ...figures } = viewed;
  return {
    ...base,
    withheldStatistics: withheld,
    ...figures,
    ...(d.staff ? { exclusions: { notValidated: c.excludedNotValidated, unconfirmedOutlier: c.excludedOutlier } } : {}),
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
