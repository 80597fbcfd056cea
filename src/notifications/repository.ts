import { personInTeam } from '../auth/policy.js';
import type { Queries, Run } from '../db/database.js';
import { obj, optStr, parseRows, str } from '../db/rows.js';
import type { NotificationKind } from '../messages/notifications.js';

/** How a notification goes out by e-mail (when SMTP_URL is set): at once, or in the day's digest. */
export type MailMode = 'NOW' | 'DIGEST';

export interface NotificationRecord {
  id: string;
  recipientId: string;
  kind: NotificationKind;
  inquiryId: string;
  question: string;
  actorName: string | null;
  detail: string | null;
  createdAt: string;
  readAt: string | null;
}

/** A notification claimed for sending, with its recipient's address. */
export interface MailRow extends NotificationRecord {
  email: string;
  name: string;
}

const FIELDS = `n { .id, .recipientId, .kind, .inquiryId, .question, .actorName, .detail,
  createdAt: toString(n.createdAt), readAt: toString(n.readAt) }`;

export interface NewNotifications {
  kind: NotificationKind;
  inquiryId: string;
  /** Persons by id (a Person node is not needed: the inbox is keyed by id). */
  personIds: string[];
  /** Also whoever filed the inquiry (`filedBy`). */
  filer: boolean;
  /** A team by its network id: the persons recorded as its members (`personInTeam`). */
  team: string | null;
  /** Never notified of their own action. */
  actorId: string | null;
  actorName: string | null;
  detail: string | null;
  /** The expert `detail` names, if it names one. */
  expertId: string | null;
  at: string;
  mail: MailMode;
  /** Makes the notification once per recipient (scheduled notices): its id is the key and the recipient's id. */
  key: string | null;
}

/** Writes one notification per recipient; returns the ids of the recipients that got a new one. */
export async function createNotifications(run: Run, n: NewNotifications): Promise<string[]> {
  const rows = await run(
    `MATCH (i:Inquiry {id: $n.inquiryId})
     OPTIONAL MATCH (m:Person)
       WHERE $n.team IS NOT NULL AND ${personInTeam('m', '$n.team')}
     WITH i, collect(DISTINCT m.id) AS members
     WITH i, members + $n.personIds + CASE WHEN $n.filer THEN [i.filedBy] ELSE [] END AS candidates
     UNWIND [r IN candidates WHERE r IS NOT NULL AND r <> coalesce($n.actorId, '')] AS rid
     WITH DISTINCT i, rid
     MERGE (x:Notification {id: CASE WHEN $n.key IS NULL THEN randomUUID() ELSE $n.key + ':' + rid END})
       ON CREATE SET x.recipientId = rid, x.kind = $n.kind, x.inquiryId = i.id, x.question = left(i.question, 300),
         x.actorName = $n.actorName, x.detail = $n.detail, x.expertId = $n.expertId, x.createdAt = datetime($n.at),
         x.unread = true, x.mailPending = $n.mail, x.created = true
     WITH rid, x, x.created AS fresh
     REMOVE x.created
     RETURN rid, fresh`,
    { n },
  );
  return rows.filter((row) => row.fresh === true).map((row) => row.rid as string);
}

export interface InboxRows {
  rows: NotificationRecord[];
  total: number;
}

/** A page of a person's inbox, newest first, after the cursor (createdAt, id). */
export async function inboxPage(
  queries: Queries,
  recipientId: string,
  options: { unreadOnly: boolean; after: { at: string; id: string } | null; limit: number },
): Promise<InboxRows> {
  const params = { recipientId, unreadOnly: options.unreadOnly, after: options.after, limit: options.limit };
  const [rows, [count]] = await Promise.all([
    queries.read<{ n: NotificationRecord }>(
      `MATCH (n:Notification) WHERE n.recipientId = $recipientId AND n.createdAt IS NOT NULL
         AND (NOT $unreadOnly OR n.unread)
         AND ($after IS NULL OR n.createdAt < datetime($after.at)
              OR (n.createdAt = datetime($after.at) AND n.id < $after.id))
       RETURN ${FIELDS} AS n ORDER BY n.createdAt DESC, n.id DESC LIMIT $limit`,
      params,
    ),
    queries.read<{ total: number }>(
      `MATCH (n:Notification) WHERE n.recipientId = $recipientId AND (NOT $unreadOnly OR n.unread)
       RETURN count(n) AS total`,
      params,
    ),
  ]);
  return { rows: rows.map((r) => r.n), total: count?.total ?? 0 };
}

