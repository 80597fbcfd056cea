import type { SimilarRow } from './similarity-repository.js';

/** How similarity is scored; passed to Cypher as parameters and quoted by the reasons. */
export const SIMILARITY_WEIGHTS = {
  /** Multiplies the full-text relevance (English and Dutch stemming) of question, context and answer. */
  text: 1,
  /** Points per theme in common. */
  theme: 2,
  /** Points per country in common. */
  country: 1,
  /** Points for concerning the same foreign partner institution: earlier advice about it matters most. */
  partner: 4,
  /** Points for a follow-up link either way: the most direct similarity there is. */
  followUp: 50,
} as const;

/** At most this many hits are read from each text index. */
export const SIMILARITY_HIT_LIMIT = 200;

export interface SimilarityReason {
  text: string;
  points: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function similarityReasons(row: SimilarRow): SimilarityReason[] {
  const reasons: SimilarityReason[] = [];
  if (row.linked) {
    reasons.push({ points: SIMILARITY_WEIGHTS.followUp, text: `One follows the other up (+${SIMILARITY_WEIGHTS.followUp}).` });
  }
  if (row.textScore > 0) {
    const points = round(row.textScore * SIMILARITY_WEIGHTS.text);
    reasons.push({ points, text: `The question uses similar words (full-text, +${points}).` });
  }
  if (row.sharedPartner) {
    reasons.push({ points: SIMILARITY_WEIGHTS.partner, text: `Concerns the same partner institution, ${row.sharedPartner} (+${SIMILARITY_WEIGHTS.partner}).` });
  }
  if (row.sharedThemes.length > 0) {
    const points = row.sharedThemes.length * SIMILARITY_WEIGHTS.theme;
    reasons.push({ points, text: `Shares ${row.sharedThemes.length === 1 ? 'the theme' : 'the themes'} ${row.sharedThemes.join(', ')} (+${points}).` });
  }
  if (row.sharedCountries.length > 0) {
    const points = row.sharedCountries.length * SIMILARITY_WEIGHTS.country;
    reasons.push({ points, text: `Concerns ${row.sharedCountries.join(', ')} too (+${points}).` });
  }
  return reasons;
}
