import type { CreateInput, InputFields, NoneOf, UpdateInput } from '../writes/mutation-fields.js';
import { describedContribution, type ContributionProperty } from './model.js';
import { ContributionKind } from './types.js';

/** The input fields of a contribution; `creating` makes the ones a new contribution needs required. */
export const contributionFields = <Creating extends boolean>(f: InputFields, creating: Creating) => ({
  kind: f.field({ type: ContributionKind, required: creating, description: describedContribution('kind') }),
  title: f.string({ required: creating, description: describedContribution('title') }),
  summary: f.string({ required: false, description: describedContribution('summary') }),
  date: f.field({ type: 'Date', required: creating, description: describedContribution('date') }),
  url: f.field({ type: 'URL', required: false, description: describedContribution('url') }),
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

/** The input's own fields are the model's properties, plus its links (authors, themes, countries), or no compile. */
type ContributionInputField = keyof ReturnType<typeof changedContributionFields>;
export type ContributionInputMatchesModel = NoneOf<
  Exclude<ContributionProperty, ContributionInputField>,
  Exclude<ContributionInputField, ContributionProperty | 'authors' | 'themes' | 'countries'>
>;
