import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Queries } from '../db/database.js';
import { BadInputError, type InputProblems } from '../errors.js';
import { nameKey } from '../text.js';
import { loadedVocabularyFingerprint, useVocabularyRows } from './interpret.js';
import {
  lookUpNames,
  suggestPlaces,
  suggestThemes,
  type NameLookup,
  type NamedRef,
  type NamesFound,
  type PlaceRef,
  type ThemeRef,
} from './repository.js';

export type { NamedRef, PlaceRef, ThemeRef };
export {
  currentVocabulary,
  interpret,
  interpretQuestion,
  invalidateVocabulary,
  wordingIn,
  type Interpretation,
  type LocalNames,
  type Wording,
} from './interpret.js';
export { RISK_CATEGORIES, type RiskCategory } from './risk-categories.js';

/** A name as typed, or a global id of the given type, ready to look up. */
export function lookupOf(text: string, typename: string): NameLookup {
  let id: string = text;
  try {
    const decoded = decodeGlobalID(text);
    if (decoded.typename === typename) id = decoded.id;
  } catch {
    // Not a global id: a name, an alias, a code or a slug.
  }
  return { id, key: nameKey(text) };
}

/** A slug or a global id of the given type, as stored in the graph. */
export const idOf = (text: string, typename: string) => lookupOf(text.trim(), typename).id ?? text;

/**
 * Resolves theme and place names (English or Dutch, codes, ids, aliases) in one round trip. With
 * `withVocabulary`, the free-text vocabulary is brought up to date in the same round trip (when the graph's
 * differs from the one loaded, or that one is past its TTL): interpretQuestion with the returned fingerprint
 * then reads no more.
 */
export async function resolveNames(
  queries: Queries,
  names: { themes?: string[]; places?: string[] },
  options: { withVocabulary?: boolean } = {},
): Promise<Omit<NamesFound, 'vocabularyRows'>> {
  const { vocabularyRows, ...found } = await lookUpNames(
    queries,
    (names.themes ?? []).map((text) => lookupOf(text, 'Theme')),
    (names.places ?? []).map((text) => lookupOf(text, 'Country')),
    options.withVocabulary ? { knownFingerprint: loadedVocabularyFingerprint() } : undefined,
  );
  if (vocabularyRows) useVocabularyRows(vocabularyRows, found.vocabularyFingerprint);
  return found;
}

const quoted = (names: string[]) => names.map((s) => `"${s}"`).join(', ');

/** Names longer than this get no "did you mean": nobody mistypes a name that long, and comparing it costs. */
export const MAX_SUGGESTION_INPUT = 60;
/** Unknown names given close matches per request (or per import run): later ones are just reported. */
export const MAX_SUGGESTION_LOOKUPS = 10;
const suggestionLookups = new WeakMap<Queries, number>();

/**
 * Close matches for a name nobody recognised, when it is short enough to be a mistyped name and the
 * request (its database view) has lookups left; otherwise none, without touching the database. This
 * keeps the work bounded wherever names are resolved: GraphQL inputs, the CSV import, any service.
 */
async function suggestionsFor(
  queries: Queries,
  text: string,
  suggest: (queries: Queries, text: string) => Promise<string[]>,
): Promise<string[]> {
  const used = suggestionLookups.get(queries) ?? 0;
  if (text.length > MAX_SUGGESTION_INPUT || used >= MAX_SUGGESTION_LOOKUPS) return [];
  suggestionLookups.set(queries, used + 1);
  return suggest(queries, text);
}

/** A name as shown back in a message: long ones cut short. */
const shown = (text: string) => (text.length > MAX_SUGGESTION_INPUT ? `${text.slice(0, MAX_SUGGESTION_INPUT)}…` : text);

/** What to say about a place name that matched nothing: the closest names, and what is accepted. */
export async function unknownPlace(queries: Queries, argument: string, text: string): Promise<BadInputError> {
  const suggestions = await suggestionsFor(queries, text, suggestPlaces);
  const hint = suggestions.length > 0 ? ` Did you mean ${quoted(suggestions)}?` : '';
  return new BadInputError(
    `Unknown country or region "${shown(text)}".${hint} Use an ISO code (e.g. "CN" or "CHN"), an English or ` +
      'Dutch name, or a region such as "Central Asia".',
    { argument, suggestions },
  );
}

/** What to say about a theme name that matched nothing. */
export async function unknownTheme(queries: Queries, argument: string, text: string): Promise<BadInputError> {
  const suggestions = await suggestionsFor(queries, text, suggestThemes);
  const hint = suggestions.length > 0 ? ` Did you mean ${quoted(suggestions)}?` : '';
  return new BadInputError(
    `Unknown theme "${shown(text)}".${hint} Use a theme's id, or its English or Dutch name or alias (see the ` +
      'themes query).',
    {
      argument,
      suggestions,
    },
  );
}

/**
 * Resolves the themes and countries given with an input (a region adds its countries), adding a problem
 * at `themes[i]` (or `<themesField>[i]`) or `countries[i]`, with close matches, for each unknown one.
 * New links may not go to a retired theme; a filter may still name one (`includeRetired`). Each theme
 * found carries the index it was given at.
 */
export async function resolveSubjects(
  queries: Queries,
  problems: InputProblems,
  themes: string[],
  countries: string[],
  options: { includeRetired?: boolean; themesField?: string } = {},
): Promise<{ themes: Array<NamedRef & { index: number }>; countries: NamedRef[] }> {
  const resolved = await resolveNames(queries, { themes, places: countries });
  const themesField = options.themesField ?? 'themes';
  const themeRefs: Array<NamedRef & { index: number }> = [];
  for (const [index, text] of themes.entries()) {
    const at = `${themesField}[${index}]`;
    const theme = resolved.themes[index];
    if (!theme) problems.add(at, (await unknownTheme(queries, themesField, text)).message);
    else if (theme.retired && !options.includeRetired)
      problems.add(at, `the theme "${theme.name}" was retired: choose a current one (see the themes query)`);
    else themeRefs.push({ id: theme.id, name: theme.name, index });
  }
  const countryRefs = new Map<string, NamedRef>();
  for (const [index, text] of countries.entries()) {
    const place = resolved.places[index];
    if (place) place.countries.forEach((c) => countryRefs.set(c.id, c));
    else problems.add(`countries[${index}]`, (await unknownPlace(queries, 'countries', text)).message);
  }
  return { themes: themeRefs, countries: [...countryRefs.values()] };
}
