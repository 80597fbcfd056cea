import type { ReasonKey, ReasonParams, SimilarityReasonKey, SimilarityReasonParams } from './reasons.js';

export type Language = 'en';

/** One language's words: a function per message, from the message's values to its text. */
export interface Catalogue {
  reasons: { [K in ReasonKey]: (params: ReasonParams<K>) => string };
  /** Why an earlier inquiry is like a question. */
  similarity: { [K in SimilarityReasonKey]: (params: SimilarityReasonParams<K>) => string };
}
