import type { Queries } from '../db/database.js';
import { int, list, num, obj, optStr, str, type Parser } from '../db/rows.js';
import { FULLTEXT } from '../db/migrations.js';
import type { ExpertRecord } from '../experts/repository.js';
import { FULLTEXT_HIT_LIMIT, RANKING_WEIGHTS, type TextMatchFacts } from './scoring.js';
import { STANDING_SCORE, standingFacts, standingScoreParams, type StandingFacts } from './standing-score.js';

export interface RankedPage<F> {
  total: number;
  page: Array<{ expert: ExpertRecord; score: number; facts: F }>;
}

/** The keyset filter and page cut every ranking shares: order by score down, then expert id. */
const PAGE_OF_MATCHES = `
  WITH collect(hit) AS matches
  RETURN size(matches) AS total,
         [m IN matches WHERE $after IS NULL OR m.score < $after[0] OR (m.score = $after[0] AND m.expert.id > $after[1])][0..$limit] AS page`;

interface PageParams {
  countryIds: string[] | null;
  after: [number, string] | null;
  limit: number;
}

/** Retired experts keep their profile but are no longer offered. */
const ACTIVE_ONLY = 'WITH * WHERE e.retiredAt IS NULL';

/** Focus on the asked countries: the strongest one, or nulls. Experts without it drop out when countries are given. */
const COUNTRY_FOCUS = `
  CALL (e) {
    OPTIONAL MATCH (e)-[f:FOCUSES_ON]->(c:Country) WHERE c.id IN $countryIds
    RETURN f.level AS focusLevel, c.name AS focusCountry ORDER BY f.level DESC, c.name LIMIT 1
  }
  WITH * WHERE $countryIds IS NULL OR focusLevel IS NOT NULL`;

/** One asked theme's standing of an expert, as STANDING_SCORE gives it. */
export interface ThemeStanding {
  rootId: string;
  score: number;
  facts: StandingFacts;
}

/**
 * Experts who claim expertise in one of the themes or a narrower one, contributed on it, or answered inquiries
 * on it, scored from scratch by STANDING_SCORE (standing-score.ts) for each theme asked: the sum over the themes
 * they qualify for. This is the ranking the maintained standings keep, and the rebuild computes.
 */
export async function rankByTheme(queries: Queries, themeIds: string[], params: PageParams): Promise<RankedPage<ThemeStanding[]>> {
  const [row] = await queries.read<RankedRow>(
    `CALL () {
       UNWIND $themeIds AS rootId
       MATCH (:Theme {id: rootId})<-[:BROADER*0..10]-(t:Theme)
       CALL (t) {
         MATCH (e:Expert)-[:EXPERT_IN]->(t) RETURN e
         UNION
         MATCH (e:Expert)<-[:BY]-(k:Contribution)-[:ABOUT]->(t) WHERE k.retiredAt IS NULL RETURN e
         UNION
         MATCH (e:Expert)<-[:CONSULTED {outcome: 'ANSWERED'}]-(:Inquiry)-[:ABOUT]->(t) RETURN e
       }
       RETURN DISTINCT e
     }
     ${ACTIVE_ONLY}
     CALL (e) {
       UNWIND $themeIds AS rootId
       WITH e, rootId, $countryIds AS countryIds
       CALL (e, rootId, countryIds) { ${STANDING_SCORE} }
       WITH rootId, qualifies, score, facts WHERE qualifies
       RETURN sum(score) AS score, collect({rootId: rootId, score: score, facts: facts}) AS standings
     }
     WITH e, round(score, 2) AS score, standings WHERE size(standings) > 0
     WITH {expert: e, score: score, standings: standings} AS hit
     ORDER BY hit.score DESC, hit.expert.id
     ${PAGE_OF_MATCHES}`,
    { themeIds, ...params, ...standingScoreParams() },
  );
  return splitFacts(row, (hit, at) => list(themeStanding)((hit as { standings: unknown }).standings, `${at}.standings`));
}

