/**
 * whoKnows for questions with words from the stored standings: free text (FULL_TEXT) and themes with words
 * beside them (THEME_AND_TEXT), ranked exactly as from scratch (repository.ts: rankByText, rankByTheme).
 * The words find a bounded set of experts (TEXT_EVIDENCE: at most FULLTEXT_HIT_LIMIT hits per index), so
 * each of them is scored whole from its own stored standings (no neighbourhood read); for themes, everyone
 * else scores their standing, read best first by seek, skipping the experts the words found. Only the page
 * is explained. Null when the standings cannot answer (stale: a background rebuild is asked for; a place
 * they do not keep; too deep a read for several themes): the caller then ranks from scratch.
 */
import type { Queries } from '../../db/database.js';
import { list, num, obj, orNull } from '../../db/rows.js';
import type { ExpertRecord } from '../../experts/model.js';
import type { RankedPage } from '../repository.js';
import { STANDING_SCORE, standingFacts, standingScoreParams } from '../standing-repository.js';
import {
  INFERRED_THEMES,
  TEXT_EVIDENCE,
  TEXT_HITS,
  textEvidenceParams,
  textFacts,
} from '../text-evidence-repository.js';
import {
  afterScore,
  BEFORE_ALL,
  explain,
  readUntilExact,
  seek,
  standingsAt,
  standingsQuestion,
  themeStanding,
  type StandingsQuestion,
} from './read-repository.js';
import { FORMULA, STANDINGS_FRESH } from './state-repository.js';
import { ANYWHERE, RANKS, STANDING_KEY, standingKey } from './store-repository.js';

export type Place = Parameters<typeof standingsQuestion>[1];

/**
 * What STANDING_SCORE gives for no theme and no place (rootId and countryIds null): nothing scores, and
 * nothing names a theme or a country. An expert the words alone found is ranked on it when no place is asked.
 */
const NOTHING_ASKED = `{score: 0.0, facts: {
  rootId: null, rootName: null, claim: null, focus: null,
  contributions: 0, contributionIds: [], contributionTitle: null, contributionPoints: 0.0,
  inquiries: 0, inquiryIds: [], inquiryPoints: 0.0,
  countryContributions: 0, countryContributionIds: [], countryInquiries: 0, countryInquiryIds: [],
  countryEvidencePoints: 0.0}}`;

/**
 * Cypher: whether the expert `e` has a focus on one of the asked countries, or a current contribution or an
 * answered inquiry concerning one: what STANDING_SCORE needs to put an expert in the place, looked up
 * before the expert's neighbourhood is read for it.
 */
const TIED_TO_PLACE = `(EXISTS { (e)-[:FOCUSES_ON]->(c:Country) WHERE c.id IN $countryIds }
    OR EXISTS { (e)<-[:BY]-(k:Contribution)-[:CONCERNS]->(c:Country) WHERE k.retiredAt IS NULL AND c.id IN $countryIds }
    OR EXISTS { (e)<-[:CONSULTED {outcome: 'ANSWERED'}]-(:Inquiry)-[:CONCERNS]->(c:Country)
                WHERE c.id IN $countryIds })`;

/**
 * Cypher: `place`, the asked place's part of the score (STANDING_SCORE without a theme) of an expert `e`
 * that `when` holds for (else null), and only where it puts the expert in the place: what the from-scratch
 * ranking gives an expert found by the words with no standing. Without a place, no neighbourhood is read;
 * with one, only that of an expert tied to it.
 */
const placePart = (countryIds: string[] | null, when: string) =>
  countryIds === null
    ? `WITH *, CASE WHEN ${when} THEN ${NOTHING_ASKED} END AS place`
    : `WITH *, ${when} AS byWordsAlone
       WITH * WHERE NOT byWordsAlone OR ${TIED_TO_PLACE}
       OPTIONAL CALL (e, byWordsAlone) {
         WITH e WHERE byWordsAlone
         WITH e, null AS rootId, $countryIds AS countryIds
         CALL (e, rootId, countryIds) { ${STANDING_SCORE} }
         RETURN {score: score, facts: facts} AS place
       }
       WITH * WHERE NOT byWordsAlone OR place.facts.focus IS NOT NULL
                    OR place.facts.countryContributions > 0 OR place.facts.countryInquiries > 0`;

/** Cypher: the hit after the cursor (score down, then expert id). */
const AFTER_CURSOR = '(hit.score < $afterScore OR (hit.score = $afterScore AND hit.e.id > $afterId))';

/**
 * Cypher: the experts the words find (active ones), with their text evidence as `text`, from `textHits` (TEXT_HITS).
 */
const WORDS_FOUND = `
    CALL (textHits) { ${TEXT_EVIDENCE} }
    WITH e, {points: textPoints, facts: textFacts} AS text WHERE e.retiredAt IS NULL`;

