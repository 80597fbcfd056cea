import { builder } from '../graphql/builder.js';
import { HANDLERS } from '../graphql/scopes.js';
import { InstitutionNode } from '../institutions/types.js';
import { idOf } from '../names/service.js';
import { decideScreeningMatch, importScreeningList, proposeCandidates } from './service.js';
import { ImportReportRef, ScreeningFormatEnum } from './types.js';

const ImportScreeningListInput = builder.inputType('ImportScreeningListInput', {
  description:
    'A screening list file, sent as its text inside the request (the body limit, MAX_BODY_BYTES, applies; larger ' +
    'files are imported with `npm run import:screening`).',
  fields: (t) => ({
    format: t.field({ type: ScreeningFormatEnum, required: true, description: 'Which list and format it is.' }),
    publishedOn: t.string({
      required: true,
      description: 'The date the list was published (YYYY-MM-DD); it must be after the last version imported.',
    }),
    content: t.string({ required: true, description: 'The whole file, as UTF-8 text.' }),
  }),
});

const ScreeningDecisionEnum = builder.enumType('ScreeningDecision', {
  description: 'A person’s decision on a candidate match.',
  values: {
    CONFIRMED: { description: 'The entry is this institution: it becomes a flag.' },
    REJECTED: { description: 'The entry is another organisation: it is not proposed again.' },
  } as const,
});

const DecideScreeningMatchInput = builder.inputType('DecideScreeningMatchInput', {
  description: 'A decision on one candidate of an institution’s screening.',
  fields: (t) => ({
    institution: t.string({ required: true, description: 'The institution (global id or slug).' }),
    entry: t.string({ required: true, description: 'The list entry (ScreeningMatch.entryId).' }),
    decision: t.field({ type: ScreeningDecisionEnum, required: true, description: 'Confirm or reject.' }),
    note: t.string({ required: false, description: 'Why, for the audit trail.' }),
  }),
});

builder.mutationFields((t) => ({
  importScreeningList: t.field({
    type: ImportReportRef,
    authScopes: { admin: true, desk: true },
    description:
      'Imports a screening list file as a new dated version: entries it no longer holds are delisted (not deleted), ' +
      'and the institutions are searched for among its entries (candidates to confirm). A bad file is refused with ' +
      'every problem and where it is; nothing is written then. For the desk and administrators.',
    args: { input: t.arg({ type: ImportScreeningListInput, required: true, description: 'The file.' }) },
    resolve: (_root, { input }, ctx) =>
      importScreeningList(ctx.queries, ctx.viewer, {
        format: input.format,
        publishedOn: input.publishedOn,
        text: input.content,
      }),
  }),
  decideScreeningMatch: t.field({
    type: InstitutionNode,
    authScopes: HANDLERS,
    description:
      'Confirms a candidate (it becomes a flag on the institution) or rejects it (it is not proposed again). For the ' +
      'desk, secretariats and administrators.',
    args: { input: t.arg({ type: DecideScreeningMatchInput, required: true, description: 'The decision.' }) },
    resolve: (_root, { input }, ctx) => decideScreeningMatch(ctx.queries, ctx.viewer, input),
  }),
  screenInstitution: t.int({
    authScopes: HANDLERS,
    description:
      'Searches the current list entries for an institution (after it was added or renamed) and proposes what is ' +
      'found; returns how many candidates are new. For the desk, secretariats and administrators.',
    args: { institution: t.arg.string({ required: true, description: 'The institution (global id or slug).' }) },
    resolve: (_root, args, ctx) => proposeCandidates(ctx.queries, [idOf(args.institution, 'Institution')]),
  }),
}));
