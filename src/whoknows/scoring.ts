/**
 * How whoKnows scores an expert. These numbers go to Cypher as `$rankingWeights` (so the order uses them; see
 * standing-repository.ts) and the points the Cypher computes come back in the facts the reasons quote.
 *
 * Theme: the strongest claim on the asked theme, a narrower one or the one just above it scores level ×
 * exactTheme (narrowerTheme, broaderTheme) × the confidence in that level. Confidence follows provenance: a level
 * VERIFIED by a secretariat or EVIDENCED by the expert's own work is believed (1 or 0.95); one the expert only
 * DECLARED is damped (0.55). Evidence on the theme (contributions, answered inquiries, any country) raises a
 * declared level's confidence by 0.1 each, up to 3 (0.85: still below evidenced). A declared level with nothing
 * to show for it is damped further when the expert claims more than 2 unrelated subjects (themes, not counting one
 * narrower than another claimed) at level 4-5 with nothing to show: × (2 / that number)². So at equal level VERIFIED >
 * EVIDENCED > DECLARED, and a 5/5-in-everything profile does not outrank a verified 3/5 with publications.
 *
 * Country: the strongest focus on an asked country scores level × focus × its confidence (declared 0.5, +0.1
 * per contribution or answered inquiry concerning the asked countries, up to 3). That evidence also puts an
 * expert in the country on its own, at countryEvidence each (up to evidenceCap): below an equal declared focus.
 * An affiliation with an institution in the country counts for nothing.
 *
 * Evidence: each contribution on the theme (in the asked countries, when asked) adds `contribution`, each
 * answered inquiry on it `answeredInquiry`, each counted up to evidenceCap.
 *
 * Text (text-evidence-repository.ts): words beside the themes, or a question that names no theme, add points for what
 * they find in profiles, contributions and answered inquiries, by relevance relative to the best hit.
 */
import type { Provenance } from '../experts/model.js';
import { wordReason } from '../messages/catalogue.js';
import type { ClaimBelief, ProvenanceMessage, ReasonMessage } from '../messages/reasons.js';
import type { Wording } from '../names/service.js';

export const RANKING_WEIGHTS = {
  /** Points per level (1–5) in the theme asked for... */
  exactTheme: 2,
  /** ...in a narrower theme: exact matches rank above narrower ones... */
  narrowerTheme: 1.5,
  /** ...and in the theme just above it (one level): someone who knows the whole field knows something of its parts. */
  broaderTheme: 0.5,
  /** How far a theme level is believed, by provenance. */
  themeConfidence: { VERIFIED: 1, EVIDENCED: 0.95, DECLARED: 0.55 },
  /** Confidence a declared level gains per contribution or answered inquiry on the theme... */
  declaredBacking: 0.1,
  /** ...counted up to this many. */
  declaredBackingCap: 3,
  /** Unrelated subjects an expert may claim at level 4-5 with nothing to show before such claims are damped further. */
  broadClaimsAllowed: 2,
  /** Points per focus level (1–5) on the country asked for, times its confidence. */
  focus: 1,
  focusConfidence: { VERIFIED: 1, EVIDENCED: 0.95, DECLARED: 0.5 },
  /** Confidence a declared focus gains per contribution or answered inquiry concerning the asked countries... */
  focusBacking: 0.1,
  /** ...counted up to this many (0.8: still below evidenced). */
  focusBackingCap: 3,
  /** Points per contribution or answered inquiry concerning the asked country (any theme). */
  countryEvidence: 0.5,
  /** Points per contribution on the theme (in the country, if one is asked for). */
  contribution: 1.5,
  /** Points per inquiry on the theme (in the country, if asked) that the expert answered. */
  answeredInquiry: 2,
  /** Each kind of evidence counts up to this many, so prolific authors do not drown declared expertise. */
  evidenceCap: 5,
  /** A reason lists the ids of at most this many contributions or inquiries (it counts them all). */
  idsListed: 10,
  /**
   * Text evidence (text-evidence-repository.ts): points for a profile matching the words, by relevance (0–1] relative
   * to the best hit...
   */
  textProfile: 3,
  /** ...per matching contribution... */
  textContribution: 1.5,
  /** ...per matching inquiry the expert answered (question, context or answer)... */
  textInquiry: 2,
  /** ...counting the best this many contributions and inquiries each. */
  textItemsCounted: 3,
  /**
   * Free text that names no theme: the themes the matching contributions and inquiries are about (this many, best
   * first)...
   */
  inferredThemes: 2,
  /**
   * ...give each expert found their standing in the best of them, its theme part counted at this share (the theme is a
   * guess).
   */
  inferredStanding: 0.5,
} as const;

