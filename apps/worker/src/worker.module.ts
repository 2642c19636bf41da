import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, logTransport, ServerModule, type AppConfig } from '@tandem/server';
import { OutboxModule } from './outbox/outbox.module';
import { ImportsWorkerModule } from './imports/imports.module';
import { ScorecardsWorkerModule } from './scorecards/scorecards.module';
import { RemindersWorkerModule } from './reminders/reminders.module';
import { BenchmarksWorkerModule } from './benchmarks/benchmarks.module';
import { BenchmarkReportsWorkerModule } from './benchmark-reports/benchmark-reports.module';

/** The worker: a Nest application context (no HTTP listener) hosting the BullMQ processors. */
@Module({
  imports: [
    ServerModule.forProcess('worker'),
    LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.LOG_LEVEL, transport: logTransport(config) } }) }),
    OutboxModule,
    ImportsWorkerModule,
    ScorecardsWorkerModule,
    RemindersWorkerModule,
    BenchmarksWorkerModule,
    BenchmarkReportsWorkerModule,
  ],
})
export class WorkerModule {}
