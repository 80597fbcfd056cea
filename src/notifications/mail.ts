import { createTransport, type Transporter } from 'nodemailer';
import type { Queries } from '../db/database.js';
import { immediateMail, type MailMessage } from './digest.js';
import { claimMail, releaseMail, type MailMode } from './repository.js';

/** Sends e-mail; the server makes one from SMTP_URL, tests one to an SMTP server of their own. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** A mailer over SMTP (nodemailer), from a URL such as smtp://user:password@host:587. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport: Transporter = createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}

/** Immediate mail waits at most this long for a poll; older pending ones are not sent any more (stale). */
const IMMEDIATE_WINDOW_MS = 24 * 3_600_000;
const BATCH = 100;

export interface Delivery {
  sent: number;
  failed: number;
}

/**
 * Sends the mails claimed in one mode, one message per group; a message the SMTP server refuses puts its notifications
 * back to be tried again at the next run.
 */
export async function deliver(
  queries: Queries,
  mailer: Mailer,
  mode: MailMode,
  since: Date,
  compose: (rows: Awaited<ReturnType<typeof claimMail>>) => MailMessage[],
  onError: (error: unknown, message: MailMessage) => void,
  now = new Date(),
): Promise<Delivery> {
  const rows = await queries.writeTransaction((run) =>
    claimMail(run, mode, since.toISOString(), now.toISOString(), mode === 'NOW' ? BATCH : 10_000),
  );
  const result: Delivery = { sent: 0, failed: 0 };
  for (const message of compose(rows)) {
    try {
      await mailer.send(message);
      result.sent += 1;
    } catch (error) {
      result.failed += 1;
      onError(error, message);
      await queries.writeTransaction((run) => releaseMail(run, message.ids, mode));
    }
  }
  return result;
}

/** Sends the notifications that go out at once (assigned, handed over), each as its own mail. */
export function deliverImmediate(
  queries: Queries,
  mailer: Mailer,
  onError: (error: unknown, message: MailMessage) => void,
  now = new Date(),
): Promise<Delivery> {
  return deliver(
    queries,
    mailer,
    'NOW',
    new Date(now.getTime() - IMMEDIATE_WINDOW_MS),
    (rows) => rows.map(immediateMail),
    onError,
    now,
  );
}
