import type { Queries } from '../db/database.js';
import { closestNames } from '../text.js';

export interface NamedRef {
  id: string;
  name: string;
}

/** A theme a name resolved to; a retired one resolves by id only, and new links may not go to it. */
export interface ThemeRef extends NamedRef {
  retired: boolean;
}

/** What a place name stands for: one country, or a region and its countries. */
export interface PlaceRef {
  countries: NamedRef[];
  region: NamedRef | null;
}

export interface NameLookup {
  /** A node id the text may be (a slug or a decoded global id), and the text's name key. */
  id: string | null;
  key: string;
}

/**
 * Resolves theme names and place names in one round trip. Themes match by id or name key (names and
 * aliases, English and Dutch); places by country code or name key, or else a region's key. A name that
 * matches nothing comes back as null, at its index.
 */
export async function lookUpNames(
  queries: Queries,
  themes: NameLookup[],
  places: NameLookup[],
): Promise<{ themes: Array<ThemeRef | null>; places: Array<PlaceRef | null> }> {
  const [row] = await queries.read<{ themes: Array<{ index: number; theme: ThemeRef | null }>; places: Array<{ index: number } & PlaceRef> }>(
    `CALL () {
       UNWIND range(0, size($themes) - 1) AS index
       WITH index, $themes[index] AS asked
       // A retired theme still resolves by its id, but no longer by its names.
       OPTIONAL MATCH (t:Theme) WHERE t.id = asked.id OR (asked.key IN t.keys AND t.retiredAt IS NULL)
       WITH index, asked, t ORDER BY index, t.id = asked.id DESC
       WITH index, collect(t {.id, .name, retired: t.retiredAt IS NOT NULL})[0] AS theme
       RETURN collect({index: index, theme: theme}) AS themes
     }
     CALL () {
       UNWIND range(0, size($places) - 1) AS index
       WITH index, $places[index] AS asked
       OPTIONAL MATCH (c:Country) WHERE c.id = asked.id OR asked.key IN c.keys
       WITH index, asked, collect(c {.id, .name}) AS direct
       OPTIONAL MATCH (r:Region) WHERE size(direct) = 0 AND (r.id = asked.id OR asked.key IN r.keys)
       OPTIONAL MATCH (r)<-[:IN_REGION]-(rc:Country)
       WITH index, direct, r, rc ORDER BY rc.name
       WITH index, direct, r, collect(rc {.id, .name}) AS inRegion
       RETURN collect(CASE
         WHEN size(direct) > 0 THEN {index: index, countries: direct, region: null}
         WHEN r IS NOT NULL THEN {index: index, countries: inRegion, region: r {.id, .name}}
       END) AS places
     }
     RETURN themes, places`,
    { themes, places },
  );
  const themeAt = new Map((row?.themes ?? []).map((t) => [t.index, t.theme]));
  const placeAt = new Map((row?.places ?? []).map(({ index, ...place }) => [index, place]));
  return {
    themes: themes.map((_, index) => themeAt.get(index) ?? null),
    places: places.map((_, index) => placeAt.get(index) ?? null),
  };
}

/** Names of countries and regions closest to a place name nobody recognised (an error path only). */
export async function suggestPlaces(queries: Queries, text: string): Promise<string[]> {
  const candidates = await queries.read<{ label: string; keys: string[] }>(
    'MATCH (p) WHERE p:Country OR p:Region RETURN p.name AS label, coalesce(p.keys, []) AS keys',
  );
  return closestNames(text, candidates);
}

/** Names of themes closest to a theme name nobody recognised (an error path only). */
export async function suggestThemes(queries: Queries, text: string): Promise<string[]> {
  const candidates = await queries.read<{ label: string; keys: string[] }>(
    'MATCH (t:Theme) WHERE t.retiredAt IS NULL RETURN t.name AS label, coalesce(t.keys, []) AS keys',
  );
  return closestNames(text, candidates);
}
