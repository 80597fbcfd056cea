import type { Queries } from '../db/database.js';
import { int, list, obj, optStr, RowShapeError, str, strList, type Parser } from '../db/rows.js';
import { FULLTEXT } from '../db/migrations.js';
import type { ExpertRecord } from '../experts/repository.js';
import { FULLTEXT_HIT_LIMIT, WEIGHTS, type TextMatchFacts, type ThemeMatchFacts } from './scoring.js';

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

/**
 * Experts who declare expertise in one of the themes or a narrower one, contributed on it, or answered
 * inquiries on it; scored by the best declared level (exact above narrower), the focus on the asked
 * countries, and evidence (contributions, answered inquiries).
 */
export async function rankByTheme(queries: Queries, themeIds: string[], params: PageParams): Promise<RankedPage<ThemeMatchFacts>> {
  const [row] = await queries.read<RankedRow>(
    `MATCH (root:Theme) WHERE root.id IN $themeIds
     MATCH path = (t:Theme)-[:BROADER*0..10]->(root)
     WITH t, root, length(path) AS depth ORDER BY depth
     WITH t, collect({depth: depth, root: root.name})[0] AS nearest
     WITH collect({id: t.id, depth: nearest.depth, root: nearest.root}) AS scope, collect(t) AS themes
     WITH scope, themes, [s IN scope | s.id] AS themeIds
     CALL (themes) {
       UNWIND themes AS t MATCH (e:Expert)-[:EXPERT_IN]->(t) RETURN e
       UNION
       UNWIND themes AS t MATCH (e:Expert)<-[:BY]-(k:Contribution)-[:ABOUT]->(t) WHERE k.retiredAt IS NULL RETURN e
       UNION
       UNWIND themes AS t MATCH (e:Expert)<-[:CONSULTED {outcome: 'ANSWERED'}]-(:Inquiry)-[:ABOUT]->(t) RETURN e
     }
     ${ACTIVE_ONLY}
     ${COUNTRY_FOCUS}
     CALL (e, scope, themeIds) {
       OPTIONAL MATCH (e)-[x:EXPERT_IN]->(t:Theme) WHERE t.id IN themeIds
       WITH x.level AS level, t.name AS themeName, [s IN scope WHERE s.id = t.id][0] AS reach
       WITH level, themeName, reach.depth AS depth, reach.root AS rootName,
            level * CASE reach.depth WHEN 0 THEN $weights.exactTheme ELSE $weights.narrowerTheme END AS themePoints
       RETURN level, themeName, depth, rootName, themePoints ORDER BY themePoints DESC, themeName LIMIT 1
     }
     CALL (e, themeIds) {
       OPTIONAL MATCH (e)<-[:BY]-(k:Contribution)-[:ABOUT]->(t:Theme)
       WHERE t.id IN themeIds AND k.retiredAt IS NULL
         AND ($countryIds IS NULL OR EXISTS { (k)-[:CONCERNS]->(c:Country) WHERE c.id IN $countryIds })
       WITH DISTINCT k ORDER BY k.date DESC
       RETURN count(k) AS evidence, collect(k.title)[0..3] AS evidenceTitles
     }
     CALL (e, themeIds) {
       OPTIONAL MATCH (e)<-[:CONSULTED {outcome: 'ANSWERED'}]-(q:Inquiry)-[:ABOUT]->(t:Theme)
       WHERE t.id IN themeIds AND ($countryIds IS NULL OR EXISTS { (q)-[:CONCERNS]->(c:Country) WHERE c.id IN $countryIds })
       RETURN count(DISTINCT q) AS answered
     }
     WITH e, level, depth, themeName, rootName, focusLevel, focusCountry, evidence, evidenceTitles, answered,
          round(coalesce(themePoints, 0)
                + coalesce(focusLevel, 0) * $weights.focus
                + CASE WHEN evidence > $weights.evidenceCap THEN $weights.evidenceCap ELSE evidence END * $weights.evidence
                + CASE WHEN answered > $weights.evidenceCap THEN $weights.evidenceCap ELSE answered END * $weights.answeredInquiry, 2) AS score
     WITH {expert: e, score: score, level: level, depth: depth, themeName: themeName, rootName: rootName,
           focusLevel: focusLevel, focusCountry: focusCountry, evidence: evidence, evidenceTitles: evidenceTitles,
           answered: answered} AS hit
     ORDER BY hit.score DESC, hit.expert.id
     ${PAGE_OF_MATCHES}`,
    { themeIds, ...params, weights: WEIGHTS },
  );
  return splitFacts(row, themeMatchFacts);
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
      weights: WEIGHTS,
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

const num: Parser<number> = (value, at) => {
  if (typeof value !== 'number') throw new RowShapeError(`${at}: expected a number, got ${JSON.stringify(value)}`);
  return value;
};
const optInt: Parser<number | null> = (value, at) => (value === null || value === undefined ? null : int(value, at));

const themeMatchFacts: Parser<ThemeMatchFacts> = obj({
  level: optInt,
  depth: optInt,
  themeName: optStr,
  rootName: optStr,
  focusLevel: optInt,
  focusCountry: optStr,
  evidence: int,
  evidenceTitles: strList,
  answered: int,
});

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
