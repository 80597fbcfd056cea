import { builder } from '../graphql/builder.js';
import { listConnection } from '../graphql/connections.js';
import { pageArgs } from '../graphql/args.js';
import { nameOrderedConnection } from '../graphql/paging.js';
import { InstitutionNode } from '../institutions/types.js';
import { networksRun, secretariats } from './loaders.js';
import { networksByIds, pageOfNetworks, type NetworkRecord } from './repository.js';

export const NetworkNode = builder.loadableNodeRef<NetworkRecord>('Network', {
  id: { resolve: (network) => network.id },
  load: (ids: string[], ctx) => networksByIds(ctx.queries, ids),
});

const NetworkKind = builder.enumType('NetworkKind', {
  description: 'Whether a routing target is a knowledge network or the knowledge security desk.',
  values: {
    KNOWLEDGE_NETWORK: { description: 'A knowledge network (CKN, REKA) matching demand for knowledge with experts.' },
    DESK: { description: 'The knowledge security desk, answering questions from knowledge institutions.' },
  } as const,
});

// Network.members is attached by src/experts.
NetworkNode.implement({
  description:
    'A knowledge network open to the whole central government, such as CKN or REKA, or the knowledge security desk.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable short identifier.' }),
    acronym: t.exposeString('acronym', { description: 'e.g. "CKN".' }),
    kind: t.field({
      type: NetworkKind,
      description: 'Knowledge network or desk.',
      resolve: (n) => n.kind ?? 'KNOWLEDGE_NETWORK',
    }),
    name: t.exposeString('name', { description: 'English name.' }),
    nameNl: t.exposeString('nameNl', { description: 'Dutch name.' }),
    aliases: t.stringList({
      description: 'Other names it goes by (e.g. "Rijksbreed loket kennisveiligheid"); any of them names it.',
      resolve: (n) => n.aliases ?? [],
    }),
    founded: t.exposeInt('founded', { nullable: true, description: 'Year founded.' }),
    description: t.exposeString('description', { nullable: true, description: 'What the network is for.' }),
    secretariat: t.field({
      type: [InstitutionNode],
      description: 'The institutions that run its secretariat.',
      resolve: (n, _args, ctx) => ctx.load(secretariats).load(n.id),
    }),
  }),
});

// Declared here rather than in src/institutions: institutions come before networks in the domain order.
builder.objectField(InstitutionNode, 'secretariatOf', (t) =>
  t.field({
    type: [NetworkNode],
    description: 'Networks whose secretariat this institution runs.',
    resolve: (i, _args, ctx) => ctx.load(networksRun).load(i.id),
  }),
);

const NetworkConnection = listConnection(NetworkNode, 'Network', 'networks');

builder.queryField('networks', (t) =>
  t.field({
    type: NetworkConnection,
    description: 'The knowledge networks, by English name.',
    args: pageArgs(t),
    resolve: (_root, args, ctx) =>
      nameOrderedConnection(args, (size, after) => pageOfNetworks(ctx.queries, size, after)),
  }),
);
