/**
 * A partner's file (issue 22): what the graph knows about a foreign institution from the inquiries about it, attached
 * to `Institution` by this area (it points up the domain order), and the notice of other open inquiries about an
 * inquiry's partner. Everything is limited to the inquiries the viewer may see; screening flags are on
 * `Institution.screening` (src/screening/).
 */
import { inquiryViewerParams } from '../auth/policy.js';
import { builder } from '../graphql/builder.js';
import { STAFF } from '../graphql/scopes.js';
import { InstitutionNode } from '../institutions/types.js';
import type { RiskCategory } from '../names/service.js';
import { alsoOpenAbout, partnerInquiries, type PartnerInquiries } from './partner-file-repository.js';
import { InquiryNode, RiskCategoryEnum } from './types.js';

const RiskSeen = builder.objectRef<{ category: string; count: number }>('PartnerRiskCategory').implement({
  description: 'A risk category named (given or recognised) in inquiries about a partner, with how many.',
  fields: (t) => ({
    category: t.field({
      type: RiskCategoryEnum,
      description: 'The risk category.',
      resolve: (r) => r.category as RiskCategory,
    }),
    count: t.exposeInt('count', { description: 'In how many of the inquiries you may see.' }),
  }),
});

const PartnerFile = builder.objectRef<PartnerInquiries>('PartnerFile').implement({
  description:
    'What the desk already knows about a foreign partner from the inquiries about it (given or recognised as ' +
    'partner): only the inquiries you may see. Its screening status is Institution.screening.',
  fields: (t) => ({
    inquiries: t.field({
      type: [InquiryNode],
      description:
        'The inquiries about it: answered ones first (newest answer first), then the open ones (oldest first), with ' +
        'their handlers; at most 50 of each.',
      resolve: (file) => [...file.answered, ...file.open],
    }),
    advice: t.field({
      type: [InquiryNode],
      description: 'The answered inquiries about it: the advice given (answerSummary), newest first.',
      resolve: (file) => file.answered,
    }),
    open: t.field({
      type: [InquiryNode],
      description: 'The open inquiries about it, oldest first: a colleague may be working on the same partner.',
      resolve: (file) => file.open,
    }),
    riskCategories: t.field({
      type: [RiskSeen],
      description: 'The risk categories seen in those inquiries, most frequent first.',
      resolve: (file) => file.riskCategories,
    }),
  }),
});

builder.objectField(InstitutionNode, 'partnerFile', (t) =>
  t.field({
    type: PartnerFile,
    authScopes: STAFF,
    description:
      'Its file as a foreign partner: earlier inquiries and advice about it, open ones, risks seen. Staff only; ' +
      'each sees the inquiries they may see (an officer: those they filed and shareable ones).',
    resolve: (i, _args, ctx) => partnerInquiries(ctx.queries, i.id, inquiryViewerParams(ctx.viewer)),
  }),
);

builder.objectField(InquiryNode, 'alsoOpen', (t) =>
  t.field({
    type: [InquiryNode],
    description:
      'Other open inquiries about the same partner (given or recognised), oldest first, as far as you may see them: ' +
      '"also open: inq-2026-0051, asked by Groningen, handled by …". Empty without a partner.',
    resolve: (i, _args, ctx) => alsoOpenAbout(ctx.queries, i.id, inquiryViewerParams(ctx.viewer)),
  }),
);
