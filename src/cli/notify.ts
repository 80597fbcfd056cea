/**
 * `npm run notify -- [--day 2026-12-08] [--smtp-url smtp://host:25]`: the daily notifications run for a day (today in
 * Amsterdam unless given): due-tomorrow and overdue notices, pruning, and the digests when SMTP_URL (or --smtp-url) is
 * set. Safe beside running servers: a day already run (by a server or another call) is skipped. Prints the outcome as
 * JSON.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { NOTIFICATION_CALENDAR } from '../inquiries/notification-calendar.js';
import { smtpMailer } from '../notifications/mail.js';
import { runDaily } from '../notifications/scheduler.js';
import { explainError, openForCli } from './open.js';

const USAGE = 'usage: npm run notify -- [--day YYYY-MM-DD] [--smtp-url smtp://host:port]';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { day: { type: 'string' }, 'smtp-url': { type: 'string' } } });
  const day = values.day ?? NOTIFICATION_CALENDAR.dateOf(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    throw new ConfigError(`--day ${day} is not a date such as 2026-12-08; ${USAGE}`);
  const config = loadConfig();
  const smtpUrl = values['smtp-url'] ?? config.notifications.smtpUrl;
  if (smtpUrl && !/^smtps?:\/\/\S+$/.test(smtpUrl)) throw new ConfigError(`--smtp-url is not an SMTP URL; ${USAGE}`);
  const mailer = smtpUrl ? smtpMailer(smtpUrl, config.notifications.mailFrom) : null;
  const { database, close } = await openForCli(config, (line) => console.error(line));
  try {
    const result = await runDaily(database.queries(), {
      day,
      calendar: NOTIFICATION_CALENDAR,
      mailer,
      onMailError: (error, message) => console.error(`Mail to ${message.to} not sent: ${String(error)}`),
    });
    console.log(JSON.stringify(result));
  } finally {
    mailer?.close();
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(explainError(error) ?? error);
  process.exit(1);
});
