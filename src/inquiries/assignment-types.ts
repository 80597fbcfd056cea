import { belongsToTeam, DESK_NETWORK_ID, handlesInquiry } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import { builder } from '../graphql/builder.js';
import { defineLoader } from '../graphql/loaders.js';
import { HANDLERS } from '../graphql/scopes.js';
import { NetworkNode } from '../networks/types.js';
import type { PersonRecord } from '../notifications/people-repository.js';
import type { InputFields } from '../writes/mutation-fields.js';
import {
  assignInquiry,
  claimInquiry,
  handlersOfTeam,
  handOverInquiry,
  registerHandler,
  releaseInquiry,
} from './assignment.js';
import { inquiryChange } from './mutations.js';
import type { InquiryRecord } from './model.js';
import { rerouteInquiry } from './routing.js';
import { reroutesOf, type RerouteRecord } from './routing-repository.js';
import { InquiryNode } from './types.js';

/** The reroutes of inquiries, for a whole page in one round trip. */
const inquiryReroutes = defineLoader<string, RerouteRecord[]>(async (queries, ids) => {
  const rows = await reroutesOf(queries, ids);
  return ids.map((id) => rows.filter((row) => row.inquiryId === id));
});

/** How a handling team reads the inquiry: its current team, administrators, and the teams it was rerouted from. */
export function readsHandling(viewer: Viewer, inquiry: InquiryRecord): boolean {
  return handlesInquiry(viewer, inquiry) || inquiry.routedFrom.some((teamId) => belongsToTeam(viewer, teamId));
}

const HandlerRef = builder.objectRef<{ id: string; name: string }>('InquiryHandler').implement({
  description: 'The person handling an inquiry: a member of the team it is routed to.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Their token subject.' }),
    name: t.exposeString('name', { description: 'Their display name.' }),
  }),
});

const KnownHandlerRef = builder.objectRef<PersonRecord>('Handler').implement({
  description:
    'Someone who handles inquiries (a person of the desk or a secretariat), as their token described them when they ' +
    'last acted: who may be assigned to an inquiry of which team, and who hears of its notifications.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Their token subject: pass it as assignee.' }),
    name: t.exposeString('name', { description: 'Their display name.' }),
    teams: t.stringList({
      description:
        'The teams they belong to: "knowledge-security-desk" for the desk role, and the networks whose secretariat ' +
        'they work for.',
      resolve: (h) => [
        ...(h.roles.includes('desk') ? [DESK_NETWORK_ID] : []),
        ...(h.roles.includes('secretariat') ? h.networks : []),
      ],
    }),
    lastSeenAt: t.field({
      type: 'DateTime',
      description: 'When they were last recorded from their token (they acted, registered or read their inbox).',
      resolve: (p) => p.seenAt,
    }),
  }),
});

const RerouteRef = builder.objectRef<RerouteRecord>('Reroute').implement({
  description: 'An inquiry moved from one team to another, and why.',
  fields: (t) => ({
    from: t.field({ type: NetworkNode, description: 'The team it left.', resolve: (r) => r.from }),
    to: t.field({ type: NetworkNode, description: 'The team it went to.', resolve: (r) => r.to }),
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
    by: t.exposeString('by', { description: 'Who rerouted it.' }),
    reason: t.exposeString('reason', { description: 'Why.' }),
  }),
});

builder.objectFields(InquiryNode, (t) => ({
  handler: t.field({
    type: HandlerRef,
    nullable: true,
    description: 'Who handles it now (a member of the team it is routed to); null when nobody has taken it.',
    resolve: (i) => (i.handlerId ? { id: i.handlerId, name: i.handlerName ?? i.handlerId } : null),
  }),
  assignedAt: t.expose('assignedAt', {
    type: 'DateTime',
    nullable: true,
    description: 'When its handler got it; null when nobody has.',
  }),
  routedFrom: t.field({
    type: [NetworkNode],
    description: 'The teams it was rerouted away from (each once): they may still read it, but not change it.',
    resolve: (i) => [...new Set(i.routedFrom)],
  }),
  rerouteCount: t.int({
    description: 'How many times it was rerouted between teams.',
    resolve: (i) => i.routedFrom.length,
  }),
  reroutes: t.field({
    type: [RerouteRef],
    description:
      'Its reroutes with their reasons, oldest first: for the team it is routed to, the teams it left, and ' +
      'administrators.',
    authScopes: (i, _args, ctx) => readsHandling(ctx.viewer, i),
    resolve: (i, _args, ctx) => ctx.load(inquiryReroutes).load(i.id),
  }),
}));

