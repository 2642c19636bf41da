import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@tandem/server';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * SMTP when SMTP_URL is configured; otherwise no transport, and the outbox row itself is
 * the record staff read (status `recorded`).
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transporter = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
    if (!this.transporter) this.logger.log('SMTP_URL not set: emails are recorded in the outbox, not sent');
  }

  get configured(): boolean {
    return this.transporter !== null;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transporter) throw new Error('no SMTP transport configured');
    await this.transporter.sendMail({ from: this.config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
