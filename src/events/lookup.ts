import { builder } from '../graphql/builder.js';
import { loadBySlug, SLUG_DESCRIPTION } from '../graphql/lookups.js';
import { EventNode } from './types.js';

builder.queryField('event', (t) =>
  t.field({
    type: EventNode,
    nullable: true,
    description:
      'The knowledge session or network meeting with this slug, as node(id:) gives it; null when none has it.',
    args: { slug: t.arg.string({ required: true, description: SLUG_DESCRIPTION }) },
    resolve: (_root, args, ctx) => loadBySlug(EventNode.getDataloader(ctx), args.slug),
  }),
);
