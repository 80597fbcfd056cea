import { describe, expect, it } from 'vitest';
import { digestMails, immediateMail } from '../../../src/notifications/digest.js';
import type { MailRow } from '../../../src/notifications/repository.js';

const row = (id: string, recipientId: string, createdAt: string, over: Partial<MailRow> = {}): MailRow => ({
  id,
  recipientId,
  kind: 'NEW_INQUIRY',
  inquiryId: `inq-${id}`,
  question: `Question ${id}`,
  actorName: null,
  detail: null,
  createdAt,
  readAt: null,
  email: `${recipientId}@example.org`,
  name: `Name ${recipientId}`,
  ...over,
});

describe('the daily digest', () => {
  const rows = [
    row('b', 'p2', '2026-12-08T09:00:00Z'),
    row('c', 'p1', '2026-12-08T10:00:00Z', { kind: 'OVERDUE' }),
    row('a', 'p1', '2026-12-08T08:00:00Z'),
  ];

  it('is one mail per person, persons in a stable order, each listing theirs oldest first', () => {
    const mails = digestMails(rows, '2026-12-08');
    expect(mails.map((m) => [m.to, m.ids])).toEqual([
      ['p1@example.org', ['a', 'c']],
      ['p2@example.org', ['b']],
    ]);
    const [first] = mails;
    expect(first!.subject).toBe('Uw meldingen van 2026-12-08: 2 / Your notifications of 2026-12-08: 2');
    const text = first!.text;
    expect(text.indexOf('inq-a')).toBeLessThan(text.indexOf('inq-c'));
    // Dutch first, English below.
    expect(text.indexOf('Beste Name p1')).toBeLessThan(text.indexOf('Dear Name p1'));
    expect(text).toContain('Er zijn 2 nieuwe meldingen voor u');
    expect(text).toContain('There are 2 new notifications for you');
    expect(text).toContain('inq-c is over de termijn');
    expect(text).toContain('inq-c is overdue');
  });

  it('is nothing when nothing is new', () => {
    expect(digestMails([], '2026-12-08')).toEqual([]);
  });

  it('says "1 notification" in both languages', () => {
    const [mail] = digestMails([rows[0]!], '2026-12-08');
    expect(mail!.text).toContain('Er is 1 nieuwe melding voor u');
    expect(mail!.text).toContain('There is 1 new notification for you');
  });
});

describe('the immediate mail', () => {
  it('names who assigned what, Dutch then English, with a short subject', () => {
    const mail = immediateMail(
      row('x', 'p1', '2026-12-08T08:00:00Z', {
        kind: 'ASSIGNED',
        actorName: 'A. Colleague',
        question: 'Q'.repeat(500),
      }),
    );
    expect(mail.to).toBe('p1@example.org');
    expect(mail.subject.length).toBeLessThanOrEqual(200);
    expect(mail.subject).toMatch(/^A\. Colleague heeft inq-x aan u toegewezen/);
    expect(mail.text).toContain('A. Colleague assigned inq-x to you');
    expect(mail.text).toContain('…');
  });
});
