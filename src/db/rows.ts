/**
 * Rows checked as they leave the database, instead of cast: a parser states the shape the code relies on
 * and fails loudly (RowShapeError, a bug to fix, masked to clients like any other) when Cypher and code
 * disagree. Values arrive as `plain()` makes them: numbers, strings, booleans, null, arrays and objects.
 */

/** A row or value that does not have the shape its parser expects. */
export class RowShapeError extends Error {}

/** Checks one value; `at` names it in the error (e.g. "row 3.networkIds[1]"). */
export type Parser<T> = (value: unknown, at: string) => T;

const shown = (value: unknown) => {
  if (value === undefined) return 'nothing';
  // What JSON leaves out (undefined for these) shows as JavaScript writes it.
  if (typeof value === 'function' || typeof value === 'symbol') return String(value);
  return JSON.stringify(value).slice(0, 80);
};
const unexpected = (at: string, expected: string, value: unknown) =>
  new RowShapeError(`${at}: expected ${expected}, got ${shown(value)}`);

export const str: Parser<string> = (value, at) => {
  if (typeof value !== 'string') throw unexpected(at, 'a string', value);
  return value;
};

/**
 * What `parse` accepts, or null when missing: for properties that may be unset (temporals included, which arrive as ISO
 * strings).
 */
export function orNull<T>(parse: Parser<T>): Parser<T | null> {
  return (value, at) => (value === null || value === undefined ? null : parse(value, at));
}

/** A string, or null when missing. */
export const optStr: Parser<string | null> = orNull(str);

/** One of the given strings, e.g. an enum's values. */
export function oneOf<T extends string>(values: readonly T[]): Parser<T> {
  return (value, at) => {
    if (!(values as readonly unknown[]).includes(value)) throw unexpected(at, `one of ${values.join(', ')}`, value);
    return value as T;
  };
}

export const int: Parser<number> = (value, at) => {
  if (!Number.isInteger(value)) throw unexpected(at, 'a whole number', value);
  return value as number;
};

export const num: Parser<number> = (value, at) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw unexpected(at, 'a number', value);
  return value;
};

export const bool: Parser<boolean> = (value, at) => {
  if (typeof value !== 'boolean') throw unexpected(at, 'true or false', value);
  return value;
};

export function list<T>(item: Parser<T>): Parser<T[]> {
  return (value, at) => {
    if (!Array.isArray(value)) throw unexpected(at, 'a list', value);
    return value.map((entry, index) => item(entry, `${at}[${index}]`));
  };
}

export const strList: Parser<string[]> = list(str);

/** An object with (at least) these fields; the result holds only them. */
export function obj<Shape extends Record<string, Parser<unknown>>>(
  shape: Shape,
): Parser<{ [Field in keyof Shape]: ReturnType<Shape[Field]> }> {
  return (value, at) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw unexpected(at, 'an object', value);
    const fields = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(shape).map(([field, parse]) => [field, parse(fields[field], `${at}.${field}`)]),
    ) as {
      [Field in keyof Shape]: ReturnType<Shape[Field]>;
    };
  };
}

/** Every row through `parse`, for rows a transaction's `run` returned. */
export function parseRows<T>(rows: readonly unknown[], parse: Parser<T>): T[] {
  return rows.map((row, index) => parse(row, `row ${index}`));
}
