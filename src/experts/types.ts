import { canReadContacts } from '../auth/policy.js';
import { lifecycleFields } from '../writes/retirable.js';
import { builder } from '../graphql/builder.js';
import { listConnection } from '../graphql/connections.js';
import { pageArgs } from '../graphql/args.js';
import { nameOrderedConnection, pageSize } from '../graphql/paging.js';
import type { Context } from '../graphql/context.js';
import { CountryNode } from '../places/types.js';
import { ThemeNode } from '../themes/types.js';
import {
  contributionsByIds,
  contributionsOfExperts,
  expertsByIds,
  institutionsByIds,
  linksOfContributions,
  linksOfExperts,
  networksByIds,
  networksRunByInstitutions,
  pageOfExperts,
  pageOfInstitutionExperts,
  pageOfInstitutions,
  pageOfNetworkMembers,
  pageOfNetworks,
  secretariatsOfNetworks,
  type AffiliationRecord,
  type ContributionLinks,
  type ContributionRecord,
  type ExpertLinks,
  type ExpertRecord,
  type InstitutionRecord,
  type NetworkRecord,
} from './repository.js';

export const ExpertNode = builder.loadableNodeRef<ExpertRecord>('Expert', {
  id: { resolve: (expert) => expert.id },
  load: (ids: string[], ctx) => expertsByIds(ctx.queries, ids),
});
export const InstitutionNode = builder.loadableNodeRef<InstitutionRecord>('Institution', {
  id: { resolve: (institution) => institution.id },
  load: (ids: string[], ctx) => institutionsByIds(ctx.queries, ids),
});
export const NetworkNode = builder.loadableNodeRef<NetworkRecord>('Network', {
  id: { resolve: (network) => network.id },
  load: (ids: string[], ctx) => networksByIds(ctx.queries, ids),
});
export const ContributionNode = builder.loadableNodeRef<ContributionRecord>('Contribution', {
  id: { resolve: (contribution) => contribution.id },
  load: (ids: string[], ctx) => contributionsByIds(ctx.queries, ids),
});

const expertLinks = (ctx: Context, id: string) =>
  ctx.loader<string, ExpertLinks>('expertLinks', (ids) => linksOfExperts(ctx.queries, ids)).load(id);

/** Contact details are personal data: see canReadContacts for who may read them. */
async function mayReadContacts(ctx: Context, expert: ExpertRecord): Promise<boolean> {
  const contactConsent = expert.contactConsent === true;
  // Most readers are entitled whatever the expert's networks: ask for those only when they decide.
  if (canReadContacts(ctx.viewer, { networkIds: [], contactConsent })) return true;
  const { networks } = await expertLinks(ctx, expert.id);
  return canReadContacts(ctx.viewer, { networkIds: networks.map((n) => n.id), contactConsent });
}

export const ProvenanceEnum = builder.enumType('Provenance', {
  description: 'Where a level of expertise or country focus comes from.',
  values: {
    DECLARED: { description: 'Declared by the expert.' },
    VERIFIED: { description: 'Verified by a network secretariat.' },
    EVIDENCED: { description: 'Evidenced by contributions or answered inquiries.' },
  } as const,
});
const contributionLinks = (ctx: Context, id: string) =>
  ctx.loader<string, ContributionLinks>('contributionLinks', (ids) => linksOfContributions(ctx.queries, ids)).load(id);

export const InstitutionKind = builder.enumType('InstitutionKind', {
  description: 'What sort of organisation an institution is.',
  values: {
    THINK_TANK: { description: 'An independent research and policy institute.' },
    UNIVERSITY: { description: 'A university or academic research institute.' },
    MINISTRY: { description: 'A ministry of the Dutch central government.' },
    AGENCY: { description: 'A government agency.' },
    NGO: { description: 'A non-governmental organisation.' },
    COMPANY: { description: 'A company.' },
    MEDIA: { description: 'A news or media organisation.' },
  } as const,
});

const NetworkKind = builder.enumType('NetworkKind', {
  description: 'Whether a routing target is a knowledge network or the knowledge security desk.',
  values: {
    KNOWLEDGE_NETWORK: { description: 'A knowledge network (CKN, REKA) matching demand for knowledge with experts.' },
    DESK: { description: 'The knowledge security desk, answering questions from knowledge institutions.' },
  } as const,
});

