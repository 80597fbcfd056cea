import { HOME_COUNTRY } from '../names/demonyms.js';
import type { CandidateRow, SimilarityQuery } from './similarity-repository.js';
import { wordSimilarityReason } from '../messages/catalogue.js';
import type { SimilarityReasonMessage } from '../messages/reasons.js';
import type { Wording } from '../names/service.js';

/**
 * How similarity is scored. Two parts, each bounded, so that neither swamps the other:
 * - concepts: the themes, countries, partner and risk categories both inquiries concern (given or recognised
 *   in their text, in either language), weighed by kind, as the mean of how much of the question's concepts
 *   the candidate shares and how much of its own the question shares (shared weight / question's weight,
 *   shared weight / candidate's weight): an inquiry about exactly the same concepts gets `concepts` points,
 *   one that shares one concept among many gets less; a question naming little (one country) gets a share
 *   (`fullConceptWeight`). This is what finds a paraphrase in the other language, whose words the text
 *   indexes cannot match.
 * - text: full-text relevance (English and Dutch stemming, compounds split) of the question without its
 *   question and function words ("Welke", "Nederlandse", "which"), divided by the best candidate's: at most
 *   `text` points.
 * A follow-up link either way adds `followUp`: the most direct similarity there is.
 */
export const SIMILARITY_WEIGHTS = {
  text: 6,
  concepts: 10,
  /** Weights of a concept within the overlap. */
  theme: 3,
  /** A theme one step broader or narrower than one of the question's. */
  relatedTheme: 1.5,
  country: 2,
  partner: 4,
  riskCategory: 1,
  followUp: 50,
  /**
   * A question's concepts must weigh this much for the full concept points: one that names only a country
   * (2) gets at most 2/5 of them, since "China" alone says little about which earlier inquiry is meant.
   */
  fullConceptWeight: 5,
} as const;

/** At most this many hits are read from each text index. */
export const SIMILARITY_HIT_LIMIT = 200;

export interface SimilarityReason {
  text: string;
  points: number;
  /** What the reason rests on: theme, country and institution slugs, risk categories, the linked inquiry. */
  ids: string[];
}

export interface ScoredCandidate {
  id: string;
  score: number;
  reasons: SimilarityReason[];
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Scores the candidates against the question and returns the best `limit`, best first (ties: newer first, then id),
 * each with its reasons in the wording's language.
 */
export function rankCandidates(
  query: SimilarityQuery,
  candidates: CandidateRow[],
  limit: number,
  wording: Wording,
): ScoredCandidate[] {
  const { names } = wording;
  const reason = (message: SimilarityReasonMessage, points: number, ids: string[]): SimilarityReason => ({
    text: wordSimilarityReason(message, wording.language),
    points,
    ids,
  });
  const w = SIMILARITY_WEIGHTS;
  const queryCountries = query.countryIds.filter((id) => id !== HOME_COUNTRY);
  const queryWeight =
    query.themeIds.length * w.theme +
    queryCountries.length * w.country +
    (query.partnerId ? w.partner : 0) +
    query.riskCategories.length * w.riskCategory;
  const conceptShare = Math.min(1, queryWeight / w.fullConceptWeight);
  const bestText = Math.max(0, ...candidates.map((c) => c.textScore));
  // Every inquiry is asked from the Netherlands: that it concerns it says nothing of its subject.
  const scored = candidates
    .map(({ countries, ...rest }) => ({ ...rest, countries: countries.filter((c) => c.id !== HOME_COUNTRY) }))
    .map((candidate) => {
      const reasons: SimilarityReason[] = [];
      if (candidate.linked) reasons.push(reason({ key: 'followUp' }, w.followUp, [candidate.id]));
      if (candidate.textScore > 0 && bestText > 0) {
        const points = round((candidate.textScore / bestText) * w.text);
        if (points > 0) reasons.push(reason({ key: 'similarWords' }, points, []));
      }
      const risks = [...new Set(candidate.riskCategories)];
      const candidateWeight =
        candidate.themes.length * w.theme +
        candidate.countries.length * w.country +
        (candidate.partner ? w.partner : 0) +
        risks.length * w.riskCategory;
      // Each shared concept's points: its weight in the mean of the two coverages, scaled to `concepts`.
      const scale =
        queryWeight > 0 && candidateWeight > 0
          ? ((w.concepts * conceptShare) / 2) * (1 / queryWeight + 1 / candidateWeight)
          : 0;
      const share = (weight: number, message: SimilarityReasonMessage, ids: string[]) => {
        const points = round(weight * scale);
        if (points > 0) reasons.push(reason(message, points, ids));
      };
      const sharedThemes = candidate.themes.filter((t) => query.themeIds.includes(t.id));
      for (const theme of sharedThemes)
        share(w.theme, { key: 'sharedTheme', themeName: names.theme(theme) }, [theme.id]);
      // A theme of the question the candidate lacks may be met by one a step broader or narrower, once.
      const related = new Set<string>();
      for (const themeId of query.themeIds.filter((id) => !sharedThemes.some((t) => t.id === id))) {
        const theme = candidate.relatedThemes.find((t) => t.of === themeId && !related.has(t.id));
        if (!theme) continue;
        related.add(theme.id);
        share(w.relatedTheme, { key: 'relatedTheme', themeName: names.theme(theme) }, [theme.id]);
      }
      for (const country of candidate.countries.filter((c) => queryCountries.includes(c.id))) {
        share(w.country, { key: 'sharedCountry', countryName: names.place(country) }, [country.id]);
      }
      if (candidate.partner && candidate.partner.id === query.partnerId) {
        const partner = candidate.partner;
        share(w.partner, { key: 'samePartner', partnerName: partner.name }, [partner.id]);
      }
      for (const risk of risks.filter((r) => query.riskCategories.includes(r))) {
        share(w.riskCategory, { key: 'sameRisk', risk }, [risk]);
      }
      const score = round(reasons.reduce((sum, r) => sum + r.points, 0));
      return { id: candidate.id, receivedAt: candidate.receivedAt, score, reasons };
    });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || b.receivedAt.localeCompare(a.receivedAt) || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ id, score, reasons }) => ({ id, score, reasons }));
}
