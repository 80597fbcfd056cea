import type { Retirable } from '../writes/retirable.js';
import type { Queries } from '../db/database.js';
import { alignToIds, firstNeighboursByIds, neighboursByIds, nodesByIds, pageByName } from '../db/nodes.js';
import { notFound } from '../graphql/errors.js';
import type { CountryRecord } from '../places/repository.js';
import type { ThemeRecord } from '../themes/repository.js';

export interface ExpertRecord {
  id: string;
  name: string;
  headline: string | null;
  headlineNl: string | null;
  bio: string | null;
  bioNl: string | null;
  languages: string[] | null;
  /** Personal data: read through canReadContacts only. */
  email?: string | null;
  phone?: string | null;
  /** Whether the expert agreed to be contacted directly by officers (not only through a secretariat). */
  contactConsent?: boolean | null;
  version?: number | null;
  retiredAt?: string | null;
  retiredReason?: string | null;
}

export type InstitutionKind = 'THINK_TANK' | 'UNIVERSITY' | 'MINISTRY' | 'AGENCY' | 'NGO' | 'COMPANY' | 'MEDIA';

export interface InstitutionRecord extends Retirable {
  id: string;
  name: string;
  nameNl: string;
  acronym: string | null;
  kind: InstitutionKind;
  city: string | null;
  url: string | null;
  countryId: string | null;
}

export interface NetworkRecord {
  id: string;
  /** Missing on networks seeded before the desk existed: a knowledge network. */
  kind?: 'KNOWLEDGE_NETWORK' | 'DESK' | null;
  acronym: string;
  name: string;
  nameNl: string;
  founded: number | null;
  description: string | null;
}

/** Where a level comes from: the expert's own word, a secretariat's check, or contributions and answers. */
export type Provenance = 'DECLARED' | 'VERIFIED' | 'EVIDENCED';

export type ContributionKind = 'PUBLICATION' | 'TALK' | 'BRIEFING';

export interface ContributionRecord extends Retirable {
  id: string;
  kind: ContributionKind;
  title: string;
  summary: string | null;
  date: string;
  url: string | null;
}

export interface AffiliationRecord {
  role: string | null;
  since: string | null;
  until: string | null;
  institution: InstitutionRecord;
}

/** An expert's relationships, fetched together so that a page of experts costs one round trip for all of them. */
export interface ExpertLinks {
  affiliations: AffiliationRecord[];
  networks: NetworkRecord[];
  expertise: Array<{ level: number; provenance: Provenance | null; theme: ThemeRecord }>;
  focus: Array<{ level: number; provenance: Provenance | null; country: CountryRecord }>;
}

export interface ContributionLinks {
  authors: ExpertRecord[];
  themes: ThemeRecord[];
  countries: CountryRecord[];
}

/** Map projection of an institution `n` with its country id. */
export const INSTITUTION = `{.*, countryId: [(n)-[:LOCATED_IN]->(c:Country) | c.id][0]}`;

/**
 * Cypher subquery for an `id` in scope: the node `n` that id names now, following merges (a merged
 * expert's id keeps naming the expert it was merged into). `n` is an Expert, or an ErasedExpert once the
 * person was erased on request; no row when the id names no expert at all.
 */
export const CURRENT_EXPERT = `CALL (id) {
    MATCH (n:Expert {id: id}) RETURN n
  UNION
    MATCH (n:ErasedExpert {id: id}) RETURN n
  UNION
    MATCH (:MergedExpert {id: id})-[:MERGED_INTO*1..10]->(n) WHERE n:Expert OR n:ErasedExpert RETURN n
}`;

/** Cypher predicate: the expert id in `idExpression` (a code constant) names a person erased on request. */
export const isErasedExpertId = (idExpression: string) =>
  `(EXISTS { MATCH (:ErasedExpert {id: ${idExpression}}) } OR EXISTS { MATCH (:MergedExpert {id: ${idExpression}})-[:MERGED_INTO*1..10]->(:ErasedExpert) })`;

/** Experts by id in the order asked, an old id of a merged expert giving the expert it was merged into. */
export async function expertsByIds(queries: Queries, ids: readonly string[]): Promise<Array<ExpertRecord | Error>> {
  const rows = await queries.read<{ id: string; expert: ExpertRecord | null }>(
    `UNWIND $ids AS id
     ${CURRENT_EXPERT}
     RETURN id, CASE WHEN n:Expert THEN n {.*} END AS expert`,
    { ids },
  );
  const byId = new Map(rows.map((row) => [row.id, row.expert]));
  return ids.map((id) => {
    if (!byId.has(id)) return notFound(`No expert has id "${id}": it may have been removed.`);
    return byId.get(id) ?? notFound(`Expert "${id}" was erased on request: their personal data is gone and cannot be shown.`);
  });
}
export const institutionsByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<InstitutionRecord>(queries, 'Institution', ids, `n ${INSTITUTION}`);
export const networksByIds = (queries: Queries, ids: readonly string[]) => nodesByIds<NetworkRecord>(queries, 'Network', ids);
export const contributionsByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<ContributionRecord>(queries, 'Contribution', ids);

