import { Injectable } from '@nestjs/common';
import type { BenchmarkStanding } from '@tandem/contracts';
import type { BenchmarkStanding as StandingRow, BenchmarkCell as CellRow } from '@tandem/db';
import { suppressionMessage } from '@tandem/domain';
import { BenchmarkDisclosure, DomainError, PrismaService, type ViewerDecisions } from '@tandem/server';
import type { ListPage, ListSpec } from '../common/list-query';
import { num } from '../common/serialize';

/** No sort on the rank: the order of withheld ranks among shown ones would tell them. */
export const STANDING_LIST: ListSpec = {
  sortable: ['createdAt', 'value'],
  defaultSort: ['createdAt', 'asc'],
  filters: { organisationId: { type: 'uuid' }, periodId: { type: 'uuid' }, metricId: { type: 'uuid' }, peerGroupId: { type: 'uuid' } },
};

type Row = StandingRow & { cell: Pick<CellRow, 'id' | 'periodId' | 'metricId' | 'suppression' | 'releasedAt'> };

function toStanding(s: Row, d: ViewerDecisions): BenchmarkStanding {
  const reason = d.reasons.get(s.cellId) ?? null;
  const hidden = reason !== null && !d.staff;
  return {
    id: s.id,
    organisationId: s.organisationId,
    periodId: s.periodId,
    metricId: s.metricId,
    peerGroupId: s.peerGroupId,
    value: s.value.toNumber(),
    // a rank describes the peers: shown only where their statistics are, and outside staff as released
    percentileRank: hidden ? null : d.staff ? s.percentileRank.toNumber() : num(s.releasedPercentileRank),
    quartile: hidden ? null : d.staff ? s.quartile : s.releasedQuartile,
    changeSincePrevious: num(s.changeSincePrevious),
    changeSinceBaseline: num(s.changeSinceBaseline),
    distanceToGoal: num(s.distanceToGoal),
    suppressed: reason !== null,
    reason: reason ? suppressionMessage(reason, d.k) : null,
    computedAt: (d.staff ? s.computedAt : (s.cell.releasedAt ?? s.createdAt)).toISOString(),
  };
}

const CELL = { select: { id: true, periodId: true, metricId: true, suppression: true, releasedAt: true } } as const;

/** A member's own positions in the stored benchmark cells (staff: every member's). */
@Injectable()
export class StandingsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly disclosure: BenchmarkDisclosure,
  ) {}

  async list(page: ListPage): Promise<{ rows: BenchmarkStanding[]; total: number }> {
    const db = this.prisma.scoped.benchmarkStanding;
    const [rows, total] = await Promise.all([db.findMany({ where: page.where, orderBy: page.orderBy, skip: page.skip, take: page.take, include: { cell: CELL } }), db.count({ where: page.where })]);
    const decisions = await this.disclosure.decide(rows.map((r) => r.cell));
    return { rows: rows.map((r) => toStanding(r, decisions)), total };
  }

  async get(id: string): Promise<BenchmarkStanding> {
    const row = await this.prisma.scoped.benchmarkStanding.findFirst({ where: { id }, include: { cell: CELL } });
    if (!row) throw DomainError.notFound('Standing');
    return toStanding(row, await this.disclosure.decide([row.cell]));
  }
}
