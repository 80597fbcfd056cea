import { ANONYMOUS, type Viewer } from '../auth/viewer.js';
import type { Queries, Run } from '../db/database.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page, type PageArgs } from '../graphql/paging.js';
import type { NotificationKind } from '../messages/notifications.js';
import { personById, personFromToken, upsertPerson, type PersonFromToken } from './people-repository.js';
import {
  createNotifications,
  inboxPage,
  markAllRead,
  markRead,
  unreadCount,
  type MailMode,
  type NotificationRecord,
} from './repository.js';

/** Notifications older than this are pruned by the daily run. */
export const KEPT_DAYS = 90;
/** A notification's id is a UUID, or a scheduled notice's key with the recipient's id. */
const MAX_ID_LENGTH = 500;

/** These go out by e-mail at once; every other kind waits for the day's digest. */
const AT_ONCE: ReadonlySet<NotificationKind> = new Set(['ASSIGNED', 'HANDED_OVER']);

export const mailModeOf = (kind: NotificationKind): MailMode => (AT_ONCE.has(kind) ? 'NOW' : 'DIGEST');

/** Something happened to an inquiry that someone should hear of. */
export interface NotifyEvent {
  kind: NotificationKind;
  inquiryId: string;
  /** Persons by their token subject (e.g. the handler assigned, the officer who filed it). */
  persons?: readonly string[];
  /** Whoever filed the inquiry (an officer, usually). */
  filer?: boolean;
  /** A team by its network id (e.g. "ckn", "knowledge-security-desk"): every person recorded as its member. */
  team?: string | null;
  /** Who did it: named in the text, and never notified of their own action. */
  actor?: Viewer | null;
  /** What the text quotes besides: the expert's or ministry's name. */
  detail?: string | null;
  /** The expert `detail` names: an erasure of the expert clears the name (src/experts/erasure/repository.ts). */
  expertId?: string | null;
  at?: Date;
  /** Once per recipient and key (scheduled notices: the same due date is not announced twice). */
  key?: string;
}

/**
 * Writes the notifications of an event in the caller's write transaction (`tx.run` of `audited`), so that they exist
 * exactly when the change does. Mail follows after the commit (src/notifications/mail.ts). Returns the recipients.
 *
 * Team members are the persons recorded from their tokens (`rememberPerson`), by `personInTeam` (auth/policy.ts): the
 * desk's are those with the desk role, a network's those with the secretariat role for it. Administrators are nobody's
 * team. The same rule lists the handlers a team's inquiry can be assigned to.
 */
export function notify(run: Run, event: NotifyEvent): Promise<string[]> {
  const actor = event.actor && isPerson(event.actor) ? event.actor : null;
  return createNotifications(run, {
    kind: event.kind,
    inquiryId: event.inquiryId,
    personIds: [...(event.persons ?? [])],
    filer: event.filer ?? false,
    team: event.team ?? null,
    actorId: actor?.id ?? null,
    actorName: event.actor?.name ?? null,
    detail: event.detail ?? null,
    expertId: event.expertId ?? null,
    at: (event.at ?? new Date()).toISOString(),
    mail: mailModeOf(event.kind),
    key: event.key ?? null,
  });
}

/** A person with an inbox: a token's subject, not the anonymous viewer nor a command-line tool. */
export const isPerson = (viewer: Viewer) =>
  viewer !== ANONYMOUS && viewer.id !== 'anonymous' && !viewer.id.startsWith('system:');

/**
 * Records the viewer as a person (roles, networks, e-mail from the token), in the caller's write transaction. Called
 * when someone records, handles, claims, assigns, hands over, releases or reroutes an inquiry, registers as a handler
 * (`registerHandler`), and when they read their inbox and their token says something new.
 */
export async function rememberPerson(run: Run, viewer: Viewer, at = new Date()): Promise<void> {
  if (isPerson(viewer)) await upsertPerson(run, viewer, at.toISOString());
}

const samePerson = (a: PersonFromToken, b: PersonFromToken) =>
  a.id === b.id &&
  a.name === b.name &&
  a.email === b.email &&
  a.roles.join() === b.roles.join() &&
  a.networks.join() === b.networks.join();

function inboxOwner(viewer: Viewer): string {
  if (!isPerson(viewer)) {
    throw new ForbiddenError(
      'Notifications belong to a signed-in person: send a token (Authorization: Bearer …) to read your inbox.',
    );
  }
  return viewer.id;
}

export type NotificationPage = Page<{ node: NotificationRecord }>;

/** The viewer's inbox, newest first; records the viewer as a person when the token says something new about them. */
export async function myNotifications(
  queries: Queries,
  viewer: Viewer,
  args: PageArgs & { unreadOnly?: boolean | null },
): Promise<NotificationPage> {
  const me = inboxOwner(viewer);
  const size = pageSize(args.first);
  const cursor = decodeCursor(args.after, ['string', 'string']);
  const after = cursor ? { at: String(cursor[0]), id: String(cursor[1]) } : null;
  if (after && Number.isNaN(Date.parse(after.at)))
    throw new BadInputError('after is not a cursor of this list: pass an endCursor from myNotifications.', {
      argument: 'after',
    });
  const [stored, inbox] = await Promise.all([
    personById((cypher, params) => queries.read(cypher, params), me),
    inboxPage(queries, me, { unreadOnly: args.unreadOnly ?? false, after, limit: size + 1 }),
  ]);
  if (stored === null || !samePerson(stored, personFromToken(viewer))) {
    await queries.writeTransaction((run) => rememberPerson(run, viewer));
  }
  return toPage(inbox.rows, size, after !== null, inbox.total, (node) => ({
    node,
    cursor: encodeCursor([node.createdAt, node.id]),
  }));
}

export function myUnreadCount(queries: Queries, viewer: Viewer): Promise<number> {
  return unreadCount(queries, inboxOwner(viewer));
}

export async function markNotificationRead(queries: Queries, viewer: Viewer, id: string): Promise<NotificationRecord> {
  const me = inboxOwner(viewer);
  if (id.length > MAX_ID_LENGTH)
    throw new BadInputError(`id is longer than ${MAX_ID_LENGTH} characters: pass a notification's id as listed.`, {
      argument: 'id',
    });
  const at = new Date().toISOString();
  const found = await queries.writeTransaction((run) => markRead(run, me, id, at));
  if (!found) throw new NotFoundError(`You have no notification with id "${id}": see myNotifications for yours.`);
  return found;
}

export function markAllNotificationsRead(queries: Queries, viewer: Viewer): Promise<number> {
  const me = inboxOwner(viewer);
  const at = new Date().toISOString();
  return queries.writeTransaction((run) => markAllRead(run, me, at));
}
