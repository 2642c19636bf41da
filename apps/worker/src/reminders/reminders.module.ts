import { Module } from '@nestjs/common';
import { SendRemindersJob } from './send-reminders.job';

/** The reminders job; the metrics queue's processor (scorecards/follow-up.processor.ts) runs it. */
@Module({ providers: [SendRemindersJob], exports: [SendRemindersJob] })
export class RemindersWorkerModule {}
