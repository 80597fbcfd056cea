/**
 * A theme, declared once. Its own properties are listed here with the kind of value each one is and what it
 * means; from that follow the record type the repository reads, the one Cypher projection every read of a theme
 * uses, the checks of a write (`service.ts`), the descriptions of the GraphQL fields (`types.ts`, `inputs.ts`) and
 * the compile-time tie to the GraphQL input (`inputs.ts`): a property added here and not there, or there and not
 * here, does not compile.
 */
import type { Retirable } from '../writes/retirable.js';

/** An English or Dutch name (one line, required), a list of other names, or a free text. */
type ThemePropertyKind = 'name' | 'names' | 'text';

/** A theme's own properties, in the order they are checked; `required`: a new theme needs it. */
export const THEME_PROPERTIES = {
  name: { kind: 'name', required: true, description: 'English name.' },
  nameNl: { kind: 'name', required: true, description: 'Dutch name.' },
  aliases: { kind: 'names', required: false, description: 'Other names and spellings, English and Dutch.' },
  description: { kind: 'text', required: false, description: 'What the theme covers.' },
} as const satisfies Record<string, { kind: ThemePropertyKind; required: boolean; description: string }>;
export type ThemeProperty = keyof typeof THEME_PROPERTIES;

type ValueOf<P extends ThemeProperty> = (typeof THEME_PROPERTIES)[P]['kind'] extends 'names'
  ? string[]
  : (typeof THEME_PROPERTIES)[P]['required'] extends true
    ? string
    : string | null;

/** A theme as read: its id and lifecycle, and each property (a list of names is empty when there are none). */
export type ThemeRecord = { [P in ThemeProperty]: ValueOf<P> } & Retirable & { id: string };

/**
 * A theme's record as a map projection's fields, without what the node holds for look-ups (its name keys and
 * alias text; see COUNTRY_FIELDS).
 */
export const THEME_FIELDS = ['id', ...Object.keys(THEME_PROPERTIES), 'version', 'retiredAt', 'retiredReason']
  .map((field) => `.${field}`)
  .join(', ');

/** The map projection of a theme node held in `variable`, for every read of a theme. */
export const themeProjection = (variable: string) => `${variable} {${THEME_FIELDS}}`;
