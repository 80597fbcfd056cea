/**
 * Text evidence: what the words of a question (all of a free-text question, or the words left beside the
 * themes a question named) find in profiles, contributions, and the inquiries an expert answered (question,
 * context and answer), in English and Dutch. It is added on top of the standings, over a bounded set of hits:
 * at most FULLTEXT_HIT_LIMIT per index, so its cost follows the hits, never the graph.
 *
 * Raw Lucene scores have no scale (a rare word scores 15, a common one 1), so each index's hits count by
 * their relevance relative to that index's best hit (0–1]; points are then weighed as documented in
 * RANKING_WEIGHTS (scoring.ts).
 */
import { FULLTEXT } from '../db/migrations.js';
import { int, num, obj, optStr, strList, type Parser } from '../db/rows.js';
import { FULLTEXT_HIT_LIMIT, RANKING_WEIGHTS, type TextFacts } from './scoring.js';

export type { TextFacts };

/** The parameters TEXT_HITS and TEXT_EVIDENCE read, for the Lucene query `textQuery` (already escaped). */
export const textEvidenceParams = (textQuery: string | null) => ({
  textQuery,
  textHitLimit: FULLTEXT_HIT_LIMIT,
  textIndexes: {
    profileEn: FULLTEXT.expertProfileEn,
    profileNl: FULLTEXT.expertProfileNl,
    contributionEn: FULLTEXT.contributionTextEn,
    contributionNl: FULLTEXT.contributionTextNl,
    inquiryEn: FULLTEXT.inquiryTextEn,
    inquiryNl: FULLTEXT.inquiryTextNl,
  },
  rankingWeights: RANKING_WEIGHTS,
});

/** One index's hits with their relevance relative to its best hit; `then` turns each hit `node` into rows. */
const hitsOf = (index: string, then: string) => `
    CALL db.index.fulltext.queryNodes($textIndexes.${index}, $textQuery, {limit: $textHitLimit}) YIELD node, score
    WITH collect({node: node, score: score}) AS hits
    WITH hits, reduce(top = 0.0, h IN hits | CASE WHEN h.score > top THEN h.score ELSE top END) AS top
    UNWIND hits AS hit
    WITH hit.node AS node, hit.score / top AS relevance
    ${then}`;

const PROFILE = `RETURN 'profile' AS kind, node AS e, null AS item, relevance`;
const CONTRIBUTION =
  'MATCH (node)-[:BY]->(e:Expert) WHERE node.retiredAt IS NULL ' +
  "RETURN 'contribution' AS kind, e, node AS item, relevance";
const INQUIRY =
  "MATCH (node)-[:CONSULTED {outcome: 'ANSWERED'}]->(e:Expert) " +
  "RETURN 'inquiry' AS kind, e, node AS item, relevance";

/**
 * Cypher, a subquery body (`CALL () { ${TEXT_HITS} }`): `textHits`, a list of one map per hit and expert it
 * speaks for: `kind` ('profile', 'contribution' or 'inquiry'), `e`, `item` (the contribution or inquiry, or
 * null) and `relevance` (0–1]; empty when `$textQuery` is null. A query reads it once: INFERRED_THEMES and
 * TEXT_EVIDENCE both work on it (`CALL (textHits) { … }`), so the indexes are not searched twice.
 */
export const TEXT_HITS = `
  CALL () {
    WITH $textQuery AS textQuery WHERE textQuery IS NOT NULL
    CALL () {
      ${hitsOf('profileEn', PROFILE)}
      UNION ALL ${hitsOf('profileNl', PROFILE)}
      UNION ALL ${hitsOf('contributionEn', CONTRIBUTION)}
      UNION ALL ${hitsOf('contributionNl', CONTRIBUTION)}
      UNION ALL ${hitsOf('inquiryEn', INQUIRY)}
      UNION ALL ${hitsOf('inquiryNl', INQUIRY)}
    }
    RETURN kind, e, item, relevance
  }
  RETURN collect({kind: kind, e: e, item: item, relevance: relevance}) AS textHits`;

/**
 * Cypher, a subquery body on TEXT_HITS (`CALL (textHits) { ${INFERRED_THEMES} }`): `inferred`, the ids of
 * the themes the contributions and inquiries the words find are mostly about (by summed relevance, at most
 * `$rankingWeights.inferredThemes`), best first: what a free-text question is taken to be about.
 */
export const INFERRED_THEMES = `
  UNWIND textHits AS hit
  WITH hit.item AS item, max(hit.relevance) AS relevance WHERE item IS NOT NULL
  MATCH (item)-[:ABOUT]->(t:Theme)
  WITH t.id AS themeId, sum(relevance) AS weight ORDER BY weight DESC, themeId LIMIT $rankingWeights.inferredThemes
  RETURN collect(themeId) AS inferred`;

const best = (list: string, weight: string) =>
  `round(reduce(s = 0.0, h IN ${list}[0..$rankingWeights.textItemsCounted] | s + h.relevance) ` +
  `* $rankingWeights.${weight}, 2)`;

/**
 * Cypher, a subquery body on TEXT_HITS (`CALL (textHits) { ${TEXT_EVIDENCE} }`): per expert the words found, `e`,
 * `textPoints` (the sum of the rounded parts) and `textFacts` (`TextFacts`, with the ids of what matched). Retired
 * experts are not left out here: the ranking that adds these points does that.
 */
export const TEXT_EVIDENCE = `
  UNWIND textHits AS hit
  // A hit found in both languages counts once, by its better relevance.
  WITH hit.kind AS kind, hit.e AS e, hit.item AS item, max(hit.relevance) AS relevance
  ORDER BY relevance DESC, item.id
  WITH e,
       collect(CASE kind WHEN 'profile' THEN relevance END)[0] AS profile,
       collect(CASE kind WHEN 'contribution' THEN {id: item.id, title: item.title, relevance: relevance} END)
         AS contributions,
       collect(CASE kind WHEN 'inquiry' THEN {id: item.id, relevance: relevance} END) AS inquiries
  WITH e, contributions, inquiries,
       round(coalesce(profile, 0.0) * $rankingWeights.textProfile, 2) AS profilePoints,
       ${best('contributions', 'textContribution')} AS contributionPoints,
       ${best('inquiries', 'textInquiry')} AS inquiryPoints
  RETURN e, round(profilePoints + contributionPoints + inquiryPoints, 2) AS textPoints,
         {profilePoints: profilePoints,
          contributions: size(contributions),
          contributionIds: [c IN contributions | c.id][0..$rankingWeights.idsListed],
          contributionTitle: contributions[0].title, contributionPoints: contributionPoints,
          inquiries: size(inquiries), inquiryIds: [q IN inquiries | q.id][0..$rankingWeights.idsListed],
          inquiryPoints: inquiryPoints} AS textFacts`;

/** Checks TEXT_EVIDENCE's `textFacts`. */
export const textFacts: Parser<TextFacts> = obj({
  profilePoints: num,
  contributions: int,
  contributionIds: strList,
  contributionTitle: optStr,
  contributionPoints: num,
  inquiries: int,
  inquiryIds: strList,
  inquiryPoints: num,
});
