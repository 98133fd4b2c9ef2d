import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

import { textOf } from './smtp-text';

/** One message as the test's SMTP server received it, read as a person would. */
export interface ReceivedMail {
  /** the envelope's recipients */
  to: string[];
  /** the Subject header, MIME encoded-words undone */
  subject: string;
  /** the text part, transfer encoding undone */
  text: string;
  raw: string;
}

/** A real SMTP server on loopback (port 0) that keeps what it receives; `refuse` makes it answer 451. */
export interface SmtpInbox {
  readonly mails: ReceivedMail[];
  /** while true every message is refused with 451 (a server that is down for a while) */
  refuse: boolean;
  /** The env of an app that sends to this server (SMTP_URL, SMTP_FROM). */
  readonly env: Record<string, string>;
  /** The messages to `address`, oldest first. */
  to(address: string): ReceivedMail[];
  /** Resolves once at least `count` messages arrived in all (fails after `ms`). */
  waitFor(count: number, ms?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Starts a loopback SMTP server for one spec (no TLS, no auth). */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const mails: ReceivedMail[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refuse)
          return callback(Object.assign(new Error('Mailbox unavailable, try later'), { responseCode: 451 }));
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: subjectOf(raw),
          text: textOf(raw),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    mails,
    get refuse() {
      return state.refuse;
    },
    set refuse(v: boolean) {
      state.refuse = v;
    },
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'Socium <socium@demo.socium.local>' },
    to: (address) => mails.filter((m) => m.to.includes(address)),
    async waitFor(count, ms = 5000) {
      const until = Date.now() + ms;
      while (mails.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} e-mail(s), received ${mails.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The subject header, MIME encoded-words undone (nodemailer writes non-ASCII subjects as =?UTF-8?B|Q?...?=). */
export function subjectOf(raw: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  const line = /^Subject: (.*(?:\r\n[ \t].*)*)/im.exec(head)?.[1] ?? '';
  return line
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}
