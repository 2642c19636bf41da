import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUES, type JobPayloads, type JobsOfQueue } from '@tandem/contracts';
import { APP_CONFIG, JobProducer, PrismaService, workerOptions, type AppConfig } from '@tandem/server';
import { CommitImportJob } from './commit-import.job';
import { ParseImportJob } from './parse-import.job';
import { PurgeImportErrorsJob } from './purge-import-errors.job';

/** Id of the repeatable retention job of import error rows: one schedule, however many workers start. */
export const IMPORT_ERRORS_PURGE_SCHEDULER_ID = 'imports.purge-errors';

/** The `imports` queue: routes each job name to its handler. */
@Processor(QUEUES.imports, workerOptions())
export class ImportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportsProcessor.name);

  constructor(
    private readonly parse: ParseImportJob,
    private readonly commit: CommitImportJob,
    private readonly purgeErrors: PurgeImportErrorsJob,
    private readonly prisma: PrismaService,
    private readonly jobs: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Concurrency comes from validated config, not from the decorator (read before config exists).
    this.worker.concurrency = this.config.IMPORT_CONCURRENCY;
    await this.recoverLostJobs().catch((e: unknown) => this.logger.warn(`recovering import jobs: ${String(e)}`));
    await this.jobs
      .queue(QUEUES.imports)
      .upsertJobScheduler(
        IMPORT_ERRORS_PURGE_SCHEDULER_ID,
        { every: this.config.IMPORT_ERROR_PURGE_EVERY_MS },
        { name: 'imports.purge-errors', data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
      );
  }

  /**
   * The API enqueues after its transaction commits; a crash in between leaves an import
   * `uploaded` or `committing` with no job. On boot, such imports (older than a minute, so
   * not ones being enqueued right now) get their job again. Harmless when the job exists:
   * a second parse job finds the import parsed, and a second commit job finds it committed.
   */
  private async recoverLostJobs(): Promise<void> {
    const { rows } = await this.prisma.pool.query<{ id: string; status: 'uploaded' | 'committing'; since: string }>(
      `SELECT i.id, i.status, (extract(epoch FROM i."updatedAt") * 1000)::bigint::text AS since FROM "Import" i
        WHERE i.status IN ('uploaded', 'committing') AND i."updatedAt" < now() - interval '1 minute'
        LIMIT 1000`,
    );
    for (const r of rows) {
      // the id names the state it recovers: an import sent back to parsing by a commit that found its
      // stage gone must not be taken for its first parse job, which BullMQ keeps a day after it completed
      if (r.status === 'uploaded') await this.jobs.enqueue('imports.parse', { importId: r.id }, { jobId: `import-parse-${r.id}-${r.since}` });
      else await this.jobs.enqueue('imports.commit', { importId: r.id });
    }
    if (rows.length > 0) this.logger.log(`re-enqueued ${rows.length} import job(s) that were lost`);
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as JobsOfQueue<'imports'>;
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    switch (name) {
      case 'imports.parse': {
        const data = job.data as JobPayloads['imports.parse'];
        try {
          return await this.parse.run(data);
        } catch (error) {
          // Out of retries: the import must not stay "parsing" for ever.
          if (finalAttempt) await this.parse.fail(data.importId, 'The file could not be processed; upload it again or ask staff to look at the logs').catch(() => undefined);
          this.logger.warn(`imports.parse ${data.importId} attempt ${job.attemptsMade + 1}: ${error instanceof Error ? error.message : String(error)}`);
          throw error;
        }
      }
      case 'imports.commit': {
        const data = job.data as JobPayloads['imports.commit'];
        try {
          return await this.commit.run(data);
        } catch (error) {
          // Out of retries: nothing was written (one transaction); the import can be committed again.
          if (finalAttempt) {
            await this.prisma.pool
              .query(`UPDATE "Import" SET status = 'parsed', "updatedAt" = now() WHERE id = $1 AND status = 'committing'`, [data.importId])
              .catch(() => undefined);
          }
          this.logger.warn(`imports.commit ${data.importId} attempt ${job.attemptsMade + 1}: ${error instanceof Error ? error.message : String(error)}`);
          throw error;
        }
      }
      case 'imports.purge-errors': {
        const result = await this.purgeErrors.run();
        if (result.imports > 0 || result.errors > 0) this.logger.log(`deleted ${result.errors} error row(s) of ${result.imports} dead import(s) past retention`);
        return result;
      }
      default: {
        const unknown: never = name;
        throw new Error(`unknown job ${String(unknown)}`);
      }
    }
  }
}