const assigneeFields = (f: InputFields) => ({
  assignee: f.string({ required: true, description: 'The colleague’s token subject (see the handlers query).' }),
  assigneeName: f.string({ required: true, description: 'The colleague’s display name.' }),
});

builder.queryFields((t) => ({
  handlers: t.field({
    type: [KnownHandlerRef],
    description:
      'The people known to handle inquiries (recorded from their tokens when they act), by name; with team, only ' +
      'its members: whom an inquiry of that team can be assigned to, and who hear of its notifications. At most 500. ' +
      'For handlers and administrators.',
    authScopes: HANDLERS,
    args: {
      team: t.arg.string({
        required: false,
        description: 'Only members of this team: "knowledge-security-desk", "ckn" or "reka" (id or global id).',
      }),
    },
    resolve: (_root, args, ctx) => handlersOfTeam(ctx.queries, args.team ?? null),
  }),
}));

builder.mutationFields((t) => ({
  registerHandler: t.field({
    type: KnownHandlerRef,
    description:
      'Records you (from your token: subject, name, e-mail, roles, networks) as a person of your teams, so that ' +
      'colleagues can assign inquiries to you and you hear of your teams’ inquiries before you have acted on one. ' +
      'For the desk and secretariats.',
    authScopes: { desk: true, secretariat: true },
    resolve: (_root, _args, ctx) => registerHandler(ctx.queries, ctx.viewer),
  }),
  claimInquiry: inquiryChange(
    t,
    'claimInquiry',
    'Takes an open inquiry of your team: you become its handler. When someone else has it, CONFLICT names them ' +
      '(extensions.handler); of two claims at once, one wins.',
    () => ({}),
    (ctx, input) => claimInquiry(ctx.queries, ctx.viewer, input),
  ),
  assignInquiry: inquiryChange(
    t,
    'assignInquiry',
    'Gives an open inquiry to a member of the team it is routed to (whoever had it). An assignee not known as a ' +
      'member of that team (see handlers) is refused.',
    assigneeFields,
    (ctx, input) => assignInquiry(ctx.queries, ctx.viewer, input),
  ),
  handOverInquiry: inquiryChange(
    t,
    'handOverInquiry',
    'Passes an inquiry you handle to a colleague of its team; the note (required) says where it stands.',
    assigneeFields,
    (ctx, input) => handOverInquiry(ctx.queries, ctx.viewer, input),
  ),
  releaseInquiry: inquiryChange(
    t,
    'releaseInquiry',
    'Leaves an inquiry you handle without a handler (back in the unassigned queue); administrators may release any.',
    () => ({}),
    (ctx, input) => releaseInquiry(ctx.queries, ctx.viewer, input),
  ),
  rerouteInquiry: inquiryChange(
    t,
    'rerouteInquiry',
    'Moves an open inquiry to another team (the desk, CKN or REKA), with a reason. It keeps its slug, receipt, due ' +
      'moment, history and consultations; the team it leaves may still read it; its handler is cleared; its kind ' +
      'follows the new team.',
    (f) => ({
      to: f.string({
        required: true,
        description: 'The team: "knowledge-security-desk", "ckn" or "reka" (id or global id).',
      }),
      reason: f.string({ required: true, description: 'Why it goes there (kept in its history).' }),
    }),
    (ctx, input) => rerouteInquiry(ctx.queries, ctx.viewer, input),
  ),
}));
