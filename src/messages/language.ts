import type { ReasonKey, ReasonParams } from './reasons.js';

export type Language = 'en';

/** One language's words: a function per message, from the message's values to its text. */
export interface Catalogue {
  reasons: { [K in ReasonKey]: (params: ReasonParams<K>) => string };
}