/**
 * Free text: each expert the words find with their best stored standing in an inferred theme (the first
 * inferred of equal ones; none stored: not qualifying), its theme part damped, or else the place's part.
 * Every hit is scored (a bounded set), only the page explained; the total is the hits that count.
 */
const FREE_TEXT = (countryIds: string[] | null) => `
  FRESHNESS
  OPTIONAL CALL (fresh) {
    WITH fresh WHERE fresh
    CALL () { ${TEXT_HITS} }
    CALL (textHits) { ${INFERRED_THEMES} }
    WITH textHits, inferred, [id IN inferred | id + '|' + $scopeKey] AS keys
    CALL (keys, textHits) {
      ${WORDS_FOUND}
      WITH e, text, ${standingsAt('keys')} AS stored
      WITH e, text, [r IN stored | {r: r, i: [i IN range(0, size(keys) - 1) WHERE keys[i] = r.key][0]}] AS stored
      WITH e, text, reduce(top = null, s IN stored | CASE WHEN top IS NULL OR s.r.score > top.r.score
                                                           OR (s.r.score = top.r.score AND s.i < top.i)
                                                          THEN s ELSE top END).r AS best
      ${placePart(countryIds, 'best IS NULL')}
      WITH e, text, best, place, coalesce(best.themePoints, 0.0) AS themePart
      WITH e, text, best, place,
           round(round(themePart * $rankingWeights.inferredStanding, 2) - themePart, 2) AS adjustment
      WITH {e: e, score: round(text.points + coalesce(best.score, place.score) + adjustment, 2),
            standings: CASE WHEN best IS NULL THEN [] ELSE [best] END,
            text: text, place: place, adjustment: adjustment} AS hit
      ORDER BY hit.score DESC, hit.e.id
      WITH collect(hit) AS hits
      RETURN size(hits) AS total, [hit IN hits WHERE ${AFTER_CURSOR}][0..$limit] AS top
    }
    CALL (top, keys, inferred) { ${explain('keys', 'inferred')} }
    RETURN page, total, true AS exact
  }
  RETURN fresh, page, total, exact`;

/** One key's best `$depth` after the cursor, skipping the experts the words found (a skip bounded by them). */
const STANDING_LISTS = (oneKey: boolean) => `
    CALL (hitIds) {
      UNWIND $keys AS key
      CALL (key, hitIds) {
        CALL (key, hitIds) {
          ${
            oneKey
              ? `${seek('s.negScore = $afterNeg AND s.expertId > $afterId AND NOT s.expertId IN hitIds')}
          UNION
          ${seek('s.negScore > $afterNeg AND s.expertId IS NOT NULL AND NOT s.expertId IN hitIds')}`
              : seek('s.negScore >= $afterNeg AND s.expertId IS NOT NULL AND NOT s.expertId IN hitIds')
          }
        }
        WITH s ORDER BY s.negScore, s.expertId LIMIT $depth
        RETURN collect(s) AS found
      }
      RETURN collect({last: CASE WHEN size(found) < $depth THEN 0.0 ELSE found[-1].score END, found: found}) AS lists
    }`;

/**
 * Themes with words beside them: the union of the experts the words find (each scored whole: the sum of
 * its stored standings for the asked keys and its text points; with none, the place's part, as from
 * scratch) and the best by standing of everyone else, read by seek after the cursor. Anyone else scores
 * their standing, no more than those read, so the page is exact (one theme), or, for several themes, when
 * its last score is above the threshold of the lists read (as in read.ts). The total: the keys' experts
 * (the hub's degree, or distinct over several keys) and those the words alone found that count.
 */
