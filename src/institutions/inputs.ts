import type { CreateInput, InputFields, NoneOf, UpdateInput } from '../writes/mutation-fields.js';
import { MAX_OTHER_NAMES, type InstitutionProperty } from './model.js';
import { InstitutionKindEnum } from './types.js';

/** The input fields of an institution: the one declaration its mutations and its service follow. */
export const newInstitutionFields = (f: InputFields) => ({
  slug: f.string({
    required: true,
    description: 'Stable short identifier: lower-case words joined by hyphens, e.g. "tu-delft".',
  }),
  ...institutionFields(f, true),
});

/** Its own fields; `creating` makes the ones a new institution needs required. */
export const institutionFields = <Creating extends boolean>(f: InputFields, creating: Creating) => ({
  name: f.string({ required: creating, description: 'English name.' }),
  nameNl: f.string({ required: creating, description: 'Dutch name.' }),
  originalName: f.string({
    required: false,
    description: 'The name in its original script, e.g. "哈尔滨工业大学"; null clears it.',
  }),
  transliterations: f.stringList({
    required: false,
    description: `Transliterations of the original name, e.g. "Ha'erbin Gongye Daxue" (at most ${MAX_OTHER_NAMES}).`,
  }),
  aliases: f.stringList({
    required: false,
    description: `Other names it goes by: former names, other spellings (at most ${MAX_OTHER_NAMES}).`,
  }),
  acronym: f.string({ required: false, description: 'Common abbreviation, e.g. "RVO".' }),
  kind: f.field({ type: InstitutionKindEnum, required: creating, description: 'What sort of organisation.' }),
  country: f.field({
    type: 'CountryCode',
    required: creating,
    description: 'The country it is based in (ISO 3166-1 alpha-2, e.g. "NL").',
  }),
  city: f.string({ required: false, description: 'Where it is based.' }),
  url: f.field({ type: 'URL', required: false, description: 'Website.' }),
  parent: f.string({
    required: false,
    description:
      'The organisation it is part of (id or slug), e.g. the ministry an institute falls under; null clears it.',
  }),
});

export const changedInstitutionFields = (f: InputFields) => institutionFields(f, false);

export type CreateInstitutionInput = CreateInput<ReturnType<typeof newInstitutionFields>>;
export type UpdateInstitutionInput = UpdateInput<ReturnType<typeof changedInstitutionFields>>;

/**
 * The input's own fields are the model's properties, plus its country and parent (relationships): else this does not
 * compile.
 */
type InstitutionInputField = keyof ReturnType<typeof changedInstitutionFields>;
export type InstitutionInputMatchesModel = NoneOf<
  Exclude<InstitutionProperty, InstitutionInputField>,
  Exclude<InstitutionInputField, InstitutionProperty | 'country' | 'parent'>
>;
