import type { Queries } from '../db/database.js';
import type { Language } from '../messages/language.js';
import { runPaced, runToEnd } from '../pacing.js';
import { isStopWord } from '../text/stop-words.js';
import {
  loadVocabularyRows,
  vocabularyFingerprint,
  type NamedRef,
  type PlaceRef,
  type VocabularyRows,
} from './repository.js';
import { NAMED_RISK_CATEGORIES, THEME_RISKS, type NamedRiskCategory } from './risk-categories.js';
import {
  buildVocabulary,
  lookUp,
  partsOf,
  riskOf,
  tokensOf,
  type Concept,
  type Token,
  type Vocabulary,
} from './vocabulary.js';

/** What a free-text question names, recognised by name or alias in English or Dutch (see interpretQuestion). */
export interface Interpretation {
  themes: NamedRef[];
  /** Countries and regions, as resolveNames gives them: a region with its countries, a country alone. */
  places: PlaceRef[];
  /** Foreign institutions named (possible partners of a knowledge-security question). */
  partners: NamedRef[];
  riskCategories: NamedRiskCategory[];
  /** The words that named nothing, without question and function words, in their order: the text to search. */
  remainingText: string;
  /** Which words named what, in order: for reasons ("recognised "Chinese" as China"). */
  recognised: Array<{ text: string; kind: Concept['kind']; id: string; name: string }>;
}

/**
 * Recognises the themes, countries, regions and partner institutions a text names, and the risk categories
 * it speaks of: greedy longest match over word n-grams of the text, each word compared by its English-then-
 * Dutch stem, so that plurals and adjectives count ("Chinese" → China, "Russische" → Russia, "halfgeleiders"
 * → Semiconductors, "export controls" → Export controls). A word no name takes is tried as a Dutch compound
 * ("Chinabeleid": China). Pure: the vocabulary is given.
 */
export function interpret(vocabulary: Vocabulary, text: string): Interpretation {
  return runToEnd(interpreting(vocabulary, text));
}

/** `interpret` one word at a time: it yields after each, so that a long text can let other requests run (runPaced). */
function* interpreting(vocabulary: Vocabulary, text: string): Generator<void, Interpretation> {
  const tokens = tokensOf(text);
  const concepts: Concept[] = [];
  const recognised: Interpretation['recognised'] = [];
  const remaining: string[] = [];
  const note = (found: Concept[], words: Token[]) => {
    concepts.push(...found);
    for (const c of found)
      recognised.push({ text: words.map((w) => w.text).join(' '), kind: c.kind, id: c.ref.id, name: c.ref.name });
  };
  // Each turn reads from the token at `at`, until there is none.
  for (let at = 0, token = tokens[0]; token !== undefined; token = tokens[at]) {
    let taken = 0;
    for (let length = Math.min(vocabulary.longest, tokens.length - at); length >= 1 && taken === 0; length--) {
      const words = tokens.slice(at, at + length);
      const found = lookUp(vocabulary, words);
      if (found.length > 0) {
        note(found, words);
        taken = length;
      }
    }
    if (taken > 0) {
      at += taken;
      yield;
      continue;
    }
    const named = partsOf(token).map((part) => ({ part, found: lookUp(vocabulary, [part]) }));
    if (named.some(({ found }) => found.length > 0)) {
      for (const { part, found } of named) {
        if (found.length > 0) note(found, [part]);
        else remaining.push(part.text);
      }
    } else if (!isStopWord(token.text)) {
      remaining.push(token.text);
    }
    at += 1;
    yield;
  }
  return {
    ...collect(concepts, risksIn(vocabulary, tokens, concepts)),
    remainingText: remaining.filter((w) => !isStopWord(w)).join(' '),
    recognised,
  };
}

/** Risk categories named anywhere in the text (also inside names: "sanctions evasion"), or by a recognised theme. */
function risksIn(vocabulary: Vocabulary, tokens: Token[], concepts: Concept[]): Set<NamedRiskCategory> {
  const risks = new Set<NamedRiskCategory>();
  const words = tokens.flatMap((t) => [t, ...partsOf(t)]);
  for (let at = 0; at < words.length; at++) {
    for (let length = 1; length <= Math.min(vocabulary.longest, words.length - at); length++) {
      const risk = riskOf(vocabulary, words.slice(at, at + length));
      if (risk) risks.add(risk);
    }
  }
  for (const c of concepts) {
    const risk = c.kind === 'theme' ? THEME_RISKS[c.ref.id] : undefined;
    if (risk) risks.add(risk);
  }
  return risks;
}

