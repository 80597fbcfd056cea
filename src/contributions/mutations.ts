import { ContributionKind, ContributionNode } from './types.js';
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
    fields: (f, creating) => ({
      kind: f.field({ type: ContributionKind, required: creating, description: 'Publication, talk or briefing.' }),
      title: f.string({ required: creating, description: 'Title.' }),
      summary: f.string({ required: false, description: 'A sentence or two on the content.' }),
      date: f.field({ type: 'Date', required: creating, description: 'When it was published or given.' }),
      url: f.field({ type: 'URL', required: false, description: 'Where to read or watch it.' }),
      authors: f.stringList({
        required: creating,
        description: 'The experts who made it (global ids or slugs), at least one.',
      }),
      themes: f.stringList({ required: false, description: 'Themes it is about (ids, names or aliases).' }),
      countries: f.stringList({
        required: false,
        description: 'Countries it concerns (ISO codes or names; a region adds its countries).',
      }),
    }),
    create: (ctx, input) => createContribution(ctx.queries, ctx.viewer, input),
    update: (ctx, input) => updateContribution(ctx.queries, ctx.viewer, input),
    retire: (ctx, input) => retireContribution(ctx.queries, ctx.viewer, input),
  }),
}));
