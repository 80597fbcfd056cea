import { builder } from '../graphql/builder.js';
import { CURATORS } from '../graphql/scopes.js';
import { curationMutations } from '../writes/mutation-fields.js';
import { changedExpertFields, newExpertFields } from './inputs.js';
import { ExpertNode } from './types.js';
import { createExpert, retireExpert, updateExpert } from './service.js';

const WHO = 'For administrators, and for the secretariats of the expert’s networks.';
const AT_ONCE =
  'Every problem with the input is reported at once (extensions.fields), and nothing is written while any remain.';

builder.mutationFields((t) =>
  curationMutations(t, {
    typename: 'Expert',
    type: ExpertNode,
    noun: 'expert',
    who: WHO,
    // Which experts each secretariat may change is checked in the service (src/auth/policy.ts).
    authScopes: CURATORS,
    fields: { create: newExpertFields, update: changedExpertFields },
    create: (ctx, input) => createExpert(ctx.queries, ctx.viewer, input),
    update: (ctx, input) => updateExpert(ctx.queries, ctx.viewer, input),
    retire: (ctx, input) => retireExpert(ctx.queries, ctx.viewer, input),
    descriptions: {
      create: {
        input: 'A new expert.',
        arg: 'The expert.',
        mutation:
          'Creates an expert. For administrators and secretariats; a secretariat’s expert joins its own network ' +
          `unless networks says otherwise. ${AT_ONCE}`,
      },
      update: {
        input: 'A change to an expert: only the fields given change.',
        arg: 'The change.',
        mutation:
          'Changes an expert’s profile, contact details, affiliations, expertise, country focus or memberships. ' +
          `${WHO} ${AT_ONCE}`,
      },
      retire: {
        input: 'Takes an expert out of lists and searches.',
        arg: 'Which expert, and why.',
        expectedVersion: 'The version you read: if it changed meanwhile, you get CONFLICT.',
        mutation:
          'Retires an expert: gone from lists, network members, institution experts and whoKnows, but still found ' +
          `by id (retired: true). ${WHO}`,
      },
    },
  }),
);
