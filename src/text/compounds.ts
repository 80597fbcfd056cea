import { dutchWordKind, isDutchWord } from './dutch-lexicon.js';
import { plainWord } from './stemming.js';

/**
 * Dutch compounds written as one word ("havenkranen", "sanctieomzeiling", "kennisveiligheidsbeleid") split
 * into their parts, so that a search for a part finds the compound and a compound finds its parts. Neo4j's
 * Dutch analyzer does no decompounding, and a custom analyzer would need a plugin on the server: the parts
 * are worked out here, stored with the text (`searchTerms`) and added to questions.
 *
 * A split is dictionary based: every part is a Dutch word, parts but the last may carry a linking
 * morpheme (s, e, en: "veiligheid-s-beleid"), the last may be inflected ("kranen", by the regular rules of
 * src/text/dutch-lexicon.ts). The split with the
 * fewest parts wins, then the one with the longest first part. A word the dictionary knows as a whole splits
 * only into parts of four letters or more that it lists ("kennis" is no "ken" + "nis", "Rusland" no "Rus" +
 * "land"), and no part is a suffix ("veilig" + "heid").
 */
const MIN_PART = 3;
const MIN_COMPOUND = 2 * MIN_PART;
const MIN_PART_OF_KNOWN = 4;
/** Longer "words" are no words (codes, URLs): not worth the work. */
const MAX_COMPOUND = 40;
const LINKING = ['s', 'en', 'e'];
/** Suffixes and prefixes the dictionary lists as words of their own, which are no compound parts. */
const NOT_PARTS = new Set([
  'heid',
  'heden',
  'nis',
  'sen',
  'schap',
  'ing',
  'ingen',
  'dom',
  'baar',
  'lijk',
  'loos',
  'zaam',
  'tie',
  'ties',
  'teit',
  'isch',
  'ische',
  'ver',
  'her',
  'ont',
  'mis',
  'ers',
  'ster',
  'neder',
]);

/** A first part as written and without a linking morpheme ("veiligheids" is "veiligheid" + s). */
function headForms(head: string): string[] {
  const forms = LINKING.filter((link) => head.endsWith(link) && head.length - link.length >= MIN_PART).map((link) =>
    head.slice(0, -link.length),
  );
  return [head, ...forms];
}

const KIND_WEIGHT = { exact: 2, inflected: 1 } as const;

/** How surely a candidate is a part: 2 listed in the dictionary, 1 an inflection of a listed word, 0 none. */
function partWeight(word: string): number {
  if (word.length < MIN_PART || NOT_PARTS.has(word)) return 0;
  const kind = dutchWordKind(word);
  return kind ? KIND_WEIGHT[kind] : 0;
}

interface Split {
  parts: string[];
  /** The parts' weights added up: of two splits into as many parts, the surer one wins. */
  weight: number;
  /** Linking morphemes taken off: of two equally sure splits, the one with fewer ("bulk|schip", not "bulk-s|chip"). */
  links: number;
}

const better = (a: Split, b: Split | null) =>
  b === null ||
  a.parts.length < b.parts.length ||
  (a.parts.length === b.parts.length && (a.weight > b.weight || (a.weight === b.weight && a.links < b.links)));

/** The best split of `rest` into words (at least two when `whole` is false), or null when there is none. */
function split(rest: string, memo: Map<string, Split | null>, whole = true): Split | null {
  const known = whole ? memo.get(rest) : undefined;
  if (known !== undefined) return known;
  const weight = whole ? partWeight(rest) : 0;
  let best: Split | null = weight > 0 ? { parts: [rest], weight, links: 0 } : null;
  // Longest first part first: of equally good splits, "halfgeleider|industrie" beats "half|geleiderindustrie".
  for (let cut = rest.length - MIN_PART; cut >= MIN_PART && (best === null || best.parts.length > 1); cut--) {
    // The surest form of the first part; as written when equally sure ("wapen", not "wap" + linking "en").
    const head = headForms(rest.slice(0, cut))
      .map((form) => ({ form, weight: partWeight(form) }))
      .reduce((surest, h) => (h.weight > surest.weight ? h : surest), { form: '', weight: 0 });
    if (head.weight === 0) continue;
    const tail = split(rest.slice(cut), memo);
    if (!tail) continue;
    const linked = head.form.length < cut ? 1 : 0;
    const candidate = {
      parts: [head.form, ...tail.parts],
      weight: head.weight + tail.weight,
      links: tail.links + linked,
    };
    if (better(candidate, best)) best = candidate;
  }
  if (whole) memo.set(rest, best);
  return best;
}

/**
 * The parts of one Dutch compound, in lower case as written ("Havenkranen" → ["haven", "kranen"],
 * "verkiezingsbeïnvloeding" → ["verkiezing", "beïnvloeding"]), or [] when it is none.
 */
export function compoundParts(word: string): string[] {
  const parts = plainParts(word);
  const written = word.normalize('NFC').toLowerCase();
  // Accents are kept where the text had them (the full-text analyzers do not drop them): a part is cut from
  // the written word at the place it has in the plain one, which is as long when every letter is one character.
  if (parts.length === 0 || written.length !== plainWord(word).length) return parts;
  let from = 0;
  return parts.map((part) => {
    const at = plainWord(written).indexOf(part, from);
    from = at + part.length;
    return written.slice(at, from);
  });
}

function plainParts(word: string): string[] {
  const plain = plainWord(word);
  if (plain.length < MIN_COMPOUND || plain.length > MAX_COMPOUND || !/^[a-z]+$/.test(plain)) return [];
  const best = split(plain, new Map(), false);
  if (!best || best.parts.length < 2) return [];
  // The dictionary lists many compounds whole ("chipindustrie"): those split too, but only into longer parts
  // that it lists (the last one maybe inflected), so that a plain word is not taken apart by accident
  // ("kennis" is no "ken" + "nis", "betrekkingen" no "betrek" + "kingen").
  if (
    isDutchWord(plain) &&
    !best.parts.every(
      (part, i) => part.length >= MIN_PART_OF_KNOWN && (i === best.parts.length - 1 || dutchWordKind(part) === 'exact'),
    )
  )
    return [];
  return best.parts;
}

/** The words of a text, as full-text indexing splits them. */
export const wordsOf = (text: string): string[] => text.split(/[^\p{Letter}\p{Number}]+/u).filter((w) => w.length > 0);

/**
 * The compound parts of every word in the texts, once each, space separated: what an indexed node stores in
 * `searchTerms` (a Dutch full-text field). Empty when no word is a compound.
 */
export function searchTermsOf(...texts: Array<string | null | undefined>): string {
  const parts = new Set<string>();
  for (const text of texts)
    if (text) for (const word of new Set(wordsOf(text))) for (const part of compoundParts(word)) parts.add(part);
  return [...parts].join(' ');
}
