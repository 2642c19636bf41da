import { Injectable } from '@nestjs/common';
import { STANDINGS, type Scorecard, type ScorecardCriterionResult, type ScorecardRecomputeAccepted, type StandingHistoryEntry } from '@tandem/contracts';
import type { Scorecard as ScorecardRow } from '@tandem/db';
import { DomainError, PrismaService } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import { isoDate } from '../common/serialize';
import { ScorecardsTrigger } from './scorecards.trigger';

export const SCORECARD_LIST: ListSpec = {
  sortable: ['score', 'standing', 'computedAt', 'createdAt', 'updatedAt'],
  defaultSort: ['computedAt', 'desc'],
  filters: {
    relationshipId: { type: 'uuid' },
    supplierId: { type: 'uuid' },
    customerId: { type: 'uuid' },
    periodId: { type: 'uuid' },
    templateId: { type: 'uuid' },
    standing: { type: 'enum', values: STANDINGS },
    provisional: { type: 'boolean' },
  },
};

export function toScorecard(s: ScorecardRow): Scorecard {
  return {
    id: s.id,
    consortiumId: s.consortiumId,
    relationshipId: s.relationshipId,
    periodId: s.periodId,
    templateId: s.templateId,
    supplierId: s.supplierId,
    customerId: s.customerId,
    score: s.score.toNumber(),
    standing: s.standing,
    coverage: s.coverage.toNumber(),
    provisional: s.provisional,
    // written only by the recompute statement, in this shape (scorecards.sql.ts)
    details: s.details as unknown as ScorecardCriterionResult[],
    computedAt: s.computedAt.toISOString(),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

@Injectable()
export class ScorecardsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly trigger: ScorecardsTrigger,
  ) {}

  async list(page: ListPage): Promise<{ rows: Scorecard[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.read.scorecard, page);
    return { rows: rows.map(toScorecard), total };
  }

  async get(id: string): Promise<Scorecard> {
    const row = await this.prisma.scoped.scorecard.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Scorecard');
    return toScorecard(row);
  }

  /**
   * A relationship's FINAL scorecards over periods, oldest period first. A provisional one
   * (period open, or a criterion without a value) is no standing yet: it is listed under
   * scorecards with its coverage, never here.
   */
  async standingHistory(relationshipId: string): Promise<StandingHistoryEntry[]> {
    const db = this.prisma.scoped;
    const relationship = await db.supplyRelationship.findFirst({ where: { id: relationshipId }, select: { id: true } });
    if (!relationship) throw DomainError.notFound('Supply relationship');
    const rows = await db.scorecard.findMany({
      where: { relationshipId, provisional: false },
      include: { period: { select: { code: true, startsOn: true } } },
      orderBy: [{ period: { startsOn: 'asc' } }, { period: { endsOn: 'asc' } }, { id: 'asc' }],
    });
    return rows.map((s) => ({
      scorecardId: s.id,
      periodId: s.periodId,
      periodCode: s.period.code,
      periodStartsOn: isoDate(s.period.startsOn) ?? '',
      score: s.score.toNumber(),
      standing: s.standing,
      computedAt: s.computedAt.toISOString(),
    }));
  }

  async recompute(periodId: string): Promise<ScorecardRecomputeAccepted> {
    const period = await this.prisma.scoped.period.findFirst({ where: { id: periodId }, select: { id: true, consortiumId: true } });
    if (!period) throw DomainError.validation([{ path: 'periodId', message: 'no such period' }]);
    const jobId = await this.trigger.recomputeNow(period.consortiumId, period.id);
    return { jobId, consortiumId: period.consortiumId, periodId: period.id };
  }
}
