import type { CreateInput, InputFields, UpdateInput } from '../writes/mutation-fields.js';
import { ContributionKind } from './types.js';

/** The input fields of a contribution; `creating` makes the ones a new contribution needs required. */
export const contributionFields = <Creating extends boolean>(f: InputFields, creating: Creating) => ({
  kind: f.field({ type: ContributionKind, required: creating, description: 'Publication, talk or briefing.' }),
  title: f.string({ required: creating, description: 'Title.' }),
  summary: f.string({ required: false, description: 'A sentence or two on the content.' }),
  date: f.field({ type: 'Date', required: creating, description: 'When it was published or given.' }),
  url: f.field({ type: 'URL', required: false, description: 'Where to read or watch it.' }),
  authors: f.stringList({
    required: creating,
    description: 'The experts who made it (global ids or slugs), at least one.',
  }),
  themes: f.stringList({ required: false, description: 'Themes it is about (ids, names or aliases).' }),
  countries: f.stringList({
    required: false,
    description: 'Countries it concerns (ISO codes or names; a region adds its countries).',
  }),
});

export const newContributionFields = (f: InputFields) => contributionFields(f, true);
export const changedContributionFields = (f: InputFields) => contributionFields(f, false);

export type CreateContributionInput = CreateInput<ReturnType<typeof newContributionFields>>;
export type UpdateContributionInput = UpdateInput<ReturnType<typeof changedContributionFields>>;
