/**
 * An expert's standing for one asked theme in one scope: the part of the whoKnows score that the stored
 * (maintained) ranking keeps in order. The contract with the maintained ranking:
 *
 *   CALL (e, rootId, countryIds) { ${STANDING_SCORE} }   with params `standingScoreParams()`
 *
 * `e` an :Expert, `rootId` the asked theme's id (its narrower themes count, and a claim on the theme just
 * above it), `countryIds` the asked
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
 * edges above those themes (and from the asked theme to the one just above), and the expert's retiredAt.
 * Names (of themes, countries, networks: a verifier named as a network) only enter the facts, never the score.
 */
import { int, num, obj, oneOf, optStr, orNull, str, strList, type Parser } from '../db/rows.js';
import { verifyingNetwork } from '../networks/repository.js';
import { RANKING_WEIGHTS, type StandingFacts } from './scoring.js';

export type { StandingFacts };

/** The one parameter STANDING_SCORE reads. */
export const standingScoreParams = () => ({ rankingWeights: RANKING_WEIGHTS });

/** Cypher: a level's provenance as one of the three; none recorded (or anything else) is DECLARED. */
const provenanceOf = (p: string) =>
  `CASE toUpper(${p}) WHEN 'VERIFIED' THEN 'VERIFIED' WHEN 'EVIDENCED' THEN 'EVIDENCED' ELSE 'DECLARED' END`;

/** Cypher: how much a level with provenance `p` is believed, from `$rankingWeights.<kind>Confidence`. */
const confidence = (kind: 'theme' | 'focus', p: string) => `$rankingWeights.${kind}Confidence[${provenanceOf(p)}]`;

/**
 * Cypher: the network a verifier stands for, when `verifiedBy` names one by acronym or id ("CKN secretariat",
 * "local-secretariat-ckn"): its acronym.
 */
export const verifierNetwork = (verifiedBy: string) => verifyingNetwork(verifiedBy, 'coalesce(n.acronym, n.name)');

/** Cypher: the map fields of a level's verification on the relationship `r`: who, when, and for which network. */
const verification = (r: string) =>
  `verifiedBy: ${r}.verifiedBy, verifiedAt: toString(${r}.verifiedAt), ` +
  `verifierNetwork: ${verifierNetwork(`${r}.verifiedBy`)}`;

/**
 * Cypher: how many of a count score, at most `$rankingWeights.evidenceCap`, so prolific experts do not drown
 * everything else.
 */
const capped = (count: string) =>
  `CASE WHEN ${count} > $rankingWeights.evidenceCap THEN $rankingWeights.evidenceCap ELSE ${count} END`;
const ids = (list: string) => `[n IN ${list} | n.id][0..$rankingWeights.idsListed]`;

/** Cypher: the map fields `names` of the map `map`, each under its own name (`name: map.name, ...`). */
const fieldsOf = (map: string, ...names: string[]) => names.map((name) => `${name}: ${map}.${name}`).join(', ');

/**
 * Cypher, `CALL (e) { ${STANDING_NEIGHBOURHOOD} }`: everything of the expert's neighbourhood the score reads,
 * collected once per expert as `hood`: current contributions and answered inquiries (newest first, each with
 * the ids of its themes and all their broader themes, and of the countries it concerns), claims (with the
 * ids of the claimed theme's broader themes at their least distance, and of the themes just below it), focus,
 * the number of unrelated top-level claims on the expert's word alone, and whether the expert is active.
 */
export const STANDING_NEIGHBOURHOOD = `
  CALL (e) {
    MATCH (e)<-[:BY]-(k:Contribution) WHERE k.retiredAt IS NULL
    WITH DISTINCT k
    WITH k, {id: k.id, title: k.title,
             themes: COLLECT { MATCH (k)-[:ABOUT]->(:Theme)-[:BROADER*0..10]->(a:Theme) RETURN DISTINCT a.id },
             countries: COLLECT { MATCH (k)-[:CONCERNS]->(c:Country) RETURN DISTINCT c.id }} AS item
    ORDER BY k.date DESC, k.id
    RETURN collect(item) AS contributions
  }
  CALL (e) {
    MATCH (e)<-[:CONSULTED {outcome: 'ANSWERED'}]-(q:Inquiry)
    WITH DISTINCT q
    WITH q, {id: q.id,
             themes: COLLECT { MATCH (q)-[:ABOUT]->(:Theme)-[:BROADER*0..10]->(a:Theme) RETURN DISTINCT a.id },
             countries: COLLECT { MATCH (q)-[:CONCERNS]->(c:Country) RETURN DISTINCT c.id }} AS item
    ORDER BY q.receivedAt DESC, q.id
    RETURN collect(item) AS inquiries
  }
  CALL (e) {
    MATCH (e)-[x:EXPERT_IN]->(t:Theme)
    CALL (t) {
      MATCH p = (t)-[:BROADER*0..10]->(a:Theme)
      WITH a, min(length(p)) AS depth
      RETURN collect({id: a.id, depth: depth}) AS above
    }
    WITH {themeId: t.id, themeName: t.name, level: x.level, provenance: ${provenanceOf('x.provenance')},
          ${verification('x')},
          base: ${confidence('theme', 'x.provenance')},
          above: above,
          below: COLLECT { MATCH (t)<-[:BROADER]-(b:Theme) RETURN b.id }} AS item
    RETURN collect(item) AS claims
  }
  CALL (e) {
    MATCH (e)-[f:FOCUSES_ON]->(c:Country)
    WITH {countryId: c.id, countryName: c.name, level: f.level, provenance: ${provenanceOf('f.provenance')},
          ${verification('f')},
          base: ${confidence('focus', 'f.provenance')}} AS item
    RETURN collect(item) AS focus
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
  RETURN {active: e.retiredAt IS NULL, contributions: contributions, inquiries: inquiries, claims: claims, focus: focus,
          broadClaims: broadClaims} AS hood`;

