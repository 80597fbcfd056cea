import { lifecycleFields } from '../writes/retirable.js';
import { builder } from '../graphql/builder.js';
import { describedValues } from '../graphql/described-values.js';
import { pageSize } from '../graphql/paging.js';
import type { Context } from '../graphql/context.js';
import { CountryNode } from '../places/types.js';
import { ThemeNode } from '../themes/types.js';
import { ExpertNode } from '../experts/types.js';
import { loadExpertRelation } from '../experts/loaders.js';
import { contributionLinks as linksOf } from './loaders.js';
import { CONTRIBUTION_KINDS, describedContribution, type ContributionRecord } from './model.js';
import { contributionsByIds, LATEST_CONTRIBUTIONS } from './repository.js';

export const ContributionNode = builder.loadableNodeRef<ContributionRecord>('Contribution', {
  id: { resolve: (contribution) => contribution.id },
  load: (ids: string[], ctx) => contributionsByIds(ctx.queries, ids),
});

const contributionLinks = (ctx: Context, id: string) => ctx.load(linksOf).load(id);

export const ContributionKind = builder.enumType('ContributionKind', {
  description: 'The form of a contribution.',
  values: describedValues(CONTRIBUTION_KINDS),
});

ContributionNode.implement({
  description: 'A publication, talk or briefing: evidence of what its authors know.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable short identifier.' }),
    kind: t.field({ type: ContributionKind, description: describedContribution('kind'), resolve: (k) => k.kind }),
    title: t.exposeString('title', { description: describedContribution('title') }),
    summary: t.exposeString('summary', { nullable: true, description: describedContribution('summary') }),
    date: t.expose('date', { type: 'Date', description: describedContribution('date') }),
    url: t.expose('url', { type: 'URL', nullable: true, description: describedContribution('url') }),
    ...lifecycleFields(t, 'contribution'),
    authors: t.field({
      type: [ExpertNode],
      description: 'The experts who made it.',
      resolve: async (k, _args, ctx) => (await contributionLinks(ctx, k.id)).authors,
    }),
    themes: t.field({
      type: [ThemeNode],
      description: 'Themes it is about.',
      resolve: async (k, _args, ctx) => (await contributionLinks(ctx, k.id)).themes,
    }),
    countries: t.field({
      type: [CountryNode],
      description: 'Countries it concerns.',
      resolve: async (k, _args, ctx) => (await contributionLinks(ctx, k.id)).countries,
    }),
  }),
});

// Declared here rather than in src/experts: experts come before contributions in the domain order.
builder.objectField(ExpertNode, 'contributions', (t) =>
  t.field({
    type: [ContributionNode],
    description: 'The expert’s latest publications, talks and briefings, newest first.',
    args: { first: t.arg.int({ required: false, description: 'How many, from 1 to 100 (default 20).' }) },
    resolve: (expert, args, ctx) => loadExpertRelation(ctx, expert.id, LATEST_CONTRIBUTIONS, pageSize(args.first)),
  }),
);
