import { Injectable, Logger } from '@nestjs/common';
import type { JobPayloads } from '@tandem/contracts';
import { AuditService, JobProducer, PrismaService, SYSTEM_ACTOR, debounced } from '@tandem/server';
import { deriveTrainingMetricsIn } from './derive-training-metrics';

/** Debounce window of the benchmark recompute a derivation asks for in a closed period (as validations in the API). */
const BENCHMARK_DEBOUNCE_MS = 10_000;

/**
 * 'training-figures.derive': the derived training metrics of one consortium (one period, or
 * every period) computed from its training records and written as validated values, each
 * new value or revision audited with the platform as its actor, in one transaction. When a
 * value of a period no longer open changed, that period's benchmarks are recomputed
 * (debounced, like validations in a closed period).
 */
@Injectable()
export class DeriveTrainingMetricsJob {
  private readonly logger = new Logger(DeriveTrainingMetricsJob.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly jobs: JobProducer,
  ) {}

  async run(data: JobPayloads['training-figures.derive'], today: Date = new Date()): Promise<{ computed: number; changed: number }> {
    const result = await this.prisma.system.$transaction(
      async (tx) => {
        const out = await deriveTrainingMetricsIn(tx, data.consortiumId, data.periodId, today);
        await this.audit.recordMany(
          tx,
          out.changes.map((c) => ({
            action: 'metric-value.derived',
            entityType: 'MetricValue',
            entityId: c.metricValueId,
            before: c.before,
            after: { code: c.code, periodId: c.periodId, ...c.after, source: 'derived', status: 'validated' },
            consortiumId: data.consortiumId,
            organisationId: c.organisationId,
            actor: SYSTEM_ACTOR,
          })),
        );
        return out;
      },
      { maxWait: 30_000, timeout: 5 * 60_000 },
    );
    for (const periodId of result.closedPeriods) {
      await this.jobs.enqueue(
        'benchmarks.recompute',
        { consortiumId: data.consortiumId, periodId, reason: 'values_validated' },
        debounced(`benchmarks-recompute-${periodId}-values_validated`, BENCHMARK_DEBOUNCE_MS),
      );
    }
    this.logger.log(`training-figures.derive ${data.consortiumId}/${data.periodId ?? 'all'}: ${result.computed} computed, ${result.changes.length} written`);
    return { computed: result.computed, changed: result.changes.length };
  }
}
