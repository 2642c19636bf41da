import { Injectable } from '@nestjs/common';
import { JobProducer, PrismaService } from '@tandem/server';

/** Messages older than this and still pending lost their enqueue (crash between commit and add). */
const STALE_MS = 30_000;

/**
 * The API enqueues delivery right after its transaction commits; if the process died in
 * between, the message would wait forever. The relay re-enqueues such messages under the
 * same job id, so a message already queued is not queued twice.
 */
@Injectable()
export class RelayOutboxJob {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobProducer,
  ) {}

  async run(): Promise<number> {
    const stale = await this.prisma.system.outboxMessage.findMany({
      where: { status: 'pending', createdAt: { lt: new Date(Date.now() - STALE_MS) } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
      take: 500,
    });
    for (const { id } of stale) await this.jobs.enqueue('email.send', { outboxMessageId: id }, { jobId: `email-${id}` });
    return stale.length;
  }
}
