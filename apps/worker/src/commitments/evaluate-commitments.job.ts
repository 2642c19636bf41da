import { Injectable, Logger } from '@nestjs/common';
import { BackgroundJobs, OutboxService, PrismaService } from '@tandem/server';
import { evaluateCommitments, type EvaluationResult } from './evaluate-commitments';

/**
 * 'commitments.evaluate' (repeatable, one scheduler id: one run per tick however many
 * workers run): re-evaluates commitments, writes their states, transitions, reviews and the
 * messages of transitions to at_risk and missed in one transaction; delivery is enqueued
 * after commit. Each consortium's staff see the run that changed its commitments.
 */
@Injectable()
export class EvaluateCommitmentsJob {
  private readonly logger = new Logger(EvaluateCommitmentsJob.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly outbox: OutboxService,
    private readonly tracked: BackgroundJobs,
  ) {}

  async run(asOf: Date = new Date(), runId = `commitments:${asOf.toISOString()}`, consortiumId: string | null = null): Promise<Omit<EvaluationResult, 'messageIds'> & { messages: number }> {
    const result = await evaluateCommitments(this.prisma.system, asOf, { consortiumId, writeMessages: (tx, messages) => this.outbox.writeMany(tx, messages) });
    await this.outbox.dispatch(result.messageIds);
    const byConsortium = new Map<string, number>();
    for (const t of result.transitions) byConsortium.set(t.consortiumId, (byConsortium.get(t.consortiumId) ?? 0) + 1);
    for (const [id, n] of byConsortium) {
      await this.tracked
        .recordDone(`${runId}:${id}`, 'commitments.evaluate', id, `${n} commitment${n === 1 ? '' : 's'} changed state`)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'commitment evaluation not recorded as a background job'));
    }
    this.logger.log(`commitments.evaluate: ${result.evaluated} evaluated, ${result.transitions.length} transitions, ${result.reviewsOpened} reviews opened, ${result.messageIds.length} messages`);
    return { evaluated: result.evaluated, transitions: result.transitions, reviewsOpened: result.reviewsOpened, messages: result.messageIds.length };
  }
}
