import { builder } from '../graphql/builder.js';
import { costOfWork, WORK_WEIGHTS } from '../graphql/limits.js';
import { pageArgs } from '../graphql/args.js';
import { listConnection } from '../graphql/connections.js';
import { pageArgDescriptions } from '../graphql/paging.js';
import { STAFF } from '../graphql/scopes.js';
import { findSimilarInquiries, listInquiries } from './search.js';
import { InquiryKindEnum, InquiryNode, InquiryStatusEnum, SimilarInquiryRef } from './types.js';

export const InquiryConnection = listConnection(InquiryNode, 'Inquiry', 'inquiries');

const InquiryFilter = builder.inputType('InquiryFilter', {
  description: 'Which inquiries to list; every condition given must hold.',
  fields: (t) => ({
    status: t.field({ type: [InquiryStatusEnum], required: false, description: 'Any of these statuses.' }),
    kind: t.field({ type: InquiryKindEnum, required: false, description: 'Of this kind.' }),
    network: t.string({
      required: false,
      description: 'Routed to this network or desk (slug, acronym or name, e.g. "ckn", "LKV").',
    }),
    theme: t.string({ required: false, description: 'About this theme or a narrower one (id, name or alias).' }),
    country: t.string({ required: false, description: 'Concerning this country, or a country of this region.' }),
    overdue: t.boolean({ required: false, description: 'true: only open ones past due; false: only the others.' }),
    receivedFrom: t.field({ type: 'DateTime', required: false, description: 'Received at or after this moment.' }),
    receivedBefore: t.field({ type: 'DateTime', required: false, description: 'Received before this moment.' }),
  }),
});
builder.queryFields((t) => ({
  inquiries: t.field({
    type: InquiryConnection,
    description: 'Inquiries, first come, first served (by receipt).',
    args: { filter: t.arg({ type: InquiryFilter, required: false, description: 'Which ones.' }), ...pageArgs(t) },
    authScopes: STAFF,
    resolve: (_root, args, ctx) => listInquiries(ctx.queries, ctx.viewer, args.filter ?? {}, args),
  }),
  similarInquiries: t.field({
    complexity: costOfWork(WORK_WEIGHTS.textSearch),
    type: [SimilarInquiryRef],
    description:
      'Earlier inquiries like a question, by text (Dutch and English stemming) and shared themes, countries and ' +
      'partner.',
    args: {
      question: t.arg.string({ required: true, description: 'The question, in Dutch or English.' }),
      about: t.arg.string({ required: false, description: 'A theme to weigh (id, name or alias).' }),
      country: t.arg.string({ required: false, description: 'A country or region to weigh.' }),
      first: t.arg.int({ required: false, description: pageArgDescriptions.first }),
    },
    authScopes: STAFF,
    resolve: (_root, args, ctx) => findSimilarInquiries(ctx.queries, ctx.viewer, args),
  }),
}));
