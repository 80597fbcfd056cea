import { builder } from '../../graphql/builder.js';
import { costOfWork, WORK_WEIGHTS } from '../../graphql/limits.js';
import { CURATORS } from '../../graphql/scopes.js';
import { pageArgs } from '../../graphql/args.js';
import { listConnection } from '../../graphql/connections.js';
import { ExpertNode } from '../types.js';
import type { DuplicateReason, ScoredPair } from './scoring.js';
import { duplicateExperts, mergeExperts } from './service.js';

const DuplicateReasonRef = builder.objectRef<DuplicateReason>('DuplicateReason').implement({
  description: 'One part of why two experts are likely the same person, with the points it added.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The reason in plain words.' }),
    points: t.exposeFloat('points', { description: 'Points this reason added to the score.' }),
  }),
});

const DuplicateCandidateRef = builder.objectRef<ScoredPair>('DuplicateCandidate').implement({
  description: 'Two experts who are likely the same person: merge them with mergeExperts if they are.',
  fields: (t) => ({
    experts: t.field({
      type: [ExpertNode],
      description: 'The two experts, by slug.',
      resolve: (pair) => pair.expertIds,
    }),
    score: t.exposeFloat('score', { description: 'Higher is more likely; the reasons add up to it.' }),
    reasons: t.field({
      type: [DuplicateReasonRef],
      description: 'Why they look like one person.',
      resolve: (pair) => pair.reasons,
    }),
  }),
});

const DuplicateCandidateConnection = listConnection(
  DuplicateCandidateRef,
  'DuplicateCandidate',
  'likely duplicate pairs',
);

const MergeExpertsInput = builder.inputType('MergeExpertsInput', {
  description: 'Two records of one person: the one to keep, and the duplicate to fold into it.',
  fields: (t) => ({
    keep: t.string({
      required: true,
      description:
        'The expert to keep (global id or slug; an old id of a merged expert names the one it was merged into).',
    }),
    remove: t.string({
      required: true,
      description:
        'The duplicate (global id or slug, followed like `keep`): its relationships move to `keep`, and its id ' +
        'goes on naming `keep`.',
    }),
    keepVersion: t.int({
      required: true,
      description: 'The version of `keep` you read: if it changed meanwhile, you get CONFLICT and nothing is merged.',
    }),
    removeVersion: t.int({
      required: true,
      description: 'The version of `remove` you read: if it changed meanwhile, you get CONFLICT and nothing is merged.',
    }),
    note: t.string({ required: false, description: 'Why they are one person, for the history.' }),
  }),
});

builder.queryFields((t) => ({
  duplicateExperts: t.field({
    complexity: costOfWork(WORK_WEIGHTS.textSearch),
    type: DuplicateCandidateConnection,
    description:
      'Pairs of current experts who are likely the same person, most likely first: the same surname with alike ' +
      'given names (the same, one within the other, or a letter or two apart; a shared first initial only ' +
      'together with a shared institution), or a shared e-mail address. Administrators see every pair; a ' +
      'secretariat sees pairs with at least one expert of its networks.',
    // Duplicates, merging and erasure are curation; the service checks whose experts.
    authScopes: CURATORS,
    args: pageArgs(t),
    resolve: (_root, args, ctx) => duplicateExperts(ctx.queries, ctx.viewer, args),
  }),
}));

builder.mutationFields((t) => ({
  mergeExperts: t.field({
    type: ExpertNode,
    description:
      'Folds a duplicate into the expert to keep, all or nothing: every relationship moves (the same one twice ' +
      'becomes one, keeping the higher level and the wider period), the kept expert’s values win and the ' +
      'duplicate’s fill the gaps, and the duplicate’s id goes on naming the kept expert. For administrators and ' +
      'for a secretariat that may curate both experts. Returns the kept expert.',
    authScopes: CURATORS,
    args: {
      input: t.arg({
        type: MergeExpertsInput,
        required: true,
        description: 'Which expert to keep and which to fold into it.',
      }),
    },
    resolve: (_root, args, ctx) => mergeExperts(ctx.queries, ctx.viewer, args.input),
  }),
}));
