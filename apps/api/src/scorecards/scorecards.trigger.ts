import { Injectable } from '@nestjs/common';
import { JobProducer, debounced } from '@tandem/server';

/**
 * Enqueues 'scorecards.recompute'. Exported for the metric-values module: call
 * `valuesValidated(consortiumId, periodId)` after a validation has COMMITTED; validations are
 * debounced per consortium and period in windows of DEBOUNCE_MS (libs/server `debounced`).
 */
@Injectable()
export class ScorecardsTrigger {
  static readonly DEBOUNCE_MS = 5_000;

  constructor(private readonly jobs: JobProducer) {}

  async valuesValidated(consortiumId: string, periodId: string, now = Date.now()): Promise<string> {
    const { jobId, delay } = debounced(`scorecards-recompute-${consortiumId}-${periodId}`, ScorecardsTrigger.DEBOUNCE_MS, now);
    await this.jobs.enqueue('scorecards.recompute', { consortiumId, periodId }, { jobId, delay });
    return jobId;
  }

  /**
   * The period closed: its provisional scorecards become final (or stay incomplete) now. One
   * job per close — `closeNumber` is the period's reopen count, so a close after a reopening
   * is a new job and a retried enqueue of the same close is not.
   */
  async periodClosed(consortiumId: string, periodId: string, closeNumber: number): Promise<string> {
    const jobId = ScorecardsTrigger.closeJobId(periodId, closeNumber);
    await this.jobs.enqueue('scorecards.recompute', { consortiumId, periodId }, { jobId });
    return jobId;
  }

  static closeJobId(periodId: string, closeNumber: number): string {
    return `scorecards-recompute-${periodId}-closed-r${closeNumber}`;
  }

  /** Staff asked for it: no delay; a double submit within the same second is one job. */
  async recomputeNow(consortiumId: string, periodId: string, now = Date.now()): Promise<string> {
    const jobId = `scorecards-recompute-${consortiumId}-${periodId}-s${Math.floor(now / 1000)}`;
    await this.jobs.enqueue('scorecards.recompute', { consortiumId, periodId }, { jobId });
    return jobId;
  }
}
