import type { Queries } from '../db/database.js';
import { list, num, obj, optStr, orNull, type Parser } from '../db/rows.js';
import type { ExpertRecord } from '../experts/model.js';
import { STANDING_SCORE, standingFacts, standingScoreParams, type StandingFacts } from './standing-repository.js';
import {
  INFERRED_THEMES,
  TEXT_EVIDENCE,
  TEXT_HITS,
  textEvidenceParams,
  textFacts,
  type TextFacts,
} from './text-evidence-repository.js';

export interface RankedPage<F> {
  total: number;
  page: Array<{ expert: ExpertRecord; score: number; facts: F }>;
}

/** The keyset filter and page cut every ranking shares: order by score down, then expert id. */
const PAGE_OF_MATCHES = `
  WITH collect(hit) AS matches
  RETURN size(matches) AS total,
         [m IN matches WHERE m.score < $after[0]
                             OR (m.score = $after[0] AND m.expert.id > $after[1])][0..$limit] AS page`;

interface PageParams {
  countryIds: string[] | null;
  after: [number, string] | null;
  limit: number;
}

/** Above every score: the first page is the one after it. */
const ABOVE_ALL: [number, string] = [Number.MAX_VALUE, ''];

/**
 * The page's parameters with a cursor always given: Neo4j caches a plan by text and parameter types, and a null
 * cursor on the first page made a second plan of these long texts, slow to make.
 */
const withCursor = (params: PageParams) => ({ ...params, after: params.after ?? ABOVE_ALL });

/** Retired experts keep their profile but are no longer offered. */
const ACTIVE_ONLY = 'WITH * WHERE e.retiredAt IS NULL';

/**
 * One asked theme's standing of an expert, as STANDING_SCORE gives it (`rootId` null: found by the words alone, the
 * asked place's part).
 */
export interface ThemeStanding {
  rootId: string | null;
  score: number;
  facts: StandingFacts;
}

/** Text evidence for an expert: its points and what they rest on. */
export interface TextEvidence {
  points: number;
  facts: TextFacts;
}

/**
 * The text evidence rows rankByTheme adds (only when there are words beside the themes: a query without them plans and
 * runs lighter).
 */
const WORDS_BESIDE_THEMES = `
  UNION ALL
  CALL () { ${TEXT_HITS} }
  CALL (textHits) { ${TEXT_EVIDENCE} }
  RETURN e, 0.0 AS score, [] AS standings, {points: textPoints, facts: textFacts} AS text`;

export interface ThemeMatch {
  standings: ThemeStanding[];
  /** What the words beside the themes found, when there were any and they found something of this expert's. */
  text: TextEvidence | null;
}

/**
 * Experts who claim expertise in one of the themes or a narrower one, contributed on it, or answered inquiries
 * on it, scored from scratch by STANDING_SCORE (standing-repository.ts) for each theme asked: the sum over the themes
 * they qualify for, plus the text evidence of `textQuery` (the words beside the themes) when given. Experts the
 * words find who have no standing in the themes come after on their text evidence (and the asked place's part).
 * Without words this is the ranking the maintained standings keep, and the rebuild computes.
 */
export async function rankByTheme(
  queries: Queries,
  themeIds: string[],
  params: PageParams,
  textQuery: string | null = null,
): Promise<RankedPage<ThemeMatch>> {
  const [row] = await queries.read<RankedRow>(
    `CALL () {
       CALL () {
         UNWIND $themeIds AS rootId
         MATCH (:Theme {id: rootId})<-[:BROADER*0..10]-(t:Theme)
         CALL (t) {
           MATCH (e:Expert)-[:EXPERT_IN]->(t) RETURN e
           UNION
           MATCH (e:Expert)<-[:BY]-(k:Contribution)-[:ABOUT]->(t) WHERE k.retiredAt IS NULL RETURN e
           UNION
           MATCH (e:Expert)<-[:CONSULTED {outcome: 'ANSWERED'}]-(:Inquiry)-[:ABOUT]->(t) RETURN e
         }
         RETURN e
         UNION
         // Claims on the theme just above count too.
         UNWIND $themeIds AS rootId
         MATCH (:Theme {id: rootId})-[:BROADER]->(:Theme)<-[:EXPERT_IN]-(e:Expert)
         RETURN e
       }
       WITH DISTINCT e
       ${ACTIVE_ONLY}
       CALL (e) {
         UNWIND $themeIds AS rootId
         WITH e, rootId, $countryIds AS countryIds
         CALL (e, rootId, countryIds) { ${STANDING_SCORE} }
         WITH rootId, qualifies, score, facts WHERE qualifies
         RETURN sum(score) AS score, collect({rootId: rootId, score: score, facts: facts}) AS standings
       }
       WITH e, score, standings WHERE size(standings) > 0
       RETURN e, score, standings, null AS text
       ${textQuery === null ? '' : WORDS_BESIDE_THEMES}
     }
     WITH e, sum(score) AS score, reduce(all = [], s IN collect(standings) | all + s) AS standings,
          collect(text)[0] AS text
     ${ACTIVE_ONLY}
     // Found by the words alone (no standing in the themes): ranked on the words and, when countries are asked,
     // only if their standing there (STANDING_SCORE without a theme) puts them in one.
     OPTIONAL CALL (e, standings) {
       WITH e WHERE size(standings) = 0
       WITH e, null AS rootId, $countryIds AS countryIds
       CALL (e, rootId, countryIds) { ${STANDING_SCORE} }
       RETURN {rootId: null, score: score, facts: facts} AS place
     }
     WITH e, text, CASE WHEN place IS NULL THEN standings ELSE [place] END AS standings,
          score + coalesce(place.score, 0.0) AS score
     WHERE place IS NULL OR $countryIds IS NULL
        OR place.facts.focus IS NOT NULL OR place.facts.countryContributions > 0 OR place.facts.countryInquiries > 0
     WITH {expert: e, score: round(score + coalesce(text.points, 0.0), 2), standings: standings, text: text} AS hit
     ORDER BY hit.score DESC, hit.expert.id
     ${PAGE_OF_MATCHES}`,
    { themeIds, ...withCursor(params), ...standingScoreParams(), ...textEvidenceParams(textQuery) },
  );
  return splitFacts(row, themeMatch);
}