/** Cypher: the one of `list` with the most points (ties: the first by name), or null. */
const best = (list: string, name: string) =>
  `reduce(top = null, c IN ${list} | CASE WHEN top IS NULL OR c.points > top.points ` +
  `OR (c.points = top.points AND c.${name} < top.${name}) THEN c ELSE top END)`;

/** Cypher: how far the root lies above the theme of the claim `x` (0: the claim is on the root). */
const ROOT_DEPTH = '[a IN x.above WHERE a.id = rootId | a.depth][0]';

/** Cypher: the most evidence that makes a declared level more believable, and a declared focus. */
const DECLARED_CAP = '$rankingWeights.declaredBackingCap';
const FOCUS_CAP = '$rankingWeights.focusBackingCap';

/** Cypher: the four lists of evidence, on the theme and concerning the asked countries. */
const EVIDENCE = 'themeContributions, themeInquiries, countryContributions, countryInquiries';

/** Cypher: the items of `list` (each `item`) that are also in `countryList` when countries are asked, else all. */
const inAskedCountries = (list: string, item: string, countryList: string) =>
  `CASE WHEN countryIds IS NULL THEN ${list} ELSE [${item} IN ${list} WHERE ${item} IN ${countryList}] END`;

/** Cypher: how much evidence concerns the asked countries. */
const COUNTRY_EVIDENCE = 'size(countryContributions) + size(countryInquiries)';

/** Cypher: whether the expert has anything on the theme, and anything in the asked countries (or none were asked). */
const ON_THEME = '(claim IS NOT NULL OR size(themeContributions) > 0 OR size(themeInquiries) > 0)';
const IN_COUNTRIES =
  '(countryIds IS NULL OR focus IS NOT NULL OR size(countryContributions) > 0 OR size(countryInquiries) > 0)';

/** Cypher: the parts of the score, each rounded already. */
const POINTS =
  'coalesce(claim.points, 0.0) + coalesce(focus.points, 0.0) + contributionPoints + inquiryPoints + ' +
  'countryEvidencePoints';

/**
 * Cypher, `CALL (e, hood, rootId, countryIds) { ${STANDING_FROM_NEIGHBOURHOOD} }`: the standing from the
 * collected neighbourhood, list comprehensions only (no graph access but the root's name).
 */
