/**
 * What a whoKnows reason says, as facts without words: a key per kind of sentence and the values it quotes.
 * The scoring (src/whoknows/scoring.ts) decides which and with what; each language's catalogue words them.
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

/** Why a declared theme level counted for less or more than its number (`percent` of it). */
export type ClaimBelief =
  | { backing: WorkCount; percent: number }
  /** `broadClaims`: the unrelated subjects claimed at level 4-5 likewise, when there are too many. */
  | { backing: null; broadClaims: number | null; percent: number };

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
      points: number;
    }
  | { key: 'noStatedExpertise'; themeName: string | null }
  | {
      key: 'countryFocus';
      countryName: string;
      /** The asked place holding the country, when the place is not the country itself. */
      within: string | null;
      level: number;
      provenance: ProvenanceMessage;
      /** A declared focus: whether work concerning the place bears it out, and the `percent` it counted at. */
      belief: { backed: boolean; percent: number } | null;
      points: number;
    }
  | {
      key: 'countryEvidence';
      work: WorkCount;
      placeLabel: string;
      noFocus: boolean;
      points: number;
      /** How many counted, when fewer than all. */
      counted: number | null;
    }
  | {
      key: 'themeContributions';
      count: number;
      themeName: string | null;
      placeLabel: string | null;
      example: string | null;
      points: number;
      counted: number | null;
    }
  | {
      key: 'themeInquiries';
      count: number;
      themeName: string | null;
      placeLabel: string | null;
      points: number;
      counted: number | null;
    }
  /** The asked themes (one or more) found no one whom the words beside them did find. */
  | { key: 'wordsOnly'; themeNames: string[]; words: string }
  | { key: 'textProfile'; words: string; points: number }
  | {
      key: 'textContributions';
      count: number;
      words: string;
      example: string | null;
      points: number;
      /** How many of the best counted, when fewer than all. */
      bestCounted: number | null;
    }
  | { key: 'textInquiries'; count: number; words: string; points: number; bestCounted: number | null }
  | { key: 'inferredTheme'; themeName: string | null; percent: number; adjustment: number };

export type ReasonKey = ReasonMessage['key'];
export type ReasonParams<K extends ReasonKey> = Extract<ReasonMessage, { key: K }>;

/** Why an earlier inquiry is like a question (src/inquiries/similarity.ts): each part with the points it added. */
export type SimilarityReasonMessage =
  | { key: 'followUp'; points: number }
  | { key: 'similarWords'; points: number; of: number }
  | { key: 'sharedTheme'; themeName: string; points: number }
  | { key: 'relatedTheme'; themeName: string; points: number }
  | { key: 'sharedCountry'; countryName: string; points: number }
  | { key: 'samePartner'; partnerName: string; points: number }
  | { key: 'sameRisk'; risk: string; points: number };

export type SimilarityReasonKey = SimilarityReasonMessage['key'];
export type SimilarityReasonParams<K extends SimilarityReasonKey> = Extract<SimilarityReasonMessage, { key: K }>;