const THEMES_AND_WORDS = (countryIds: string[] | null, oneKey: boolean) => `
  FRESHNESS
  OPTIONAL CALL (fresh) {
    WITH fresh WHERE fresh
    CALL () { ${TEXT_HITS} }
    CALL (textHits) {
      ${WORDS_FOUND}
      WITH e, text, ${standingsAt('$keys')} AS standings
      ${placePart(countryIds, 'size(standings) = 0')}
      RETURN collect({e: e,
                      score: round(reduce(sum = 0.0, r IN standings | sum + r.score) + coalesce(place.score, 0.0)
                                   + text.points, 2),
                      standings: standings, text: text, place: place}) AS hits
    }
    WITH hits, [hit IN hits | hit.e.id] AS hitIds, size([hit IN hits WHERE hit.place IS NOT NULL]) AS wordsOnly
    ${STANDING_LISTS(oneKey)}
    WITH hits, wordsOnly, lists, reduce(bound = 0.0, l IN lists | bound + l.last) AS threshold,
         all(l IN lists WHERE l.last = 0.0) AS exhausted
    CALL (lists) {
      ${
        oneKey
          ? `RETURN [s IN lists[0].found | {e: endNode(s), score: s.score, standings: [s]}] AS ranked`
          : `UNWIND lists AS l UNWIND l.found AS s
      WITH DISTINCT endNode(s) AS e
      WITH e, ${standingsAt('$keys')} AS standings
      RETURN collect({e: e, score: round(reduce(sum = 0.0, r IN standings | sum + r.score), 2), standings: standings})
             AS ranked`
      }
    }
    CALL (ranked, hits) {
      UNWIND ranked + hits AS hit
      WITH hit WHERE ${AFTER_CURSOR}
      WITH hit ORDER BY hit.score DESC, hit.e.id LIMIT $limit
      RETURN collect(hit) AS top
    }
    WITH top, wordsOnly, ${oneKey ? 'true' : 'exhausted OR (size(top) = $limit AND top[-1].score > threshold)'} AS exact
    CALL (top, exact) {
      WITH top WHERE exact
      ${explain()}
    }
    CALL () {
      ${
        oneKey
          ? `OPTIONAL MATCH (hub:${STANDING_KEY} {key: $keys[0]})
      RETURN coalesce(COUNT { (hub)-[:${RANKS}]->() }, 0) AS keyed`
          : `UNWIND $keys AS key MATCH (:${STANDING_KEY} {key: key})-[:${RANKS}]->(e)
      RETURN count(DISTINCT e) AS keyed`
      }
    }
    RETURN page, keyed + wordsOnly AS total, exact
  }
  RETURN fresh, page, total, exact`;

/** A page's hit as both queries give it: stored standings explained, and what the words found. */
const hitRow = obj({
  expert: (value) => value as ExpertRecord,
  score: num,
  standings: list(themeStanding),
  text: orNull(obj({ points: num, facts: textFacts })),
  place: orNull(obj({ score: num, facts: standingFacts })),
  adjustment: orNull(num),
});
export type HitRow = ReturnType<typeof hitRow>;

export interface TextQuestion extends StandingsQuestion {
  /** The words, escaped for Lucene (luceneTerms). */
  textQuery: string;
}

/**
 * The question for the stored standings, as `standingsQuestion` makes it (null for a place they do not
 * keep), with the words. Free text asks no theme: `themeIds` empty.
 */
export function textQuestion(
  themeIds: string[],
  place: Place,
  textQuery: string,
  after: [number, string] | null,
  limit: number,
): TextQuestion | null {
  const question = standingsQuestion(themeIds, place, after, limit);
  return question === null ? null : { ...question, textQuery };
}

/**
 * The one query that ranks and explains a page of a question with words from the stored standings
 * (exported for PROFILE in tests and the bench): free text without themes, else themes and words.
 */
export function textStandingsQuery(
  question: TextQuestion,
  depth: number,
  options: { assumeFresh?: boolean } = {},
): { cypher: string; params: Record<string, unknown> } {
  const themeIds = [...new Set(question.themeIds)];
  const cypher =
    themeIds.length === 0
      ? FREE_TEXT(question.countryIds)
      : THEMES_AND_WORDS(question.countryIds, themeIds.length === 1);
  return {
    cypher: cypher.replace('FRESHNESS', options.assumeFresh ? 'WITH true AS fresh' : STANDINGS_FRESH),
    params: {
      keys: themeIds.map((id) => standingKey(id, question.scopeId)),
      themeIds,
      scopeKey: question.scopeId ?? ANYWHERE,
      countryIds: question.countryIds,
      formula: FORMULA,
      limit: question.limit,
      depth,
      // A free-text hit carries its one standing whole (TextMatch), also the one past the page that only says there is
      // a next.
      explained: themeIds.length === 0 ? question.limit : question.limit - 1,
      afterNeg: question.after ? -question.after[0] : BEFORE_ALL,
      afterId: question.after ? question.after[1] : '',
      afterScore: afterScore(question.after),
      ...standingScoreParams(),
      ...textEvidenceParams(question.textQuery),
    },
  };
}

/**
 * A page of a question with words from the stored standings; without `ranked` when they cannot answer it:
 * `stale` (they do not reflect the graph now) or too deep a read for several themes.
 */
export async function readTextStandings(
  queries: Queries,
  question: TextQuestion,
  options: { assumeFresh?: boolean } = {},
): Promise<{ ranked?: RankedPage<HitRow>; stale: boolean }> {
  const { row, stale } = await readUntilExact(queries, question, (depth) =>
    textStandingsQuery(question, depth, options),
  );
  if (!row) return { stale };
  const page = list(hitRow)(row.page, 'page');
  return {
    ranked: {
      total: num(row.total, 'total'),
      page: page.map((hit) => ({ expert: hit.expert, score: hit.score, facts: hit })),
    },
    stale,
  };
}
