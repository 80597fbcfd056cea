import { canCurateShared } from '../auth/policy.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { curationMutations } from '../writes/mutation-fields.js';
import { createTheme, retireTheme, updateTheme } from './service.js';
import { changedThemeFields, newThemeFields } from './inputs.js';
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
    fields: { create: newThemeFields, update: changedThemeFields },
    create: (ctx, input) => createTheme(ctx.queries, ctx.viewer, input),
    update: (ctx, input) => updateTheme(ctx.queries, ctx.viewer, input),
    retire: (ctx, input) => retireTheme(ctx.queries, ctx.viewer, input),
  }),
}));
