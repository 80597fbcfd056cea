/**
 * Notifications (issue 20): the inbox of each person, written in the same transaction as the change that causes it;
 * mail at once and as one digest per working day, delivered to a real SMTP server started here (smtp-server on port
 * 0), not a mock; the daily run claimed by one process however many race for it.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../src/auth/tokens.js';
import type { Viewer } from '../src/auth/viewer.js';
import type { Database } from '../src/db/database.js';
import { NOTIFICATION_CALENDAR } from '../src/inquiries/notification-calendar.js';
import { deliverImmediate, smtpMailer, type Mailer } from '../src/notifications/mail.js';
import { runDaily } from '../src/notifications/scheduler.js';
import { notify } from '../src/notifications/service.js';
import { connectTestDatabase, fixturePrefix, graphql, testServer } from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const P = fixturePrefix('notify');
const DAY_MS = 86_400_000;

const person = (key: string, roles: TokenClaims['roles'], networks: string[] = []): TokenClaims => ({
  subject: `${P}-${key}`,
  name: `Person ${key}`,
  roles,
  networks,
  email: `${key}@${P}.example.org`,
});
const PEOPLE = {
  deskA: person('desk-a', ['desk']),
  deskB: person('desk-b', ['desk']),
  ckn1: person('ckn-1', ['secretariat'], ['ckn']),
  ckn2: person('ckn-2', ['secretariat'], ['ckn']),
  reka: person('reka', ['secretariat'], ['reka']),
  officer: person('officer', ['officer']),
  viewer: person('viewer', ['viewer']),
};
type Who = keyof typeof PEOPLE;
const EVERYONE = Object.keys(PEOPLE) as Who[];

interface Received {
  to: string[];
  raw: string;
}
let smtp: SMTPServer;
let received: Received[] = [];
let smtpUrl: string;
let mailer: Mailer;
let db: Database;

/** Quoted-printable and folded headers undone, enough to read ids and words. */
const readable = (raw: string) =>
  Buffer.from(
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\r?\n[ \t]+/g, ' '),
    'latin1',
  ).toString('utf8');

