import type { Retirable } from '../writes/retirable.js';
import type { Queries } from '../db/database.js';
import { alignToIds, firstNeighboursByIds, nodesByIds } from '../db/nodes.js';
import type { CountryRecord } from '../places/repository.js';
import type { ThemeRecord } from '../themes/repository.js';
import type { ExpertRecord } from '../experts/repository.js';

export type ContributionKind = 'PUBLICATION' | 'TALK' | 'BRIEFING';

export interface ContributionRecord extends Retirable {
  id: string;
  kind: ContributionKind;
  title: string;
  summary: string | null;
  date: string;
  url: string | null;
}

export interface ContributionLinks {
  authors: ExpertRecord[];
  themes: ThemeRecord[];
  countries: CountryRecord[];
}

export const contributionsByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<ContributionRecord>(queries, 'Contribution', ids);

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
