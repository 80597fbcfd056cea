/**
 * How whoKnows scores an expert. These numbers go to Cypher as `$rankingWeights` (so the order uses them; see
 * standing-score.ts) and the points the Cypher computes come back in the facts the reasons quote.
 *
 * Theme: the strongest claim on the asked theme or a narrower one scores level × exactTheme (or narrowerTheme)
 * × the confidence in that level. Confidence follows provenance: a level VERIFIED by a secretariat or EVIDENCED
 * by the expert's own work is believed (1 or 0.95); one the expert only DECLARED is damped (0.55). Evidence on
 * the theme (contributions, answered inquiries, any country) raises a declared level's confidence by 0.1 each,
 * up to 3 (0.85: still below evidenced). A declared level with nothing to show for it is damped further when
 * the expert claims more than 2 unrelated subjects (distinct top themes) at level 4-5 with nothing to show:
 * × 2 / that number. So at equal level VERIFIED > EVIDENCED > DECLARED, and a 5/5-in-everything profile
 * does not outrank a verified 3/5 with publications.
 *
 * Country: the strongest focus on an asked country scores level × focus × its confidence (declared 0.8).
 * Contributions and answered inquiries concerning an asked country (any theme) also put an expert in it,
 * at countryEvidence each (up to evidenceCap): five of them weigh 2.5, below a declared focus of 4.
 *
 * Evidence: each contribution on the theme (in the asked countries, when asked) adds `contribution`, each
 * answered inquiry on it `answeredInquiry`, each counted up to evidenceCap.
 */
export const RANKING_WEIGHTS = {
  /** Points per level (1–5) in the theme asked for... */
  exactTheme: 2,
  /** ...and in a narrower theme: exact matches rank above narrower ones. */
  narrowerTheme: 1.5,
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
  focusConfidence: { VERIFIED: 1, EVIDENCED: 0.95, DECLARED: 0.8 },
  /** Points per contribution or answered inquiry concerning the asked country (any theme). */
  countryEvidence: 0.5,
  /** Points per contribution on the theme (in the country, if one is asked for). */
  contribution: 1,
  /** Points per inquiry on the theme (in the country, if asked) that the expert answered. */
  answeredInquiry: 1.5,
  /** Each kind of evidence counts up to this many, so prolific authors do not drown declared expertise. */
  evidenceCap: 5,
  /** A reason lists the ids of at most this many contributions or inquiries (it counts them all). */
  idsListed: 10,
  /** Multiplies the full-text relevance of a profile. */
  textProfile: 2,
  /** Multiplies the full-text relevance of the best matching contributions (up to evidenceCap of them). */
  textContribution: 1,
} as const;

/** At most this many hits are read from each full-text index: enough for any page a person reads. */
export const FULLTEXT_HIT_LIMIT = 500;

export type Provenance = 'DECLARED' | 'VERIFIED' | 'EVIDENCED';

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

