import type { CreateInput, InputFields, NoneOf, UpdateInput } from '../writes/mutation-fields.js';
import { THEME_PROPERTIES, type ThemeProperty } from './model.js';

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
  name: f.string({ required: creating, description: THEME_PROPERTIES.name.description }),
  nameNl: f.string({ required: creating, description: THEME_PROPERTIES.nameNl.description }),
  aliases: f.stringList({
    required: false,
    description: `${THEME_PROPERTIES.aliases.description} Each must not name another theme already.`,
  }),
  description: f.string({ required: false, description: THEME_PROPERTIES.description.description }),
  broader: f.stringList({
    required: false,
    description: 'The themes directly above it (ids, names or aliases); none may lie below it already (no cycles).',
  }),
});

export const changedThemeFields = (f: InputFields) => themeFields(f, false);

export type CreateThemeInput = CreateInput<ReturnType<typeof newThemeFields>>;
export type UpdateThemeInput = UpdateInput<ReturnType<typeof changedThemeFields>>;

/** The input's own fields are the model's properties, plus its broader themes (links): else this does not compile. */
type ThemeInputField = keyof ReturnType<typeof changedThemeFields>;
export type ThemeInputMatchesModel = NoneOf<
  Exclude<ThemeProperty, ThemeInputField>,
  Exclude<ThemeInputField, ThemeProperty | 'broader'>
>;
