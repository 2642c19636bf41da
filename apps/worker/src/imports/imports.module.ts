import { Module } from '@nestjs/common';
import { CommitImportJob } from './commit-import.job';
import { ImportsProcessor } from './imports.processor';
import { ParseImportJob } from './parse-import.job';

/** CSV imports: `imports.parse` (stage + check) and `imports.commit` (into metric values). */
@Module({ providers: [ParseImportJob, CommitImportJob, ImportsProcessor], exports: [ParseImportJob, CommitImportJob] })
export class ImportsWorkerModule {}