/** What STANDING_SCORE returns as `facts` (see standing-score.ts). */
export interface StandingFacts {
  rootId: string;
  rootName: string | null;
  /** The strongest claim on the theme or a narrower one. */
  claim: (LevelFacts & {
    themeId: string;
    themeName: string;
    depth: number;
    /** The confidence the level was weighed with. */
    belief: number;
    backingContributions: number;
    backingInquiries: number;
    /** Unrelated subjects claimed at level 4-5 on the expert's word alone. */
    broadClaims: number;
  }) | null;
  /** The strongest focus on an asked country. */
  focus: (LevelFacts & { countryId: string; countryName: string }) | null;
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

export type ReasonKind = 'THEME' | 'COUNTRY_FOCUS' | 'COUNTRY_EVIDENCE' | 'EVIDENCE' | 'INQUIRIES' | 'TEXT';

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

const reason = (kind: ReasonKind, points: number, text: string, rests: Partial<Reason> = {}): Reason => ({
  kind, points, text, themeId: null, countryId: null, contributionIds: [], inquiryIds: [], provenance: null, verifiedBy: null, verifiedAt: null, ...rests,
});

export interface Asked {
  /** The themes asked about, as one phrase ("Semiconductors" or "Semiconductors or Export controls"), when any. */
  themeName: string | null;
  /** The words searched for, when `about` named no theme (or the words left over beside one). */
  text: string | null;
  /** How the country argument was understood, e.g. "Taiwan" or "Central Asia". */
  placeLabel: string | null;
}

const round = (value: number) => Math.round(value * 100) / 100;
const signed = (value: number) => `+${round(value)}`;
const quote = (text: string) => `“${text}”`;
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const DAY_IN_WORDS = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

/** "3 March 2026". */
export function dayInWords(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DAY_IN_WORDS.format(date);
}

/** "Verified by the CKN secretariat on 3 March 2026", "Declared by the expert", "Evidenced by 3 contributions and 1 answered inquiry". */
export function provenanceInWords(level: LevelFacts, backing: { contributions: number; inquiries: number }): string {
  switch (level.provenance) {
    case 'VERIFIED': {
      const who = level.verifierNetwork ? `the ${level.verifierNetwork} secretariat` : level.verifiedBy;
      return ['Verified', who ? `by ${who}` : null, level.verifiedAt ? `on ${dayInWords(level.verifiedAt)}` : null].filter(Boolean).join(' ');
    }
    case 'EVIDENCED':
      return backing.contributions + backing.inquiries > 0 ? `Evidenced by ${evidenceInWords(backing)}` : 'Evidenced by their work';
    default:
      return 'Declared by the expert';
  }
}

/** "3 contributions and 1 answered inquiry". */
function evidenceInWords({ contributions, inquiries }: { contributions: number; inquiries: number }): string {
  const parts = [
    contributions > 0 ? plural(contributions, 'contribution', 'contributions') : null,
    inquiries > 0 ? plural(inquiries, 'answered inquiry', 'answered inquiries') : null,
  ];
  return parts.filter(Boolean).join(' and ');
}

/** Why a declared level counted for less or more than its number. */
function beliefInWords(claim: NonNullable<StandingFacts['claim']>): string {
  if (claim.provenance !== 'DECLARED') return '';
  const backing = { contributions: claim.backingContributions, inquiries: claim.backingInquiries };
  if (backing.contributions + backing.inquiries > 0) return `, borne out by ${evidenceInWords(backing)} on it; counted at ${Math.round(claim.belief * 100)} %`;
  const broad = claim.broadClaims > RANKING_WEIGHTS.broadClaimsAllowed ? ` and ${claim.broadClaims} unrelated subjects claimed at level 4-5 likewise` : '';
  return `, with nothing to show for it${broad}; counted at ${Math.round(claim.belief * 100)} %`;
}

/** The reasons for a standing: their points add up to its score (each is rounded as the Cypher rounded it). */
export function standingReasons(facts: StandingFacts, asked: Asked): Reason[] {
  const reasons: Reason[] = [];
  const claim = facts.claim;
  const themeName = asked.themeName ?? facts.rootName ?? 'the theme';
  if (claim) {
    const what = claim.depth === 0 ? claim.themeName : `${claim.themeName}, a narrower theme of ${facts.rootName ?? themeName}`;
    const provenance = provenanceInWords(claim, { contributions: claim.backingContributions, inquiries: claim.backingInquiries });
    reasons.push(
      reason('THEME', claim.points, `Expertise level ${claim.level}/5 in ${what}. ${provenance}${beliefInWords(claim)} (${signed(claim.points)}).`, {
        themeId: claim.themeId, provenance: claim.provenance, verifiedBy: claim.verifiedBy, verifiedAt: claim.verifiedAt,
      }),
    );
  } else {
    reasons.push(reason('THEME', 0, `No stated expertise in ${themeName}; found through the evidence below.`, { themeId: facts.rootId }));
  }
  const focus = facts.focus;
  if (focus && asked.placeLabel !== null) {
    const where = asked.placeLabel === focus.countryName ? focus.countryName : `${focus.countryName} (in ${asked.placeLabel})`;
    reasons.push(
      reason('COUNTRY_FOCUS', focus.points, `Focuses on ${where} at level ${focus.level}/5. ${provenanceInWords(focus, { contributions: 0, inquiries: 0 })} (${signed(focus.points)}).`, {
        countryId: focus.countryId, provenance: focus.provenance, verifiedBy: focus.verifiedBy, verifiedAt: focus.verifiedAt,
      }),
    );
  }
  const countryEvidence = facts.countryContributions + facts.countryInquiries;
  if (countryEvidence > 0 && asked.placeLabel !== null) {
    const counted = Math.min(countryEvidence, RANKING_WEIGHTS.evidenceCap);
    const cap = counted < countryEvidence ? `, ${counted} counted` : '';
    const noFocus = focus ? '' : ' (no stated focus)';
    reasons.push(
      reason('COUNTRY_EVIDENCE', facts.countryEvidencePoints,
        `${evidenceInWords({ contributions: facts.countryContributions, inquiries: facts.countryInquiries })} concerning ${asked.placeLabel}${noFocus} (${signed(facts.countryEvidencePoints)}${cap}).`,
        { contributionIds: facts.countryContributionIds, inquiryIds: facts.countryInquiryIds },
      ),
    );
  }
  const where = asked.placeLabel ? ` concerning ${asked.placeLabel}` : '';
  if (facts.contributions > 0) {
    const example = facts.contributionTitle ? `, e.g. ${quote(facts.contributionTitle)}` : '';
    reasons.push(
      reason('EVIDENCE', facts.contributionPoints,
        `${plural(facts.contributions, 'contribution', 'contributions')} on ${themeName}${where}${example} (${signed(facts.contributionPoints)}${countedOf(facts.contributions)}).`,
        { themeId: facts.rootId, contributionIds: facts.contributionIds },
      ),
    );
  }
  if (facts.inquiries > 0) {
    reasons.push(
      reason('INQUIRIES', facts.inquiryPoints,
        `Answered ${plural(facts.inquiries, 'earlier inquiry', 'earlier inquiries')} on ${themeName}${where} (${signed(facts.inquiryPoints)}${countedOf(facts.inquiries)}).`,
        { themeId: facts.rootId, inquiryIds: facts.inquiryIds },
      ),
    );
  }
  return reasons;
}

const countedOf = (count: number) => (count > RANKING_WEIGHTS.evidenceCap ? `, ${RANKING_WEIGHTS.evidenceCap} counted` : '');

/** What the ranking query returns for an expert matched by full-text search. */
export interface TextMatchFacts {
  profileScore: number;
  contributionHits: Array<{ title: string; score: number }>;
  focusLevel: number | null;
  focusCountry: string | null;
}

export function textReasons(facts: TextMatchFacts, asked: Asked): Reason[] {
  const reasons: Reason[] = [];
  const words = quote(asked.text ?? '');
  if (facts.profileScore > 0) {
    const gained = facts.profileScore * RANKING_WEIGHTS.textProfile;
    reasons.push(reason('TEXT', round(gained), `Profile matches ${words} (full-text search, ${signed(gained)}).`));
  }
  if (facts.contributionHits.length > 0) {
    const counted = facts.contributionHits.slice(0, RANKING_WEIGHTS.evidenceCap);
    const gained = counted.reduce((sum, hit) => sum + hit.score, 0) * RANKING_WEIGHTS.textContribution;
    const noun = facts.contributionHits.length === 1 ? 'contribution matches' : 'contributions match';
    reasons.push(reason('EVIDENCE', round(gained), `${facts.contributionHits.length} ${noun} ${words}, e.g. ${quote(facts.contributionHits[0]!.title)} (${signed(gained)}).`));
  }
  if (facts.focusLevel !== null && facts.focusCountry !== null && asked.placeLabel !== null) {
    const gained = facts.focusLevel * RANKING_WEIGHTS.focus;
    reasons.push(reason('COUNTRY_FOCUS', gained, `Focuses on ${facts.focusCountry} at level ${facts.focusLevel}/5 (${signed(gained)}).`));
  }
  return reasons;
}
