import { canReadContacts } from '../auth/policy.js';
import { lifecycleFields } from '../writes/retirable.js';
import { builder, type Types } from '../graphql/builder.js';
import { listConnection } from '../graphql/connections.js';
import { pageArgs } from '../graphql/args.js';
import { nameOrderedConnection } from '../graphql/paging.js';
import type { Context } from '../graphql/context.js';
import { CountryNode } from '../places/types.js';
import { ThemeNode } from '../themes/types.js';
import { InstitutionNode } from '../institutions/types.js';
import { NetworkNode } from '../networks/types.js';
import { languageArgs, reasonLanguage } from '../graphql/language.js';
import { catalogue } from '../messages/catalogue.js';
import type { ProvenanceMessage } from '../messages/reasons.js';
import { loadExpertRelation } from './loaders.js';
import type { ExpertRecord, Provenance } from './model.js';
import {
  EXPERT_AFFILIATIONS,
  EXPERT_COUNTRY_FOCUS,
  EXPERT_EXPERTISE,
  EXPERT_NETWORKS,
  expertsByIds,
  pageOfExperts,
  pageOfInstitutionExperts,
  pageOfNetworkMembers,
  type AffiliationRecord,
  type CountryFocusRecord,
  type ExpertiseRecord,
  type Verification,
} from './repository.js';

export const ExpertNode = builder.loadableNodeRef<ExpertRecord>('Expert', {
  id: { resolve: (expert) => expert.id },
  load: (ids: string[], ctx) => expertsByIds(ctx.queries, ids),
});

/**
 * An expert's affiliations; their institutions' countries go into the country loader, so `institution { country }`
 * needs no query.
 */
async function affiliationsOf(ctx: Context, id: string): Promise<AffiliationRecord[]> {
  const affiliations = await loadExpertRelation(ctx, id, EXPERT_AFFILIATIONS);
  const countries = CountryNode.getDataloader(ctx);
  for (const { institutionCountry } of affiliations)
    if (institutionCountry) countries.prime(institutionCountry.id, institutionCountry);
  return affiliations;
}

/** Contact details are personal data: see canReadContacts for who may read them. */
async function mayReadContacts(ctx: Context, expert: ExpertRecord): Promise<boolean> {
  const contactConsent = expert.contactConsent === true;
  // Most readers are entitled whatever the expert's networks: ask for those only when they decide.
  if (canReadContacts(ctx.viewer, { networkIds: [], contactConsent })) return true;
  const networks = await loadExpertRelation(ctx, expert.id, EXPERT_NETWORKS);
  return canReadContacts(ctx.viewer, { networkIds: networks.map((n) => n.id), contactConsent });
}

export const ProvenanceEnum = builder.enumType('Provenance', {
  description: 'Where a level of expertise or country focus comes from.',
  values: {
    DECLARED: { description: 'Declared by the expert.' },
    VERIFIED: { description: 'Verified by a network secretariat.' },
    EVIDENCED: { description: 'Evidenced by contributions or answered inquiries.' },
  } satisfies Record<Provenance, { description: string }>,
});
ExpertNode.implement({
  description: 'A person the networks can ask for knowledge.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable short identifier.' }),
    name: t.exposeString('name', { description: 'Full name.' }),
    academicTitle: t.exposeString('academicTitle', {
      nullable: true,
      description: 'Academic titles as written before the name, e.g. "Prof. dr.".',
    }),
    headline: t.exposeString('headline', { nullable: true, description: 'One line on what this expert knows.' }),
    headlineNl: t.exposeString('headlineNl', { nullable: true, description: 'The headline in Dutch, where given.' }),
    bio: t.exposeString('bio', { nullable: true, description: 'A short profile in English.' }),
    bioNl: t.exposeString('bioNl', { nullable: true, description: 'A short profile in Dutch, where given.' }),
    languages: t.stringList({
      description: 'Languages the expert works in (ISO 639-1 codes).',
      resolve: (expert) => expert.languages ?? [],
    }),
    email: t.string({
      nullable: true,
      description:
        'E-mail address (personal data): for administrators, the desk, the secretariats of the expert’s ' +
        'networks, and officers when the expert consented to direct contact. Others get FORBIDDEN.',
      authScopes: (expert, _args, ctx) => mayReadContacts(ctx, expert),
      resolve: (expert) => expert.email ?? null,
    }),
    phone: t.string({
      nullable: true,
      description: 'Phone number in international format (personal data): visible to the same roles as email.',
      authScopes: (expert, _args, ctx) => mayReadContacts(ctx, expert),
      resolve: (expert) => expert.phone ?? null,
    }),
    contactConsent: t.boolean({
      description:
        'Whether the expert agreed to be contacted directly by officers; otherwise go through a network secretariat.',
      resolve: (expert) => expert.contactConsent === true,
    }),
    ...lifecycleFields(t, 'expert'),
    affiliations: t.field({
      type: [Affiliation],
      description: 'Institutions the expert works or worked at, current ones first.',
      resolve: (expert, _args, ctx) => affiliationsOf(ctx, expert.id),
    }),
    networks: t.field({
      type: [NetworkNode],
      description: 'Knowledge networks the expert is a member of.',
      resolve: (expert, _args, ctx) => loadExpertRelation(ctx, expert.id, EXPERT_NETWORKS),
    }),
    expertise: t.field({
      type: [Expertise],
      description: 'Themes the expert knows about, highest level first.',
      resolve: (expert, _args, ctx) => loadExpertRelation(ctx, expert.id, EXPERT_EXPERTISE),
    }),
    countryFocus: t.field({
      type: [CountryFocus],
      description: 'Countries the expert studies (not where they work), highest level first.',
      resolve: (expert, _args, ctx) => loadExpertRelation(ctx, expert.id, EXPERT_COUNTRY_FOCUS),
    }),
  }),
});

