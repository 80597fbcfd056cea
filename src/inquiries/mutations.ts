import type { InputFieldMap } from '@pothos/core';
import { inquiryViewerParams } from '../auth/policy.js';
import { costOfWork, WORK_WEIGHTS } from '../graphql/limits.js';
import { alsoOpenAbout } from './partner-file-repository.js';
import { languageArgs, reasonLanguage } from '../graphql/language.js';
import { builder, type Types } from '../graphql/builder.js';
import type { InputFields } from '../writes/mutation-fields.js';
import type { Context } from '../graphql/context.js';
import { HANDLERS, STAFF } from '../graphql/scopes.js';
import { ExpertMatchConnection } from '../whoknows/types.js';
import { closeInquiry } from './closing.js';
import { answerInquiry, changeInquiryStatus, consultExpert, linkFollowUp } from './handling.js';
import { closeFields } from './handling-inputs.js';
import { recordInquiry, type RecordedInquiry } from './record.js';
import type { InquiryRecord } from './model.js';
import {
  answerFields,
  consultationFields,
  followUpFields,
  recordInquiryFields,
  statusChangeFields,
  changeFields,
  type InquiryChange,
} from './inputs.js';
import { InquiryNode, SimilarInquiryRef } from './types.js';

const RecordInquiryInput = builder.inputType('RecordInquiryInput', {
  description: 'A new question.',
  fields: recordInquiryFields,
});

const RecordInquiryPayload = builder.objectRef<RecordedInquiry>('RecordInquiryPayload').implement({
  description: 'The recorded inquiry, with the first answer to it: who knows, and what was asked before.',
  fields: (t) => ({
    inquiry: t.field({ type: InquiryNode, description: 'The new inquiry.', resolve: (p) => p.inquiry }),
    suggestedExperts: t.field({
      type: ExpertMatchConnection,
      complexity: costOfWork(WORK_WEIGHTS.ranking),
      description: 'Experts on its themes and countries (whoKnows), best first.',
      args: languageArgs(t),
      resolve: (p, args, ctx) => p.suggestedExperts(reasonLanguage(args.language, ctx)),
    }),
    alsoOpen: t.field({
      type: [InquiryNode],
      description:
        'Other open inquiries about its partner (given or recognised), as far as you may see them: someone may be ' +
        'working on the same partner. Empty without a partner.',
      resolve: (p, _args, ctx) => alsoOpenAbout(ctx.queries, p.inquiry.id, inquiryViewerParams(ctx.viewer)),
    }),
    similarInquiries: t.field({
      type: [SimilarInquiryRef],
      complexity: costOfWork(WORK_WEIGHTS.textSearch),
      description: 'Earlier inquiries like it, best first.',
      args: languageArgs(t),
      resolve: (p, args, ctx) => p.similarInquiries(reasonLanguage(args.language, ctx)),
    }),
  }),
});

/** A change to an existing inquiry: its input carries id, expectedVersion and note besides `fields`. */
export function inquiryChange<Fields extends InputFieldMap>(
  t: PothosSchemaTypes.MutationFieldBuilder<Types, Types['Root']>,
  name: string,
  description: string,
  fields: (f: InputFields) => Fields,
  apply: (ctx: Context, input: InquiryChange<Fields>) => Promise<InquiryRecord>,
) {
  // Typed loosely here: TypeScript cannot follow the generic fields into the input's shape (see resolve).
  const input: PothosSchemaTypes.InputObjectRef<Types, unknown> = builder.inputType(
    `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`,
    { description: `The input of ${name}.`, fields: (f) => ({ ...changeFields(f), ...fields(f) }) },
  );
  return t.field({
    type: InquiryNode,
    description:
      `${description} For the handlers of the inquiry (the routed network's secretariat, the desk for its own) ` +
      'and administrators.',
    authScopes: HANDLERS,
    args: {
      input: t.arg({
        type: input,
        required: true,
        description: 'The change.',
      }),
    },
    // The input object is built from exactly changeFields and these fields.
    resolve: (_root, args, ctx) => apply(ctx, args.input as InquiryChange<Fields>),
  });
}

builder.mutationFields((t) => ({
  recordInquiry: t.field({
    type: RecordInquiryPayload,
    description:
      'Records a question; returns it with suggested experts and similar earlier inquiries. All input problems ' +
      'are reported at once, and nothing is written while any remain. For officers, secretariats, the desk and ' +
      'administrators.',
    authScopes: STAFF,
    args: { input: t.arg({ type: RecordInquiryInput, required: true, description: 'The question.' }) },
    resolve: (_root, { input }, ctx) => recordInquiry(ctx.queries, ctx.viewer, input),
  }),
  changeInquiryStatus: inquiryChange(
    t,
    'changeInquiryStatus',
    'Moves an inquiry to another status (not ANSWERED: use answerInquiry). Reopening needs a note; COORDINATING ' +
      'needs ministries.',
    statusChangeFields,
    (ctx, input) => changeInquiryStatus(ctx.queries, ctx.viewer, input),
  ),
  consultExpert: inquiryChange(
    t,
    'consultExpert',
    'Records that an expert was asked and what came of it.',
    consultationFields,
    (ctx, input) => consultExpert(ctx.queries, ctx.viewer, input),
  ),
  answerInquiry: inquiryChange(
    t,
    'answerInquiry',
    'Records the answer and marks the inquiry ANSWERED.',
    answerFields,
    (ctx, input) => answerInquiry(ctx.queries, ctx.viewer, input),
  ),
  closeInquiry: inquiryChange(
    t,
    'closeInquiry',
    'Closes an inquiry, with a reason (see ClosingReason). Without one, an answered inquiry is closed as ' +
      'ANSWERED, and closing one without an answer needs a note.',
    closeFields,
    (ctx, input) => closeInquiry(ctx.queries, ctx.viewer, input),
  ),
  linkFollowUp: inquiryChange(
    t,
    'linkFollowUp',
    'Links an inquiry to the earlier one it follows up.',
    followUpFields,
    (ctx, input) => linkFollowUp(ctx.queries, ctx.viewer, input),
  ),
}));
