import { canCurateShared } from '../auth/policy.js';
import { ContributionKind, ContributionNode, InstitutionKind, InstitutionNode } from '../experts/types.js';
import { EventKindEnum, EventNode } from '../events/types.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { CURATORS } from '../graphql/scopes.js';
import { ThemeNode } from '../themes/types.js';
import { curationMutations } from '../writes/mutation-fields.js';
import { createContribution, retireContribution, updateContribution } from '../contributions/service.js';
import { createEvent, retireEvent, updateEvent } from '../events/service.js';
import { createInstitution, retireInstitution, updateInstitution } from '../institutions/service.js';
import { createTheme, retireTheme, updateTheme } from '../themes/service.js';

/** The curation mutations of institutions, themes, contributions and events (experts have theirs in experts.ts). */

const sharedData = (_root: unknown, _args: unknown, ctx: Context) => canCurateShared(ctx.viewer);

const SpeakerInput = builder.inputType('SpeakerInput', {
  description: 'An expert who speaks at an event.',
  fields: (f) => ({
    expert: f.string({ required: true, description: 'The expert (global id or slug).' }),
    topic: f.string({ required: false, description: 'What they speak about.' }),
  }),
});

builder.mutationFields((t) => ({
  ...curationMutations(t, {
    typename: 'Institution',
    type: InstitutionNode,
    noun: 'institution',
    who: 'For administrators and every secretariat.',
    authScopes: sharedData,
    fields: (f, creating) => ({
      ...(creating ? { slug: f.string({ required: true, description: 'Stable short identifier: lower-case words joined by hyphens, e.g. "tu-delft".' }) } : {}),
      name: f.string({ required: creating, description: 'English name.' }),
      nameNl: f.string({ required: creating, description: 'Dutch name.' }),
      acronym: f.string({ required: false, description: 'Common abbreviation, e.g. "RVO".' }),
      kind: f.field({ type: InstitutionKind, required: creating, description: 'What sort of organisation.' }),
      country: f.field({ type: 'CountryCode', required: creating, description: 'The country it is based in (ISO 3166-1 alpha-2, e.g. "NL").' }),
      city: f.string({ required: false, description: 'Where it is based.' }),
      url: f.field({ type: 'URL', required: false, description: 'Website.' }),
    }),
    create: (ctx, input) => createInstitution(ctx.queries, ctx.viewer, input),
    update: (ctx, input) => updateInstitution(ctx.queries, ctx.viewer, input),
    retire: (ctx, input) => retireInstitution(ctx.queries, ctx.viewer, input),
  }),
  ...curationMutations(t, {
    typename: 'Theme',
    type: ThemeNode,
    noun: 'theme',
    who: 'For administrators and every secretariat.',
    authScopes: sharedData,
    fields: (f, creating) => ({
      ...(creating ? { slug: f.string({ required: true, description: 'Stable short identifier: lower-case words joined by hyphens, e.g. "rare-earths".' }) } : {}),
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
      authors: f.stringList({ required: creating, description: 'The experts who made it (global ids or slugs), at least one.' }),
      themes: f.stringList({ required: false, description: 'Themes it is about (ids, names or aliases).' }),
      countries: f.stringList({ required: false, description: 'Countries it concerns (ISO codes or names; a region adds its countries).' }),
    }),
    create: (ctx, input) => createContribution(ctx.queries, ctx.viewer, input),
    update: (ctx, input) => updateContribution(ctx.queries, ctx.viewer, input),
    retire: (ctx, input) => retireContribution(ctx.queries, ctx.viewer, input),
  }),
  ...curationMutations(t, {
    typename: 'Event',
    type: EventNode,
    noun: 'event',
    who: 'For administrators and the secretariat of the organising network.',
    authScopes: CURATORS,
    fields: (f, creating) => ({
      kind: f.field({ type: EventKindEnum, required: creating, description: 'Knowledge session or network meeting.' }),
      title: f.string({ required: creating, description: 'Title.' }),
      summary: f.string({ required: false, description: 'What it is about.' }),
      startsAt: f.field({ type: 'DateTime', required: creating, description: 'When it starts.' }),
      endsAt: f.field({ type: 'DateTime', required: false, description: 'When it ends; after startsAt.' }),
      location: f.string({ required: false, description: 'Where it takes place.' }),
      online: f.boolean({ required: false, description: 'Whether it can be followed online (default false).' }),
      network: f.string({ required: creating, description: 'The organising network (global id or slug, e.g. "ckn").' }),
      themes: f.stringList({ required: false, description: 'Themes it is about (ids, names or aliases).' }),
      countries: f.stringList({ required: false, description: 'Countries it concerns (ISO codes or names; a region adds its countries).' }),
      speakers: f.field({ type: [SpeakerInput], required: false, description: 'Who speaks, and on what.' }),
    }),
    create: (ctx, input) => createEvent(ctx.queries, ctx.viewer, input),
    update: (ctx, input) => updateEvent(ctx.queries, ctx.viewer, input),
    retire: (ctx, input) => retireEvent(ctx.queries, ctx.viewer, input),
  }),
}));