/** At most this many hits are read from each full-text index: enough for any page a person reads. */
export const FULLTEXT_HIT_LIMIT = 500;

/** A level with its provenance, as the standing facts carry it. */
export interface LevelFacts {
  level: number;
  provenance: Provenance;
  verifiedBy: string | null;
  /** ISO date-time. */
  verifiedAt: string | null;
  /** The network's acronym when `verifiedBy` names a network's secretariat (e.g. "CKN"). */
  verifierNetwork: string | null;
  points: number;
}

/** What STANDING_SCORE returns as `facts` (see standing-repository.ts). */
export interface StandingFacts {
  /** Null when STANDING_SCORE was asked for no theme (`rootId` null): then only the country parts count. */
  rootId: string | null;
  rootName: string | null;
  /** The strongest claim on the theme or a narrower one. */
  claim:
    | (LevelFacts & {
        themeId: string;
        themeName: string;
        depth: number;
        /** The confidence the level was weighed with. */
        belief: number;
        backingContributions: number;
        backingInquiries: number;
        /** Unrelated subjects claimed at level 4-5 on the expert's word alone. */
        broadClaims: number;
      })
    | null;
  /** The strongest focus on an asked country. */
  focus: (LevelFacts & { countryId: string; countryName: string; belief: number }) | null;
  contributions: number;
  contributionIds: string[];
  contributionTitle: string | null;
  contributionPoints: number;
  inquiries: number;
  inquiryIds: string[];
  inquiryPoints: number;
  countryContributions: number;
  countryContributionIds: string[];
  countryInquiries: number;
  countryInquiryIds: string[];
  countryEvidencePoints: number;
}

export type ReasonKind =
  'THEME' | 'COUNTRY_FOCUS' | 'COUNTRY_EVIDENCE' | 'EVIDENCE' | 'INQUIRIES' | 'TEXT' | 'SCREENING';

/** One part of a score, in words, with the ids of what it rests on. */
export interface Reason {
  kind: ReasonKind;
  text: string;
  points: number;
  themeId: string | null;
  countryId: string | null;
  contributionIds: string[];
  inquiryIds: string[];
  provenance: Provenance | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
}

/** A reason in the wording's language: the message says what, the catalogue words it. */
export const reason = (
  kind: ReasonKind,
  points: number,
  message: ReasonMessage,
  wording: Pick<Wording, 'language'>,
  rests: Partial<Reason> = {},
): Reason => ({
  kind,
  points,
  text: wordReason(message, wording.language),
  themeId: null,
  countryId: null,
  contributionIds: [],
  inquiryIds: [],
  provenance: null,
  verifiedBy: null,
  verifiedAt: null,
  ...rests,
});

/** What was asked, named in the wording's language. */
export interface Asked {
  /** The theme asked about, when any. */
  themeName: string | null;
  /** The words searched for, when `about` named no theme (or the words left over beside one). */
  text: string | null;
  /** The places asked about: its countries, e.g. ["Taiwan"], or its one region, ["Central Asia"]; empty when none. */
  placeNames: string[];
}

