import { Module } from '@nestjs/common';
import { CommitImportJob } from './commit-import.job';
import { ImportsProcessor } from './imports.processor';
import { ParseImportJob } from './parse-import.job';
import { PurgeImportErrorsJob } from './purge-import-errors.job';

/** CSV imports: `imports.parse` (stage + check), `imports.commit` (into metric values) and `imports.purge-errors` (retention of dead imports' error rows). */
@Module({ providers: [ParseImportJob, CommitImportJob, PurgeImportErrorsJob, ImportsProcessor], exports: [ParseImportJob, CommitImportJob, PurgeImportErrorsJob] })
export class ImportsWorkerModule {}
