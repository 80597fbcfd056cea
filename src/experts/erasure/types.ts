import { builder } from '../../graphql/builder.js';
import { CURATORS } from '../../graphql/scopes.js';
import type { ErasureCounts } from './repository.js';
import { eraseExpert, type ErasureReceipt } from './service.js';

const ErasureCountsRef = builder.objectRef<ErasureCounts>('ErasureCounts').implement({
  description: 'What an erased expert still counts for, anonymously.',
  fields: (t) => ({
    expertise: t.exposeInt('expertise', { description: 'Themes the anonymous expert still counts for.' }),
    countryFocus: t.exposeInt('countryFocus', { description: 'Countries the anonymous expert still counts for.' }),
    memberships: t.exposeInt('memberships', {
      description: 'Networks the anonymous expert still counts as a member of.',
    }),
    consultations: t.exposeInt('consultations', { description: 'Inquiries on which the consultation still counts.' }),
  }),
});

const ErasureReceiptRef = builder.objectRef<ErasureReceipt>('ErasureReceipt').implement({
  description:
    'Proof of an erasure on request: when it happened and which anonymous counts were kept. It holds no personal data.',
  fields: (t) => ({
    erasedAt: t.expose('erasedAt', { type: 'DateTime', description: 'When the personal data was removed.' }),
    anonymousId: t.exposeString('anonymousId', {
      description:
        'The id the anonymous record and its history now have: the old id (made from the name) no longer resolves.',
    }),
    keptCounts: t.field({
      type: ErasureCountsRef,
      description: 'The anonymous relationships kept for counts.',
      resolve: (r) => r.keptCounts,
    }),
  }),
});

const EraseExpertInput = builder.inputType('EraseExpertInput', {
  description: 'An expert’s request to have their personal data erased.',
  fields: (t) => ({
    id: t.string({
      required: true,
      description: 'The expert (global id or slug; an old id of a merged expert names the one it was merged into).',
    }),
    expectedVersion: t.int({
      required: true,
      description:
        'The version of the expert you read (for an old id of a merged expert: the kept expert’s): if it ' +
        'changed meanwhile, you get CONFLICT and nothing is erased.',
    }),
    reason: t.string({
      required: true,
      description:
        'The request, for the history (e.g. "Erasure request of 3 March, ticket 1234"); it is kept, so put no ' +
        'personal data in it.',
    }),
  }),
});

builder.mutationField('eraseExpert', (t) =>
  t.field({
    type: ErasureReceiptRef,
    description:
      'Erasure on request (GDPR art. 17): removes the expert’s personal data (profile, contact details, ' +
      'affiliations, contributions by them alone, and the values in earlier change records) and keeps an ' +
      'anonymous node, so that counts per theme, country, network and inquiry stay right. Recorded without the ' +
      'data. Irreversible, so it takes the expert’s expectedVersion (CONFLICT if it changed meanwhile). For ' +
      'administrators and the secretariats of the expert’s networks.',
    authScopes: CURATORS,
    args: { input: t.arg({ type: EraseExpertInput, required: true, description: 'Whom to erase, and the request.' }) },
    resolve: (_root, args, ctx) => eraseExpert(ctx.queries, ctx.viewer, args.input),
  }),
);
