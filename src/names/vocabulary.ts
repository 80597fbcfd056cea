import { compoundParts } from '../text/compounds.js';
import { matchForm, plainWord } from '../text/stemming.js';
import { isStopWord } from '../text/stop-words.js';
import { COUNTRY_DEMONYMS, HOME_COUNTRY, REGION_DEMONYMS } from './demonyms.js';
import type { NamedRef, VocabularyRows } from './repository.js';
import { RISK_PHRASES, type NamedRiskCategory } from './risk-categories.js';

export type Concept =
  | { kind: 'theme'; ref: NamedRef }
  | { kind: 'country'; ref: NamedRef }
  | { kind: 'region'; ref: NamedRef; countries: NamedRef[] }
  | { kind: 'partner'; ref: NamedRef };

interface Entry {
  concept: Concept;
  /** An acronym ("AI", "EU", "PLA") matches only when written in capitals: "ai" and "eu" are words too. */
  capitals: boolean;
  /**
   * For places: the names as written (plain words), one of which the text's words must spell out, maybe with an
   * inflectional ending (see `spells`); null for themes and partners, which match by form alone.
   */
  written: string[][] | null;
}

export interface Vocabulary {
  /** Name forms (the match forms of their words, space separated) and what they name. */
  readonly entries: ReadonlyMap<string, Entry[]>;
  /** Risk category phrases by their forms. */
  readonly risks: ReadonlyMap<string, NamedRiskCategory>;
  /** The most words any name has: the longest n-gram worth looking up. */
  readonly longest: number;
  /** The Dutch names of themes and of places (countries and regions), by id: what reasons in Dutch call them. */
  readonly dutchNames: { readonly themes: ReadonlyMap<string, string>; readonly places: ReadonlyMap<string, string> };
}

export interface Token {
  /** As written. */
  text: string;
  form: string;
  capitals: boolean;
}

/**
 * The words of a text with the forms they are matched by. Marks belong to the word they sit in: text in
 * decomposed form (NFD, as macOS and some PDFs give it) writes "ï" as "i" and a combining diaeresis, and the
 * words of Hindi or Thai carry their vowel signs as marks.
 */
export function tokensOf(text: string): Token[] {
  return (text.match(/[\p{Letter}\p{Mark}\p{Number}]+/gu) ?? []).map((word) => ({
    text: word,
    form: matchForm(word),
    capitals: word.length > 1 && word === word.toUpperCase() && /\p{Letter}/u.test(word),
  }));
}

const formOf = (tokens: Token[]) => tokens.map((t) => t.form).join(' ');

/** The longest ending a word may add to a place's name as written: "Russisch-e", "Ukrainian-s", "Rusland-s". */
const MAX_PLACE_ENDING = 3;

/**
 * Whether the words spell out a place's name as written, each maybe with a short ending. Stemming alone would
 * take words for places that only share a stem with one of their names: "Deens" (Danish) stems to "den", as does
 * the Dutch article in "Den Haag"; "Pools" (Polish) to "pol", as does "pool"; "Lets" (Latvian) to "let". A name is
 * never cut short, so those stay words.
 */
function spells(tokens: Token[], written: string[][]): boolean {
  return written.some(
    (name) =>
      name.length === tokens.length &&
      tokens.every((token, i) => {
        const word = plainWord(token.text);
        const part = name[i] ?? '';
        return word.startsWith(part) && word.length - part.length <= MAX_PLACE_ENDING;
      }),
  );
}

/**
 * A demonym with its Dutch inflected adjective, which stemming does not always reach: "Oekraïens" and
 * "Oekraïense", "Vietnamees" and "Vietnamese".
 */
export function withDutchAdjective(demonyms: string[]): string[] {
  return demonyms.flatMap((d) => (/ees$/.test(d) ? [d, d.replace(/ees$/, 'ese')] : /s$/.test(d) ? [d, `${d}e`] : [d]));
}
/** At most this many words in a name: longer aliases are descriptions, not names anyone types. */
const MAX_NAME_WORDS = 8;

const CORPORATE_SUFFIX =
  /\s+(?:technologies|technology|corporation|corp|group|company|co|ltd|limited|inc|holdings?)\.?$/i;

/** A company as people call it: "Huawei Technologies" is "Huawei". */
const withoutCorporateSuffix = (name: string) =>
  CORPORATE_SUFFIX.test(name) ? name.replace(CORPORATE_SUFFIX, '') : null;

