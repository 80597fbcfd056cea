import { canCurateShared } from '../auth/policy.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { curationMutations } from '../writes/mutation-fields.js';
import { createTheme, retireTheme, updateTheme } from './service.js';
import { ThemeNode } from './types.js';

/** Institutions and themes are shared by every network: any secretariat may curate them. */
const sharedData = (_root: unknown, _args: unknown, ctx: Context) => canCurateShared(ctx.viewer);

builder.mutationFields((t) => ({
  ...curationMutations(t, {
    typename: 'Theme',
    type: ThemeNode,
    noun: 'theme',
    who: 'For administrators and every secretariat.',
    authScopes: sharedData,
    fields: (f, creating) => ({
      ...(creating
        ? {
            slug: f.string({
              required: true,
              description: 'Stable short identifier: lower-case words joined by hyphens, e.g. "rare-earths".',
            }),
          }
        : {}),
      name: f.string({ required: creating, description: 'English name.' }),
      nameNl: f.string({ required: creating, description: 'Dutch name.' }),
      aliases: f.stringList({
        required: false,
        description: 'Other names and spellings, English and Dutch; each must not name another theme already.',
      }),
      description: f.string({ required: false, description: 'What the theme covers.' }),
      broader: f.stringList({
        required: false,
        description: 'The themes directly above it (ids, names or aliases); none may lie below it already (no cycles).',
      }),
    }),
    create: (ctx, input) => createTheme(ctx.queries, ctx.viewer, input),
    update: (ctx, input) => updateTheme(ctx.queries, ctx.viewer, input),
    retire: (ctx, input) => retireTheme(ctx.queries, ctx.viewer, input),
  }),
}));
