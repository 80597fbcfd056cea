import type { CreateInput, InputFields, UpdateInput } from '../writes/mutation-fields.js';

/** The input fields of a theme: the one declaration its mutations and its service follow. */
export const newThemeFields = (f: InputFields) => ({
  slug: f.string({
    required: true,
    description: 'Stable short identifier: lower-case words joined by hyphens, e.g. "rare-earths".',
  }),
  ...themeFields(f, true),
});

/** Its own fields; `creating` makes the ones a new theme needs required. */
export const themeFields = <Creating extends boolean>(f: InputFields, creating: Creating) => ({
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
});

export const changedThemeFields = (f: InputFields) => themeFields(f, false);

export type CreateThemeInput = CreateInput<ReturnType<typeof newThemeFields>>;
export type UpdateThemeInput = UpdateInput<ReturnType<typeof changedThemeFields>>;
