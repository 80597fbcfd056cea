import type { Queries } from '../db/database.js';
import { neighboursByIds, nodesByIds, pageByName } from '../db/nodes.js';
import { institutionProjection, type InstitutionRecord } from '../institutions/model.js';

export interface NetworkRecord {
  id: string;
  /** Missing on networks seeded before the desk existed: a knowledge network. */
  kind?: 'KNOWLEDGE_NETWORK' | 'DESK' | null;
  acronym: string;
  name: string;
  nameNl: string;
  founded: number | null;
  description: string | null;
  /** Other names it goes by (e.g. "desk", "Rijksbreed loket kennisveiligheid"); missing on older graphs. */
  aliases?: string[] | null;
}

/**
 * Cypher: whether the text `verifiedBy` (who verified a level: the verifier's name as signed in, e.g. "CKN
 * secretariat", "local-secretariat-ckn") names the network `n`, by acronym (any case) or id.
 */
export const namesNetwork = (verifiedBy: string) =>
  `toLower(${verifiedBy}) CONTAINS toLower(n.acronym) OR toLower(${verifiedBy}) CONTAINS n.id`;

/**
 * Cypher: the network whose secretariat a verifier stands for, when `verifiedBy` names one (the longest id wins), as
 * `value` (an expression of the network `n`; the whole node by default). Networks are a handful of reference nodes.
 */
export const verifyingNetwork = (verifiedBy: string, value = 'n {.*}') => `
  CASE WHEN ${verifiedBy} IS NULL THEN null ELSE
    COLLECT { MATCH (n:Network) WHERE ${namesNetwork(verifiedBy)} RETURN ${value} ORDER BY size(n.id) DESC }[0] END`;

export const networksByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<NetworkRecord>(queries, 'Network', ids);

export const pageOfNetworks = (queries: Queries, size: number, after: [string, string] | null) =>
  pageByName<NetworkRecord>(queries, { label: 'Network' }, size, after);

/** The secretariat institutions of each network. */
export const secretariatsOfNetworks = (queries: Queries, ids: readonly string[]) =>
  neighboursByIds<InstitutionRecord>(
    queries,
    ids,
    '(n:Institution)-[:SECRETARIAT_OF]->(:Network {id: id})',
    'n.name',
    institutionProjection('n'),
  );

/** The networks each institution runs the secretariat of. */
export const networksRunByInstitutions = (queries: Queries, ids: readonly string[]) =>
  neighboursByIds<NetworkRecord>(queries, ids, '(:Institution {id: id})-[:SECRETARIAT_OF]->(n:Network)', 'n.acronym');

/** Every network with the names it is known by (there are a handful; bounded all the same). */
export const allNetworks = (queries: Queries) =>
  queries.read<{ network: NetworkRecord }>(
    `MATCH (n:Network) RETURN n {.*, aliases: coalesce(n.aliases, [])} AS network ORDER BY n.id LIMIT 100`,
  );
