import { builder } from '../graphql/builder.js';
import type { CreateInput, InputFields, NoneOf, RetireInput, UpdateInput } from '../writes/mutation-fields.js';
import type { ExpertProperty } from './model.js';
import { ProvenanceEnum } from './types.js';

const AffiliationInput = builder.inputType('AffiliationInput', {
  description: 'A position at an institution; one per institution.',
  fields: (t) => ({
    institution: t.string({
      required: true,
      description: 'The institution (global id or slug, e.g. "clingendael"); it must not be retired.',
    }),
    role: t.string({ required: false, description: 'Position, e.g. "Senior Research Fellow".' }),
    since: t.field({ type: 'Date', required: false, description: 'First day in the position.' }),
    until: t.field({
      type: 'Date',
      required: false,
      description: 'Last day (not before since); leave out while the position is held.',
    }),
  }),
});

const provenanceField = (t: InputFields) =>
  t.field({
    type: ProvenanceEnum,
    required: false,
    description:
      'Where the level comes from (default DECLARED). VERIFIED records who verified it and when; EVIDENCED ' +
      'needs a contribution by the expert on it, or an inquiry on it they answered.',
  });

const ExpertiseInput = builder.inputType('ExpertiseInput', {
  description: 'How well the expert knows a theme.',
  fields: (t) => ({
    theme: t.string({ required: true, description: 'The theme: its id, or its English or Dutch name or alias.' }),
    level: t.int({ required: true, description: 'From 1 (working knowledge) to 5 (leading authority).' }),
    provenance: provenanceField(t),
  }),
});

const CountryFocusInput = builder.inputType('CountryFocusInput', {
  description: 'How closely the expert follows a country.',
  fields: (t) => ({
    country: t.string({
      required: true,
      description: 'The country: an ISO code or its English or Dutch name (not a region).',
    }),
    level: t.int({ required: true, description: 'From 1 (follows it) to 5 (leading specialist).' }),
    provenance: provenanceField(t),
  }),
});

/** A new expert's fields: its slug, and the fields it shares with a change, as a new expert needs them. */
export const newExpertFields = (t: InputFields) => ({
  slug: t.string({
    required: false,
    description: 'Stable short identifier, e.g. "jan-de-vries"; made from the name (and made unique) when left out.',
  }),
  ...expertFields(t, true),
});

/**
 * The fields create and update share: left out, a field stays as it is; null removes it; a list given replaces the
 * whole list.
 */
export const expertFields = <Creating extends boolean>(t: InputFields, creating: Creating) => ({
  name: t.string({ required: creating, description: 'Full name.' }),
  academicTitle: t.string({
    required: false,
    description: 'Academic titles as written before the name, e.g. "Prof. dr." (at most 300 characters).',
  }),
  email: t.field({ type: 'EmailAddress', required: false, description: 'E-mail address (personal data).' }),
  phone: t.field({
    type: 'PhoneNumber',
    required: false,
    description:
      'Phone number (personal data) with its country code, stored in E.164: "+31 6 12345678" becomes "+31612345678".',
  }),
  contactConsent: t.boolean({ required: false, description: 'Whether officers may contact the expert directly.' }),
  headline: t.string({ required: false, description: 'One line on what the expert knows (at most 300 characters).' }),
  headlineNl: t.string({ required: false, description: 'The headline in Dutch.' }),
  bio: t.string({ required: false, description: 'A short profile in English (at most 4000 characters).' }),
  bioNl: t.string({ required: false, description: 'The profile in Dutch.' }),
  languages: t.stringList({
    required: false,
    description: 'Languages the expert works in: ISO 639-1 codes, e.g. ["nl", "en", "zh"].',
  }),
  affiliations: t.field({
    type: [AffiliationInput],
    required: false,
    description: 'Positions, replacing all stored ones.',
  }),
  expertise: t.field({
    type: [ExpertiseInput],
    required: false,
    description: 'Themes and levels, replacing all stored ones; each theme once.',
  }),
  countryFocus: t.field({
    type: [CountryFocusInput],
    required: false,
    description: 'Countries and levels, replacing all stored ones; each country once.',
  }),
  networks: t.stringList({
    required: false,
    description:
      'Network memberships (id, slug, acronym or name, e.g. "CKN"), replacing all. A secretariat may add or end ' +
      'memberships of its own networks only.',
  }),
});

export const changedExpertFields = (t: InputFields) => expertFields(t, false);

/**
 * The input and the model (model.ts) name the same properties: a property there without its input field here,
 * or an input field here that is neither a property nor one of the relationships below, does not compile.
 */
type ExpertInputField = keyof ReturnType<typeof changedExpertFields>;
type ExpertRelationshipField = 'affiliations' | 'expertise' | 'countryFocus' | 'networks';
export type ExpertInputMatchesModel = NoneOf<
  Exclude<ExpertProperty, ExpertInputField>,
  Exclude<ExpertInputField, ExpertProperty | ExpertRelationshipField>
>;

/** What createExpert, updateExpert and retireExpert take: the inputs' shapes as Pothos infers them. */
export type CreateExpertInput = CreateInput<ReturnType<typeof newExpertFields>>;
export type UpdateExpertInput = UpdateInput<ReturnType<typeof changedExpertFields>>;
export type RetireExpertInput = RetireInput;
/** What create and update share. Omitted (undefined): left as it is; null: removed (a list: emptied). */
export type ExpertFieldsInput = Omit<UpdateExpertInput, 'id' | 'expectedVersion'>;
export type AffiliationInput = NonNullable<ExpertFieldsInput['affiliations']>[number];
export type ExpertiseInput = NonNullable<ExpertFieldsInput['expertise']>[number];
export type CountryFocusInput = NonNullable<ExpertFieldsInput['countryFocus']>[number];
