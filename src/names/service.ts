import { decodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLError } from 'graphql';
import type { Queries } from '../db/database.js';
import { badUserInput } from '../graphql/errors.js';
import { nameKey } from '../text.js';
import { lookUpNames, suggestPlaces, suggestThemes, type NameLookup, type NamedRef, type PlaceRef } from './repository.js';

export type { NamedRef, PlaceRef };

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

/** Resolves theme and place names (English or Dutch, codes, ids, aliases) in one round trip. */
export function resolveNames(
  queries: Queries,
  names: { themes?: string[]; places?: string[] },
): Promise<{ themes: Array<NamedRef | null>; places: Array<PlaceRef | null> }> {
  return lookUpNames(
    queries,
    (names.themes ?? []).map((text) => lookupOf(text, 'Theme')),
    (names.places ?? []).map((text) => lookupOf(text, 'Country')),
  );
}

const quoted = (names: string[]) => names.map((s) => `"${s}"`).join(', ');

/** What to say about a place name that matched nothing: the closest names, and what is accepted. */
export async function unknownPlace(queries: Queries, argument: string, text: string): Promise<GraphQLError> {
  const suggestions = await suggestPlaces(queries, text);
  const hint = suggestions.length > 0 ? ` Did you mean ${quoted(suggestions)}?` : '';
  return badUserInput(
    `Unknown country or region "${text}".${hint} Use an ISO code (e.g. "CN" or "CHN"), an English or Dutch name, or a region such as "Central Asia".`,
    { argument, suggestions },
  );
}

/** What to say about a theme name that matched nothing. */
export async function unknownTheme(queries: Queries, argument: string, text: string): Promise<GraphQLError> {
  const suggestions = await suggestThemes(queries, text);
  const hint = suggestions.length > 0 ? ` Did you mean ${quoted(suggestions)}?` : '';
  return badUserInput(`Unknown theme "${text}".${hint} Use a theme's id, or its English or Dutch name or alias (see the themes query).`, {
    argument,
    suggestions,
  });
}