export const ContributionKind = builder.enumType('ContributionKind', {
  description: 'The form of a contribution.',
  values: {
    PUBLICATION: { description: 'An article, report, paper or book.' },
    TALK: { description: 'A lecture, panel or presentation.' },
    BRIEFING: { description: 'A briefing for government.' },
  } as const,
});

ExpertNode.implement({
  description: 'A person the networks can ask for knowledge.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable short identifier.' }),
    name: t.exposeString('name', { description: 'Full name.' }),
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
        'E-mail address (personal data): for administrators, the desk, the secretariats of the expert’s networks, and officers when the expert consented to direct contact. Others get FORBIDDEN.',
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
      description: 'Whether the expert agreed to be contacted directly by officers; otherwise go through a network secretariat.',
      resolve: (expert) => expert.contactConsent === true,
    }),
    ...lifecycleFields(t, 'expert'),
    affiliations: t.field({
      type: [Affiliation],
      description: 'Institutions the expert works or worked at, current ones first.',
      resolve: async (expert, _args, ctx) => (await expertLinks(ctx, expert.id)).affiliations,
    }),
    networks: t.field({
      type: [NetworkNode],
      description: 'Knowledge networks the expert is a member of.',
      resolve: async (expert, _args, ctx) => (await expertLinks(ctx, expert.id)).networks,
    }),
    expertise: t.field({
      type: [Expertise],
      description: 'Themes the expert knows about, highest level first.',
      resolve: async (expert, _args, ctx) => (await expertLinks(ctx, expert.id)).expertise,
    }),
    countryFocus: t.field({
      type: [CountryFocus],
      description: 'Countries the expert studies (not where they work), highest level first.',
      resolve: async (expert, _args, ctx) => (await expertLinks(ctx, expert.id)).focus,
    }),
    contributions: t.field({
      type: [ContributionNode],
      description: 'The expert’s latest publications, talks and briefings, newest first.',
      args: { first: t.arg.int({ required: false, description: 'How many, from 1 to 100 (default 20).' }) },
      resolve: (expert, args, ctx) => {
        const limit = pageSize(args.first);
        return ctx
          .loader<string, ContributionRecord[]>(`contributions:${limit}`, (ids) => contributionsOfExperts(ctx.queries, ids, limit))
          .load(expert.id);
      },
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

const Expertise = builder.objectRef<ExpertLinks['expertise'][number]>('Expertise').implement({
  description: 'How well an expert knows a theme.',
  fields: (t) => ({
    level: t.exposeInt('level', { description: 'From 1 (working knowledge) to 5 (leading authority).' }),
    provenance: t.field({ type: ProvenanceEnum, description: 'Where the level comes from.', resolve: (x) => x.provenance ?? 'DECLARED' }),
    theme: t.field({ type: ThemeNode, description: 'The theme.', resolve: (x) => x.theme }),
  }),
});

const CountryFocus = builder.objectRef<ExpertLinks['focus'][number]>('CountryFocus').implement({
  description: 'How closely an expert follows a country.',
  fields: (t) => ({
    level: t.exposeInt('level', { description: 'From 1 (follows it) to 5 (leading specialist).' }),
    provenance: t.field({ type: ProvenanceEnum, description: 'Where the level comes from.', resolve: (f) => f.provenance ?? 'DECLARED' }),
    country: t.field({ type: CountryNode, description: 'The country.', resolve: (f) => f.country }),
  }),
});

InstitutionNode.implement({
  description: 'A think tank, university, ministry, agency or other organisation.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable short identifier.' }),
    name: t.exposeString('name', { description: 'English name.' }),
    nameNl: t.exposeString('nameNl', { description: 'Dutch name.' }),
    acronym: t.exposeString('acronym', { nullable: true, description: 'Common abbreviation, e.g. "RVO".' }),
    kind: t.field({ type: InstitutionKind, description: 'What sort of organisation.', resolve: (i) => i.kind }),
    city: t.exposeString('city', { nullable: true, description: 'Where it is based.' }),
    url: t.expose('url', { type: 'URL', nullable: true, description: 'Website.' }),
    ...lifecycleFields(t, 'institution'),
    country: t.field({
      type: CountryNode,
      nullable: true,
      description: 'The country it is based in.',
      resolve: (i) => i.countryId,
    }),
    secretariatOf: t.field({
      type: [NetworkNode],
      description: 'Networks whose secretariat this institution runs.',
      resolve: (i, _args, ctx) =>
        ctx.loader<string, NetworkRecord[]>('networksRun', (ids) => networksRunByInstitutions(ctx.queries, ids)).load(i.id),
    }),
    experts: t.field({
      type: ExpertConnection,
      description: 'Experts affiliated with this institution, now or before, by name.',
      args: pageArgs(t),
      resolve: (i, args, ctx) =>
        nameOrderedConnection(args, (size, after) => pageOfInstitutionExperts(ctx.queries, i.id, size, after)),
    }),
  }),
});

