import { MAIL_TEXTS, notificationText, type MailLanguage } from '../messages/notifications.js';
import type { MailRow } from './repository.js';

/** One e-mail: to one person, Dutch first and English below. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The notifications it carries. */
  ids: string[];
}

/** A language's part of a mail: the greeting, the lead, one line per notification (oldest first), the pointer. */
function part(language: MailLanguage, name: string, lead: string, rows: MailRow[]): string {
  return [
    MAIL_TEXTS.intro[language](name),
    '',
    lead,
    ...rows.map((row) => `- ${notificationText(row, language)}`),
    '',
    MAIL_TEXTS.inbox[language],
  ].join('\n');
}

const body = (name: string, leads: Record<MailLanguage, string>, rows: MailRow[]) =>
  [
    MAIL_TEXTS.englishBelow,
    '',
    part('nl', name, leads.nl, rows),
    '',
    '----',
    '',
    part('en', name, leads.en, rows),
  ].join('\n');

/** The mail of a notification that goes out at once (assigned, handed over). */
export function immediateMail(row: MailRow): MailMessage {
  return {
    to: row.email,
    subject: MAIL_TEXTS.immediateSubject(row),
    text: body(row.name, MAIL_TEXTS.immediateLead, [row]),
    ids: [row.id],
  };
}

/**
 * One digest per person of a day's notifications: grouped by recipient (each person's address as last recorded),
 * oldest first within a mail, the persons in a stable order.
 */
export function digestMails(rows: MailRow[], day: string): MailMessage[] {
  const byPerson = new Map<string, MailRow[]>();
  for (const row of rows) byPerson.set(row.recipientId, [...(byPerson.get(row.recipientId) ?? []), row]);
  return [...byPerson.keys()].sort().map((recipientId) => {
    const mine = (byPerson.get(recipientId) ?? []).sort(
      (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id),
    );
    // Non-empty: every key came with a row.
    const first = mine[0] as MailRow;
    const leads = { nl: MAIL_TEXTS.digestLead.nl(mine.length), en: MAIL_TEXTS.digestLead.en(mine.length) };
    return {
      to: first.email,
      subject: MAIL_TEXTS.digestSubject(day, mine.length),
      text: body(first.name, leads, mine),
      ids: mine.map((row) => row.id),
    };
  });
}
