import { canCurateShared } from '../auth/policy.js';
import { InstitutionKind, InstitutionNode } from './types.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { curationMutations } from '../writes/mutation-fields.js';
import { createInstitution, retireInstitution, updateInstitution } from './service.js';

/** Institutions and themes are shared by every network: any secretariat may curate them. */
const sharedData = (_root: unknown, _args: unknown, ctx: Context) => canCurateShared(ctx.viewer);

builder.mutationFields((t) => ({
  ...curationMutations(t, {
    typename: 'Institution',
    type: InstitutionNode,
    noun: 'institution',
    who: 'For administrators and every secretariat.',
    authScopes: sharedData,
    fields: (f, creating) => ({
      ...(creating
        ? {
            slug: f.string({
              required: true,
              description: 'Stable short identifier: lower-case words joined by hyphens, e.g. "tu-delft".',
            }),
          }
        : {}),
      name: f.string({ required: creating, description: 'English name.' }),
      nameNl: f.string({ required: creating, description: 'Dutch name.' }),
      acronym: f.string({ required: false, description: 'Common abbreviation, e.g. "RVO".' }),
      kind: f.field({ type: InstitutionKind, required: creating, description: 'What sort of organisation.' }),
      country: f.field({
        type: 'CountryCode',
        required: creating,
        description: 'The country it is based in (ISO 3166-1 alpha-2, e.g. "NL").',
      }),
      city: f.string({ required: false, description: 'Where it is based.' }),
      url: f.field({ type: 'URL', required: false, description: 'Website.' }),
    }),
    create: (ctx, input) => createInstitution(ctx.queries, ctx.viewer, input),
    update: (ctx, input) => updateInstitution(ctx.queries, ctx.viewer, input),
    retire: (ctx, input) => retireInstitution(ctx.queries, ctx.viewer, input),
  }),
}));