export interface TextMatch {
  text: TextEvidence;
  /**
   * The expert's standing in the theme the matching texts are mostly about (or, without one, in the asked country
   * only).
   */
  standing: { score: number; facts: StandingFacts };
  /** What the standing's theme part lost for being inferred (negative or 0): `score` + this is what counted. */
  adjustment: number;
}

/**
 * Experts the words find (profiles, contributions, answered inquiries; see text-evidence-repository.ts), when the
 * question named no theme. Beside the text evidence each gets their standing (STANDING_SCORE) in the theme
 * the matching contributions and inquiries are mostly about, its theme part damped (a guess, not asked);
 * with countries asked, only experts with a focus on or evidence concerning one of them.
 */
export async function rankByText(
  queries: Queries,
  textQuery: string,
  params: PageParams,
): Promise<RankedPage<TextMatch>> {
  const [row] = await queries.read<RankedRow>(
    `CALL () { ${TEXT_HITS} }
     CALL (textHits) { ${INFERRED_THEMES} }
     CALL (textHits) { ${TEXT_EVIDENCE} }
     ${ACTIVE_ONLY}
     CALL (e, inferred) {
       UNWIND range(0, size(inferred)) AS position
       WITH e, (inferred + [null])[position] AS rootId, position, $countryIds AS countryIds
       CALL (e, rootId, countryIds) { ${STANDING_SCORE} }
       WITH rootId, position, score, facts WHERE qualifies OR rootId IS NULL
       // The best standing in an inferred theme (of equal ones, the theme inferred first), or else the country part
       // alone (rootId null).
       RETURN score, facts ORDER BY rootId IS NULL, score DESC, position LIMIT 1
     }
     WITH * WHERE $countryIds IS NULL OR facts.focus IS NOT NULL
                  OR facts.countryContributions > 0 OR facts.countryInquiries > 0
     WITH e, textPoints, textFacts, score, facts,
          coalesce(facts.claim.points, 0.0) + facts.contributionPoints + facts.inquiryPoints AS themePart
     WITH e, textPoints, textFacts, score, facts,
          round(round(themePart * $rankingWeights.inferredStanding, 2) - themePart, 2) AS adjustment
     WITH {expert: e, score: round(textPoints + score + adjustment, 2),
           text: {points: textPoints, facts: textFacts}, standing: {score: score, facts: facts},
           adjustment: adjustment} AS hit
     ORDER BY hit.score DESC, hit.expert.id
     ${PAGE_OF_MATCHES}`,
    { ...withCursor(params), ...standingScoreParams(), ...textEvidenceParams(textQuery) },
  );
  return splitFacts(row, textMatch);
}

/** A ranked page as the query returns it: each hit's facts sit beside its expert and score. */
interface RankedRow {
  total: number;
  page: Array<{ expert: ExpertRecord; score: number } & Record<string, unknown>>;
}

interface WarmUpNames {
  experts: boolean;
  themes: string[];
  country: string | null;
  region: string | null;
}

/**
 * Names the graph holds for the warm-up's questions (src/warmup.ts): top-level themes, a country with experts, a
 * region.
 */
export async function warmUpNames(queries: Queries): Promise<WarmUpNames | undefined> {
  const [names] = await queries.read<WarmUpNames>(
    `CALL () { RETURN EXISTS { (:Expert) } AS experts }
     CALL () {
       MATCH (t:Theme) WHERE t.retiredAt IS NULL AND NOT EXISTS { (t)-[:BROADER]->() }
       RETURN collect(t.name)[0..2] AS themes
     }
     CALL () { MATCH (c:Country) WHERE EXISTS { (c)<-[:FOCUSES_ON]-(:Expert) } RETURN collect(c.id)[0] AS country }
     CALL () { MATCH (r:Region) RETURN collect(r.name)[0] AS region }
     RETURN experts, themes, country, region`,
  );
  return names;
}

const textEvidence: Parser<TextEvidence> = obj({ points: num, facts: textFacts });
const themeMatch: Parser<ThemeMatch> = obj({
  standings: list(obj({ rootId: optStr, score: num, facts: standingFacts })),
  text: orNull(textEvidence),
});
const textMatch: Parser<TextMatch> = obj({
  text: textEvidence,
  standing: obj({ score: num, facts: standingFacts }),
  adjustment: num,
});

/**
 * Splits each hit into its expert, its score and its facts, checked by `parseFacts` (the reasons are built from them).
 */
function splitFacts<F>(row: RankedRow | undefined, parseFacts: Parser<F>): RankedPage<F> {
  if (!row) return { total: 0, page: [] };
  return {
    total: row.total,
    page: row.page.map((hit, index) => ({
      expert: hit.expert,
      score: hit.score,
      facts: parseFacts(hit, `page[${index}]`),
    })),
  };
}
