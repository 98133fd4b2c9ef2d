import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';

import { APP_CONFIG, AppConfig } from '../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** E-mail over SMTP (`SMTP_URL`, `SMTP_FROM`) with nodemailer; without `SMTP_URL` it is off and says so once. */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private readonly log = new Logger('Mailer');
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const url = config.email.smtpUrl;
    this.transport = url
      ? nodemailer.createTransport(url, { from: config.email.from, connectionTimeout: 10_000, socketTimeout: 20_000 })
      : null;
    if (!url) this.log.log('E-mail is off (SMTP_URL is not set): reminders stay in the panel only');
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends one message; throws the server's refusal (the caller records it and retries later). */
  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new Error('e-mail is off');
    await this.transport.sendMail({
      from: this.config.email.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
