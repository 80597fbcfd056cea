import { decodeGlobalID } from '@pothos/plugin-relay';
import { canReadHistory } from '../auth/policy.js';
import { builder } from '../graphql/builder.js';
import { pageArgs } from '../graphql/args.js';
import { listConnection } from '../graphql/connections.js';
import { forbidden, notFound } from '../graphql/errors.js';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../graphql/paging.js';
import { pageOfChanges, subjectFacts, type ChangeRecord } from './repository.js';

/** The stored id behind a global id of any type, or the text itself (a slug). */
function storedId(text: string): string {
  try {
    return decodeGlobalID(text.trim()).id;
  } catch {
    return text.trim();
  }
}

const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));

const ChangeRef = builder.objectRef<ChangeRecord>('Change').implement({
  description: 'One recorded change: who changed what, when, and the values before and after.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
    action: t.exposeString('action', { description: 'The mutation or tool that made it, e.g. "updateExpert" or "import".' }),
    operationId: t.exposeString('operationId', { description: 'Shared by the records of one operation that changed several objects (e.g. a merge).' }),
    subjectType: t.exposeString('subjectLabel', { description: 'The type of the changed object.' }),
    subjectSlug: t.exposeString('subjectId', { description: 'The stable short identifier of the changed object.' }),
    actorId: t.exposeString('actorId', { description: 'Who made it: the token subject (or system:<tool> for command-line tools).' }),
    actorName: t.exposeString('actorName', { description: 'Their name, as the token gave it.' }),
    actorRoles: t.exposeString('actorRoles', { description: 'The roles they acted in.' }),
    fields: t.exposeStringList('fields', { description: 'The properties and relationships (→TYPE) that changed.' }),
    before: t.field({
      type: 'JSONObject',
      nullable: true,
      description: 'The object before the change; null when it was created, or when the record is kept without personal data.',
      resolve: (c) => parse(c.before),
    }),
    after: t.field({
      type: 'JSONObject',
      nullable: true,
      description: 'The object after the change; null when it was removed, or when the record is kept without personal data.',
      resolve: (c) => parse(c.after),
    }),
    note: t.exposeString('note', { nullable: true, description: 'Why, as given with the change.' }),
    redacted: t.exposeBoolean('redacted', { description: 'The values were removed (erasure on request); who, when and which fields remain.' }),
  }),
});

const ChangeConnection = listConnection(ChangeRef, 'Change', 'changes');

builder.queryFields((t) => ({
  history: t.field({
    type: ChangeConnection,
    description: 'Every recorded change to an object, newest first: for administrators, and for whoever may curate or handle the object.',
    authScopes: { secretariat: true, desk: true, admin: true },
    args: { id: t.arg.string({ required: true, description: 'The object: a global id or a slug.' }), ...pageArgs(t) },
    resolve: async (_root, args, ctx) => {
      const id = storedId(args.id);
      const size = pageSize(args.first);
      const after = decodeCursor(args.after, ['string', 'string']) as [string, string] | null;
      const subject = await subjectFacts(ctx.queries, id);
      if (!subject) throw notFound(`Nothing with id "${args.id}" has a history: pass a global id or slug as the API returned it.`);
      if (!canReadHistory(ctx.viewer, subject)) throw forbidden(`The history of this ${subject.label.toLowerCase()} is open to administrators and to whoever may curate or handle it.`);
      const { rows, total } = await pageOfChanges(ctx.queries, id, size, after);
      return toPage(rows, size, after !== null, total, (node) => ({ node, cursor: encodeCursor([node.at, node.id]) }));
    },
  }),
}));
