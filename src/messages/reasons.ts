/**
 * What a whoKnows reason says, as facts without words: a key per kind of sentence and the values it quotes. The scoring
 * (src/whoknows/scoring.ts) decides which and with what; each language's catalogue words them. No points: a reason says
 * in words what counted and why; its points go beside it (MatchReason.points), not in its text.
 */

/** Where a level comes from: verified by someone, evidenced by work (counted when known), or declared. */
export type ProvenanceMessage =
  | { how: 'verified'; network: string | null; verifiedBy: string | null; verifiedAt: string | null }
  | { how: 'evidenced'; contributions: number; inquiries: number }
  | { how: 'declared' };

/** Contributions and answered inquiries, counted. */
export interface WorkCount {
  contributions: number;
  inquiries: number;
}

/** Why a declared theme level counted for less or more than its number. */
export type ClaimBelief =
  | { backing: WorkCount }
  /** `broadClaims`: the unrelated subjects claimed at level 4-5 likewise, when there are too many. */
  | { backing: null; broadClaims: number | null };

/**
 * Names are in the language of the reason (the catalogue words the rest); `places` are the places asked about, the
 * countries of a question or its one region (empty: none asked), which the catalogue lists as alternatives.
 */
export type ReasonMessage =
  | {
      key: 'themeClaim';
      level: number;
      themeName: string;
      /** The claimed theme is the asked one, a narrower theme of it, or the one just above it. */
      relation: 'exact' | 'narrower' | 'broader';
      /** Null: the question named no theme by name ("the theme"). */
      askedThemeName: string | null;
      provenance: ProvenanceMessage;
      belief: ClaimBelief | null;
    }
  | { key: 'noStatedExpertise'; themeName: string | null }
  | {
      key: 'countryFocus';
      countryName: string;
      /** The asked places holding the country, when they are not the country itself. */
      within: string[] | null;
      level: number;
      provenance: ProvenanceMessage;
      /** A declared focus: whether work concerning the place bears it out. */
      belief: { backed: boolean } | null;
    }
  | { key: 'countryEvidence'; work: WorkCount; places: string[]; noFocus: boolean }
  | { key: 'themeContributions'; count: number; themeName: string | null; places: string[]; example: string | null }
  | { key: 'themeInquiries'; count: number; themeName: string | null; places: string[] }
  /** The asked themes (one or more) found no one whom the words beside them did find. */
  | { key: 'wordsOnly'; themeNames: string[]; words: string }
  | { key: 'textProfile'; words: string }
  | { key: 'textContributions'; count: number; words: string; example: string | null }
  | { key: 'textInquiries'; count: number; words: string }
  | { key: 'inferredTheme'; themeName: string | null }
  /** The expert's current affiliation has a confirmed screening flag (shown to staff only). */
  | {
      key: 'flaggedAffiliation';
      institutionName: string;
      listName: string;
      programme: string | null;
      /** YYYY-MM-DD or YYYY, when the list says. */
      listedSince: string | null;
    };

export type ReasonKey = ReasonMessage['key'];
export type ReasonParams<K extends ReasonKey> = Extract<ReasonMessage, { key: K }>;

/** Why an earlier inquiry is like a question (src/inquiries/similarity.ts); its points are the reason's own. */
export type SimilarityReasonMessage =
  | { key: 'followUp' }
  | { key: 'similarWords' }
  | { key: 'sharedTheme'; themeName: string }
  | { key: 'relatedTheme'; themeName: string }
  | { key: 'sharedCountry'; countryName: string }
  | { key: 'samePartner'; partnerName: string }
  | { key: 'sameRisk'; risk: string };

export type SimilarityReasonKey = SimilarityReasonMessage['key'];
export type SimilarityReasonParams<K extends SimilarityReasonKey> = Extract<SimilarityReasonMessage, { key: K }>;