/**
 * Builds the lookup tables from the graph's names, the demonyms and the risk phrases. Pure: unit-tested without a
 * database.
 */
export function buildVocabulary(rows: VocabularyRows): Vocabulary {
  const entries = new Map<string, Entry[]>();
  let longest = 1;
  const add = (name: string | null | undefined, concept: Concept) => {
    if (!name) return;
    const tokens = tokensOf(name);
    if (tokens.length === 0 || tokens.length > MAX_NAME_WORDS) return;
    const [first] = tokens;
    const capitals = tokens.length === 1 && first !== undefined && first.capitals && first.text.length <= 5;
    // A name made of question words only ("US" in lower case, "Nederland") would match every question.
    if (!capitals && tokens.every((t) => isStopWord(t.text))) return;
    const key = formOf(tokens);
    const list = entries.get(key) ?? [];
    const id = concept.ref.id;
    const written =
      concept.kind === 'country' || concept.kind === 'region' ? tokens.map((t) => plainWord(t.text)) : null;
    const same = list.find((e) => e.concept.kind === concept.kind && e.concept.ref.id === id);
    if (!same) list.push({ concept, capitals, written: written && [written] });
    else {
      if (!capitals) same.capitals = false;
      if (written) same.written?.push(written);
    }
    entries.set(key, list);
    longest = Math.max(longest, tokens.length);
  };
  for (const t of rows.themes) {
    const concept: Concept = { kind: 'theme', ref: { id: t.id, name: t.name } };
    for (const name of [t.name, t.nameNl, ...t.aliases]) add(name, concept);
  }
  for (const c of rows.countries) {
    if (c.id === HOME_COUNTRY) continue;
    const concept: Concept = { kind: 'country', ref: { id: c.id, name: c.name } };
    const codes = new Set([c.id, c.alpha3].flatMap((code) => (code ? [plainWord(code)] : [])));
    // The keys hold every English and Dutch name of i18n-iso-countries; the codes are left out ("IT", "IN" and "DE" are
    // words).
    for (const name of [
      c.name,
      c.nameNl,
      ...c.keys.filter((k) => !codes.has(k)),
      ...withDutchAdjective(COUNTRY_DEMONYMS[c.id] ?? []),
    ])
      add(name, concept);
  }
  for (const r of rows.regions) {
    const concept: Concept = { kind: 'region', ref: { id: r.id, name: r.name }, countries: r.countries };
    for (const name of [r.name, r.nameNl, ...r.aliases, ...withDutchAdjective(REGION_DEMONYMS[r.id] ?? [])])
      add(name, concept);
  }
  for (const i of rows.institutions) {
    const concept: Concept = { kind: 'partner', ref: { id: i.id, name: i.name } };
    for (const name of [i.name, i.nameNl, i.acronym, withoutCorporateSuffix(i.name)]) add(name, concept);
  }
  const risks = new Map<string, NamedRiskCategory>();
  for (const [category, phrases] of Object.entries(RISK_PHRASES) as Array<[NamedRiskCategory, string[]]>) {
    for (const phrase of phrases) {
      const tokens = tokensOf(phrase);
      risks.set(formOf(tokens), category);
      longest = Math.max(longest, tokens.length);
    }
  }
  const dutch = (rows: Array<{ id: string; nameNl: string | null }>) =>
    new Map(rows.flatMap((r) => (r.nameNl ? [[r.id, r.nameNl] as const] : [])));
  const dutchNames = { themes: dutch(rows.themes), places: dutch([...rows.countries, ...rows.regions]) };
  return { entries, risks, longest, dutchNames };
}

/** The concepts a run of words names, if any (acronyms only in capitals). */
export function lookUp(vocabulary: Vocabulary, tokens: Token[]): Concept[] {
  const found = vocabulary.entries.get(formOf(tokens)) ?? [];
  return found
    .filter((e) => (!e.capitals || tokens[0]?.capitals === true) && (!e.written || spells(tokens, e.written)))
    .map((e) => e.concept);
}

/** The risk category a run of words names, if any. */
export const riskOf = (vocabulary: Vocabulary, tokens: Token[]): NamedRiskCategory | undefined =>
  vocabulary.risks.get(formOf(tokens));

/** The parts of a Dutch compound as tokens ("Chinabeleid" → "china", "beleid"), or [] when it is none. */
export function partsOf(token: Token): Token[] {
  return compoundParts(token.text).map((part) => ({ text: part, form: matchForm(part), capitals: false }));
}
