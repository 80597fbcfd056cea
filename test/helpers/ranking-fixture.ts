import type { Queries } from '../../src/db/database.js';
import { backfillSearchTerms } from '../../src/db/search-terms.js';

/** The ranking-quality graph as graph.json holds it: its rows go to Cypher as they are. */
export interface RankingGraph {
  institutions: unknown[];
  experts: unknown[];
  verifiedAt: string;
}

/**
 * Loads the ranking-quality graph (test/fixtures/ranking-quality/graph.json) beside the seed, every id
 * prefixed with `prefix`, in one transaction (then the texts' search terms); returns how many levels, focuses and
 * theme links were made (so a caller can check that every theme and country the fixture names exists).
 */
export async function loadRankingFixture(
  queries: Queries,
  prefix: string,
  graph: RankingGraph,
): Promise<Record<string, number>> {
  const rows = await queries.writeTransaction(async (run) => {
    await run(
      `UNWIND $institutions AS i
       MATCH (c:Country {id: i.country})
       CREATE (n:Institution {id: $p + '-' + i.id, name: i.name, nameNl: i.name,
         kind: 'UNIVERSITY'})-[:LOCATED_IN]->(c)`,
      { p: prefix, institutions: graph.institutions },
    );
    return run(
      `UNWIND $experts AS x
       CREATE (e:Expert {id: $p + '-' + x.id, name: x.name, headline: x.headline, headlineNl: x.headlineNl,
         bio: x.bio, bioNl: x.bioNl})
       WITH e, x
       OPTIONAL MATCH (network:Network {acronym: x.network})
       CALL (e, network) { WITH e, network WHERE network IS NOT NULL CREATE (e)-[:MEMBER_OF]->(network) }
       CALL (e, x) {
         UNWIND x.expertise AS level
         MATCH (t:Theme {id: level[0]})
         CREATE (e)-[:EXPERT_IN {level: level[1], provenance: CASE level[2] WHEN 'V' THEN 'VERIFIED' WHEN 'E'
                                 THEN 'EVIDENCED' ELSE 'DECLARED' END,
                                 verifiedBy: CASE level[2] WHEN 'V' THEN x.network + ' secretariat' END,
                                 verifiedAt: CASE level[2] WHEN 'V' THEN datetime($verifiedAt) END}]->(t)
         RETURN count(*) AS levels
       }
       CALL (e, x) {
         UNWIND x.focus AS level
         MATCH (c:Country {id: level[0]})
         CREATE (e)-[:FOCUSES_ON {level: level[1], provenance: CASE level[2] WHEN 'V' THEN 'VERIFIED' WHEN 'E'
                                  THEN 'EVIDENCED' ELSE 'DECLARED' END,
                                  verifiedBy: CASE level[2] WHEN 'V' THEN x.network + ' secretariat' END,
                                  verifiedAt: CASE level[2] WHEN 'V' THEN datetime($verifiedAt) END}]->(c)
         RETURN count(*) AS focus
       }
       CALL (e, x) {
         UNWIND x.affiliations AS institution
         MATCH (i:Institution {id: $p + '-' + institution})
         CREATE (e)-[:AFFILIATED_WITH {role: 'Researcher'}]->(i)
       }
       CALL (e, x) {
         UNWIND range(0, size(x.contributions) - 1) AS n
         WITH e, x.contributions[n] AS c, e.id + '-k' + n AS id
         CREATE (k:Contribution {id: id, kind: c.kind, title: c.title, summary: c.summary,
           date: date(c.date)})-[:BY]->(e)
         WITH k, c
         CALL (k, c) { UNWIND c.themes AS theme MATCH (t:Theme {id: theme}) CREATE (k)-[:ABOUT]->(t)
           RETURN count(*) AS themes }
         CALL (k, c) { UNWIND c.countries AS country MATCH (n:Country {id: country}) CREATE (k)-[:CONCERNS]->(n) }
         RETURN sum(themes) AS contributionThemes
       }
       CALL (e, x, network) {
         UNWIND range(0, size(x.answered) - 1) AS n
         WITH e, network, x.answered[n] AS a, e.id + '-q' + n AS id
         CREATE (q:Inquiry {id: id, kind: 'EXPERTISE_REQUEST', question: a.question, answerSummary: a.answerSummary,
                            status: 'ANSWERED',
                            visibility: 'SHAREABLE', receivedAt: datetime('2025-06-02T09:00:00Z'),
                              answeredAt: datetime('2025-06-04T15:00:00Z'), version: 1})
        CREATE (q)-[:CONSULTED {outcome: 'ANSWERED'}]->(e)
         WITH q, a, network
         CALL (q, network) { WITH q, network WHERE network IS NOT NULL CREATE (q)-[:ROUTED_TO]->(network) }
         CALL (q, a) { UNWIND a.themes AS theme MATCH (t:Theme {id: theme}) CREATE (q)-[:ABOUT]->(t)
           RETURN count(*) AS themes }
         CALL (q, a) { UNWIND a.countries AS country MATCH (n:Country {id: country}) CREATE (q)-[:CONCERNS]->(n) }
         RETURN sum(themes) AS inquiryThemes
       }
       RETURN sum(levels) AS levels, sum(focus) AS focus, sum(contributionThemes) AS contributionThemes,
         sum(inquiryThemes) AS inquiryThemes`,
      { p: prefix, experts: graph.experts, verifiedAt: graph.verifiedAt },
    );
  });
  // Written around the app: the Dutch compound parts the app keeps beside texts are worked out as the migration does.
  await backfillSearchTerms(queries);
  return rows[0] as Record<string, number>;
}
