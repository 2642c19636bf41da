import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BENCHMARK_RUN_STATES, QUEUES, type BenchmarkRun, type BenchmarkRunReason } from '@tandem/contracts';
import type { BenchmarkRun as BenchmarkRunRow } from '@tandem/db';
import { AuditService, BackgroundJobs, DomainError, JobProducer, PrismaService, RequestContext } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import { iso } from '../common/serialize';

export const BENCHMARK_RUN_LIST: ListSpec = {
  sortable: ['createdAt', 'updatedAt', 'state', 'computedAt'],
  defaultSort: ['createdAt', 'desc'],
  filters: { periodId: { type: 'uuid' }, state: { type: 'enum', values: BENCHMARK_RUN_STATES } },
};

export function toBenchmarkRun(r: BenchmarkRunRow): BenchmarkRun {
  return {
    id: r.id,
    consortiumId: r.consortiumId,
    periodId: r.periodId,
    reason: r.reason as BenchmarkRunReason,
    state: r.state,
    progress: r.progress,
    inputRevision: r.inputRevision,
    threshold: r.threshold,
    cells: r.cells,
    reusedResults: r.reusedResults,
    computedAt: iso(r.computedAt),
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Recomputes on demand, and the state and progress of every run (also those a close or a validation started). */
@Injectable()
export class BenchmarkRunsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobProducer,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: BenchmarkRun[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.scoped.benchmarkRun, page);
    return { rows: rows.map(toBenchmarkRun), total };
  }

  async get(id: string): Promise<BenchmarkRun> {
    const row = await this.prisma.scoped.benchmarkRun.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Benchmark run');
    return toBenchmarkRun(row);
  }

  /**
   * A run row first (so its state can be read at once), then the job. The job id names the
   * run, so a retried job continues this run, and each request is its own run: recomputing is
   * idempotent, so a double submit costs time, never a different result.
   */
  async start(periodId: string): Promise<BenchmarkRun> {
    const p = this.context.requirePrincipal();
    const db = this.prisma.scoped;
    const period = await db.period.findFirst({ where: { id: periodId }, select: { id: true, consortiumId: true, state: true } });
    if (!period) throw DomainError.validation([{ path: 'periodId', message: 'no such period' }]);
    if (period.state === 'open') throw DomainError.validation([{ path: 'periodId', message: 'the period is open: benchmarks are computed for closed periods' }]);
    const id = randomUUID();
    const jobId = `benchmarks-recompute-${period.id}-on_demand-${id}`;
    const row = await db.$transaction(async (tx) => {
      const created = await tx.benchmarkRun.create({
        data: { id, consortiumId: period.consortiumId, periodId: period.id, reason: 'on_demand', queueJobId: BackgroundJobs.key(QUEUES.benchmarks, jobId), requestedById: p.userId },
      });
      await this.audit.record(tx, { action: 'benchmarks.recompute_requested', entityType: 'Period', entityId: period.id, after: { runId: id }, consortiumId: period.consortiumId });
      return created;
    });
    await this.jobs.enqueue('benchmarks.recompute', { consortiumId: period.consortiumId, periodId: period.id, reason: 'on_demand' }, { jobId });
    return toBenchmarkRun(row);
  }
}
