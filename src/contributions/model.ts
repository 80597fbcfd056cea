/**
 * A contribution (a publication, talk or briefing), declared once. Its own properties are listed here with the
 * kind of value each one is and what it means; from that follow the record type the repository reads, the one
 * Cypher projection every read of a contribution uses, the descriptions of the GraphQL fields (`types.ts`,
 * `inputs.ts`) and the compile-time tie to the GraphQL input (`inputs.ts`).
 */
import type { Retirable } from '../writes/retirable.js';

/** The forms of a contribution, with what each means (the GraphQL enum's descriptions). */
export const CONTRIBUTION_KINDS = {
  PUBLICATION: 'An article, report, paper or book.',
  TALK: 'A lecture, panel or presentation.',
  BRIEFING: 'A briefing for government.',
} as const;
export type ContributionKind = keyof typeof CONTRIBUTION_KINDS;

/** A contribution's own properties; `required`: a new contribution needs it. */
export const CONTRIBUTION_PROPERTIES = {
  kind: { kind: 'contributionKind', required: true, description: 'Publication, talk or briefing.' },
  title: { kind: 'title', required: true, description: 'Title.' },
  summary: { kind: 'text', required: false, description: 'A sentence or two on the content.' },
  date: { kind: 'date', required: true, description: 'When it was published or given.' },
  url: { kind: 'url', required: false, description: 'Where to read or watch it.' },
} as const satisfies Record<
  string,
  { kind: 'contributionKind' | 'title' | 'text' | 'date' | 'url'; required: boolean; description: string }
>;
export type ContributionProperty = keyof typeof CONTRIBUTION_PROPERTIES;

/** What a property means: the description of its GraphQL fields, output and input. */
export const describedContribution = (property: ContributionProperty) => CONTRIBUTION_PROPERTIES[property].description;

type ValueOf<P extends ContributionProperty> = (typeof CONTRIBUTION_PROPERTIES)[P]['kind'] extends 'contributionKind'
  ? ContributionKind
  : string;

/** A contribution as read: its id and lifecycle, and each property (null when not given); the date as ISO text. */
export type ContributionRecord = {
  [P in ContributionProperty]: (typeof CONTRIBUTION_PROPERTIES)[P]['required'] extends true
    ? ValueOf<P>
    : ValueOf<P> | null;
} & Retirable & { id: string };

/** The map projection of a contribution node held in `variable`, for every read of a contribution. */
export const contributionProjection = (variable: string) =>
  `${variable} {${['id', ...Object.keys(CONTRIBUTION_PROPERTIES), 'version', 'retiredAt', 'retiredReason']
    .map((field) => `.${field}`)
    .join(', ')}}`;