const INBOX = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind text textNl inquirySlug actorName read createdAt } }
  }
  unreadNotificationCount
}`;

interface InboxEntry {
  id: string;
  kind: string;
  text: string;
  textNl: string;
  inquirySlug: string;
  actorName: string | null;
  read: boolean;
}

async function inbox(who: Who, variables: Record<string, unknown> = {}) {
  const response = await graphql(INBOX, { first: 100, ...variables }, { as: PEOPLE[who] });
  expect(response.errors).toBeUndefined();
  return {
    entries: response.data.myNotifications.edges.map((e: { node: InboxEntry }) => e.node) as InboxEntry[],
    unread: response.data.unreadNotificationCount as number,
    total: response.data.myNotifications.totalCount as number,
  };
}

/** Who has a notification of this kind about this inquiry. */
async function recipients(kind: string, slug: string): Promise<Who[]> {
  const rows = await db
    .queries()
    .read<{ recipientId: string }>(
      'MATCH (n:Notification {kind: $kind, inquiryId: $slug}) RETURN n.recipientId AS recipientId',
      { kind, slug },
    );
  const ids = rows.map((r) => r.recipientId);
  return EVERYONE.filter((who) => ids.includes(PEOPLE[who].subject)).sort();
}

/** An inquiry routed to a team, due at the end of a given Amsterdam date. */
async function dueInquiry(slug: string, network: string, dueDate: string, status = 'RECEIVED') {
  await db.queries().write(
    `MATCH (n:Network {id: $network}), (a:Institution {id: 'min-bz'})
     CREATE (i:Inquiry {id: $slug, kind: 'KNOWLEDGE_SECURITY', question: 'Due question ' + $slug, status: $status,
       visibility: 'INTERNAL', receivedAt: datetime($receivedAt), dueAt: datetime($dueAt), version: 1,
       riskCategories: [], filedBy: $filer})
     CREATE (i)-[:ROUTED_TO]->(n), (i)-[:ASKED_BY]->(a)`,
    {
      slug,
      network,
      status,
      filer: PEOPLE.officer.subject,
      receivedAt: new Date(Date.parse(`${dueDate}T08:00:00Z`) - 5 * DAY_MS).toISOString(),
      dueAt: new Date(NOTIFICATION_CALENDAR.startOfDate(dueDate).getTime() + DAY_MS - 1).toISOString(),
    },
  );
}

const viewerOf = (claims: TokenClaims): Viewer => ({
  id: claims.subject,
  name: claims.name ?? claims.subject,
  roles: new Set(claims.roles),
  networks: claims.networks ?? [],
});

beforeAll(async () => {
  db = await connectTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: readable(Buffer.concat(chunks).toString('latin1')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  mailer = smtpMailer(smtpUrl, 'Expertise graph <noreply@example.org>');
  // Every person reads their inbox once: from then on they are known, with their roles, networks and address.
  for (const who of EVERYONE) expect((await inbox(who)).total).toBe(0);
});

afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
  await maybeUnset(db)?.close();
});

const RECORD = `mutation ($input: RecordInquiryInput!) { recordInquiry(input: $input) { inquiry { slug version } } }`;

describe('the inbox', () => {
  let deskSlug: string;
  let cknSlug: string;

  it('a new inquiry reaches the members of the team it is routed to, and nobody else', async () => {
    const desk = await graphql(
      RECORD,
      { input: { kind: 'KNOWLEDGE_SECURITY', question: `Desk question ${P}`, askedBy: 'min-bz' } },
      { as: PEOPLE.officer },
    );
    expect(desk.errors).toBeUndefined();
    deskSlug = desk.data.recordInquiry.inquiry.slug;
    expect(await recipients('NEW_INQUIRY', deskSlug)).toEqual(['deskA', 'deskB']);
    // The seed's desk people (seed/data/people.json) are persons too, though they never read an inbox.
    const all = await db
      .queries()
      .read<{ id: string }>(
        "MATCH (n:Notification {kind: 'NEW_INQUIRY', inquiryId: $slug}) RETURN n.recipientId AS id",
        { slug: deskSlug },
      );
    expect(all.map((row) => row.id)).toEqual(expect.arrayContaining(['desk-mirjam-de-graaf', 'sample-desk']));

    const ckn = await graphql(
      RECORD,
      { input: { kind: 'EXPERTISE_REQUEST', question: `CKN question ${P}`, askedBy: 'min-bz', routedTo: 'ckn' } },
      { as: PEOPLE.ckn1 },
    );
    expect(ckn.errors).toBeUndefined();
    cknSlug = ckn.data.recordInquiry.inquiry.slug;
    // Not ckn1, who recorded it.
    expect(await recipients('NEW_INQUIRY', cknSlug)).toEqual(['ckn2']);

    const mine = await inbox('deskA');
    expect(mine.unread).toBe(1);
    expect(mine.entries).toMatchObject([{ kind: 'NEW_INQUIRY', inquirySlug: deskSlug, read: false }]);
    expect(mine.entries[0]!.textNl).toContain('Nieuwe vraag voor uw team');
    expect(mine.entries[0]!.text).toContain('New inquiry for your team');
    expect((await inbox('reka')).total).toBe(0);
  });

  it('an expert’s answer reaches the team, not its recorder; the answer reaches whoever filed it', async () => {
    const consult = await graphql(
      `
        mutation ($input: ConsultExpertInput!) {
          consultExpert(input: $input) {
            version
          }
        }
      `,
      { input: { id: cknSlug, expectedVersion: 1, expert: 'maarten-kooistra', outcome: 'ANSWERED' } },
      { as: PEOPLE.ckn2 },
    );
    expect(consult.errors).toBeUndefined();
    expect(await recipients('EXPERT_ANSWERED', cknSlug)).toEqual(['ckn1']);

    const declined = await graphql(
      `
        mutation ($input: ConsultExpertInput!) {
          consultExpert(input: $input) {
            version
          }
        }
      `,
      { input: { id: cknSlug, expectedVersion: 2, expert: 'maarten-kooistra', outcome: 'DECLINED' } },
      { as: PEOPLE.ckn2 },
    );
    expect(declined.errors).toBeUndefined();
    expect(await recipients('EXPERT_ANSWERED', cknSlug)).toEqual(['ckn1']);

    const answer = await graphql(
      `
        mutation ($input: AnswerInquiryInput!) {
          answerInquiry(input: $input) {
            version
          }
        }
      `,
      { input: { id: cknSlug, expectedVersion: 3, answerSummary: 'The answer.' } },
      { as: PEOPLE.ckn2 },
    );
    expect(answer.errors).toBeUndefined();
    // Filed by ckn1 (who recorded it).
    expect(await recipients('FILED_INQUIRY_ANSWERED', cknSlug)).toEqual(['ckn1']);
  });

  it('a write that fails leaves no notification (same transaction)', async () => {
    const before = await recipients('FILED_INQUIRY_ANSWERED', deskSlug);
    const stale = await graphql(
      `
        mutation ($input: AnswerInquiryInput!) {
          answerInquiry(input: $input) {
            version
          }
        }
      `,
      { input: { id: deskSlug, expectedVersion: 7, answerSummary: 'Too late.' } },
      { as: PEOPLE.deskA },
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(before).toEqual([]);
    expect(await recipients('FILED_INQUIRY_ANSWERED', deskSlug)).toEqual([]);
    const answered = await graphql(
      `
        mutation ($input: AnswerInquiryInput!) {
          answerInquiry(input: $input) {
            version
          }
        }
      `,
      { input: { id: deskSlug, expectedVersion: 1, answerSummary: 'In time.' } },
      { as: PEOPLE.deskA },
    );
    expect(answered.errors).toBeUndefined();
    expect(await recipients('FILED_INQUIRY_ANSWERED', deskSlug)).toEqual(['officer']);
  });

  it('is newest first and paged; read and unread are the person’s own', async () => {
    const all = await inbox('ckn1');
    expect(all.entries.map((e) => e.kind)).toEqual(['FILED_INQUIRY_ANSWERED', 'EXPERT_ANSWERED']);
    const first = await graphql(INBOX, { first: 1 }, { as: PEOPLE.ckn1 });
    expect(first.data.myNotifications.pageInfo.hasNextPage).toBe(true);
    const second = await graphql(
      INBOX,
      { first: 1, after: first.data.myNotifications.pageInfo.endCursor },
      { as: PEOPLE.ckn1 },
    );
    expect(second.data.myNotifications.edges.map((e: { node: InboxEntry }) => e.node.kind)).toEqual([
      'EXPERT_ANSWERED',
    ]);

    const MARK = `mutation ($id: ID!) { markNotificationRead(id: $id) { id read readAt } }`;
    const target = all.entries[1]!.id;
    const foreign = await graphql(MARK, { id: target }, { as: PEOPLE.ckn2 });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const marked = await graphql(MARK, { id: target }, { as: PEOPLE.ckn1 });
    expect(marked.data.markNotificationRead).toMatchObject({ id: target, read: true });
    const after = await inbox('ckn1', { unreadOnly: true });
    expect(after.unread).toBe(1);
    expect(after.entries.map((e) => e.kind)).toEqual(['FILED_INQUIRY_ANSWERED']);

    const all2 = await graphql('mutation { markAllNotificationsRead }', {}, { as: PEOPLE.ckn1 });
    expect(all2.data.markAllNotificationsRead).toBe(1);
    expect((await inbox('ckn1')).unread).toBe(0);
    // ckn2's own are untouched.
    expect((await inbox('ckn2')).unread).toBe(1);
  });

  it('is closed to anonymous viewers; bad arguments are refused with a code', async () => {
    const anonymous = await graphql(INBOX, {}, { as: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const big = await graphql(INBOX, { first: 1000 }, { as: PEOPLE.deskA });
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const cursor = await graphql(INBOX, { after: 'nonsense' }, { as: PEOPLE.deskA });
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('e-mail', () => {
  it('an assignment is mailed at once, once, to the address in the token, Dutch with English below', async () => {
    received = [];
    const slug = `${P}-assigned`;
    await dueInquiry(slug, 'knowledge-security-desk', '2027-01-20');
    await db.queries().writeTransaction((run) =>
      notify(run, {
        kind: 'ASSIGNED',
        inquiryId: slug,
        persons: [PEOPLE.deskA.subject],
        actor: viewerOf(PEOPLE.deskB),
      }),
    );
    const errors: unknown[] = [];
    expect(await deliverImmediate(db.queries(), mailer, (e) => errors.push(e))).toEqual({ sent: 1, failed: 0 });
    expect(errors).toEqual([]);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.to).toEqual([PEOPLE.deskA.email]);
    expect(mail!.raw).toContain(`Person desk-b heeft ${slug} aan u toegewezen`);
    expect(mail!.raw).toContain(`Person desk-b assigned ${slug} to you`);
    expect(mail!.raw.indexOf('toegewezen')).toBeLessThan(mail!.raw.indexOf('assigned'));
    // Sent is sent: a second poll (another process's, say) finds nothing.
    expect(await deliverImmediate(db.queries(), mailer, (e) => errors.push(e))).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });
});

describe('the daily run', () => {
  const run = (day: string, mail: Mailer | null = mailer) =>
    runDaily(db.queries(), { day, calendar: NOTIFICATION_CALENDAR, mailer: mail });

  it('skips days off', async () => {
    expect(await run('2026-12-26')).toEqual({ day: '2026-12-26', ran: false, reason: 'NOT_A_WORKING_DAY' });
    expect(await run('2026-12-13')).toEqual({ day: '2026-12-13', ran: false, reason: 'NOT_A_WORKING_DAY' });
  });

  it('before Christmas: due tomorrow means the Monday after the holidays and the weekend; overdue once', async () => {
    // Thursday 24 December 2026; 25 and 26 are Christmas, 27 a Sunday: the next working day is Monday 28.
    await dueInquiry(`${P}-mon`, 'knowledge-security-desk', '2026-12-28');
    await dueInquiry(`${P}-tue`, 'knowledge-security-desk', '2026-12-29');
    await dueInquiry(`${P}-late`, 'ckn', '2026-12-23');
    await dueInquiry(`${P}-done`, 'ckn', '2026-12-23', 'ANSWERED');
    received = [];
    const [one, two] = await Promise.all([run('2026-12-24'), run('2026-12-24')]);
    const outcomes = [one, two].map((r) => (r.ran ? 'ran' : r.reason)).sort();
    expect(outcomes).toEqual(['ALREADY_RUN', 'ran']);

    expect(await recipients('DUE_TOMORROW', `${P}-mon`)).toEqual(['deskA', 'deskB']);
    expect(await recipients('DUE_TOMORROW', `${P}-tue`)).toEqual([]);
    expect(await recipients('OVERDUE', `${P}-late`)).toEqual(['ckn1', 'ckn2']);
    expect(await recipients('OVERDUE', `${P}-done`)).toEqual([]);

    // One digest per person, whatever raced: the desk members' name the Monday inquiry.
    const byAddress = new Map<string, number>();
    for (const mail of received) for (const to of mail.to) byAddress.set(to, (byAddress.get(to) ?? 0) + 1);
    expect([...byAddress.values()].every((n) => n === 1)).toBe(true);
    const deskMail = received.find((m) => m.to.includes(PEOPLE.deskA.email!));
    expect(deskMail?.raw).toContain('Uw meldingen van 2026-12-24');
    expect(deskMail?.raw).toContain(`${P}-mon moet morgen (de volgende werkdag) beantwoord zijn`);
    expect(deskMail?.raw).toContain(`${P}-mon is due tomorrow`);
    expect(received.find((m) => m.to.includes(PEOPLE.ckn1.email!))?.raw).toContain(`${P}-late is over de termijn`);
    // Nothing for someone with nothing new (the seed's overdue REKA inquiries reach the REKA secretariat).
    expect(byAddress.has(PEOPLE.viewer.email!)).toBe(false);
    expect(byAddress.has(PEOPLE.reka.email!)).toBe(true);

    // The next working day: the overdue inquiry is not announced again, to anyone of the team (the seed's CKN people,
    // seed/data/people.json, are of it too: one notice each).
    const overdue = async () =>
      db.queries().read<{ n: number; recipients: number; seed: boolean }>(
        `MATCH (n:Notification {kind: "OVERDUE", inquiryId: $slug})
         RETURN count(n) AS n, count(DISTINCT n.recipientId) AS recipients,
                'ckn-eline-van-rossum' IN collect(n.recipientId) AS seed`,
        { slug: `${P}-late` },
      );
    const first = await overdue();
    expect(first).toEqual([{ n: first[0]!.recipients, recipients: first[0]!.recipients, seed: true }]);
    await run('2026-12-28', null);
    expect(await recipients('OVERDUE', `${P}-late`)).toEqual(['ckn1', 'ckn2']);
    expect(await overdue()).toEqual(first);
  });

  it('from two processes at once (npm run notify): one sends, once; due over a weekend', async () => {
    // Friday 11 December 2026: due tomorrow is Monday the 14th.
    await dueInquiry(`${P}-weekend`, 'ckn', '2026-12-14');
    received = [];
    const cli = () =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'src/cli/notify.ts', '--day', '2026-12-11', '--smtp-url', smtpUrl],
        {
          cwd: ROOT,
          env: { ...process.env, NEO4J_URI: testServer().neo4jUri, NEO4J_PASSWORD: '', LOG_LEVEL: 'warn' },
        },
      );
    const outputs = await Promise.all([cli(), cli()]);
    const results = outputs.map((o) => JSON.parse(o.stdout.trim().split('\n').at(-1)!) as { ran: boolean });
    expect(results.map((r) => r.ran).sort()).toEqual([false, true]);
    expect(await recipients('DUE_TOMORROW', `${P}-weekend`)).toEqual(['ckn1', 'ckn2']);
    const to = received.flatMap((m) => m.to).sort();
    expect(to).toEqual([...new Set(to)]);
    expect(to).toEqual(expect.arrayContaining([PEOPLE.ckn1.email, PEOPLE.ckn2.email]));
  });

  it('prunes notifications older than 90 days', async () => {
    const slug = `${P}-old`;
    await dueInquiry(slug, 'reka', '2027-02-01', 'ANSWERED');
    const notice = (days: number) =>
      db.queries().writeTransaction((tx) =>
        notify(tx, {
          kind: 'MINISTRY_ANSWERED',
          inquiryId: slug,
          persons: [PEOPLE.reka.subject],
          detail: `${days} days`,
          at: new Date(Date.now() - days * DAY_MS),
        }),
      );
    await notice(91);
    await notice(89);
    const about = async () => (await inbox('reka')).entries.filter((e) => e.inquirySlug === slug).map((e) => e.text);
    expect(await about()).toHaveLength(2);
    const result = await run('2026-12-09', null);
    expect(result).toMatchObject({ ran: true });
    expect(result.ran && result.pruned).toBeGreaterThanOrEqual(1);
    expect(await about()).toEqual([expect.stringContaining('89 days')]);
  });
});
