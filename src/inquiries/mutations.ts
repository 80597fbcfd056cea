import type { InputFieldMap } from '@pothos/core';
import { costOfWork, WORK_WEIGHTS } from '../graphql/limits.js';
import { builder, type Types } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { HANDLERS, STAFF } from '../graphql/scopes.js';
import { ExpertMatchConnection } from '../whoknows/types.js';
import { answerInquiry, changeInquiryStatus, closeInquiry, consultExpert, linkFollowUp } from './handling.js';
import { recordInquiry, type RecordedInquiry } from './record.js';
import type { InquiryRecord } from './repository.js';
import {
  ConsultationOutcomeEnum,
  InquiryKindEnum,
  InquiryNode,
  InquiryStatusEnum,
  RiskCategoryEnum,
  SimilarInquiryRef,
  VisibilityEnum,
} from './types.js';

const changeFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => ({
  id: t.string({ required: true, description: 'The inquiry (global id or slug).' }),
  expectedVersion: t.int({
    required: true,
    description: 'The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting.',
  }),
  note: t.string({ required: false, description: 'What was done, or why.' }),
});

const RecordInquiryInput = builder.inputType('RecordInquiryInput', {
  description: 'A new question.',
  fields: (t) => ({
    kind: t.field({
      type: InquiryKindEnum,
      required: true,
      description: 'Expertise request (to CKN or REKA) or knowledge-security question (to the desk).',
    }),
    question: t.string({ required: true, description: 'The question, in Dutch or English.' }),
    context: t.string({ required: false, description: 'Background.' }),
    askedBy: t.string({
      required: true,
      description: 'The asking institution (global id or slug, e.g. "min-bz" or "tu-delft").',
    }),
    contactName: t.string({ required: false, description: 'Whom to answer.' }),
    contactEmail: t.field({ type: 'EmailAddress', required: false, description: 'Their e-mail address.' }),
    themes: t.stringList({ required: false, description: 'Themes (ids, names or aliases, English or Dutch).' }),
    countries: t.stringList({
      required: false,
      description: 'Countries (ISO codes or names; a region adds its countries).',
    }),
    routedTo: t.string({
      required: false,
      description: 'The network ("ckn", "reka"); knowledge-security questions go to the desk by default.',
    }),
    riskCategories: t.field({
      type: [RiskCategoryEnum],
      required: false,
      description: 'For knowledge-security questions: what the worry is.',
    }),
    partner: t.string({
      required: false,
      description: 'For knowledge-security questions: the foreign partner institution (id or slug).',
    }),
    receivedAt: t.field({
      type: 'DateTime',
      required: false,
      description: 'When it came in, if earlier than now (by mail or phone). Default: now.',
    }),
    followUpOf: t.string({ required: false, description: 'An earlier inquiry this follows up.' }),
    note: t.string({ required: false, description: 'A note for the history.' }),
  }),
});

const RecordInquiryPayload = builder.objectRef<RecordedInquiry>('RecordInquiryPayload').implement({
  description: 'The recorded inquiry, with the first answer to it: who knows, and what was asked before.',
  fields: (t) => ({
    inquiry: t.field({ type: InquiryNode, description: 'The new inquiry.', resolve: (p) => p.inquiry }),
    suggestedExperts: t.field({
      type: ExpertMatchConnection,
      complexity: costOfWork(WORK_WEIGHTS.ranking),
      description: 'Experts on its themes and countries (whoKnows), best first.',
      resolve: (p) => p.suggestedExperts(),
    }),
    similarInquiries: t.field({
      type: [SimilarInquiryRef],
      complexity: costOfWork(WORK_WEIGHTS.textSearch),
      description: 'Earlier inquiries like it, best first.',
      resolve: (p) => p.similarInquiries(),
    }),
  }),
});
/** A change to an existing inquiry: its input carries id, expectedVersion and note besides `fields`. */
function inquiryChange<Fields extends InputFieldMap>(
  t: PothosSchemaTypes.MutationFieldBuilder<Types, {}>,
  name: string,
  description: string,
  fields: (f: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => Fields,
  apply: (ctx: Context, input: any) => Promise<InquiryRecord>,
) {
  const inputName = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  return t.field({
    type: InquiryNode,
    description: `${description} For the handlers of the inquiry (the routed network's secretariat, the desk for its own) and administrators.`,
    authScopes: HANDLERS,
    args: {
      input: t.arg({
        type: builder.inputType(inputName, {
          description: `The input of ${name}.`,
          fields: (f) => ({ ...changeFields(f), ...fields(f) }),
        }),
        required: true,
        description: 'The change.',
      }),
    },
    resolve: (_root, args, ctx) => apply(ctx, (args as { input: unknown }).input),
  });
}

builder.mutationFields((t) => ({
  recordInquiry: t.field({
    type: RecordInquiryPayload,
    description:
      'Records a question; returns it with suggested experts and similar earlier inquiries. All input problems are reported at once, and nothing is written while any remain. For officers, secretariats, the desk and administrators.',
    authScopes: STAFF,
    args: { input: t.arg({ type: RecordInquiryInput, required: true, description: 'The question.' }) },
    resolve: (_root, { input }, ctx) => recordInquiry(ctx.queries, ctx.viewer, input),
  }),
  changeInquiryStatus: inquiryChange(
    t,
    'changeInquiryStatus',
    'Moves an inquiry to another status (not ANSWERED: use answerInquiry). Reopening needs a note; COORDINATING needs ministries.',
    (f) => ({
      status: f.field({ type: InquiryStatusEnum, required: true, description: 'The new status.' }),
      ministries: f.stringList({
        required: false,
        description: 'For COORDINATING: the ministries (ids or slugs, e.g. "min-ezk").',
      }),
    }),
    (ctx, input) => changeInquiryStatus(ctx.queries, ctx.viewer, input),
  ),
  consultExpert: inquiryChange(
    t,
    'consultExpert',
    'Records that an expert was asked and what came of it.',
    (f) => ({
      expert: f.string({ required: true, description: 'The expert (global id or slug).' }),
      outcome: f.field({ type: ConsultationOutcomeEnum, required: true, description: 'What came of it.' }),
      referredTo: f.string({ required: false, description: 'For REFERRED: the expert referred to.' }),
    }),
    (ctx, input) => consultExpert(ctx.queries, ctx.viewer, input),
  ),
  answerInquiry: inquiryChange(
    t,
    'answerInquiry',
    'Records the answer and marks the inquiry ANSWERED.',
    (f) => ({
      answerSummary: f.string({ required: true, description: 'The substance of the answer.' }),
      visibility: f.field({
        type: VisibilityEnum,
        required: false,
        description: 'May later askers read it? Default INTERNAL.',
      }),
    }),
    (ctx, input) => answerInquiry(ctx.queries, ctx.viewer, input),
  ),
  closeInquiry: inquiryChange(
    t,
    'closeInquiry',
    'Closes an inquiry; closing one without an answer (e.g. withdrawn) needs a note.',
    () => ({}),
    (ctx, input) => closeInquiry(ctx.queries, ctx.viewer, input),
  ),
  linkFollowUp: inquiryChange(
    t,
    'linkFollowUp',
    'Links an inquiry to the earlier one it follows up.',
    (f) => ({ followUpOf: f.string({ required: true, description: 'The earlier inquiry (global id or slug).' }) }),
    (ctx, input) => linkFollowUp(ctx.queries, ctx.viewer, input),
  ),
}));
