/**
 * An expert's standing for one asked theme in one scope: the part of the whoKnows score that the stored
 * (maintained) ranking keeps in order. The contract with the maintained ranking:
 *
 *   CALL (e, rootId, countryIds) { ${STANDING_SCORE} }   with params `standingScoreParams()`
 *
 * `e` an :Expert, `rootId` the asked theme's id (its narrower themes count), `countryIds` the asked
 * countries (one, or a region's) or null for anywhere. (`rootId` null: no theme, only the country parts
 * score and nothing qualifies; free text uses it for a country asked beside the words.) It returns exactly one row:
 *   qualifies  the expert matches this theme and scope at all (and is not retired);
 *   score      the whole score for that theme and scope, rounded to cents: the sum of the rounded parts;
 *   facts      everything the reasons need, with the ids they rest on (`StandingFacts`, checked by `standingFacts`).
 * It reads only the expert's own neighbourhood (claims, focus, contributions, answered inquiries, the themes
 * above those), never the graph, and no parameter but `$rankingWeights`.
 *
 * What the score depends on, so a maintained copy knows when to recompute an expert's standings: the
 * expert's EXPERT_IN and FOCUSES_ON edges (level, provenance), their contributions (BY; ABOUT, CONCERNS,
 * retiredAt), the inquiries they answered (CONSULTED {outcome: 'ANSWERED'}; ABOUT, CONCERNS), the BROADER
 * edges above those themes, and the expert's retiredAt. Names (of themes, countries, networks) only enter
 * the facts, never the score.
 */
import { int, list, num, obj, oneOf, optStr, orNull, str, strList, type Parser } from '../db/rows.js';
import { RANKING_WEIGHTS, type StandingFacts } from './scoring.js';

export type { StandingFacts };

/** The one parameter STANDING_SCORE reads. */
export const standingScoreParams = () => ({ rankingWeights: RANKING_WEIGHTS });

/** Cypher: a level's provenance as one of the three; none recorded (or anything else) is DECLARED. */
const provenanceOf = (p: string) => `CASE toUpper(${p}) WHEN 'VERIFIED' THEN 'VERIFIED' WHEN 'EVIDENCED' THEN 'EVIDENCED' ELSE 'DECLARED' END`;

/** Cypher: how much a level with provenance `p` is believed, from `$rankingWeights.<kind>Confidence`. */
const confidence = (kind: 'theme' | 'focus', p: string) => `$rankingWeights.${kind}Confidence[${provenanceOf(p)}]`;

/**
 * Cypher: the network a verifier stands for, when `verifiedBy` names one by acronym or id ("CKN secretariat",
 * "local-secretariat-ckn"): its acronym. Networks are a handful of reference nodes.
 */
const verifierNetwork = (verifiedBy: string) => `
  CASE WHEN ${verifiedBy} IS NULL THEN null ELSE
    COLLECT { MATCH (n:Network) WHERE toLower(${verifiedBy}) CONTAINS toLower(n.acronym) OR toLower(${verifiedBy}) CONTAINS n.id
              RETURN coalesce(n.acronym, n.name) ORDER BY size(n.id) DESC }[0] END`;

/** Cypher: how many of a count score, at most `$rankingWeights.evidenceCap`, so prolific experts do not drown everything else. */
const capped = (count: string) => `CASE WHEN ${count} > $rankingWeights.evidenceCap THEN $rankingWeights.evidenceCap ELSE ${count} END`;
const ids = (list: string) => `[n IN ${list} | n.id][0..$rankingWeights.idsListed]`;

