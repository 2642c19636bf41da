import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobPayloads } from '@tandem/contracts';
import { APP_CONFIG, AuditService, PrismaService, SYSTEM_ACTOR, type AppConfig } from '@tandem/server';
import { recomputePeriod, type PeriodRecompute } from './recompute-period';

export type RecomputeBenchmarksResult = Omit<PeriodRecompute, 'inputRevision' | 'inputFingerprint' | 'resultFingerprint'>;

/** Long enough for a consortium of tens of thousands of firms. */
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

/**
 * 'benchmarks.recompute': every metric × peer group of one consortium and period, in SQL, in
 * one transaction (so a worker killed mid-run leaves the previous results whole and the retry
 * completes the run once), then the public disclosure decision of each cell (libs/domain,
 * rules 1–4), stored with the cell. Runs of one consortium and period are serialised by an
 * advisory lock. Idempotent: cells and standings have ids derived from their key and are only
 * written when a figure changed; and when everything the run reads and the stored results
 * are as the last completed run recorded them, nothing is recomputed (the run is recorded
 * as completed, with `reusedResults`). Progress goes to the run row (outside the transaction, so
 * staff see it move) and to BullMQ (the background-jobs row).
 */
@Injectable()
export class RecomputeBenchmarksJob {
  private readonly logger = new Logger(RecomputeBenchmarksJob.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(
    data: JobPayloads['benchmarks.recompute'],
    queueJobId: string,
    progress: (percent: number) => Promise<void> = async () => undefined,
  ): Promise<RecomputeBenchmarksResult | 'skipped'> {
    const db = this.prisma.system;
    const period = await db.period.findFirst({
      where: { id: data.periodId, consortiumId: data.consortiumId },
      select: { id: true, code: true, state: true, consortium: { select: { disclosureThreshold: true } } },
    });
    if (!period) {
      this.logger.warn(`benchmarks.recompute: period ${data.periodId} is not a period of consortium ${data.consortiumId}; nothing to do`);
      return 'skipped';
    }
    const k = period.consortium.disclosureThreshold;
    const run = await db.benchmarkRun.upsert({
      where: { queueJobId },
      create: { queueJobId, consortiumId: data.consortiumId, periodId: data.periodId, reason: data.reason, state: 'running', threshold: k },
      update: { state: 'running', progress: 0, error: null, threshold: k },
      select: { id: true },
    });
    const step = async (percent: number): Promise<void> => {
      await db.benchmarkRun.update({ where: { id: run.id }, data: { progress: percent } });
      await progress(percent);
    };
    try {
      const computedAt = new Date();
      const result = await db.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, `benchmarks.recompute:${data.consortiumId}:${data.periodId}`);
          // the newest completed run (under the lock: none completes meanwhile); its results are what is stored
          const last = await tx.benchmarkRun.findFirst({
            where: { consortiumId: data.consortiumId, periodId: data.periodId, state: 'completed' },
            orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
            select: { inputRevision: true, inputFingerprint: true, resultFingerprint: true, computedAt: true },
          });
          const { inputRevision: revision, inputFingerprint, resultFingerprint, ...counts } = await recomputePeriod(
            tx,
            { consortiumId: data.consortiumId, periodId: data.periodId, k, computedAt, workMemMb: this.config.BENCHMARK_WORK_MEM_MB },
            step,
            last,
          );
          await tx.benchmarkRun.update({
            where: { id: run.id },
            data: {
              state: 'completed',
              progress: 100,
              inputRevision: revision,
              cells: counts.cells,
              // kept results keep the time they were computed
              computedAt: counts.reused ? (last?.computedAt ?? computedAt) : computedAt,
              inputFingerprint,
              resultFingerprint,
              reusedResults: counts.reused,
              error: null,
            },
          });
          if (counts.changed > 0) {
            await this.audit.record(tx, { action: 'benchmarks.recomputed', entityType: 'Period', entityId: data.periodId, after: { ...counts, inputRevision: revision }, consortiumId: data.consortiumId, actor: SYSTEM_ACTOR });
          }
          return counts;
        },
        { maxWait: 30_000, timeout: TRANSACTION_TIMEOUT_MS },
      );
      await progress(100);
      this.logger.log(
        result.reused
          ? `benchmarks ${period.code}: inputs and stored results as the last run left them; ${result.cells} cells kept, nothing recomputed`
          : `benchmarks ${period.code}: ${result.cells} cells (${result.suppressed} suppressed), ${result.standings} standings, ${result.changed} rows changed`,
      );
      return result;
    } catch (error) {
      // The message staff read: no SQL, no figures.
      await db.benchmarkRun.update({ where: { id: run.id }, data: { state: 'failed', error: 'the recompute failed; it is retried automatically' } }).catch(() => undefined);
      throw error;
    }
  }
}
