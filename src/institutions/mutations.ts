import { canCurateInstitutions } from '../auth/policy.js';
import { changedInstitutionFields, newInstitutionFields } from './inputs.js';
import { InstitutionNode } from './types.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { curationMutations } from '../writes/mutation-fields.js';
import { createInstitution, retireInstitution, updateInstitution } from './service.js';

/** Institutions are shared by every network: any secretariat, and the desk (foreign partners), may curate them. */
const sharedData = (_root: unknown, _args: unknown, ctx: Context) => canCurateInstitutions(ctx.viewer);

builder.mutationFields((t) => ({
  ...curationMutations(t, {
    typename: 'Institution',
    type: InstitutionNode,
    noun: 'institution',
    who: 'For administrators, every secretariat and the desk.',
    authScopes: sharedData,
    fields: { create: newInstitutionFields, update: changedInstitutionFields },
    create: (ctx, input) => createInstitution(ctx.queries, ctx.viewer, input),
    update: (ctx, input) => updateInstitution(ctx.queries, ctx.viewer, input),
    retire: (ctx, input) => retireInstitution(ctx.queries, ctx.viewer, input),
  }),
}));