/** The unread count: one look-up in the (recipientId, unread) index. */
export async function unreadCount(queries: Queries, recipientId: string): Promise<number> {
  const [row] = await queries.read<{ count: number }>(
    'MATCH (n:Notification {recipientId: $recipientId, unread: true}) RETURN count(n) AS count',
    { recipientId },
  );
  return row?.count ?? 0;
}

export async function markRead(
  run: Run,
  recipientId: string,
  id: string,
  at: string,
): Promise<NotificationRecord | null> {
  const [row] = await run(
    `MATCH (n:Notification {id: $id}) WHERE n.recipientId = $recipientId
     SET n.unread = false, n.readAt = coalesce(n.readAt, datetime($at))
     RETURN ${FIELDS} AS n`,
    { recipientId, id, at },
  );
  return (row?.n as NotificationRecord | undefined) ?? null;
}

export async function markAllRead(run: Run, recipientId: string, at: string): Promise<number> {
  const [row] = await run(
    `MATCH (n:Notification {recipientId: $recipientId, unread: true})
     SET n.unread = false, n.readAt = datetime($at)
     RETURN count(n) AS count`,
    { recipientId, at },
  );
  return (row?.count as number | undefined) ?? 0;
}

/** Deletes the notifications created before `before`; returns how many. */
export async function pruneNotifications(run: Run, before: string): Promise<number> {
  const [row] = await run(
    'MATCH (n:Notification) WHERE n.createdAt < datetime($before) DETACH DELETE n RETURN count(*) AS count',
    { before },
  );
  return (row?.count as number | undefined) ?? 0;
}

/**
 * Claims the day's run: a second process creating the same day's node fails on the uniqueness constraint
 * (DuplicateRecordError), and so does the whole transaction it was in.
 */
export async function claimSchedulerRun(run: Run, day: string, by: string, at: string): Promise<void> {
  await run('CREATE (:SchedulerRun {day: $day, by: $by, startedAt: datetime($at)})', { day, by, at });
}

export interface DueInquiry {
  id: string;
  routedTo: string | null;
  /** Its handler's token subject, when someone has taken it. */
  handlerId: string | null;
}

const dueInquiry = obj({ id: str, routedTo: optStr, handlerId: optStr });

/** Open inquiries due at or after `from` and before `to`. */
export async function openInquiriesDue(
  run: Run,
  range: { from: string; to: string; openStatuses: readonly string[] },
): Promise<DueInquiry[]> {
  const rows = await run(
    `MATCH (i:Inquiry) WHERE i.dueAt >= datetime($from) AND i.dueAt < datetime($to) AND i.status IN $openStatuses
     OPTIONAL MATCH (i)-[:ROUTED_TO]->(r:Network)
     RETURN i.id AS id, r.id AS routedTo, i.handlerId AS handlerId ORDER BY i.dueAt, i.id`,
    { ...range, openStatuses: [...range.openStatuses] },
  );
  return parseRows(rows, dueInquiry);
}

/**
 * Claims the notifications still to mail in one mode, created since `since`, and marks them mailed. The write lock is
 * taken before `mailPending` is read again, so two processes claiming at once never both get one. Those whose
 * recipient has no address are marked done without mail.
 */
export async function claimMail(
  run: Run,
  mode: MailMode,
  since: string,
  at: string,
  limit: number,
): Promise<MailRow[]> {
  const rows = await run(
    `MATCH (n:Notification {mailPending: $mode}) WHERE n.createdAt >= datetime($since)
     WITH n ORDER BY n.createdAt LIMIT $limit
     SET n.mailLock = true
     WITH n WHERE n.mailPending = $mode
     OPTIONAL MATCH (p:Person {id: n.recipientId})
     SET n.mailPending = null, n.mailedAt = CASE WHEN p.email IS NULL THEN null ELSE datetime($at) END
     REMOVE n.mailLock
     WITH n, p WHERE p.email IS NOT NULL
     RETURN ${FIELDS} AS n, p.email AS email, p.name AS name`,
    { mode, since, at, limit },
  );
  return rows.map((row) => ({
    ...(row.n as NotificationRecord),
    email: row.email as string,
    name: row.name as string,
  }));
}

/** Puts claimed notifications back to be mailed later (the SMTP server refused or was away). */
export async function releaseMail(run: Run, ids: string[], mode: MailMode): Promise<void> {
  await run('UNWIND $ids AS id MATCH (n:Notification {id: id}) SET n.mailPending = $mode, n.mailedAt = null', {
    ids,
    mode,
  });
}
