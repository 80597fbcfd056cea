/**
 * An institution, declared once. Its own properties are listed here with the kind of value each one is; from
 * that follow the record type the repository reads, the one Cypher projection every read of an institution
 * uses, the checks and text limits of a write (`service.ts`), and the compile-time tie to the GraphQL input
 * (`inputs.ts`): a property added here and not there, or there and not here, does not compile.
 */
import { TEXT_LIMITS } from '../writes/checks.js';

/** What sort of organisation an institution is, with what each means (the GraphQL enum's descriptions). */
export const INSTITUTION_KINDS = {
  THINK_TANK: 'An independent research and policy institute.',
  UNIVERSITY: 'A university or academic research institute.',
  MINISTRY: 'A ministry of the Dutch central government.',
  AGENCY: 'A government agency.',
  NGO: 'A non-governmental organisation.',
  COMPANY: 'A company.',
  MEDIA: 'A news or media organisation.',
  RESEARCH_INSTITUTE: 'A research institute outside a university (an academy of sciences, a laboratory).',
  GOVERNMENT_BODY: 'A foreign government body: a ministry, an agency, a state commission.',
  MILITARY: 'A military body, or a defence research institute under one.',
} as const;
export type InstitutionKind = keyof typeof INSTITUTION_KINDS;

/**
 * The kinds of value an institution's property holds: a name (one line, required: `inputName`), an enum, a URL,
 * or a one-line text with its limit in the one text policy.
 */
const TEXT_KINDS = {
  abbreviation: { max: TEXT_LIMITS.abbreviation, line: true },
  place: { max: TEXT_LIMITS.name, line: true },
  otherName: { max: TEXT_LIMITS.line, line: true },
} as const;
type InstitutionTextKind = keyof typeof TEXT_KINDS;
export const institutionTextLimits = (kind: InstitutionTextKind) => TEXT_KINDS[kind];

/** An institution's own properties, in the order they are checked; `required`: a new institution needs it. */
export const INSTITUTION_PROPERTIES = {
  name: { kind: 'name', required: true },
  nameNl: { kind: 'name', required: true },
  /** The name in its original script, e.g. "哈尔滨工业大学". */
  originalName: { kind: 'otherName', required: false },
  acronym: { kind: 'abbreviation', required: false },
  /** Transliterations of the original name, e.g. "Hā'ěrbīn Gōngyè Dàxué". */
  transliterations: { kind: 'names', required: false },
  /** Other names it goes by: former names, other spellings, acronyms in other languages. */
  aliases: { kind: 'names', required: false },
  kind: { kind: 'institutionKind', required: true },
  city: { kind: 'place', required: false },
  url: { kind: 'url', required: false },
} as const satisfies Record<
  string,
  { kind: InstitutionTextKind | 'name' | 'names' | 'institutionKind' | 'url'; required: boolean }
>;
export type InstitutionProperty = keyof typeof INSTITUTION_PROPERTIES;

/** The properties as a list of [field, declaration], in their order. */
export const INSTITUTION_PROPERTY_LIST = Object.entries(INSTITUTION_PROPERTIES) as Array<
  [InstitutionProperty, (typeof INSTITUTION_PROPERTIES)[InstitutionProperty]]
>;

type ValueOf<P extends InstitutionProperty> = (typeof INSTITUTION_PROPERTIES)[P]['kind'] extends 'institutionKind'
  ? InstitutionKind
  : (typeof INSTITUTION_PROPERTIES)[P]['kind'] extends 'names'
    ? string[]
    : string;

/** How many other names (transliterations, aliases) an institution may have of each sort. */
export const MAX_OTHER_NAMES = 20;

/** An institution as read: its id and lifecycle, each property (null when not given), and its country's code. */
export type InstitutionRecord = {
  [P in InstitutionProperty]: (typeof INSTITUTION_PROPERTIES)[P]['required'] extends true
    ? ValueOf<P>
    : ValueOf<P> | null;
} & {
  id: string;
  countryId: string | null;
  /** The organisation it is part of (PART_OF), e.g. a ministry for an institute under it. */
  parentId: string | null;
  version: number | null;
  retiredAt: string | null;
  retiredReason: string | null;
};

const isList = (p: string) => INSTITUTION_PROPERTIES[p as InstitutionProperty].kind === 'names';

/** An institution's own fields in a map projection of `variable` (`n {…}`), for a read that fetches its country. */
export const institutionOwnFields = (variable: string) =>
  [
    ...[
      'id',
      ...Object.keys(INSTITUTION_PROPERTIES).filter((p) => !isList(p)),
      'version',
      'retiredAt',
      'retiredReason',
    ].map((field) => `.${field}`),
    ...Object.keys(INSTITUTION_PROPERTIES)
      .filter(isList)
      .map((field) => `${field}: coalesce(${variable}.${field}, [])`),
    `parentId: [(${variable})-[:PART_OF]->(parentOf:Institution) | parentOf.id][0]`,
  ].join(', ');

/** `institutionOwnFields` of `n`. */
export const INSTITUTION_OWN_FIELDS = institutionOwnFields('n');

/**
 * The map projection of an institution node held in `variable`, for every read of an institution: its record's
 * fields, with its country's code read beside them.
 */
export const institutionProjection = (variable: string) =>
  `${variable} {${institutionOwnFields(variable)}, ` +
  `countryId: [(${variable})-[:LOCATED_IN]->(locatedIn:Country) | locatedIn.id][0]}`;
