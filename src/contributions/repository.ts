import type { Queries } from '../db/database.js';
import { alignToIds, nodesByIds } from '../db/nodes.js';
import type { CountryRecord } from '../places/repository.js';
import type { ThemeRecord } from '../themes/model.js';
import { expertProjection, type ExpertRecord } from '../experts/model.js';
import { expertRelation } from '../experts/relations-repository.js';
import { COUNTRY_FIELDS } from '../places/repository.js';
import { themeProjection } from '../themes/model.js';
import { contributionProjection, type ContributionRecord } from './model.js';

export interface ContributionLinks {
  authors: ExpertRecord[];
  themes: ThemeRecord[];
  countries: CountryRecord[];
}

export const contributionsByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<ContributionRecord>(queries, 'Contribution', ids, contributionProjection('n'));

/**
 * An expert's latest `limit` current contributions, newest first: a relation of Expert, read with the page's others.
 */
export const LATEST_CONTRIBUTIONS = expertRelation<ContributionRecord[], number>({
  name: 'contributions',
  expression: (limit) =>
    'COLLECT { MATCH (e)<-[:BY]-(n:Contribution) WHERE n.retiredAt IS NULL ' +
    `WITH n ORDER BY n.date DESC, n.id LIMIT ${limit} RETURN ${contributionProjection('n')} }`,
  parse: (value) => value as ContributionRecord[],
  empty: [],
});

export async function linksOfContributions(queries: Queries, ids: readonly string[]): Promise<ContributionLinks[]> {
  const rows = await queries.read<{ id: string } & ContributionLinks>(
    `UNWIND $ids AS id
     MATCH (k:Contribution {id: id})
     RETURN id,
       [(k)-[:BY]->(e:Expert) | ${expertProjection('e')}] AS authors,
       [(k)-[:ABOUT]->(t:Theme) | ${themeProjection('t')}] AS themes,
       [(k)-[:CONCERNS]->(c:Country) | c {${COUNTRY_FIELDS}}] AS countries`,
    { ids },
  );
  return alignToIds<ContributionLinks>(ids, rows, (row) => row, { authors: [], themes: [], countries: [] });
}
