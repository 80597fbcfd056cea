import { lifecycleFields } from '../writes/retirable.js';
import { builder } from '../graphql/builder.js';
import { listConnection } from '../graphql/connections.js';
import { pageArgs } from '../graphql/args.js';
import { nameOrderedConnection } from '../graphql/paging.js';
import { resolveNames } from '../names/service.js';
import { broaderThemes, narrowerThemes } from './loaders.js';
import { THEME_PROPERTIES, type ThemeRecord } from './model.js';
import { pageOfThemes, themesByIds } from './repository.js';

export const ThemeNode = builder.loadableNodeRef<ThemeRecord>('Theme', {
  id: { resolve: (theme) => theme.id },
  load: (ids: string[], ctx) => themesByIds(ctx.queries, ids),
});

ThemeNode.implement({
  description: 'A subject in the taxonomy (SKOS style): broader themes contain narrower ones.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable short identifier, also accepted as whoKnows(about:).' }),
    name: t.exposeString('name', { description: THEME_PROPERTIES.name.description }),
    nameNl: t.exposeString('nameNl', { description: THEME_PROPERTIES.nameNl.description }),
    aliases: t.exposeStringList('aliases', { description: THEME_PROPERTIES.aliases.description }),
    description: t.exposeString('description', {
      nullable: true,
      description: THEME_PROPERTIES.description.description,
    }),
    ...lifecycleFields(t, 'theme'),
    broader: t.field({
      type: [ThemeNode],
      description: 'The current themes directly above this one.',
      resolve: (theme, _args, ctx) => ctx.load(broaderThemes).load(theme.id),
    }),
    narrower: t.field({
      type: [ThemeNode],
      description: 'The current themes directly below this one.',
      resolve: (theme, _args, ctx) => ctx.load(narrowerThemes).load(theme.id),
    }),
  }),
});

export const ThemeConnection = listConnection(ThemeNode, 'Theme', 'themes');

builder.queryFields((t) => ({
  themes: t.field({
    type: ThemeConnection,
    description: 'All themes, by English name.',
    args: pageArgs(t),
    resolve: (_root, args, ctx) => nameOrderedConnection(args, (size, after) => pageOfThemes(ctx.queries, size, after)),
  }),
  theme: t.field({
    type: ThemeNode,
    nullable: true,
    description: 'The theme with this id, name or alias (English or Dutch, any case, accents optional); null if none.',
    args: { name: t.arg.string({ required: true, description: 'An id, name or alias, e.g. "halfgeleiders".' }) },
    resolve: async (_root, args, ctx) =>
      (await resolveNames(ctx.queries, { themes: [args.name] })).themes[0]?.id ?? null,
  }),
}));
