import { builder } from '../graphql/builder.js';
import { loadBySlug, SLUG_DESCRIPTION } from '../graphql/lookups.js';
import { InquiryNode } from './types.js';

builder.queryField('inquiry', (t) =>
  t.field({
    type: InquiryNode,
    nullable: true,
    description:
      'The inquiry with this slug (e.g. "inq-2026-0001"), as node(id:) gives it: for whoever filed it, its handlers ' +
      'and administrators (FORBIDDEN for others); null when none has it.',
    args: { slug: t.arg.string({ required: true, description: SLUG_DESCRIPTION }) },
    resolve: (_root, args, ctx) => loadBySlug(InquiryNode.getDataloader(ctx), args.slug),
  }),
);
