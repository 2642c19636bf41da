import { Injectable, Logger } from '@nestjs/common';
import type { BenchmarkReportAudience, JobPayloads } from '@tandem/contracts';
import type { Prisma } from '@tandem/db';
import { PrismaService, reportAudienceOf, reportRevisions, type DisclosureCache } from '@tandem/server';
import { renderReport } from './render-report';
import { BenchmarkReportSnapshots } from './report-snapshot';

/** A recompute that lands while a report is built changes its revision: build again, a few times at most. */
const ATTEMPTS = 3;

export type GenerateReportResult = 'generated' | 'exists' | 'skipped';

function fileNameOf(organisationCode: string, periodCode: string): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `benchmark-report-${safe(organisationCode)}-${safe(periodCode)}.pdf`;
}

/**
 * 'benchmark-reports.generate': one member's report of one published period. The report is
 * keyed by the revision of what it prints (libs/server report-revision.ts); a job asked for a
 * revision that has moved on builds the current one and drops the stale request. A report of
 * a revision is written once: a second delivery of the job finds it and does nothing.
 */
@Injectable()
export class GenerateReportJob {
  private readonly logger = new Logger(GenerateReportJob.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly snapshots: BenchmarkReportSnapshots,
  ) {}

  async run(data: JobPayloads['benchmark-reports.generate'], progress: (percent: number) => Promise<void> = async () => undefined, cache?: DisclosureCache): Promise<GenerateReportResult> {
    const db = this.prisma.system;
    const member = await db.membership.findFirst({
      where: { consortiumId: data.consortiumId, organisationId: data.organisationId, consortium: { periods: { some: { id: data.periodId, state: 'published' } } } },
      select: { organisation: { select: { kind: true } } },
    });
    if (!member) {
      this.logger.warn(`benchmark report ${data.organisationId}/${data.periodId}: not a member of a consortium with that published period; nothing to do`);
      return 'skipped';
    }
    return this.generate({ ...data, audience: reportAudienceOf(member.organisation.kind) }, data.revision, progress, cache);
  }

  /** Build and store the member's current report unless it exists; `requested` is the revision the caller saw. */
  async generate(
    target: { consortiumId: string; organisationId: string; periodId: string; audience: BenchmarkReportAudience },
    requested: string | null,
    progress: (percent: number) => Promise<void> = async () => undefined,
    cache?: DisclosureCache,
  ): Promise<GenerateReportResult> {
    const db = this.prisma.system;
    const key = (revision: string) => ({ organisationId_periodId_revision: { organisationId: target.organisationId, periodId: target.periodId, revision } });
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const [current] = await reportRevisions(this.prisma.pool, target.consortiumId, target.periodId, [target]);
      if (!current) return 'skipped';
      if (requested && requested !== current.revision) {
        // nobody asks for that revision any more: its pending row would never complete
        await db.benchmarkReport.deleteMany({ where: { organisationId: target.organisationId, periodId: target.periodId, revision: requested, state: { not: 'completed' } } });
      }
      requested = current.revision;
      const existing = await db.benchmarkReport.findUnique({ where: key(current.revision), select: { state: true } });
      if (existing?.state === 'completed') return 'exists';
      await db.benchmarkReport.upsert({
        where: key(current.revision),
        create: { ...pick(target), revision: current.revision, inputRevision: current.inputRevision, state: 'running', progress: 10 },
        update: { state: 'running', progress: 10, error: null },
      });
      await progress(10);
      try {
        const snapshot = await this.snapshots.build({ ...target, inputRevision: current.inputRevision }, cache);
        await db.benchmarkReport.update({ where: key(current.revision), data: { progress: 60 } });
        await progress(60);
        const [after] = await reportRevisions(this.prisma.pool, target.consortiumId, target.periodId, [target]);
        if (after?.revision !== current.revision) continue;
        const pdf = await renderReport(snapshot);
        await db.benchmarkReport.update({
          where: key(current.revision),
          data: {
            state: 'completed',
            progress: 100,
            snapshot: snapshot as unknown as Prisma.InputJsonValue,
            pdf: new Uint8Array(pdf),
            fileName: fileNameOf(snapshot.organisation.code, snapshot.period.code),
            generatedAt: new Date(),
            error: null,
          },
        });
        await progress(100);
        return 'generated';
      } catch (error) {
        // The message members and staff read: no SQL, no figures.
        await db.benchmarkReport.update({ where: key(current.revision), data: { state: 'failed', error: 'the report could not be built; it is retried automatically' } }).catch(() => undefined);
        throw error;
      }
    }
    throw new Error('the benchmarks kept changing while the report was built');
  }
}

function pick(t: { consortiumId: string; organisationId: string; periodId: string; audience: BenchmarkReportAudience }) {
  return { consortiumId: t.consortiumId, organisationId: t.organisationId, periodId: t.periodId, audience: t.audience };
}
