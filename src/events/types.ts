import { lifecycleFields } from '../writes/retirable.js';
import { ExpertNode } from '../experts/types.js';
import { NetworkNode } from '../networks/types.js';
import { pageArgs } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { describedValues } from '../graphql/described-values.js';
import { listConnection } from '../graphql/connections.js';
import type { Context } from '../graphql/context.js';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../graphql/paging.js';
import { resolveNetworkId } from '../networks/resolve.js';
import { CountryNode } from '../places/types.js';
import { ThemeNode } from '../themes/types.js';
import { loadExpertRelation } from '../experts/loaders.js';
import { eventLinks } from './loaders.js';
import { describedEvent, EVENT_KINDS, type EventRecord } from './model.js';
import { eventsByIds, EVENTS_SPOKEN_AT, pageOfEvents, type SpeakerRecord } from './repository.js';

export const EventNode = builder.loadableNodeRef<EventRecord>('Event', {
  id: { resolve: (event) => event.id },
  load: (ids: string[], ctx) => eventsByIds(ctx.queries, ids),
});

const links = (ctx: Context, id: string) => ctx.load(eventLinks).load(id);

export const EventKindEnum = builder.enumType('EventKind', {
  description: 'What sort of gathering a network organises.',
  values: describedValues(EVENT_KINDS),
});

const Speaker = builder.objectRef<SpeakerRecord>('Speaker').implement({
  description: 'An expert who spoke at an event, and on what.',
  fields: (t) => ({
    expert: t.field({ type: ExpertNode, description: 'Who spoke.', resolve: (s) => s.expert }),
    topic: t.exposeString('topic', { nullable: true, description: 'What they spoke about.' }),
  }),
});

EventNode.implement({
  description: 'A knowledge session or network meeting organised by a network, with who spoke at it.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Readable identifier, e.g. "ckn-2025-03-04-chip-export-controls".' }),
    kind: t.field({ type: EventKindEnum, description: describedEvent('kind'), resolve: (e) => e.kind }),
    title: t.exposeString('title', { description: describedEvent('title') }),
    summary: t.exposeString('summary', { nullable: true, description: describedEvent('summary') }),
    startsAt: t.expose('startsAt', { type: 'DateTime', description: describedEvent('startsAt') }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true, description: describedEvent('endsAt') }),
    location: t.exposeString('location', { nullable: true, description: describedEvent('location') }),
    online: t.boolean({ description: describedEvent('online'), resolve: (e) => e.online === true }),
    ...lifecycleFields(t, 'event'),
    network: t.field({
      type: NetworkNode,
      nullable: true,
      description: 'The network that organises it.',
      resolve: async (e, _args, ctx) => (await links(ctx, e.id)).network,
    }),
    speakers: t.field({
      type: [Speaker],
      description: 'Who spoke, and on what, by name.',
      resolve: async (e, _args, ctx) => (await links(ctx, e.id)).speakers,
    }),
    themes: t.field({
      type: [ThemeNode],
      description: 'Themes it is about.',
      resolve: async (e, _args, ctx) => (await links(ctx, e.id)).themes,
    }),
    countries: t.field({
      type: [CountryNode],
      description: 'Countries it concerns.',
      resolve: async (e, _args, ctx) => (await links(ctx, e.id)).countries,
    }),
  }),
});

const EventConnection = listConnection(EventNode, 'Event', 'events');

builder.queryFields((t) => ({
  events: t.field({
    type: EventConnection,
    description: 'Knowledge sessions and network meetings, by start (earliest first); retired ones are left out.',
    args: {
      network: t.arg.string({
        required: false,
        description: 'Only those of this network (global id, slug, acronym or name, e.g. "ckn" or "LKV").',
      }),
      from: t.arg({
        type: 'DateTime',
        required: false,
        description: 'Only those starting at or after this moment (e.g. now, for upcoming ones).',
      }),
      ...pageArgs(t),
    },
    resolve: async (_root, args, ctx) => {
      const size = pageSize(args.first);
      const after = decodeCursor(args.after, ['string', 'string']) as [string, string] | null;
      const filter = {
        networkId: await resolveNetworkId(ctx.queries, args.network, 'network'),
        from: args.from?.toISOString() ?? null,
      };
      const { rows, total } = await pageOfEvents(ctx.queries, filter, size, after);
      return toPage(rows, size, after !== null, total, (node) => ({
        node,
        cursor: encodeCursor([node.startsAt, node.id]),
      }));
    },
  }),
}));

// Declared here rather than in src/experts so that the events area owns its Cypher and experts need not import it.
builder.objectField(ExpertNode, 'events', (t) =>
  t.field({
    type: [EventNode],
    description: 'The knowledge sessions and network meetings the expert spoke at, newest first.',
    args: { first: t.arg.int({ required: false, description: 'How many, from 1 to 100 (default 20).' }) },
    resolve: (expert, args, ctx) => loadExpertRelation(ctx, expert.id, EVENTS_SPOKEN_AT, pageSize(args.first)),
  }),
);
