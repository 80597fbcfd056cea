import { changedContributionFields, newContributionFields } from './inputs.js';
import { ContributionNode } from './types.js';
import { builder } from '../graphql/builder.js';
import { CURATORS } from '../graphql/scopes.js';
import { curationMutations } from '../writes/mutation-fields.js';
import { createContribution, retireContribution, updateContribution } from './service.js';

builder.mutationFields((t) => ({
  ...curationMutations(t, {
    typename: 'Contribution',
    type: ContributionNode,
    noun: 'contribution',
    who: 'For administrators and the secretariats of a network one of its authors belongs to.',
    authScopes: CURATORS,
    fields: { create: newContributionFields, update: changedContributionFields },
    create: (ctx, input) => createContribution(ctx.queries, ctx.viewer, input),
    update: (ctx, input) => updateContribution(ctx.queries, ctx.viewer, input),
    retire: (ctx, input) => retireContribution(ctx.queries, ctx.viewer, input),
  }),
}));
