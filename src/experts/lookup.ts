import { builder } from '../graphql/builder.js';
import { loadBySlug, SLUG_DESCRIPTION } from '../graphql/lookups.js';
import { ExpertNode } from './types.js';

builder.queryField('expert', (t) =>
  t.field({
    type: ExpertNode,
    nullable: true,
    description:
      'The expert with this slug, as node(id:) gives it (an old slug of a merged expert gives the expert it was ' +
      'merged into; contact details as each field allows); null when none has it or it was erased.',
    args: { slug: t.arg.string({ required: true, description: SLUG_DESCRIPTION }) },
    resolve: (_root, args, ctx) => loadBySlug(ExpertNode.getDataloader(ctx), args.slug),
  }),
);
