import { Injectable, Logger } from '@nestjs/common';
import type { JobPayloads } from '@tandem/contracts';
import { DisclosureCache, PrismaService, reportAudienceOf, reportRevisions } from '@tandem/server';
import { GenerateReportJob } from './generate-report.job';

/** Members per chunk: one statement for their revisions, one for the reports already done. */
const CHUNK = 100;

/** Kinds of member that are benchmarked: firms that report, and customers that read their supply base. */
const REPORTED_KINDS = ['supplier', 'customer'] as const;

export interface PeriodReportsResult {
  members: number;
  generated: number;
  existing: number;
}

/**
 * 'benchmark-reports.generate-period': every active member's report of a period just
 * published (enqueued when the publication's recompute has released the cells). Members are
 * read in keyset-ordered chunks, revisions and finished reports are found set-based per
 * chunk, so a consortium of thousands of members never holds them all in memory; progress
 * (members done ÷ members) goes to the background-jobs row staff follow. Idempotent: a
 * retried or repeated job skips every report already built for the current revision.
 */
@Injectable()
export class GeneratePeriodReportsJob {
  private readonly logger = new Logger(GeneratePeriodReportsJob.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly reports: GenerateReportJob,
  ) {}

  async run(data: JobPayloads['benchmark-reports.generate-period'], progress: (percent: number) => Promise<void> = async () => undefined): Promise<PeriodReportsResult | 'skipped'> {
    const db = this.prisma.system;
    const period = await db.period.findFirst({ where: { id: data.periodId, consortiumId: data.consortiumId }, select: { state: true, code: true } });
    if (period?.state !== 'published') {
      this.logger.warn(`benchmark reports: period ${data.periodId} of consortium ${data.consortiumId} is not published; nothing to do`);
      return 'skipped';
    }
    const where = { consortiumId: data.consortiumId, status: 'active' as const, organisation: { kind: { in: [...REPORTED_KINDS] } } };
    const members = await db.membership.count({ where });
    const result: PeriodReportsResult = { members, generated: 0, existing: 0 };
    let after: string | undefined;
    let done = 0;
    await progress(0);
    for (;;) {
      const chunk = await db.membership.findMany({
        where: after ? { ...where, organisationId: { gt: after } } : where,
        orderBy: { organisationId: 'asc' },
        take: CHUNK,
        select: { organisationId: true, organisation: { select: { kind: true } } },
      });
      if (chunk.length === 0) break;
      after = chunk[chunk.length - 1]?.organisationId;
      const targets = chunk.map((m) => ({ organisationId: m.organisationId, audience: reportAudienceOf(m.organisation.kind) }));
      const revisions = await reportRevisions(this.prisma.pool, data.consortiumId, data.periodId, targets);
      const built = await db.benchmarkReport.findMany({
        where: { periodId: data.periodId, state: 'completed', OR: revisions.map((r) => ({ organisationId: r.organisationId, revision: r.revision })) },
        select: { organisationId: true },
      });
      const skip = new Set(built.map((b) => b.organisationId));
      // firms share what they can name: its cells are read once per chunk, not once per firm
      const cache = new DisclosureCache();
      for (const t of targets) {
        if (skip.has(t.organisationId)) result.existing++;
        else {
          const outcome = await this.reports.generate({ consortiumId: data.consortiumId, periodId: data.periodId, ...t }, null, undefined, cache);
          if (outcome === 'generated') result.generated++;
          else result.existing++;
        }
      }
      done += chunk.length;
      await progress(members === 0 ? 100 : Math.min(99, Math.floor((done / members) * 100)));
    }
    await progress(100);
    this.logger.log(`benchmark reports ${period.code}: ${result.generated} built, ${result.existing} already there, of ${members} members`);
    return result;
  }
}