NetworkNode.implement({
  description: 'A knowledge network open to the whole central government, such as CKN or REKA, or the knowledge security desk.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable short identifier.' }),
    acronym: t.exposeString('acronym', { description: 'e.g. "CKN".' }),
    kind: t.field({ type: NetworkKind, description: 'Knowledge network or desk.', resolve: (n) => n.kind ?? 'KNOWLEDGE_NETWORK' }),
    name: t.exposeString('name', { description: 'English name.' }),
    nameNl: t.exposeString('nameNl', { description: 'Dutch name.' }),
    founded: t.exposeInt('founded', { nullable: true, description: 'Year founded.' }),
    description: t.exposeString('description', { nullable: true, description: 'What the network is for.' }),
    secretariat: t.field({
      type: [InstitutionNode],
      description: 'The institutions that run its secretariat.',
      resolve: (n, _args, ctx) =>
        ctx.loader<string, InstitutionRecord[]>('secretariats', (ids) => secretariatsOfNetworks(ctx.queries, ids)).load(n.id),
    }),
    members: t.field({
      type: ExpertConnection,
      description: 'Member experts, by name.',
      args: pageArgs(t),
      resolve: (n, args, ctx) => nameOrderedConnection(args, (size, after) => pageOfNetworkMembers(ctx.queries, n.id, size, after)),
    }),
  }),
});

ContributionNode.implement({
  description: 'A publication, talk or briefing: evidence of what its authors know.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable short identifier.' }),
    kind: t.field({ type: ContributionKind, description: 'Publication, talk or briefing.', resolve: (k) => k.kind }),
    title: t.exposeString('title', { description: 'Title.' }),
    summary: t.exposeString('summary', { nullable: true, description: 'A sentence or two on the content.' }),
    date: t.expose('date', { type: 'Date', description: 'When it was published or given.' }),
    url: t.expose('url', { type: 'URL', nullable: true, description: 'Where to read or watch it.' }),
    ...lifecycleFields(t, 'contribution'),
    authors: t.field({
      type: [ExpertNode],
      description: 'The experts who made it.',
      resolve: async (k, _args, ctx) => (await contributionLinks(ctx, k.id)).authors,
    }),
    themes: t.field({
      type: [ThemeNode],
      description: 'Themes it is about.',
      resolve: async (k, _args, ctx) => (await contributionLinks(ctx, k.id)).themes,
    }),
    countries: t.field({
      type: [CountryNode],
      description: 'Countries it concerns.',
      resolve: async (k, _args, ctx) => (await contributionLinks(ctx, k.id)).countries,
    }),
  }),
});

export const ExpertConnection = listConnection(ExpertNode, 'Expert', 'experts');
const InstitutionConnection = listConnection(InstitutionNode, 'Institution', 'institutions');
const NetworkConnection = listConnection(NetworkNode, 'Network', 'networks');

builder.queryFields((t) => ({
  experts: t.field({
    type: ExpertConnection,
    description: 'All experts, by name. To find experts on a subject, use whoKnows.',
    args: pageArgs(t),
    resolve: (_root, args, ctx) => nameOrderedConnection(args, (size, after) => pageOfExperts(ctx.queries, size, after)),
  }),
  institutions: t.field({
    type: InstitutionConnection,
    description: 'All institutions, by English name.',
    args: pageArgs(t),
    resolve: (_root, args, ctx) => nameOrderedConnection(args, (size, after) => pageOfInstitutions(ctx.queries, size, after)),
  }),
  networks: t.field({
    type: NetworkConnection,
    description: 'The knowledge networks, by English name.',
    args: pageArgs(t),
    resolve: (_root, args, ctx) => nameOrderedConnection(args, (size, after) => pageOfNetworks(ctx.queries, size, after)),
  }),
}));