export const STANDING_FROM_NEIGHBOURHOOD = `
  // Evidence on the theme (or a narrower one), in any country: it makes a declared level believable.
  // Evidence concerning the asked countries, on any theme: it puts an expert in the country without a declared focus.
  WITH e, hood, rootId, countryIds,
       [k IN hood.contributions WHERE rootId IN k.themes] AS themeContributions,
       [q IN hood.inquiries WHERE rootId IN q.themes] AS themeInquiries,
       [k IN hood.contributions WHERE any(c IN k.countries WHERE c IN countryIds)] AS countryContributions,
       [q IN hood.inquiries WHERE any(c IN q.countries WHERE c IN countryIds)] AS countryInquiries
  // The strongest claim on the theme, a narrower one or the theme just above it:
  // level × (exact, narrower or broader) × confidence in it.
  WITH *, size(themeContributions) AS byContributions, size(themeInquiries) AS byInquiries,
       [x IN hood.claims WHERE any(a IN x.above WHERE a.id = rootId) | x {.*, depth: ${ROOT_DEPTH}}]
       + [x IN hood.claims WHERE rootId IN x.below | x {.*, depth: -1}] AS claimed
  WITH *, [x IN claimed | x {.*, belief: round(
         CASE WHEN x.provenance <> 'DECLARED' THEN x.base
              WHEN byContributions + byInquiries > 0 THEN x.base + $rankingWeights.declaredBacking
                   * CASE WHEN byContributions + byInquiries > ${DECLARED_CAP} THEN ${DECLARED_CAP}
                          ELSE byContributions + byInquiries END
              WHEN hood.broadClaims > $rankingWeights.broadClaimsAllowed
                THEN x.base * ($rankingWeights.broadClaimsAllowed * 1.0 / hood.broadClaims) ^ 2
              ELSE x.base END, 2)}] AS believed
  WITH *, ${best(
    `[x IN believed | x {.*, points: round(x.level * CASE WHEN x.depth = 0 THEN $rankingWeights.exactTheme
                  WHEN x.depth > 0 THEN $rankingWeights.narrowerTheme ELSE $rankingWeights.broaderTheme END` +
      ' * x.belief, 2)}]',
    'themeName',
  )} AS strongest
  // The strongest focus on one of the asked countries: level × confidence in it (a declared focus gains from
  // contributions and answered inquiries concerning the asked countries).
  WITH *, size(countryContributions) + size(countryInquiries) AS countryBacking
  WITH *, [f IN hood.focus WHERE f.countryId IN countryIds | f {.*, belief: round(
         CASE WHEN f.provenance <> 'DECLARED' THEN f.base
              ELSE $rankingWeights.focusConfidence.DECLARED + $rankingWeights.focusBacking
                   * CASE WHEN countryBacking > ${FOCUS_CAP} THEN ${FOCUS_CAP} ELSE countryBacking END
         END, 2)}] AS focused
  WITH *, ${best(
    '[f IN focused | f {.*, points: round(f.level * $rankingWeights.focus * f.belief, 2)}]',
    'countryName',
  )} AS strongestFocus
  WITH e, hood, rootId, countryIds, ${EVIDENCE},
       CASE WHEN strongest IS NULL THEN null ELSE {
         ${fieldsOf('strongest', 'themeId', 'themeName', 'depth', 'level')},
         ${fieldsOf('strongest', 'provenance', 'verifiedBy', 'verifiedAt')},
         ${fieldsOf('strongest', 'verifierNetwork', 'belief')}, backingContributions: byContributions,
         backingInquiries: byInquiries, broadClaims: hood.broadClaims, points: strongest.points } END AS claim,
       CASE WHEN strongestFocus IS NULL THEN null ELSE {
         ${fieldsOf('strongestFocus', 'countryId', 'countryName', 'level')},
         ${fieldsOf('strongestFocus', 'provenance', 'verifiedBy', 'verifiedAt')},
         ${fieldsOf('strongestFocus', 'verifierNetwork', 'belief', 'points')} } END AS focus
  WITH e, hood, rootId, countryIds, claim, focus, ${EVIDENCE},
       // Evidence on the theme counts in the asked countries only, when countries are asked.
       ${inAskedCountries('themeContributions', 'k', 'countryContributions')} AS contributions,
       ${inAskedCountries('themeInquiries', 'q', 'countryInquiries')} AS inquiries
  WITH e, hood, rootId, countryIds, claim, focus, ${EVIDENCE}, contributions, inquiries,
       round(${capped('size(contributions)')} * $rankingWeights.contribution, 2) AS contributionPoints,
       round(${capped('size(inquiries)')} * $rankingWeights.answeredInquiry, 2) AS inquiryPoints,
       CASE WHEN countryIds IS NULL THEN 0.0
            ELSE round(${capped(COUNTRY_EVIDENCE)} * $rankingWeights.countryEvidence, 2) END AS countryEvidencePoints
  RETURN
    hood.active
      AND ${ON_THEME}
      AND ${IN_COUNTRIES} AS qualifies,
    round(${POINTS}, 2) AS score,
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

/**
 * The standing of one (expert, root, scope), neighbourhood and all:
 * `CALL (e, rootId, countryIds) { ${STANDING_SCORE} }`.
 */
export const STANDING_SCORE = `
  CALL (e) { ${STANDING_NEIGHBOURHOOD} }
  CALL (e, hood, rootId, countryIds) { ${STANDING_FROM_NEIGHBOURHOOD} }
  RETURN qualifies, score, facts`;

const PROVENANCE = oneOf(['DECLARED', 'VERIFIED', 'EVIDENCED'] as const);
const levelFields = {
  level: int,
  provenance: PROVENANCE,
  verifiedBy: optStr,
  verifiedAt: optStr,
  verifierNetwork: optStr,
  points: num,
};

/** Checks STANDING_SCORE's `facts` as they leave the database (`plain()` values). */
export const standingFacts: Parser<StandingFacts> = obj({
  rootId: optStr,
  rootName: optStr,
  claim: orNull(
    obj({
      ...levelFields,
      themeId: str,
      themeName: str,
      depth: int,
      belief: num,
      backingContributions: int,
      backingInquiries: int,
      broadClaims: int,
    }),
  ),
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
