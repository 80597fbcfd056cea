import type { Queries } from '../db/database.js';
import { DEMAND } from './coverage-repository.js';

export interface AskedCount {
  id: string;
  count: number;
}

/**
 * The themes and the countries the period's demand (as coverage counts it: received in the period, routed to the
 * network if given) names most, each inquiry once per theme or country it names, most first, then by name.
 */
export async function mostAsked(
  queries: Queries,
  query: { networkId: string | null; from: string; to: string; limit: number },
): Promise<{ themes: AskedCount[]; countries: AskedCount[] }> {
  const [result] = await queries.read<{ themes: AskedCount[]; countries: AskedCount[] }>(
    `MATCH (i:Inquiry) WHERE ${DEMAND}
     WITH collect(i) AS demand
     CALL (demand) {
       UNWIND demand AS i MATCH (i)-[:ABOUT]->(t:Theme)
       WITH t, count(DISTINCT i) AS count ORDER BY count DESC, t.name LIMIT $limit
       RETURN collect({id: t.id, count: count}) AS themes
     }
     CALL (demand) {
       UNWIND demand AS i MATCH (i)-[:CONCERNS]->(c:Country)
       WITH c, count(DISTINCT i) AS count ORDER BY count DESC, c.name LIMIT $limit
       RETURN collect({id: c.id, count: count}) AS countries
     }
     RETURN themes, countries`,
    query,
  );
  return result ?? { themes: [], countries: [] };
}
