import type { GraphQLScalarType } from 'graphql';
import type { InputProblems } from '../graphql/errors.js';
import { nameKey } from '../text.js';

/** Checks shared by the curation mutations: each adds a problem instead of failing, so one answer names them all. */

/** Text as given, trimmed; blank becomes null (on an update: removes it). */
export function checkedText(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  limits: { max: number; required?: boolean },
): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    if (limits.required) problems.add(field, 'must not be empty');
    return null;
  }
  if (trimmed.length > limits.max) problems.add(field, `must be at most ${limits.max} characters (got ${trimmed.length})`);
  return trimmed;
}

/**
 * Checks text with a graphql-scalars scalar's own rules. Inputs take such values as strings so that a bad
 * one is reported with every other problem, rather than alone before the mutation runs.
 */
export function checkedScalar(problems: InputProblems, field: string, scalar: GraphQLScalarType, value: string | null | undefined): string | null {
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
  const slug = nameKey(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_SLUG - 4).replace(/-+$/, '');
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
export function isRepeat(problems: InputProblems, seen: Map<string, number>, key: string, field: string, index: number, list: string): boolean {
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, index);
    return false;
  }
  problems.add(field, `repeats ${list}[${first}]: give each only once`);
  return true;
}

const MAX_TEXT = 4000;
const MAX_NAME = 300;

/** A text field as given: undefined when omitted (keep what is there), null when cleared, else trimmed; a required one may not be empty. */
export function inputText(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  limits: { required?: boolean; max?: number } = {},
): string | null | undefined {
  return value === undefined ? undefined : checkedText(problems, field, value, { required: limits.required, max: limits.max ?? MAX_TEXT });
}

/** A name or title: required, and short. */
export const inputName = (problems: InputProblems, field: string, value: string | null | undefined) =>
  inputText(problems, field, value, { required: true, max: MAX_NAME });

/** A field a node cannot do without (an enum, a date): given as null on an update, it is a problem. */
export function inputRequired<T>(problems: InputProblems, field: string, value: T | null | undefined): T | undefined {
  if (value === null) problems.add(field, 'may not be cleared');
  return value ?? undefined;
}