function collect(
  concepts: Concept[],
  risks: Set<NamedRiskCategory>,
): Omit<Interpretation, 'remainingText' | 'recognised'> {
  const unique = <T extends { id: string }>(items: T[]) => [...new Map(items.map((i) => [i.id, i])).values()];
  const places = new Map<string, PlaceRef>();
  for (const c of concepts) {
    if (c.kind === 'country') places.set(`country:${c.ref.id}`, { countries: [c.ref], region: null });
    if (c.kind === 'region') places.set(`region:${c.ref.id}`, { countries: c.countries, region: c.ref });
  }
  return {
    themes: unique(concepts.flatMap((c) => (c.kind === 'theme' ? [c.ref] : []))),
    places: [...places.values()],
    partners: unique(concepts.flatMap((c) => (c.kind === 'partner' ? [c.ref] : []))),
    riskCategories: NAMED_RISK_CATEGORIES.filter((r) => risks.has(r)),
  };
}

/**
 * How long a loaded vocabulary is used before it is loaded again. Audited changes of themes and
 * institutions drop it at once (src/hooks.ts), and so does a change in the number of themes, countries,
 * regions or institutions (nodes written around the app, or by another process): the TTL bounds what is
 * left, renames written by another process or directly to the database.
 */
export const VOCABULARY_TTL_MS = 60_000;

let cached: { vocabulary: Vocabulary; fingerprint: string; loadedAt: number } | null = null;

/** Drops the loaded vocabulary: the next question loads it again. */
export function invalidateVocabulary(): void {
  cached = null;
}

/**
 * The fingerprint of the vocabulary loaded, while it may still be used (null: none, or past its TTL): a
 * query that resolves names can bring the vocabulary along when the graph's fingerprint differs (lookUpNames).
 */
export function loadedVocabularyFingerprint(): string | null {
  return cached && Date.now() - cached.loadedAt <= VOCABULARY_TTL_MS ? cached.fingerprint : null;
}

/**
 * Keeps vocabulary rows read along with another query (lookUpNames), as of the graph whose fingerprint is given;
 * returns the vocabulary made of them.
 */
export function useVocabularyRows(rows: VocabularyRows, fingerprint: string): Vocabulary {
  cached = { vocabulary: buildVocabulary(rows), fingerprint, loadedAt: Date.now() };
  return cached.vocabulary;
}

/**
 * Recognises what a free-text question names (see `interpret`) against the names the graph holds: themes
 * (names and aliases, both languages), countries (i18n-iso-countries names, demonyms), regions and foreign
 * institutions. The vocabulary is loaded with one bounded query and kept (VOCABULARY_TTL_MS); each call
 * costs one count-store read to see whether it is still current, whatever the size of the graph, or nothing
 * when given the fingerprint resolveNames read (which brought the vocabulary along if it had changed).
 */
export async function interpretQuestion(
  queries: Queries,
  text: string,
  knownFingerprint?: string,
): Promise<Interpretation> {
  // A question may be 20,000 characters: read word by word, yielding to other requests and stopping at the deadline.
  return runPaced(interpreting(await currentVocabulary(queries, knownFingerprint), text), queries.signal);
}

/**
 * The vocabulary as it is now (loaded again when stale): for reading many texts with `interpret`.
 * `knownFingerprint`: the counts just read with another query (resolveNames returns them), saving a round trip.
 */
export async function currentVocabulary(queries: Queries, knownFingerprint?: string): Promise<Vocabulary> {
  const fingerprint = knownFingerprint ?? (await vocabularyFingerprint(queries));
  if (!cached || cached.fingerprint !== fingerprint || Date.now() - cached.loadedAt > VOCABULARY_TTL_MS) {
    return useVocabularyRows(await loadVocabularyRows(queries), fingerprint);
  }
  return cached.vocabulary;
}

/** What themes and places are called in a language: their English names, or the Dutch ones the graph has. */
export interface LocalNames {
  theme: (ref: NamedRef) => string;
  place: (ref: NamedRef) => string;
}

/** The language reasons are worded in, and what themes and places are called in it. */
export interface Wording {
  language: Language;
  names: LocalNames;
}

const ENGLISH_NAMES: LocalNames = { theme: (ref) => ref.name, place: (ref) => ref.name };

/**
 * How to word reasons in `language`: Dutch names come from the vocabulary, the one loaded when it is still current (as
 * it is right after resolveNames), so that wording in Dutch costs no round trip of its own.
 */
export async function wordingIn(queries: Queries, language: Language): Promise<Wording> {
  if (language === 'en') return { language, names: ENGLISH_NAMES };
  const { themes, places } = (await currentVocabulary(queries, loadedVocabularyFingerprint() ?? undefined)).dutchNames;
  return {
    language,
    names: { theme: (ref) => themes.get(ref.id) ?? ref.name, place: (ref) => places.get(ref.id) ?? ref.name },
  };
}
