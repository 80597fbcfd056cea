import { builder } from '../graphql/builder.js';
import { MatchReason } from '../whoknows/types.js';
import { InquiryNode } from './types.js';

// whoKnows comes before inquiries in the domain order: the inquiries a reason rests on are attached from here.
builder.objectField(MatchReason, 'inquiries', (t) =>
  t.field({
    type: [InquiryNode],
    description:
      'The earlier inquiries the reason rests on that you may see (up to 10; the text counts them all, internal ' +
      'ones included).',
    resolve: async (reason, _args, ctx) => {
      const loaded = await InquiryNode.getDataloader(ctx).loadMany(reason.inquiryIds);
      // Inquiries the viewer may not see load as errors: left out, not failed.
      return loaded.filter((inquiry): inquiry is Exclude<typeof inquiry, Error> => !(inquiry instanceof Error));
    },
  }),
);
