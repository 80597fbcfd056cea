/**
 * The message catalogue: every text the API words for people, per language, typed so that a language missing
 * a message, or a message given the wrong values, does not compile. English only today; Dutch is issue 21.
 */
import { en } from './en.js';
import type { Catalogue, Language } from './language.js';
import type { ReasonKey, ReasonMessage, ReasonParams } from './reasons.js';

const CATALOGUES: Record<Language, Catalogue> = { en };

export const catalogue = (language: Language): Catalogue => CATALOGUES[language];

/** A reason in the language's words. */
export function wordReason(message: ReasonMessage, language: Language): string {
  const say = catalogue(language).reasons[message.key] as (params: ReasonParams<ReasonKey>) => string;
  return say(message);
}
