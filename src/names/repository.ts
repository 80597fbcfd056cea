import type { Queries } from '../db/database.js';
import { closestNames } from '../text.js';
import { HOME_COUNTRY } from './demonyms.js';

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

/** The names the graph holds, as loaded for recognising them in free text (vocabulary.ts). */
export interface VocabularyRows {
  themes: Array<{ id: string; name: string; nameNl: string | null; aliases: string[] }>;
  countries: Array<{ id: string; name: string; nameNl: string | null; alpha3: string | null; keys: string[] }>;
  regions: Array<{ id: string; name: string; nameNl: string | null; aliases: string[]; countries: NamedRef[] }>;
  /** Foreign institutions, which a question may name as a partner. */
  institutions: Array<{ id: string; name: string; nameNl: string | null; acronym: string | null }>;
}

export interface NameLookup {
  /** A node id the text may be (a slug or a decoded global id), and the text's name key. */
  id: string | null;
  key: string;
}

/**
 * What lookUpNames found: the names at their indexes, and the free-text vocabulary's fingerprint (and rows, when asked
 * for and changed).
 */
export interface NamesFound {
  themes: Array<ThemeRef | null>;
  places: Array<PlaceRef | null>;
  vocabularyFingerprint: string;
  /** The vocabulary, when `vocabulary` asked for it and the graph's differs from the one known. */
  vocabularyRows: VocabularyRows | null;
}

/**
 * Resolves theme names and place names in one round trip. Themes match by id or name key (names and
 * aliases, English and Dutch); places by country code or name key, or else a region's key. A name that
 * matches nothing comes back as null, at its index. With `vocabulary`, the free-text vocabulary comes along
 * in the same round trip unless its fingerprint is the one known (null: always), so that reading free
 * text next costs no round trip of its own, whoever changed the names.
 */
export async function lookUpNames(
  queries: Queries,
  themes: NameLookup[],
  places: NameLookup[],
  vocabulary?: { knownFingerprint: string | null },
): Promise<NamesFound> {
  const [row] = await queries.read<{
    themes: Array<{ index: number; theme: ThemeRef | null }>;
    places: Array<{ index: number } & PlaceRef>;
    counts: number[];
    vocabulary: VocabularyRows | null;
  }>(
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
     // The vocabulary's fingerprint rides along, and the vocabulary itself when asked for and changed.
     ${VOCABULARY_COUNTS}
     OPTIONAL CALL (counts) {
       WITH counts
       WHERE $vocabulary
         AND coalesce(reduce(s = toString(counts[0]), c IN counts[1..] | s + '/' + toString(c)) <> $knownFingerprint,
                      true)
       ${VOCABULARY_ROWS}
       RETURN {themes: themes, countries: countries, regions: regions, institutions: institutions} AS vocabulary
     }
     RETURN themes, places, counts, vocabulary`,
    {
      themes,
      places,
      vocabulary: vocabulary !== undefined,
      knownFingerprint: vocabulary?.knownFingerprint ?? null,
      home: HOME_COUNTRY,
    },
  );
  const themeAt = new Map((row?.themes ?? []).map((t) => [t.index, t.theme]));
  const placeAt = new Map((row?.places ?? []).map(({ index, ...place }) => [index, place]));
  return {
    themes: themes.map((_, index) => themeAt.get(index) ?? null),
    places: places.map((_, index) => placeAt.get(index) ?? null),
    vocabularyFingerprint: (row?.counts ?? []).join('/'),
    vocabularyRows: row?.vocabulary ?? null,
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

/**
 * Cypher: every name free text may use (src/names/vocabulary.ts), as `themes`, `countries`, `regions` and
 * `institutions`: current themes, countries, regions with their countries, and foreign institutions. Bounded
 * by the taxonomy and the institutions, a few thousand at most. Needs `$home`.
 */
const VOCABULARY_ROWS = `
    CALL () {
       MATCH (t:Theme) WHERE t.retiredAt IS NULL
       RETURN collect(t {.id, .name, .nameNl, aliases: coalesce(t.aliases, [])}) AS themes
     }
     CALL () {
       MATCH (c:Country)
       RETURN collect(c {.id, .name, .nameNl, .alpha3, keys: coalesce(c.keys, [])}) AS countries
     }
     CALL () {
       MATCH (r:Region)
       OPTIONAL MATCH (r)<-[:IN_REGION]-(c:Country)
       WITH r, c ORDER BY c.name
       WITH r, collect(c {.id, .name}) AS countries
       RETURN collect(r {.id, .name, .nameNl, aliases: coalesce(r.aliases, []), countries: countries}) AS regions
     }
     CALL () {
       MATCH (i:Institution) WHERE i.retiredAt IS NULL AND NOT (i)-[:LOCATED_IN]->(:Country {id: $home})
       RETURN collect(i {.id, .name, .nameNl, .acronym}) AS institutions
     }`;

/** Every name free text may use (VOCABULARY_ROWS), in a round trip of its own. */
export async function loadVocabularyRows(queries: Queries): Promise<VocabularyRows> {
  const [row] = await queries.read<VocabularyRows>(
    `${VOCABULARY_ROWS} RETURN themes, countries, regions, institutions`,
    { home: HOME_COUNTRY },
  );
  return row ?? { themes: [], countries: [], regions: [], institutions: [] };
}

/**
 * Cypher: how many themes, countries, regions and institutions there are (`counts`), from Neo4j's count store, not a
 * scan.
 */
const VOCABULARY_COUNTS = `
  CALL () { MATCH (n:Theme) RETURN count(n) AS themeCount }
  CALL () { MATCH (n:Country) RETURN count(n) AS countryCount }
  CALL () { MATCH (n:Region) RETURN count(n) AS regionCount }
  CALL () { MATCH (n:Institution) RETURN count(n) AS institutionCount }
  WITH *, [themeCount, countryCount, regionCount, institutionCount] AS counts`;

/** How many themes, countries, regions and institutions there are: from Neo4j's count store, not a scan. */
export async function vocabularyFingerprint(queries: Queries): Promise<string> {
  const [row] = await queries.read<{ counts: number[] }>(`${VOCABULARY_COUNTS} RETURN counts`);
  return (row?.counts ?? []).join('/');
}
