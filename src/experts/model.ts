/**
 * An expert, declared once. Its own properties (not its relationships) are listed here with the kind of value
 * each one is; from that follow the record type the repository reads, the one Cypher projection every read of
 * an expert uses, the checks and text limits of a write (`checks.ts`), the CSV columns (`csv/parse.ts`), and
 * the compile-time tie to the GraphQL input (`inputs.ts`): a property added here and not there, or there and
 * not here, does not compile.
 */
import { TEXT_LIMITS } from '../writes/checks.js';

/** Where a level comes from: the expert's own word, a secretariat's check, or contributions and answers. */
export const PROVENANCES = ['DECLARED', 'VERIFIED', 'EVIDENCED'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/**
 * The kinds of value an expert's property can hold. A text kind names its limit in the one text policy
 * (`TEXT_LIMITS`) and whether it is one line; the others have checks of their own (`checks.ts`).
 */
export const PROPERTY_KINDS = {
  /** A person's name: one line, required. */
  name: { text: { max: TEXT_LIMITS.name, line: true } },
  /** One line that sums something up. */
  line: { text: { max: TEXT_LIMITS.line, line: true } },
  /** Free text. */
  text: { text: { max: TEXT_LIMITS.text, line: false } },
  email: {},
  /** Stored in E.164. */
  phone: {},
  /** In CSV: yes or no. */
  yesNo: {},
  /** ISO 639-1 codes; in CSV separated by `;`. */
  languages: {},
} as const;
export type PropertyKind = keyof typeof PROPERTY_KINDS;

/** An expert's own properties, in the order they are checked: the kind of each, and what its CSV column holds. */
export const EXPERT_PROPERTIES = {
  name: { kind: 'name', csv: 'full name' },
  academicTitle: { kind: 'line', csv: 'academic titles as written before the name, e.g. Prof. dr.' },
  headline: { kind: 'line', csv: 'one line on what the expert knows' },
  headlineNl: { kind: 'line', csv: 'the same in Dutch' },
  bio: { kind: 'text', csv: 'short profile' },
  bioNl: { kind: 'text', csv: 'short profile in Dutch' },
  email: { kind: 'email', csv: 'e-mail address' },
  phone: { kind: 'phone', csv: 'phone number with country code, e.g. +31 6 12345678' },
  contactConsent: { kind: 'yesNo', csv: 'yes or no: may officers contact the expert directly' },
  languages: { kind: 'languages', csv: 'ISO 639-1 codes, e.g. en;nl;zh' },
} as const satisfies Record<string, { kind: PropertyKind; csv: string }>;
export type ExpertProperty = keyof typeof EXPERT_PROPERTIES;

/** The properties as a list of [field, declaration], in their order. */
export const EXPERT_PROPERTY_LIST = Object.entries(EXPERT_PROPERTIES) as Array<
  [ExpertProperty, { kind: PropertyKind; csv: string }]
>;

type ValueOf<Kind extends PropertyKind> = Kind extends 'yesNo' ? boolean : Kind extends 'languages' ? string[] : string;

/** An expert as read: its id and lifecycle, and each property (null when not given; a name always is). */
export type ExpertRecord = {
  [P in ExpertProperty]: ValueOf<(typeof EXPERT_PROPERTIES)[P]['kind']> | null;
} & {
  id: string;
  name: string;
  version: number | null;
  retiredAt: string | null;
  retiredReason: string | null;
};

/**
 * The map projection of an expert node held in `variable`, for every read of an expert: its record's fields,
 * not the search terms and keys the node also holds for full-text and duplicate look-ups (see COUNTRY_FIELDS).
 * Personal data (e-mail, phone) is in it; the GraphQL fields decide who reads it (canReadContacts).
 */
export const expertProjection = (variable: string) =>
  `${variable} {${['id', ...Object.keys(EXPERT_PROPERTIES), 'version', 'retiredAt', 'retiredReason']
    .map((field) => `.${field}`)
    .join(', ')}}`;
