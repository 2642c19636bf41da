import { Injectable } from '@nestjs/common';
import type { BenchmarkReportPending } from '@tandem/contracts';
import { DomainError, isStaffViewer, JobProducer, PrismaService, RequestContext, reportAudienceOf, reportRevisions } from '@tandem/server';

/** Seconds a client waits before asking again for a report being built. */
export const REPORT_RETRY_AFTER_SECONDS = 2;

export type ReportDownload = { kind: 'pdf'; fileName: string; pdf: Uint8Array } | ({ kind: 'pending' } & BenchmarkReportPending);

/** BullMQ refuses ':' in custom ids; one job per member, period and revision of what the report prints. */
export function reportJobId(organisationId: string, periodId: string, revision: string, retry?: number): string {
  return `benchmark-report-${organisationId}-${periodId}-${revision}${retry ? `-f${retry}` : ''}`;
}

/**
 * A member's benchmark report of a published period: the stored PDF of the current revision,
 * or a job to build it. Who may ask: the member's own people, with the view their role reads
 * the benchmarks with (a customer's buyers its buyer view, another member's firm people the
 * firm view), and staff, who get the member's view, not their own. A report outside the
 * asker's scope is "not found", exactly like one of an organisation that does not exist.
 */
@Injectable()
export class BenchmarkReportsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly context: RequestContext,
    private readonly jobs: JobProducer,
  ) {}

  async download(organisationId: string, periodId: string): Promise<ReportDownload> {
    const p = this.context.requirePrincipal();
    const db = this.prisma.scoped;
    const notFound = (): DomainError => DomainError.notFound('Benchmark report');
    const period = await db.period.findFirst({ where: { id: periodId }, select: { id: true, consortiumId: true, state: true } });
    if (!period) throw notFound();
    // the member, as far as the asker can reach it: its own firm, or any member for staff
    const member = await db.membership.findFirst({ where: { consortiumId: period.consortiumId, organisationId }, select: { organisation: { select: { kind: true } } } });
    if (!member) throw notFound();
    const audience = reportAudienceOf(member.organisation.kind);
    // a report prints one view: its own people read it only with the role that reads that view
    if (!isStaffViewer(p) && (audience === 'customer') !== (p.role === 'customer_buyer')) throw notFound();
    if (period.state !== 'published') throw DomainError.validation([{ path: 'periodId', message: 'the period is not published: reports are made of published periods only' }]);

    const [current] = await reportRevisions(this.prisma.pool, period.consortiumId, period.id, [{ organisationId, audience }]);
    if (!current) throw notFound();
    const where = { organisationId, periodId: period.id, revision: current.revision };
    const report = await db.benchmarkReport.findFirst({ where, select: { state: true, progress: true, pdf: true, fileName: true, updatedAt: true } });
    if (report?.state === 'completed' && report.pdf) return { kind: 'pdf', fileName: report.fileName ?? 'benchmark-report.pdf', pdf: report.pdf };
    if (report && report.state !== 'failed') return { kind: 'pending', state: report.state === 'running' ? 'running' : 'queued', progress: report.progress };

    // the row first (its state is read at once by the next poll), then the job; written by the
    // system client: reports are the worker's, and the checks above are the asker's
    await this.prisma.system.benchmarkReport.upsert({
      where: { organisationId_periodId_revision: where },
      create: { ...where, consortiumId: period.consortiumId, audience, inputRevision: current.inputRevision, state: 'queued', progress: 0 },
      update: { state: 'queued', progress: 0, error: null },
    });
    // a failed report's job stays in BullMQ under its id for a while: a new attempt needs its own
    const jobId = reportJobId(organisationId, period.id, current.revision, report?.state === 'failed' ? report.updatedAt.getTime() : undefined);
    await this.jobs.enqueue('benchmark-reports.generate', { consortiumId: period.consortiumId, organisationId, periodId: period.id, revision: current.revision }, { jobId });
    return { kind: 'pending', state: 'queued', progress: 0 };
  }
}
