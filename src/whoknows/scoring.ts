/**
 * How whoKnows scores an expert. These numbers go to Cypher as parameters (so the ordering uses them)
 * and to the reasons (so the explanation quotes the same points).
 */
export const WEIGHTS = {
  /** Points per declared level (1–5) in the theme asked for. */
  exactTheme: 2,
  /** Points per declared level in a narrower theme: exact matches rank above narrower ones. */
  narrowerTheme: 1.5,
  /** Points per focus level (1–5) on the country asked for. */
  focus: 1,
  /** Points per contribution on the theme (in the country, if one is asked for)... */
  evidence: 1,
  /** ...counted up to this many, so prolific authors do not drown declared expertise. */
  evidenceCap: 5,
  /** Multiplies the full-text relevance of a profile. */
  textProfile: 2,
  /** Multiplies the full-text relevance of the best matching contributions (up to evidenceCap of them). */
  textContribution: 1,
} as const;

/** At most this many hits are read from each full-text index: enough for any page a person reads. */
export const FULLTEXT_HIT_LIMIT = 500;

export type ReasonKind = 'THEME' | 'COUNTRY_FOCUS' | 'EVIDENCE' | 'TEXT';

export interface Reason {
  kind: ReasonKind;
  text: string;
  points: number;
}

/** What the ranking query returns for an expert matched by theme. */
export interface ThemeMatchFacts {
  level: number | null;
  depth: number | null;
  themeName: string | null;
  focusLevel: number | null;
  focusCountry: string | null;
  evidence: number;
  evidenceTitles: string[];
}

/** What the ranking query returns for an expert matched by full-text search. */
export interface TextMatchFacts {
  profileScore: number;
  contributionHits: Array<{ title: string; score: number }>;
  focusLevel: number | null;
  focusCountry: string | null;
}

export interface Asked {
  /** The theme asked about, when `about` named one. */
  themeName: string | null;
  /** The words searched for, when `about` named no theme. */
  text: string | null;
  /** How the country argument was understood, e.g. "Taiwan" or "Central Asia". */
  placeLabel: string | null;
}

const points = (value: number) => Math.round(value * 100) / 100;
const signed = (value: number) => `+${points(value)}`;
const quote = (text: string) => `“${text}”`;

function focusReason(facts: { focusLevel: number | null; focusCountry: string | null }, asked: Asked): Reason[] {
  if (facts.focusLevel === null || facts.focusCountry === null || asked.placeLabel === null) return [];
  const where = asked.placeLabel === facts.focusCountry ? facts.focusCountry : `${facts.focusCountry} (in ${asked.placeLabel})`;
  const gained = facts.focusLevel * WEIGHTS.focus;
  return [{ kind: 'COUNTRY_FOCUS', points: points(gained), text: `Focuses on ${where} at level ${facts.focusLevel}/5 (${signed(gained)}).` }];
}

export function themeReasons(facts: ThemeMatchFacts, asked: Asked): Reason[] {
  const reasons: Reason[] = [];
  if (facts.level !== null && facts.themeName !== null) {
    const exact = facts.depth === 0;
    const gained = facts.level * (exact ? WEIGHTS.exactTheme : WEIGHTS.narrowerTheme);
    const what = exact ? facts.themeName : `${facts.themeName}, a narrower theme of ${asked.themeName}`;
    reasons.push({ kind: 'THEME', points: points(gained), text: `Declared expertise level ${facts.level}/5 in ${what} (${signed(gained)}).` });
  } else {
    reasons.push({ kind: 'THEME', points: 0, text: `No declared expertise in ${asked.themeName}; found through contributions on it.` });
  }
  reasons.push(...focusReason(facts, asked));
  if (facts.evidence > 0) {
    const counted = Math.min(facts.evidence, WEIGHTS.evidenceCap);
    const gained = counted * WEIGHTS.evidence;
    const noun = facts.evidence === 1 ? 'contribution' : 'contributions';
    const where = asked.placeLabel ? ` concerning ${asked.placeLabel}` : '';
    const capped = facts.evidence > counted ? `, ${counted} counted` : '';
    const example = facts.evidenceTitles[0] ? `, e.g. ${quote(facts.evidenceTitles[0])}` : '';
    reasons.push({
      kind: 'EVIDENCE',
      points: points(gained),
      text: `${facts.evidence} ${noun} on ${asked.themeName}${where}${example} (${signed(gained)}${capped}).`,
    });
  }
  return reasons;
}

export function textReasons(facts: TextMatchFacts, asked: Asked): Reason[] {
  const reasons: Reason[] = [];
  const words = quote(asked.text ?? '');
  if (facts.profileScore > 0) {
    const gained = facts.profileScore * WEIGHTS.textProfile;
    reasons.push({ kind: 'TEXT', points: points(gained), text: `Profile matches ${words} (full-text search, ${signed(gained)}).` });
  }
  if (facts.contributionHits.length > 0) {
    const counted = facts.contributionHits.slice(0, WEIGHTS.evidenceCap);
    const gained = counted.reduce((sum, hit) => sum + hit.score, 0) * WEIGHTS.textContribution;
    const noun = facts.contributionHits.length === 1 ? 'contribution matches' : 'contributions match';
    reasons.push({
      kind: 'EVIDENCE',
      points: points(gained),
      text: `${facts.contributionHits.length} ${noun} ${words}, e.g. ${quote(facts.contributionHits[0]!.title)} (${signed(gained)}).`,
    });
  }
  reasons.push(...focusReason(facts, asked));
  return reasons;
}
