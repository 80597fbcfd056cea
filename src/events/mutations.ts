import { builder } from '../graphql/builder.js';
import { CURATORS } from '../graphql/scopes.js';
import { curationMutations } from '../writes/mutation-fields.js';
import { createEvent, retireEvent, updateEvent } from './service.js';
import { changedEventFields, newEventFields } from './inputs.js';
import { EventNode } from './types.js';

builder.mutationFields((t) => ({
  ...curationMutations(t, {
    typename: 'Event',
    type: EventNode,
    noun: 'event',
    who: 'For administrators and the secretariat of the organising network.',
    authScopes: CURATORS,
    fields: { create: newEventFields, update: changedEventFields },
    create: (ctx, input) => createEvent(ctx.queries, ctx.viewer, input),
    update: (ctx, input) => updateEvent(ctx.queries, ctx.viewer, input),
    retire: (ctx, input) => retireEvent(ctx.queries, ctx.viewer, input),
  }),
}));