export const STANDING_SCORE = `
  // Evidence on the theme (or a narrower one), in any country: it makes a declared level believable.
  CALL (e, rootId) {
    OPTIONAL MATCH (e)<-[:BY]-(k:Contribution)-[:ABOUT]->(:Theme)-[:BROADER*0..10]->(:Theme {id: rootId})
    WHERE k.retiredAt IS NULL
    WITH DISTINCT k ORDER BY k.date DESC, k.id
    RETURN collect(k) AS themeContributions
  }
  CALL (e, rootId) {
    OPTIONAL MATCH (e)<-[:CONSULTED {outcome: 'ANSWERED'}]-(q:Inquiry)-[:ABOUT]->(:Theme)-[:BROADER*0..10]->(:Theme {id: rootId})
    WITH DISTINCT q ORDER BY q.receivedAt DESC, q.id
    RETURN collect(q) AS themeInquiries
  }
  // Evidence concerning the asked countries, on any theme: it puts an expert in the country without a declared focus.
  CALL (e, countryIds) {
    OPTIONAL MATCH (e)<-[:BY]-(k:Contribution)-[:CONCERNS]->(c:Country)
    WHERE c.id IN countryIds AND k.retiredAt IS NULL
    WITH DISTINCT k ORDER BY k.date DESC, k.id
    RETURN collect(k) AS countryContributions
  }
  CALL (e, countryIds) {
    OPTIONAL MATCH (e)<-[:CONSULTED {outcome: 'ANSWERED'}]-(q:Inquiry)-[:CONCERNS]->(c:Country)
    WHERE c.id IN countryIds
    WITH DISTINCT q ORDER BY q.receivedAt DESC, q.id
    RETURN collect(q) AS countryInquiries
  }
  // Unrelated subjects the expert claims at the top levels (4-5) on their own word alone, with nothing to show
  // (a claim on a narrower theme of another such claim is the same subject, not counted again).
  CALL (e) {
    OPTIONAL MATCH (e)-[x:EXPERT_IN]->(t:Theme)
    WHERE x.level >= 4 AND ${provenanceOf('x.provenance')} = 'DECLARED'
      AND NOT EXISTS { (e)<-[:BY]-(k:Contribution)-[:ABOUT]->(:Theme)-[:BROADER*0..10]->(t) WHERE k.retiredAt IS NULL }
      AND NOT EXISTS { (e)<-[:CONSULTED {outcome: 'ANSWERED'}]-(:Inquiry)-[:ABOUT]->(:Theme)-[:BROADER*0..10]->(t) }
      AND NOT EXISTS { (t)-[:BROADER]->(:Theme)<-[:EXPERT_IN]-(e) }
    RETURN count(DISTINCT t) AS broadClaims
  }
  // The strongest claim on the theme, a narrower one or the theme just above it:
  // level × (exact, narrower or broader) × confidence in it.
  OPTIONAL CALL (e, rootId, themeContributions, themeInquiries, broadClaims) {
    CALL (e, rootId) {
      MATCH p = (e)-[x:EXPERT_IN]->(t:Theme)-[:BROADER*0..10]->(:Theme {id: rootId})
      RETURN x, t, min(length(p)) - 1 AS depth
      UNION
      MATCH (e)-[x:EXPERT_IN]->(t:Theme)<-[:BROADER]-(:Theme {id: rootId})
      RETURN x, t, -1 AS depth
    }
    WITH x, t, depth, size(themeContributions) AS byContributions, size(themeInquiries) AS byInquiries
    WITH x, t, depth, byContributions, byInquiries, byContributions + byInquiries AS backing,
         ${confidence('theme', 'x.provenance')} AS base
    WITH x, t, depth, byContributions, byInquiries,
         round(CASE WHEN ${provenanceOf('x.provenance')} <> 'DECLARED' THEN base
              WHEN backing > 0 THEN base + $rankingWeights.declaredBacking
                   * CASE WHEN backing > $rankingWeights.declaredBackingCap THEN $rankingWeights.declaredBackingCap ELSE backing END
              WHEN broadClaims > $rankingWeights.broadClaimsAllowed
                THEN base * ($rankingWeights.broadClaimsAllowed * 1.0 / broadClaims) ^ 2
              ELSE base END, 2) AS belief
    WITH x, t, depth, byContributions, byInquiries, belief,
         round(x.level * CASE WHEN depth = 0 THEN $rankingWeights.exactTheme WHEN depth > 0 THEN $rankingWeights.narrowerTheme
                              ELSE $rankingWeights.broaderTheme END * belief, 2) AS points
    ORDER BY points DESC, t.name
    LIMIT 1
    RETURN {
             themeId: t.id, themeName: t.name, depth: depth, level: x.level, provenance: ${provenanceOf('x.provenance')},
             verifiedBy: x.verifiedBy, verifiedAt: toString(x.verifiedAt), verifierNetwork: ${verifierNetwork('x.verifiedBy')},
             belief: belief, backingContributions: byContributions, backingInquiries: byInquiries,
             broadClaims: broadClaims, points: points } AS claim
  }
  // The strongest focus on one of the asked countries: level × confidence in it (a declared focus gains from
  // contributions and answered inquiries concerning the asked countries).
  CALL (e, countryIds, countryContributions, countryInquiries) {
    OPTIONAL MATCH (e)-[f:FOCUSES_ON]->(c:Country) WHERE c.id IN countryIds
    WITH f, c, size(countryContributions) + size(countryInquiries) AS backing
    WITH f, c, round(CASE WHEN ${provenanceOf('f.provenance')} <> 'DECLARED' THEN ${confidence('focus', 'f.provenance')}
                          ELSE $rankingWeights.focusConfidence.DECLARED + $rankingWeights.focusBacking
                               * CASE WHEN backing > $rankingWeights.focusBackingCap THEN $rankingWeights.focusBackingCap ELSE backing END
                     END, 2) AS belief
    WITH f, c, belief, round(f.level * $rankingWeights.focus * belief, 2) AS points
    ORDER BY points DESC, c.name
    LIMIT 1
    RETURN CASE WHEN f IS NULL THEN null ELSE {
             countryId: c.id, countryName: c.name, level: f.level, provenance: ${provenanceOf('f.provenance')},
             verifiedBy: f.verifiedBy, verifiedAt: toString(f.verifiedAt), verifierNetwork: ${verifierNetwork('f.verifiedBy')},
             belief: belief, points: points } END AS focus
  }
  WITH e, rootId, countryIds, claim, focus, themeContributions, themeInquiries, countryContributions, countryInquiries,
       // Evidence on the theme counts in the asked countries only, when countries are asked.
       CASE WHEN countryIds IS NULL THEN themeContributions ELSE [k IN themeContributions WHERE k IN countryContributions] END AS contributions,
       CASE WHEN countryIds IS NULL THEN themeInquiries ELSE [q IN themeInquiries WHERE q IN countryInquiries] END AS inquiries
  WITH e, rootId, countryIds, claim, focus, themeContributions, themeInquiries, countryContributions, countryInquiries, contributions, inquiries,
       round(${capped('size(contributions)')} * $rankingWeights.contribution, 2) AS contributionPoints,
       round(${capped('size(inquiries)')} * $rankingWeights.answeredInquiry, 2) AS inquiryPoints,
       CASE WHEN countryIds IS NULL THEN 0.0
            ELSE round(${capped('size(countryContributions) + size(countryInquiries)')} * $rankingWeights.countryEvidence, 2) END AS countryEvidencePoints
  RETURN
    e.retiredAt IS NULL
      AND (claim IS NOT NULL OR size(themeContributions) > 0 OR size(themeInquiries) > 0)
      AND (countryIds IS NULL OR focus IS NOT NULL OR size(countryContributions) > 0 OR size(countryInquiries) > 0) AS qualifies,
    round(coalesce(claim.points, 0.0) + coalesce(focus.points, 0.0) + contributionPoints + inquiryPoints + countryEvidencePoints, 2) AS score,
    {
      rootId: rootId,
      rootName: COLLECT { MATCH (root:Theme {id: rootId}) RETURN root.name }[0],
      claim: claim,
      focus: focus,
      contributions: size(contributions), contributionIds: ${ids('contributions')},
      contributionTitle: contributions[0].title, contributionPoints: contributionPoints,
      inquiries: size(inquiries), inquiryIds: ${ids('inquiries')}, inquiryPoints: inquiryPoints,
      countryContributions: CASE WHEN countryIds IS NULL THEN 0 ELSE size(countryContributions) END,
      countryContributionIds: CASE WHEN countryIds IS NULL THEN [] ELSE ${ids('countryContributions')} END,
      countryInquiries: CASE WHEN countryIds IS NULL THEN 0 ELSE size(countryInquiries) END,
      countryInquiryIds: CASE WHEN countryIds IS NULL THEN [] ELSE ${ids('countryInquiries')} END,
      countryEvidencePoints: countryEvidencePoints
    } AS facts`;

const PROVENANCE = oneOf(['DECLARED', 'VERIFIED', 'EVIDENCED'] as const);
const levelFields = { level: int, provenance: PROVENANCE, verifiedBy: optStr, verifiedAt: optStr, verifierNetwork: optStr, points: num };

/** Checks STANDING_SCORE's `facts` as they leave the database (`plain()` values). */
export const standingFacts: Parser<StandingFacts> = obj({
  rootId: optStr,
  rootName: optStr,
  claim: orNull(obj({
    ...levelFields, themeId: str, themeName: str, depth: int, belief: num, backingContributions: int, backingInquiries: int, broadClaims: int,
  })),
  focus: orNull(obj({ ...levelFields, countryId: str, countryName: str, belief: num })),
  contributions: int,
  contributionIds: strList,
  contributionTitle: optStr,
  contributionPoints: num,
  inquiries: int,
  inquiryIds: strList,
  inquiryPoints: num,
  countryContributions: int,
  countryContributionIds: strList,
  countryInquiries: int,
  countryInquiryIds: strList,
  countryEvidencePoints: num,
});