/** Where a level comes from, with the work that evidences it (counted for a theme claim, not for a focus). */
function provenanceOf(level: LevelFacts, backing: { contributions: number; inquiries: number }): ProvenanceMessage {
  switch (level.provenance) {
    case 'VERIFIED':
      return {
        how: 'verified',
        network: level.verifierNetwork,
        verifiedBy: level.verifiedBy,
        verifiedAt: level.verifiedAt,
      };
    case 'EVIDENCED':
      return { how: 'evidenced', ...backing };
    default:
      return { how: 'declared' };
  }
}

/** Why a declared level counted for less or more than its number. */
function claimBelief(claim: NonNullable<StandingFacts['claim']>): ClaimBelief | null {
  if (claim.provenance !== 'DECLARED') return null;
  const backing = { contributions: claim.backingContributions, inquiries: claim.backingInquiries };
  if (backing.contributions + backing.inquiries > 0) return { backing };
  return {
    backing: null,
    broadClaims: claim.broadClaims > RANKING_WEIGHTS.broadClaimsAllowed ? claim.broadClaims : null,
  };
}

/** The reasons for a standing: their points add up to its score (each is rounded as the Cypher rounded it). */
export function standingReasons(facts: StandingFacts, asked: Asked, wording: Wording): Reason[] {
  const reasons: Reason[] = [];
  const claim = facts.claim;
  const { names } = wording;
  const rootName =
    facts.rootId === null || facts.rootName === null ? null : names.theme({ id: facts.rootId, name: facts.rootName });
  const themeName = asked.themeName ?? rootName;
  if (claim) {
    const message: ReasonMessage = {
      key: 'themeClaim',
      level: claim.level,
      themeName: names.theme({ id: claim.themeId, name: claim.themeName }),
      relation: claim.depth === 0 ? 'exact' : claim.depth > 0 ? 'narrower' : 'broader',
      askedThemeName: rootName ?? asked.themeName,
      provenance: provenanceOf(claim, { contributions: claim.backingContributions, inquiries: claim.backingInquiries }),
      belief: claimBelief(claim),
    };
    reasons.push(
      reason('THEME', claim.points, message, wording, {
        themeId: claim.themeId,
        provenance: claim.provenance,
        verifiedBy: claim.verifiedBy,
        verifiedAt: claim.verifiedAt,
      }),
    );
  } else if (facts.rootId !== null) {
    reasons.push(reason('THEME', 0, { key: 'noStatedExpertise', themeName }, wording, { themeId: facts.rootId }));
  }
  const places = asked.placeNames;
  const focus = facts.focus;
  if (focus && places.length > 0) {
    const backed = facts.countryContributions + facts.countryInquiries > 0;
    const countryName = names.place({ id: focus.countryId, name: focus.countryName });
    const message: ReasonMessage = {
      key: 'countryFocus',
      countryName,
      within: places.length === 1 && places[0] === countryName ? null : places,
      level: focus.level,
      provenance: provenanceOf(focus, { contributions: 0, inquiries: 0 }),
      belief: focus.provenance === 'DECLARED' ? { backed } : null,
    };
    reasons.push(
      reason('COUNTRY_FOCUS', focus.points, message, wording, {
        countryId: focus.countryId,
        provenance: focus.provenance,
        verifiedBy: focus.verifiedBy,
        verifiedAt: focus.verifiedAt,
      }),
    );
  }
  const countryEvidence = facts.countryContributions + facts.countryInquiries;
  if (countryEvidence > 0 && places.length > 0) {
    const message: ReasonMessage = {
      key: 'countryEvidence',
      work: { contributions: facts.countryContributions, inquiries: facts.countryInquiries },
      places,
      noFocus: !focus,
    };
    reasons.push(
      reason('COUNTRY_EVIDENCE', facts.countryEvidencePoints, message, wording, {
        contributionIds: facts.countryContributionIds,
        inquiryIds: facts.countryInquiryIds,
      }),
    );
  }
  if (facts.contributions > 0) {
    const message: ReasonMessage = {
      key: 'themeContributions',
      count: facts.contributions,
      themeName,
      places,
      example: facts.contributionTitle,
    };
    reasons.push(
      reason('EVIDENCE', facts.contributionPoints, message, wording, {
        themeId: facts.rootId,
        contributionIds: facts.contributionIds,
      }),
    );
  }
  if (facts.inquiries > 0) {
    const message: ReasonMessage = {
      key: 'themeInquiries',
      count: facts.inquiries,
      themeName,
      places,
    };
    reasons.push(
      reason('INQUIRIES', facts.inquiryPoints, message, wording, {
        themeId: facts.rootId,
        inquiryIds: facts.inquiryIds,
      }),
    );
  }
  return reasons;
}

