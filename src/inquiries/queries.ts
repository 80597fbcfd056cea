import { builder } from '../graphql/builder.js';
import { languageArgs, reasonLanguage } from '../graphql/language.js';
import { costOfWork, WORK_WEIGHTS } from '../graphql/limits.js';
import { pageArgs } from '../graphql/args.js';
import { listConnection } from '../graphql/connections.js';
import { pageArgDescriptions } from '../graphql/paging.js';
import { STAFF } from '../graphql/scopes.js';
import { findSimilarInquiries, listInquiries } from './search.js';
import { MAX_DUE_WITHIN_WORKING_DAYS } from './queues.js';
import { InquiryOrderEnum, InquiryQueueEnum } from './queues-types.js';
import { InquiryKindEnum, InquiryNode, InquiryStatusEnum, RiskCategoryEnum, SimilarInquiryRef } from './types.js';

export const InquiryConnection = listConnection(InquiryNode, 'Inquiry', 'inquiries');

const InquiryFilter = builder.inputType('InquiryFilter', {
  description: 'Which inquiries to list; every condition given must hold.',
  fields: (t) => ({
    queue: t.field({
      type: InquiryQueueEnum,
      required: false,
      description: 'Only the open inquiries of this work queue (see inquiryQueues for their counts).',
    }),
    dueWithinWorkingDays: t.int({
      required: false,
      description:
        'For the DUE_SOON queue: how many Dutch working days ahead, from 0 (today) to ' +
        `${MAX_DUE_WITHIN_WORKING_DAYS} (default 1).`,
    }),
    handler: t.string({ required: false, description: 'Handled by this person (their token subject, see handlers).' }),
    askedBy: t.string({ required: false, description: 'Asked by this institution (id or slug, e.g. "tu-delft").' }),
    partner: t.string({
      required: false,
      description: 'Concerning this partner institution, given or recognised (id or slug).',
    }),
    partnerFlagged: t.boolean({
      required: false,
      description:
        'true: only those about a partner on a screening list (a confirmed flag, not delisted); false: the others.',
    }),
    answeredBy: t.string({
      required: false,
      description:
        'Answered with the help of this expert (id or slug): one of its consultations of them came out ANSWERED.',
    }),
    riskCategories: t.field({
      type: [RiskCategoryEnum],
      required: false,
      description: 'Naming any of these risk categories, given or recognised.',
    }),
    text: t.string({
      required: false,
      description:
        'Every word of this text in the question or context (or answer), Dutch or English stemming; at most 300 ' +
        'characters.',
    }),
    filedByMe: t.boolean({ required: false, description: 'true: only the inquiries I filed.' }),
    dueFrom: t.field({ type: 'DateTime', required: false, description: 'Due at or after this moment.' }),
    dueBefore: t.field({ type: 'DateTime', required: false, description: 'Due before this moment.' }),
    status: t.field({
      type: [InquiryStatusEnum],
      required: false,
      description: 'Any of these statuses (at most 10).',
    }),
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
    description:
      'Inquiries the viewer may see, first come, first served (by receipt) or soonest due first; a queue and filters ' +
      'narrow them.',
    args: {
      filter: t.arg({ type: InquiryFilter, required: false, description: 'Which ones.' }),
      orderBy: t.arg({
        type: InquiryOrderEnum,
        required: false,
        description: 'RECEIVED (default: first come, first served) or DUE (soonest due first).',
      }),
      ...pageArgs(t),
    },
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
      ...languageArgs(t),
    },
    authScopes: STAFF,
    resolve: (_root, args, ctx) =>
      findSimilarInquiries(ctx.queries, ctx.viewer, { ...args, language: reasonLanguage(args.language, ctx) }),
  }),
}));
