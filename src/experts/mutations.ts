import type { Types } from '../graphql/builder.js';
import { builder } from '../graphql/builder.js';
import { CURATORS } from '../graphql/scopes.js';
import { curationMutations } from '../writes/mutation-fields.js';
import { ExpertNode, ProvenanceEnum } from './types.js';
import { createExpert, retireExpert, updateExpert } from './service.js';

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

const provenanceField = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) =>
  t.field({
    type: ProvenanceEnum,
    required: false,
    description:
      'Where the level comes from (default DECLARED). VERIFIED records who verified it and when; EVIDENCED needs a contribution by the expert on it, or an inquiry on it they answered.',
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

/** The fields create and update share: left out, a field stays as it is; null removes it; a list given replaces the whole list. */
const expertFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>, creating: boolean) => ({
  ...(creating
    ? {
        slug: t.string({
          required: false,
          description:
            'Stable short identifier, e.g. "jan-de-vries"; made from the name (and made unique) when left out.',
        }),
      }
    : {}),
  name: t.string({ required: creating, description: 'Full name.' }),
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
      'Network memberships (id, slug or acronym, e.g. "CKN"), replacing all. A secretariat may add or end memberships of its own networks only.',
  }),
});

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
    fields: expertFields,
    create: (ctx, input) => createExpert(ctx.queries, ctx.viewer, input),
    update: (ctx, input) => updateExpert(ctx.queries, ctx.viewer, input),
    retire: (ctx, input) => retireExpert(ctx.queries, ctx.viewer, input),
    descriptions: {
      create: {
        input: 'A new expert.',
        arg: 'The expert.',
        mutation: `Creates an expert. For administrators and secretariats; a secretariat’s expert joins its own network unless networks says otherwise. ${AT_ONCE}`,
      },
      update: {
        input: 'A change to an expert: only the fields given change.',
        arg: 'The change.',
        mutation: `Changes an expert’s profile, contact details, affiliations, expertise, country focus or memberships. ${WHO} ${AT_ONCE}`,
      },
      retire: {
        input: 'Takes an expert out of lists and searches.',
        arg: 'Which expert, and why.',
        expectedVersion: 'The version you read: if it changed meanwhile, you get CONFLICT.',
        mutation: `Retires an expert: gone from lists, network members, institution experts and whoKnows, but still found by id (retired: true). ${WHO}`,
      },
    },
  }),
);