/** The first reason of an expert whom only the words beside the themes found. */
export function wordsOnlyReason(themeNames: string[], words: string, wording: Wording): Reason {
  return reason('THEME', 0, { key: 'wordsOnly', themeNames, words }, wording);
}

/**
 * The reasons of several standings (one per theme asked) with each country line said once: a focus or the work
 * concerning the asked places counts for every theme, so the same line would stand once per theme. Its points are
 * added up, so that the reasons still add up to the score.
 */
export function withCountryLinesOnce(reasons: Reason[]): Reason[] {
  const once: Reason[] = [];
  for (const r of reasons) {
    const same =
      r.kind === 'COUNTRY_FOCUS' || r.kind === 'COUNTRY_EVIDENCE'
        ? once.find((o) => o.kind === r.kind && o.text === r.text)
        : undefined;
    if (same) same.points = Math.round((same.points + r.points) * 100) / 100;
    else once.push({ ...r });
  }
  return once;
}

/**
 * What TEXT_EVIDENCE (text-evidence-repository.ts) found for an expert: points per part, with the ids of what matched.
 */
export interface TextFacts {
  profilePoints: number;
  contributions: number;
  contributionIds: string[];
  contributionTitle: string | null;
  contributionPoints: number;
  inquiries: number;
  inquiryIds: string[];
  inquiryPoints: number;
}

/** The reasons for text evidence: their points add up to its `textPoints`. */
export function textReasons(facts: TextFacts, words: string, wording: Wording): Reason[] {
  const reasons: Reason[] = [];
  if (facts.profilePoints > 0) {
    reasons.push(reason('TEXT', facts.profilePoints, { key: 'textProfile', words }, wording));
  }
  if (facts.contributions > 0) {
    const message: ReasonMessage = {
      key: 'textContributions',
      count: facts.contributions,
      words,
      example: facts.contributionTitle,
    };
    reasons.push(
      reason('EVIDENCE', facts.contributionPoints, message, wording, { contributionIds: facts.contributionIds }),
    );
  }
  if (facts.inquiries > 0) {
    const message: ReasonMessage = { key: 'textInquiries', count: facts.inquiries, words };
    reasons.push(reason('INQUIRIES', facts.inquiryPoints, message, wording, { inquiryIds: facts.inquiryIds }));
  }
  return reasons;
}

/**
 * The reasons for a standing in a theme the words were only taken to mean (free text): the standing's own
 * reasons, then what its theme part lost for being a guess (`adjustment`, negative), so that all add up.
 */
export function inferredStandingReasons(
  facts: StandingFacts,
  adjustment: number,
  asked: Asked,
  wording: Wording,
): Reason[] {
  const reasons = standingReasons(facts, { ...asked, themeName: null }, wording);
  if (facts.rootId !== null && adjustment !== 0) {
    const themeName = facts.rootName === null ? null : wording.names.theme({ id: facts.rootId, name: facts.rootName });
    reasons.push(reason('THEME', adjustment, { key: 'inferredTheme', themeName }, wording, { themeId: facts.rootId }));
  }
  return reasons;
}
