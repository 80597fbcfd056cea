import type {
  ProvenanceMessage,
  ReasonKey,
  ReasonParams,
  SimilarityReasonKey,
  SimilarityReasonParams,
} from './reasons.js';

/** The languages people are answered in: the pages' two, and the reasons' and messages' of the API. */
export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One language's words: a function per message, from the message's values to its text. */
export interface Catalogue {
  reasons: { [K in ReasonKey]: (params: ReasonParams<K>) => string };
  /** Why an earlier inquiry is like a question. */
  similarity: { [K in SimilarityReasonKey]: (params: SimilarityReasonParams<K>) => string };
  /** Where a level comes from: "verified by the CKN secretariat on 3 March 2026". */
  provenance: (provenance: ProvenanceMessage) => string;
}

/**
 * The language an `Accept-Language` header prefers among ours ("nl-NL,nl;q=0.9,en;q=0.8": Dutch), by its weights and
 * then its order; English when it names neither (or is absent).
 */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  let best: { language: Language; weight: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const language = LANGUAGES.find((l) => tag.trim().toLowerCase().split('-')[0] === l);
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    if (language && weight > 0 && (best === null || weight > best.weight)) best = { language, weight };
  }
  return best?.language ?? 'en';
}