type After = [string, string] | null;
export const pageOfExperts = (queries: Queries, size: number, after: After) =>
  pageByName<ExpertRecord>(queries, { label: 'Expert' }, size, after);
export const pageOfInstitutions = (queries: Queries, size: number, after: After) =>
  pageByName<InstitutionRecord>(queries, { label: 'Institution' }, size, after, `n ${INSTITUTION}`);
export const pageOfNetworks = (queries: Queries, size: number, after: After) =>
  pageByName<NetworkRecord>(queries, { label: 'Network' }, size, after);
export const pageOfNetworkMembers = (queries: Queries, networkId: string, size: number, after: After) =>
  pageByName<ExpertRecord>(
    queries,
    { label: 'Expert', pattern: '(n:Expert)-[:MEMBER_OF]->(:Network {id: $networkId})', params: { networkId } },
    size,
    after,
  );
export const pageOfInstitutionExperts = (queries: Queries, institutionId: string, size: number, after: After) =>
  pageByName<ExpertRecord>(
    queries,
    {
      label: 'Expert',
      where: 'EXISTS { (n)-[:AFFILIATED_WITH]->(:Institution {id: $institutionId}) }',
      params: { institutionId },
    },
    size,
    after,
  );

function byLevelThenName<T extends { level: number }>(name: (item: T) => string) {
  return (a: T, b: T) => b.level - a.level || name(a).localeCompare(name(b));
}

export async function linksOfExperts(queries: Queries, ids: readonly string[]): Promise<ExpertLinks[]> {
  const rows = await queries.read<{ id: string } & ExpertLinks>(
    `UNWIND $ids AS id
     MATCH (e:Expert {id: id})
     RETURN id,
       [(e)-[a:AFFILIATED_WITH]->(n:Institution) |
          {role: a.role, since: a.since, until: a.until, institution: n ${INSTITUTION}}] AS affiliations,
       [(e)-[:MEMBER_OF]->(n:Network) | n {.*}] AS networks,
       [(e)-[x:EXPERT_IN]->(t:Theme) | {level: x.level, provenance: x.provenance, theme: t {.*}}] AS expertise,
       [(e)-[f:FOCUSES_ON]->(c:Country) | {level: f.level, provenance: f.provenance, country: c {.*}}] AS focus`,
    { ids },
  );
  const empty: ExpertLinks = { affiliations: [], networks: [], expertise: [], focus: [] };
  return alignToIds<ExpertLinks>(ids, rows, (row) => row, empty).map((links) => {
    return {
      // Current affiliations first, then the most recent.
      affiliations: [...links.affiliations].sort(
        (a, b) => Number(a.until !== null) - Number(b.until !== null) || (b.since ?? '').localeCompare(a.since ?? ''),
      ),
      networks: [...links.networks].sort((a, b) => a.acronym.localeCompare(b.acronym)),
      expertise: [...links.expertise].sort(byLevelThenName((x) => x.theme.name)),
      focus: [...links.focus].sort(byLevelThenName((x) => x.country.name)),
    };
  });
}

/** The latest `limit` current contributions of each expert. */
export const contributionsOfExperts = (queries: Queries, ids: readonly string[], limit: number) =>
  firstNeighboursByIds<ContributionRecord>(
    queries,
    ids,
    '(:Expert {id: id})<-[:BY]-(n:Contribution) WHERE n.retiredAt IS NULL',
    'n.date DESC, n.id',
    limit,
  );

export async function linksOfContributions(queries: Queries, ids: readonly string[]): Promise<ContributionLinks[]> {
  const rows = await queries.read<{ id: string } & ContributionLinks>(
    `UNWIND $ids AS id
     MATCH (k:Contribution {id: id})
     RETURN id,
       [(k)-[:BY]->(e:Expert) | e {.*}] AS authors,
       [(k)-[:ABOUT]->(t:Theme) | t {.*}] AS themes,
       [(k)-[:CONCERNS]->(c:Country) | c {.*}] AS countries`,
    { ids },
  );
  return alignToIds<ContributionLinks>(ids, rows, (row) => row, { authors: [], themes: [], countries: [] });
}

/** The secretariat institutions of each network. */
export const secretariatsOfNetworks = (queries: Queries, ids: readonly string[]) =>
  neighboursByIds<InstitutionRecord>(queries, ids, '(n:Institution)-[:SECRETARIAT_OF]->(:Network {id: id})', 'n.name', `n ${INSTITUTION}`);

/** The networks each institution runs the secretariat of. */
export const networksRunByInstitutions = (queries: Queries, ids: readonly string[]) =>
  neighboursByIds<NetworkRecord>(queries, ids, '(:Institution {id: id})-[:SECRETARIAT_OF]->(n:Network)', 'n.acronym');
