import { present } from './errors.js';
import { compoundParts } from './text/compounds.js';

/**
 * Name keys: how names, aliases and codes are compared. Case, accents and punctuation do not count,
 * so "Oost-Azië", "oost azie" and "OOST-AZIE" are one key.
 */
export function nameKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
    .trim();
}

/** Every distinct key for a set of names (empty and missing names skipped). */
export function nameKeys(...names: Array<string | null | undefined>): string[] {
  return [
    ...new Set(
      names
        .filter((n): n is string => !!n)
        .map(nameKey)
        .filter((k) => k.length > 0),
    ),
  ];
}

/**
 * What likely duplicate people share: the last word of the name key, so that "J. de Vries" and
 * "Jan de Vries" meet. Stored on experts (`surnameKey`, indexed) whenever a name is written.
 */
export function surnameKey(name: string): string {
  return nameKey(name).split(' ').at(-1) ?? '';
}

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/**
 * How many terms a full-text question may hold. Each term becomes a clause per indexed field, and Lucene
 * refuses a query of more than 1,024 clauses (a long question would fail instead of being answered); the
 * first words of a question are enough to rank by.
 */
export const MAX_LUCENE_TERMS = 64;

/** How much a part of a Dutch compound in a question weighs against a word as typed. */
export const COMPOUND_PART_BOOST = 0.5;

/**
 * Turns user text into a Lucene query of plain terms: syntax characters are escaped and the
 * text is lower-cased so that AND/OR/NOT are words, not operators. Repeated words count once, and at
 * most MAX_LUCENE_TERMS terms are kept (a word like "a-b" is two; one that would pass the cap is left out).
 * A Dutch compound brings its parts, at COMPOUND_PART_BOOST ("havenkranen" asks for "havenkranen haven^0.5
 * kranen^0.5"), so that it finds texts about its parts; texts store their compounds' parts (`searchTerms`),
 * so that a part finds them. Returns '' when no term is left.
 */
export function luceneTerms(text: string): string {
  const words = new Set(
    text
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => /[\p{Letter}\p{Number}]/u.test(word)),
  );
  const kept: string[] = [];
  const parts: string[] = [];
  let terms = 0;
  for (const word of words) {
    const runs = word.match(/[\p{Letter}\p{Number}]+/gu) ?? [];
    if (terms + runs.length > MAX_LUCENE_TERMS) continue;
    terms += runs.length;
    kept.push(word.replace(LUCENE_SPECIAL, (ch) => `\\${ch}`));
    parts.push(...runs.flatMap(compoundParts));
  }
  // Parts come after every word typed, as far as the cap allows: the words themselves matter more.
  for (const part of new Set(parts)) {
    if (terms >= MAX_LUCENE_TERMS) break;
    if (words.has(part)) continue;
    terms += 1;
    kept.push(`${part}^${COMPOUND_PART_BOOST}`);
  }
  return kept.join(' ');
}

/**
 * A row of the edit distance (Levenshtein) table: from the distances of `b`'s prefixes to the first `i - 1`
 * letters of a word, their distances to its first `i` letters (`letter` the last of them).
 */
export function nextEditRow(previous: readonly number[], i: number, letter: string | undefined, b: string): number[] {
  const current = [i];
  let left = i;
  let diagonal = 0;
  for (const [j, above] of previous.entries()) {
    if (j > 0) {
      left = Math.min(above + 1, left + 1, diagonal + (letter === b[j - 1] ? 0 : 1));
      current.push(left);
    }
    diagonal = above;
  }
  return current;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) row = nextEditRow(row, i, a[i - 1], b);
  return present(row.at(-1), 'the last column of the edit distance table');
}

/** The labels whose keys are closest to `input`, for "did you mean" messages. */
export function closestNames(input: string, candidates: Array<{ label: string; keys: string[] }>, count = 3): string[] {
  const key = nameKey(input);
  const scored = candidates.map(({ label, keys }) => {
    const distance = Math.min(
      ...keys.map((k) =>
        k.startsWith(key) || key.startsWith(k) ? Math.abs(k.length - key.length) / 4 : editDistance(key, k),
      ),
    );
    return { label, distance };
  });
  const limit = Math.max(2, Math.ceil(key.length / 2));
  return scored
    .filter((s) => s.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.label.localeCompare(b.label))
    .slice(0, count)
    .map((s) => s.label);
}

/** Words a name search leaves out: they join names, and every institution's name has them. */
const NAME_STOP_WORDS = new Set(['of', 'the', 'and', 'for', 'de', 'der', 'van', 'voor', 'en', 'het']);

/**
 * A fuzzy Lucene query for a thing known by several names (an institution's names in English and Dutch, the original
 * script, transliterations, aliases): a text matches when it holds every word of one of the names, each word allowed
 * an edit or two by Lucene's fuzzy terms (one from 5 letters, two from 9; shorter words exactly, and a word of another
 * script as a phrase of its characters).
 * Words are letters and digits only, so nothing of Lucene's syntax gets through. '' when no name has a word.
 */
export function fuzzyNamesQuery(names: ReadonlyArray<string | null | undefined>): string {
  const clauses = new Set<string>();
  for (const name of names) {
    const words = (name ?? '')
      .toLowerCase()
      .match(/[\p{Letter}\p{Number}]+/gu)
      ?.filter((word) => !NAME_STOP_WORDS.has(word))
      .slice(0, 12);
    if (!words || words.length === 0) continue;
    const terms = words.map((word) => {
      const latin = /^[a-z0-9]+$/.test(word);
      // A word of another script is a phrase: the analyzer splits Chinese into characters, which alone match anything.
      if (!latin) return `+"${word}"`;
      return word.length < 5 ? `+${word}` : `+${word}~${word.length >= 9 ? 2 : 1}`;
    });
    clauses.add(`(${terms.join(' ')})`);
  }
  return [...clauses].slice(0, MAX_LUCENE_TERMS / 4).join(' ');
}
