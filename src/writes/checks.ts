import type { GraphQLScalarType } from 'graphql';
import { present, type InputProblems } from '../errors.js';
import { nameKey } from '../text.js';

/** Checks shared by the curation mutations: each adds a problem instead of failing, so one answer names them all. */

/**
 * How long a text may be (characters, after trimming), by what it is: one policy for every entity. The
 * schema's caps (INPUT_CAPS in graphql/limits.ts) lie above these and only bound what a request costs.
 */
export const TEXT_LIMITS = {
  /** An abbreviation, e.g. an institution's acronym. */
  abbreviation: 30,
  /** A person's name, a role, a city. */
  name: 200,
  /**
   * Another one-line text that names or sums up a thing: a theme's or institution's name, an alias, a headline, a
   * location.
   */
  line: 300,
  /** The title of a publication, talk or event, or the topic of a talk. */
  title: 500,
  /**
   * Free text: a bio, summary or description, a question and its context, an answer, a note or reason for the history.
   */
  text: 4000,
} as const;

/**
 * Text as given, trimmed; blank becomes null (on an update: removes it). `line`: a name or other one-line
 * text, which may hold no control, bidi or other invisible format character (see lineTextProblem).
 */
export function checkedText(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  limits: { max: number; required?: boolean; line?: boolean },
): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    if (limits.required) problems.add(field, 'must not be empty');
    return null;
  }
  if (trimmed.length > limits.max)
    problems.add(field, `must be at most ${limits.max} characters (got ${trimmed.length})`);
  const unfit = limits.line ? lineTextProblem(trimmed) : null;
  if (unfit) problems.add(field, unfit);
  return trimmed;
}

/** Characters that change the order in which text is displayed without showing themselves (Trojan Source). */
const BIDI_CONTROLS: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};
const CHARACTER_NAMES: Record<number, string> = {
  0x00: 'NULL',
  0x09: 'TAB',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESCAPE',
  0x7f: 'DELETE',
  0xad: 'SOFT HYPHEN',
  0x200b: 'ZERO WIDTH SPACE',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  ...BIDI_CONTROLS,
};
/** Joiners that some scripts (Persian, Indic) and emoji sequences need: the only format characters a name keeps. */
const JOINERS = new Set([0x200c, 0x200d]);

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
const described = (code: number) =>
  CHARACTER_NAMES[code] ? `${codePoint(code)} ${CHARACTER_NAMES[code]}` : codePoint(code);

/**
 * What makes text unfit for a name or other one-line text, or null: a control character (C0, DEL, C1;
 * tabs and line breaks included), a line or paragraph separator, a bidi control, another invisible format
 * character (zero-width space, soft hyphen, tag characters, …; the zero-width joiner and non-joiner stay),
 * an unpaired surrogate, or U+FFFD, which stands where text was decoded with the wrong encoding. Names the
 * first such character by its code point and position (counted in characters from 1).
 */
export function lineTextProblem(text: string): string | null {
  let position = 0;
  for (const character of text) {
    position++;
    const code = present(character.codePointAt(0), 'the code point of a character');
    const at = `${described(code)} at character ${position}`;
    if (code in BIDI_CONTROLS) {
      return (
        `contains ${at}, an invisible bidi control that makes text display in another order than it is stored: ` +
        'remove it'
      );
    }
    if (code === 0xfffd) {
      return (
        `contains ${at} (the replacement character), left where text was decoded with the wrong encoding: send ` +
        'the original text, converted to UTF-8 from its real encoding (e.g. windows-1252)'
      );
    }
    if (/\p{Cc}|\p{Zl}|\p{Zp}/u.test(character)) {
      return `contains ${at}, a control character or line break: write it on one line of visible characters`;
    }
    if (/\p{Cs}/u.test(character))
      return `contains ${at}, half of a surrogate pair (not a character): send valid Unicode`;
    if (/\p{Cf}/u.test(character) && !JOINERS.has(code))
      return `contains ${at}, an invisible format character: remove it`;
  }
  return null;
}

/**
 * Checks text with a graphql-scalars scalar's own rules. Inputs take such values as strings so that a bad
 * one is reported with every other problem, rather than alone before the mutation runs.
 */
export function checkedScalar(
  problems: InputProblems,
  field: string,
  scalar: GraphQLScalarType,
  value: string | null | undefined,
): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  try {
    return String(scalar.parseValue(trimmed));
  } catch (error) {
    problems.add(field, error instanceof Error ? error.message : `"${trimmed}" is not valid`);
    return null;
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 80;

/** What is wrong with a slug a client chose, or null. */
export function slugProblem(slug: string): string | null {
  if (!SLUG.test(slug)) return 'use lower-case letters, digits and single hyphens, e.g. "jan-de-vries"';
  if (slug.length > MAX_SLUG) return `must be at most ${MAX_SLUG} characters`;
  return null;
}

/** A slug made from a name: "Jörg van der Berg-Ünal" → "jorg-van-der-berg-unal". */
export function slugFromName(name: string, fallback: string): string {
  const slug = nameKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG - 4)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** `base`, or else `base-2`, `base-3`, … whichever is not taken. */
export function firstFreeSlug(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * Reports an entry that repeats an earlier one of the same list (by `key`); returns whether it did.
 * `seen` maps keys to the index that first named them.
 */
export function isRepeat(
  problems: InputProblems,
  seen: Map<string, number>,
  key: string,
  field: string,
  index: number,
  list: string,
): boolean {
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, index);
    return false;
  }
  problems.add(field, `repeats ${list}[${first}]: give each only once`);
  return true;
}

/**
 * A text field as given: undefined when omitted (keep what is there), null when cleared, else trimmed; a required one
 * may not be empty.
 */
export function inputText(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  limits: { required?: boolean; max?: number; line?: boolean } = {},
): string | null | undefined {
  return value === undefined
    ? undefined
    : checkedText(problems, field, value, { ...limits, max: limits.max ?? TEXT_LIMITS.text });
}

/** A thing's name: required, and one line of visible characters. */
export const inputName = (problems: InputProblems, field: string, value: string | null | undefined) =>
  inputText(problems, field, value, { required: true, max: TEXT_LIMITS.line, line: true });

/** A field a node cannot do without (an enum, a date): given as null on an update, it is a problem. */
export function inputRequired<T>(problems: InputProblems, field: string, value: T | null | undefined): T | undefined {
  if (value === null) problems.add(field, 'may not be cleared');
  return value ?? undefined;
}