const Affiliation = builder.objectRef<AffiliationRecord>('Affiliation').implement({
  description: 'An expert’s position at an institution.',
  fields: (t) => ({
    role: t.exposeString('role', { nullable: true, description: 'Position, e.g. "Senior Research Fellow".' }),
    since: t.expose('since', { type: 'Date', nullable: true, description: 'First day in this position.' }),
    until: t.expose('until', { type: 'Date', nullable: true, description: 'Last day, or null while current.' }),
    current: t.boolean({ description: 'Whether the position is held now.', resolve: (a) => a.until === null }),
    institution: t.field({ type: InstitutionNode, description: 'Where.', resolve: (a) => a.institution }),
  }),
});

/** Where a level comes from, as the message catalogue words it (the work behind EVIDENCED is not counted here). */
function provenanceMessage(level: Verification & { provenance: Provenance | null }): ProvenanceMessage {
  switch (level.provenance) {
    case 'VERIFIED':
      return {
        how: 'verified',
        network: level.verifyingNetwork?.acronym ?? null,
        verifiedBy: null,
        verifiedAt: level.verifiedAt,
      };
    case 'EVIDENCED':
      return { how: 'evidenced', contributions: 0, inquiries: 0 };
    default:
      return { how: 'declared' };
  }
}

/** The fields of a level's verification, shared by Expertise and CountryFocus. */
const verificationFields = <Shape extends Verification & { provenance: Provenance | null }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>,
) => ({
  provenanceText: t.string({
    args: languageArgs(t),
    description:
      'Where the level comes from, in words and in the language asked for, e.g. "verified by the CKN secretariat on ' +
      '3 March 2026" (the pages show this rather than wording `provenance` themselves).',
    resolve: (x, args, ctx) => catalogue(reasonLanguage(args.language, ctx)).provenance(provenanceMessage(x)),
  }),
  verifiedAt: t.field({
    type: 'DateTime',
    nullable: true,
    description: 'When a secretariat verified the level; null unless VERIFIED.',
    resolve: (x) => x.verifiedAt,
  }),
  verifiedByNetwork: t.field({
    type: NetworkNode,
    nullable: true,
    description: 'The network whose secretariat verified the level; null unless VERIFIED by a network’s secretariat.',
    resolve: (x) => x.verifyingNetwork,
  }),
});

const Expertise = builder.objectRef<ExpertiseRecord>('Expertise').implement({
  description: 'How well an expert knows a theme.',
  fields: (t) => ({
    level: t.exposeInt('level', { description: 'From 1 (working knowledge) to 5 (leading authority).' }),
    provenance: t.field({
      type: ProvenanceEnum,
      description: 'Where the level comes from.',
      resolve: (x) => x.provenance ?? 'DECLARED',
    }),
    theme: t.field({ type: ThemeNode, description: 'The theme.', resolve: (x) => x.theme }),
    ...verificationFields(t),
  }),
});

const CountryFocus = builder.objectRef<CountryFocusRecord>('CountryFocus').implement({
  description: 'How closely an expert follows a country.',
  fields: (t) => ({
    level: t.exposeInt('level', { description: 'From 1 (follows it) to 5 (leading specialist).' }),
    provenance: t.field({
      type: ProvenanceEnum,
      description: 'Where the level comes from.',
      resolve: (f) => f.provenance ?? 'DECLARED',
    }),
    country: t.field({ type: CountryNode, description: 'The country.', resolve: (f) => f.country }),
    ...verificationFields(t),
  }),
});

export const ExpertConnection = listConnection(ExpertNode, 'Expert', 'experts');

// Declared here rather than in src/institutions and src/networks: those come before experts in the domain order.
builder.objectField(InstitutionNode, 'experts', (t) =>
  t.field({
    type: ExpertConnection,
    description: 'Experts affiliated with this institution, now or before, by name.',
    args: pageArgs(t),
    resolve: (i, args, ctx) =>
      nameOrderedConnection(args, (size, after) => pageOfInstitutionExperts(ctx.queries, i.id, size, after)),
  }),
);

builder.objectField(NetworkNode, 'members', (t) =>
  t.field({
    type: ExpertConnection,
    description: 'Member experts, by name.',
    args: pageArgs(t),
    resolve: (n, args, ctx) =>
      nameOrderedConnection(args, (size, after) => pageOfNetworkMembers(ctx.queries, n.id, size, after)),
  }),
);

builder.queryField('experts', (t) =>
  t.field({
    type: ExpertConnection,
    description: 'All experts, by name. To find experts on a subject, use whoKnows.',
    args: pageArgs(t),
    resolve: (_root, args, ctx) =>
      nameOrderedConnection(args, (size, after) => pageOfExperts(ctx.queries, size, after)),
  }),
);
