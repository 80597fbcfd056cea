import type { Queries } from '../db/database.js';
import { DEMAND } from './coverage-repository.js';

export interface UnansweredTopic {
  id: string;
  count: number;
}

/**
 * The themes and countries the period's demand (as coverage counts it) names most that no published FAQ article
 * covers: a theme is covered by an article about it or about a broader theme, a country by an article concerning it.
 * Most asked first, then by name.
 */
export async function topicsWithoutArticle(
  queries: Queries,
  query: { networkId: string | null; from: string; to: string; limit: number },
): Promise<{ themes: UnansweredTopic[]; countries: UnansweredTopic[] }> {
  const [result] = await queries.read<{ themes: UnansweredTopic[]; countries: UnansweredTopic[] }>(
    `MATCH (i:Inquiry) WHERE ${DEMAND}
     WITH collect(i) AS demand
     CALL (demand) {
       UNWIND demand AS i MATCH (i)-[:ABOUT]->(t:Theme)
       WHERE NOT EXISTS { (t)-[:BROADER*0..10]->(:Theme)<-[:ABOUT]-(:FaqArticle {status: 'PUBLISHED'}) }
       WITH t, count(DISTINCT i) AS count ORDER BY count DESC, t.name LIMIT $limit
       RETURN collect({id: t.id, count: count}) AS themes
     }
     CALL (demand) {
       UNWIND demand AS i MATCH (i)-[:CONCERNS]->(c:Country)
       WHERE NOT EXISTS { (c)<-[:CONCERNS]-(:FaqArticle {status: 'PUBLISHED'}) }
       WITH c, count(DISTINCT i) AS count ORDER BY count DESC, c.name LIMIT $limit
       RETURN collect({id: c.id, count: count}) AS countries
     }
     RETURN themes, countries`,
    query,
  );
  return result ?? { themes: [], countries: [] };
}
