/**
 * The message catalogue: every text the API words for people, per language, typed so that a language missing
 * a message, or a message given the wrong values, does not compile. The pages read it too (web/src/lib/i18n.ts).
 */
import { en } from './en.js';
import type { Catalogue, Language } from './language.js';
import { nl } from './nl.js';
import type {
  ReasonKey,
  ReasonMessage,
  ReasonParams,
  SimilarityReasonKey,
  SimilarityReasonMessage,
  SimilarityReasonParams,
} from './reasons.js';

const CATALOGUES: Record<Language, Catalogue> = { en, nl };

export const catalogue = (language: Language): Catalogue => CATALOGUES[language];

/** A reason in the language's words. */
export function wordReason(message: ReasonMessage, language: Language): string {
  const say = catalogue(language).reasons[message.key] as (params: ReasonParams<ReasonKey>) => string;
  return say(message);
}

/** Why an earlier inquiry is similar, in the language's words. */
export function wordSimilarityReason(message: SimilarityReasonMessage, language: Language): string {
  const say = catalogue(language).similarity[message.key] as (
    params: SimilarityReasonParams<SimilarityReasonKey>,
  ) => string;
  return say(message);
}
