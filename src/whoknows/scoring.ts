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
  /** ...counted up to this many, so prolific authors do not drown declared expertise (also for inquiries). */
  evidenceCap: 5,
  /** Points per inquiry on the theme (in the country, if asked) that the expert answered. */
  answeredInquiry: 1.5,
  /** Multiplies the full-text relevance of a profile. */
  textProfile: 2,
  /** Multiplies the full-text relevance of the best matching contributions (up to evidenceCap of them). */
  textContribution: 1,
} as const;

/** At most this many hits are read from each full-text index: enough for any page a person reads. */
export const FULLTEXT_HIT_LIMIT = 500;

export type ReasonKind = 'THEME' | 'COUNTRY_FOCUS' | 'EVIDENCE' | 'INQUIRIES' | 'TEXT';

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
  /** The asked theme that `themeName` is (or is narrower than). */
  rootName: string | null;
  focusLevel: number | null;
  focusCountry: string | null;
  evidence: number;
  evidenceTitles: string[];
  /** Inquiries on the theme (and country) this expert answered. */
  answered: number;
}

/** What the ranking query returns for an expert matched by full-text search. */
export interface TextMatchFacts {
  profileScore: number;
  contributionHits: Array<{ title: string; score: number }>;
  focusLevel: number | null;
  focusCountry: string | null;
}

export interface Asked {
  /** The themes asked about, as one phrase ("Semiconductors" or "Semiconductors or Export controls"), when any. */
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

/** A reason for `count` pieces of evidence, of which up to the cap score `weight` each. */
function countedEvidence(kind: ReasonKind, count: number, weight: number, describe: (count: number) => string): Reason[] {
  if (count === 0) return [];
  const counted = Math.min(count, WEIGHTS.evidenceCap);
  const gained = counted * weight;
  const capped = count > counted ? `, ${counted} counted` : '';
  return [{ kind, points: points(gained), text: `${describe(count)} (${signed(gained)}${capped}).` }];
}

export function themeReasons(facts: ThemeMatchFacts, asked: Asked): Reason[] {
  const reasons: Reason[] = [];
  if (facts.level !== null && facts.themeName !== null) {
    const exact = facts.depth === 0;
    const gained = facts.level * (exact ? WEIGHTS.exactTheme : WEIGHTS.narrowerTheme);
    const what = exact ? facts.themeName : `${facts.themeName}, a narrower theme of ${facts.rootName}`;
    reasons.push({ kind: 'THEME', points: points(gained), text: `Declared expertise level ${facts.level}/5 in ${what} (${signed(gained)}).` });
  } else {
    reasons.push({ kind: 'THEME', points: 0, text: `No declared expertise in ${asked.themeName}; found through the evidence below.` });
  }
  reasons.push(...focusReason(facts, asked));
  const where = asked.placeLabel ? ` concerning ${asked.placeLabel}` : '';
  const example = facts.evidenceTitles[0] ? `, e.g. ${quote(facts.evidenceTitles[0])}` : '';
  reasons.push(
    ...countedEvidence('EVIDENCE', facts.evidence, WEIGHTS.evidence, (n) =>
      `${n} ${n === 1 ? 'contribution' : 'contributions'} on ${asked.themeName}${where}${example}`,
    ),
    ...countedEvidence('INQUIRIES', facts.answered, WEIGHTS.answeredInquiry, (n) =>
      `Answered ${n} earlier ${n === 1 ? 'inquiry' : 'inquiries'} on ${asked.themeName}${where}`,
    ),
  );
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