/** Experts whose profile or contributions match the words (English and Dutch analyzers), when no theme was named. */
export async function rankByText(queries: Queries, luceneQuery: string, params: PageParams): Promise<RankedPage<TextMatchFacts>> {
  const [row] = await queries.read<RankedRow>(
    `CALL () {
       CALL db.index.fulltext.queryNodes($profileEn, $q, {limit: $hitLimit}) YIELD node, score
       RETURN node AS e, score AS profileScore, null AS k, 0.0 AS contributionScore
       UNION ALL
       CALL db.index.fulltext.queryNodes($profileNl, $q, {limit: $hitLimit}) YIELD node, score
       RETURN node AS e, score AS profileScore, null AS k, 0.0 AS contributionScore
       UNION ALL
       CALL db.index.fulltext.queryNodes($contributionEn, $q, {limit: $hitLimit}) YIELD node, score
       MATCH (node)-[:BY]->(e:Expert) WHERE node.retiredAt IS NULL
       RETURN e, 0.0 AS profileScore, node AS k, score AS contributionScore
       UNION ALL
       CALL db.index.fulltext.queryNodes($contributionNl, $q, {limit: $hitLimit}) YIELD node, score
       MATCH (node)-[:BY]->(e:Expert) WHERE node.retiredAt IS NULL
       RETURN e, 0.0 AS profileScore, node AS k, score AS contributionScore
     }
     WITH e, k, max(profileScore) AS profileScore, max(contributionScore) AS contributionScore
     ORDER BY contributionScore DESC
     WITH e, max(profileScore) AS profileScore,
          collect(CASE WHEN k IS NOT NULL THEN {title: k.title, score: contributionScore} END) AS contributionHits
     ${ACTIVE_ONLY}
     ${COUNTRY_FOCUS}
     WITH e, profileScore, contributionHits, focusLevel, focusCountry,
          round(profileScore * $weights.textProfile
                + reduce(s = 0.0, h IN contributionHits[0..$weights.evidenceCap] | s + h.score) * $weights.textContribution
                + coalesce(focusLevel, 0) * $weights.focus, 2) AS score
     WITH {expert: e, score: score, profileScore: profileScore, contributionHits: contributionHits,
           focusLevel: focusLevel, focusCountry: focusCountry} AS hit
     ORDER BY hit.score DESC, hit.expert.id
     ${PAGE_OF_MATCHES}`,
    {
      q: luceneQuery,
      ...params,
      weights: RANKING_WEIGHTS,
      hitLimit: FULLTEXT_HIT_LIMIT,
      profileEn: FULLTEXT.expertProfileEn,
      profileNl: FULLTEXT.expertProfileNl,
      contributionEn: FULLTEXT.contributionTextEn,
      contributionNl: FULLTEXT.contributionTextNl,
    },
  );
  return splitFacts(row, textMatchFacts);
}

/** A ranked page as the query returns it: each hit's facts sit beside its expert and score. */
interface RankedRow {
  total: number;
  page: Array<{ expert: ExpertRecord; score: number } & Record<string, unknown>>;
}

const optInt: Parser<number | null> = (value, at) => (value === null || value === undefined ? null : int(value, at));

const themeStanding: Parser<ThemeStanding> = obj({ rootId: str, score: num, facts: standingFacts });

const textMatchFacts: Parser<TextMatchFacts> = obj({
  profileScore: num,
  contributionHits: list(obj({ title: str, score: num })),
  focusLevel: optInt,
  focusCountry: optStr,
});

/** Splits each hit into its expert, its score and its facts, checked by `parseFacts` (the reasons are built from them). */
function splitFacts<F>(row: RankedRow | undefined, parseFacts: Parser<F>): RankedPage<F> {
  if (!row) return { total: 0, page: [] };
  return {
    total: row.total,
    page: row.page.map((hit, index) => ({ expert: hit.expert, score: hit.score, facts: parseFacts(hit, `page[${index}]`) })),
  };
}
