import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { canReadContacts, canReadHistory } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { builder } from '../graphql/builder.js';
import { pageArgs } from '../graphql/args.js';
import { listConnection } from '../graphql/connections.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { HANDLERS } from '../graphql/scopes.js';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../graphql/paging.js';
import { AUDITED_LABELS, type AuditedLabel } from '../audit/repository.js';
import { historySubjects, pageOfChanges, type ChangeRecord, type HistorySubject } from './repository.js';

/** What `history(id:)` was given: a global id names its type; a slug names none (it may be taken in several). */
function askedSubject(text: string): { label: AuditedLabel | null; id: string } {
  const trimmed = text.trim();
  try {
    const { typename, id } = decodeGlobalID(trimmed);
    if ((AUDITED_LABELS as string[]).includes(typename)) return { label: typename as AuditedLabel, id };
  } catch {
    // Not a global id: a slug.
  }
  return { label: null, id: trimmed };
}

/**
 * The one object whose history is asked for. A slug that several objects share (slugs are unique per type
 * only) is refused rather than guessed at, naming the global id of each, so that nobody reads one object's
 * records on the strength of another's permission.
 */
async function historySubject(queries: Queries, text: string): Promise<HistorySubject> {
  const asked = askedSubject(text);
  const subjects = await historySubjects(queries, asked.id, asked.label);
  const [subject] = subjects;
  if (subject === undefined)
    throw new NotFoundError(
      `Nothing with id "${text}" has a history: pass a global id or slug as the API returned it.`,
    );
  if (subjects.length > 1) {
    const globalIds = subjects.map((s) => ({ type: s.label, id: encodeGlobalID(s.label, s.id) }));
    throw new BadInputError(
      `"${text}" is the slug of ${subjects.length} objects of different types: pass the global id of the one ` +
        `you mean (${globalIds.map((g) => `${g.type}: "${g.id}"`).join(', ')}).`,
      { argument: 'id', globalIds },
    );
  }
  return subject;
}

/** Contact details in an expert's records follow the same rule as the Expert fields (`canReadContacts`). */
function withoutContacts(json: string | null): string | null {
  if (json === null) return null;
  const { email, phone, ...values } = JSON.parse(json) as Record<string, unknown>;
  return JSON.stringify(values);
}

/** The records as this viewer may see them. */
function visibleRecords(viewer: Viewer, subject: HistorySubject, rows: ChangeRecord[]): ChangeRecord[] {
  if (subject.label !== 'Expert' || canReadContacts(viewer, subject)) return rows;
  return rows.map((row) => ({ ...row, before: withoutContacts(row.before), after: withoutContacts(row.after) }));
}

const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));

const ChangeRef = builder.objectRef<ChangeRecord>('Change').implement({
  description: 'One recorded change: who changed what, when, and the values before and after.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
    action: t.exposeString('action', {
      description: 'The mutation or tool that made it, e.g. "updateExpert" or "import".',
    }),
    operationId: t.exposeString('operationId', {
      description: 'Shared by the records of one operation that changed several objects (e.g. a merge).',
    }),
    subjectType: t.exposeString('subjectLabel', { description: 'The type of the changed object.' }),
    subjectSlug: t.exposeString('subjectId', { description: 'The stable short identifier of the changed object.' }),
    actorId: t.exposeString('actorId', {
      description: 'Who made it: the token subject (or system:<tool> for command-line tools).',
    }),
    actorName: t.exposeString('actorName', { description: 'Their name, as the token gave it.' }),
    actorRoles: t.exposeString('actorRoles', { description: 'The roles they acted in.' }),
    fields: t.exposeStringList('fields', { description: 'The properties and relationships (→TYPE) that changed.' }),
    before: t.field({
      type: 'JSONObject',
      nullable: true,
      description:
        'The object before the change; null when it was created, or when the record is kept without personal data.',
      resolve: (c) => parse(c.before),
    }),
    after: t.field({
      type: 'JSONObject',
      nullable: true,
      description:
        'The object after the change; null when it was removed, or when the record is kept without personal data.',
      resolve: (c) => parse(c.after),
    }),
    note: t.exposeString('note', { nullable: true, description: 'Why, as given with the change.' }),
    redacted: t.exposeBoolean('redacted', {
      description: 'The values were removed (erasure on request); who, when and which fields remain.',
    }),
  }),
});

const ChangeConnection = listConnection(ChangeRef, 'Change', 'changes');

builder.queryFields((t) => ({
  history: t.field({
    type: ChangeConnection,
    description:
      'Every recorded change to an object, newest first: for administrators, and for whoever may curate or ' +
      'handle the object.',
    authScopes: HANDLERS,
    args: {
      id: t.arg.string({
        required: true,
        description:
          'The object: its global id, or its slug when no object of another type has the same slug (otherwise ' +
          'BAD_USER_INPUT lists the global ids to use). An old id of a merged expert gives that id’s own ' +
          'records, to those who may curate the expert it was merged into.',
      }),
      ...pageArgs(t),
    },
    resolve: async (_root, args, ctx) => {
      const size = pageSize(args.first);
      const after = decodeCursor(args.after, ['string', 'string']) as [string, string] | null;
      const subject = await historySubject(ctx.queries, args.id);
      if (!canReadHistory(ctx.viewer, subject))
        throw new ForbiddenError(
          `The history of this ${subject.label.toLowerCase()} is open to administrators and to whoever may ` +
            'curate or handle it.',
        );
      const { rows, total } = await pageOfChanges(ctx.queries, subject, size, after);
      return toPage(visibleRecords(ctx.viewer, subject, rows), size, after !== null, total, (node) => ({
        node,
        cursor: encodeCursor([node.at, node.id]),
      }));
    },
  }),
}));
