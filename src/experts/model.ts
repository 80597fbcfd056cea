/** Where a level comes from: the expert's own word, a secretariat's check, or contributions and answers. */
export const PROVENANCES = ['DECLARED', 'VERIFIED', 'EVIDENCED'] as const;
export type Provenance = (typeof PROVENANCES)[number];
