import { Module } from '@nestjs/common';
import { EmailProcessor } from './email.processor';
import { MailTransport } from './mail-transport';
import { RelayOutboxJob } from './relay-outbox.job';
import { SendEmailJob } from './send-email.job';

@Module({ providers: [MailTransport, SendEmailJob, RelayOutboxJob, EmailProcessor] })
export class OutboxModule {}
