import { Injectable } from '@nestjs/common';
import { STANDINGS, type MetricCategory, type Scorecard, type ScorecardCriterionResult, type ScorecardRecomputeAccepted, type StandingHistoryEntry } from '@tandem/contracts';
import type { Scorecard as ScorecardRow } from '@tandem/db';
import { scorecardForCustomer } from '@tandem/domain';
import { DomainError, PrismaService, RequestContext, type Principal } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import { isoDate } from '../common/serialize';
import { SharingSettingsService } from '../sharing-settings/sharing-settings.service';
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

/**
 * The list as a customer buyer may query it. Its view of a supplier's scorecard may withhold
 * score, standing and provisional (scorecardForCustomer), so sorting or filtering by them
 * must not tell those scorecards apart either: the buyer's list does neither.
 */
const BUYER_SCORECARD_LIST: ListSpec = {
  ...SCORECARD_LIST,
  sortable: SCORECARD_LIST.sortable.filter((f) => f !== 'score' && f !== 'standing'),
  filters: Object.fromEntries(Object.entries(SCORECARD_LIST.filters).filter(([name]) => name !== 'standing' && name !== 'provisional')),
};

export function scorecardList(p: Principal): ListSpec {
  return p.role === 'customer_buyer' ? BUYER_SCORECARD_LIST : SCORECARD_LIST;
}

/** Whether `p` reads the scorecard as the relationship's customer: then it sees what the supplier shares with it. */
function readsAsCustomer(p: Principal, card: { supplierId: string; customerId: string }): boolean {
  if (p.role === 'platform_admin' || p.role === 'consortium_staff' || !p.organisationId) return false;
  return card.customerId === p.organisationId && card.supplierId !== p.organisationId;
}

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
    withheld: null,
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
    private readonly sharing: SharingSettingsService,
    private readonly context: RequestContext,
  ) {}

  /** Sorts and filters of the list for the caller (scorecardList). */
  listSpec(): ListSpec {
    return scorecardList(this.context.requirePrincipal());
  }

  async list(page: ListPage): Promise<{ rows: Scorecard[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.read.scorecard, page);
    return { rows: await this.forReader(rows.map(toScorecard)), total };
  }

  async get(id: string): Promise<Scorecard> {
    const row = await this.prisma.scoped.scorecard.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Scorecard');
    const [card] = await this.forReader([toScorecard(row)]);
    return card as Scorecard;
  }

  /**
   * Scorecards as the caller may read them: the relationship's customer sees only the
   * criteria of categories the supplier shares with it (benchmarks.md rule 8), and no
   * overall figure computed over the others. Settings and categories are read now, so a
   * change holds from the next request on.
   */
  private async forReader(cards: Scorecard[]): Promise<Scorecard[]> {
    const p = this.context.requirePrincipal();
    const outside = cards.filter((c) => readsAsCustomer(p, c));
    if (outside.length === 0 || !p.organisationId) return cards;
    const metricIds = [...new Set(outside.flatMap((c) => c.details.map((d) => d.metricId)))];
    const [shared, metrics] = await Promise.all([
      this.sharing.sharedWith(p.organisationId, [...new Set(outside.map((c) => c.supplierId))]),
      this.prisma.scoped.metricDefinition.findMany({ where: { id: { in: metricIds } }, select: { id: true, category: true } }),
    ]);
    const category = new Map<string, MetricCategory | null>(metrics.map((m) => [m.id, m.category]));
    return cards.map((c) => (readsAsCustomer(p, c) ? scorecardForCustomer(c, (id) => category.get(id) ?? null, shared.get(c.supplierId) ?? []) : c));
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
    // the customer's history leaves out the standings it may not read (forReader withholds them)
    const readable = new Set((await this.forReader(rows.map(toScorecard))).filter((c) => c.withheld === null).map((c) => c.id));
    return rows.filter((s) => readable.has(s.id)).map((s) => ({
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
