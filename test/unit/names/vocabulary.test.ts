import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpret } from '../../../src/names/interpret.js';
import { buildVocabulary, lookUp, partsOf, tokensOf, withDutchAdjective } from '../../../src/names/vocabulary.js';
import type { VocabularyRows } from '../../../src/names/repository.js';
import { matchForm, plainWord } from '../../../src/text/stemming.js';
import { readDutchWordListFirst } from '../../helpers/dutch-word-list.js';

readDutchWordListFirst();

// Recognition over the seed's whole vocabulary: interpret.test.ts. Here: the rules, on a vocabulary of a few names.

const WORD = /[\p{Letter}\p{Mark}\p{Number}]/u;
/** Text mixing letters of several scripts, accents (composed and combining), digits, spaces and punctuation. */
const anyText = fc.string({
  unit: fc.constantFrom(...Array.from('aZé9 ,.-’\'"()/\n\tЖ中ï'), '\u0308', 'ß', 'ﬁ', '٣', '😀'),
  maxLength: 30,
});

describe('tokensOf: the words of a text', () => {
  it('covers the input: the words in order, with nothing but separators between and around them', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let at = 0;
        for (const token of tokensOf(text)) {
          const found = text.indexOf(token.text, at);
          expect(found).toBeGreaterThanOrEqual(at);
          expect(text.slice(at, found)).not.toMatch(WORD);
          at = found + token.text.length;
        }
        expect(text.slice(at)).not.toMatch(WORD);
      }),
      { numRuns: 500 },
    );
  });

  it('cuts words only at separators: each word is whole, and rejoined with spaces gives the same words again', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const words = tokensOf(text).map((t) => t.text);
        for (const word of words) expect(Array.from(word).every((c) => WORD.test(c))).toBe(true);
        expect(tokensOf(words.join(' ')).map((t) => t.text)).toEqual(words);
      }),
      { numRuns: 500 },
    );
  });

  it('gives a word the same form however it is written: case, accents, composed or decomposed', () => {
    expect(tokensOf('Oekraïense'.normalize('NFD')).map((t) => t.text)).toEqual(['Oekraïense'.normalize('NFD')]);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...Array.from('aeiouënçÉÏÖÜáàâ')), minLength: 1, maxLength: 12 }),
        (word) => {
          const forms = [word, word.toUpperCase(), word.normalize('NFD'), word.normalize('NFC')].map((w) =>
            tokensOf(w).map((t) => t.form),
          );
          for (const form of forms) expect(form).toEqual([matchForm(word)]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('marks acronyms: two or more characters, all capitals, at least one letter', () => {
    expect(tokensOf('AI and the EU, G7, 5G, a PhD, X, NATO-led').map((t) => [t.text, t.capitals])).toEqual([
      ['AI', true],
      ['and', false],
      ['the', false],
      ['EU', true],
      ['G7', true],
      ['5G', true],
      ['a', false],
      ['PhD', false],
      ['X', false],
      ['NATO', true],
      ['led', false],
    ]);
    expect(tokensOf('2024').map((t) => t.capitals)).toEqual([false]);
  });
});

describe('plainWord and matchForm', () => {
  it('take case, accents and ligatures off', () => {
    expect(plainWord('Azië')).toBe('azie');
    expect(plainWord('bedrĳf')).toBe('bedrijf');
    expect(plainWord('ﬁnance')).toBe('finance');
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (word) => {
        expect(plainWord(plainWord(word))).toBe(plainWord(word));
        expect(plainWord(word.toUpperCase())).toBe(plainWord(word.toLowerCase()));
      }),
      { numRuns: 300 },
    );
  });

  it('meet singular and plural, adjective and noun, in English and Dutch', () => {
    expect(matchForm('semiconductors')).toBe(matchForm('semiconductor'));
    expect(matchForm('halfgeleiders')).toBe(matchForm('halfgeleider'));
    expect(matchForm('Russische')).toBe(matchForm('Russisch'));
    expect(matchForm('China')).not.toBe(matchForm('Chinees'));
  });
});

describe('withDutchAdjective', () => {
  it('adds the inflected form of each demonym', () => {
    expect(withDutchAdjective(['Oekraïens', 'Vietnamees', 'Chinese', 'Thai'])).toEqual([
      'Oekraïens',
      'Oekraïense',
      'Vietnamees',
      'Vietnamese',
      'Chinese',
      'Thai',
    ]);
  });
});

const rows = (given: Partial<VocabularyRows>): VocabularyRows => ({
  themes: [],
  countries: [],
  regions: [],
  institutions: [],
  ...given,
});
const theme = (id: string, name: string, aliases: string[] = [], nameNl: string | null = null) => ({
  id,
  name,
  nameNl,
  aliases,
});
const found = (vocabulary: ReturnType<typeof buildVocabulary>, text: string) =>
  lookUp(vocabulary, tokensOf(text)).map((c) => `${c.kind}:${c.ref.id}`);

describe('buildVocabulary and lookUp', () => {
  it('finds a name by any of its forms, and counts the longest name in words', () => {
    const vocabulary = buildVocabulary(
      rows({ themes: [theme('export-controls', 'Export controls', ['dual-use goods'], 'Exportcontrole')] }),
    );
    expect(found(vocabulary, 'export control')).toEqual(['theme:export-controls']);
    expect(found(vocabulary, 'EXPORTCONTROLES')).toEqual(['theme:export-controls']);
    expect(found(vocabulary, 'Dual use goods')).toEqual(['theme:export-controls']);
    expect(found(vocabulary, 'export')).toEqual([]);
    // Risk phrases count too: "sanctions evasion" is among them.
    expect(vocabulary.longest).toBeGreaterThanOrEqual(3);
  });

  it('takes an acronym of up to five letters only in capitals, unless it is also written as a word', () => {
    const vocabulary = buildVocabulary(
      rows({
        themes: [theme('ai', 'Artificial intelligence', ['AI']), theme('eu', 'European Union', ['EU', 'eu'])],
        institutions: [
          { id: 'nudt', name: 'National University of Defense Technology', nameNl: null, acronym: 'NUDT' },
        ],
      }),
    );
    expect(found(vocabulary, 'AI')).toEqual(['theme:ai']);
    expect(found(vocabulary, 'ai')).toEqual([]);
    expect(found(vocabulary, 'Ai')).toEqual([]);
    expect(found(vocabulary, 'NUDT')).toEqual(['partner:nudt']);
    expect(found(vocabulary, 'nudt')).toEqual([]);
    expect(found(vocabulary, 'eu')).toEqual(['theme:eu']);
  });

  it('leaves out names of question words only, and descriptions of more than eight words', () => {
    const vocabulary = buildVocabulary(
      rows({
        themes: [
          theme('who', 'Who', ['what is']),
          theme('long', 'Long', ['one two three four five six seven eight nine']),
          theme('eight', 'Eight', ['one two three four five six seven eight']),
        ],
      }),
    );
    expect(found(vocabulary, 'who')).toEqual([]);
    expect(found(vocabulary, 'what is')).toEqual([]);
    expect(found(vocabulary, 'one two three four five six seven eight nine')).toEqual([]);
    expect(found(vocabulary, 'one two three four five six seven eight')).toEqual(['theme:eight']);
  });

  it('knows a company without its corporate suffix, and never takes the home country or its codes', () => {
    const vocabulary = buildVocabulary(
      rows({
        institutions: [{ id: 'huawei', name: 'Huawei Technologies Co. Ltd', nameNl: null, acronym: null }],
        countries: [
          { id: 'NL', name: 'Netherlands', nameNl: 'Nederland', alpha3: 'NLD', keys: ['netherlands', 'holland'] },
          { id: 'IT', name: 'Italy', nameNl: 'Italië', alpha3: 'ITA', keys: ['italy', 'it', 'ita'] },
        ],
      }),
    );
    expect(found(vocabulary, 'Huawei Technologies Co')).toEqual(['partner:huawei']);
    expect(found(vocabulary, 'Huawei Technologies Co. Ltd')).toEqual(['partner:huawei']);
    expect(found(vocabulary, 'Holland')).toEqual([]);
    expect(found(vocabulary, 'Italië')).toEqual(['country:IT']);
    expect(found(vocabulary, 'Italiaanse')).toEqual(['country:IT']);
    expect(found(vocabulary, 'it')).toEqual([]);
    expect(found(vocabulary, 'IT')).toEqual([]);
  });

  it('splits a Dutch compound into parts with forms of their own', () => {
    expect(partsOf(tokensOf('Chinabeleid')[0]!).map((p) => [p.text, p.form])).toEqual([
      ['china', matchForm('china')],
      ['beleid', matchForm('beleid')],
    ]);
    expect(partsOf(tokensOf('beleid')[0]!)).toEqual([]);
  });

  it('recognises a country named in decomposed text as in composed text', () => {
    const vocabulary = buildVocabulary(
      rows({ countries: [{ id: 'UA', name: 'Ukraine', nameNl: 'Oekraïne', alpha3: 'UKR', keys: ['ukraine'] }] }),
    );
    for (const text of ['Oekraïense havens', 'Oekraïense havens'.normalize('NFD')]) {
      const reading = interpret(vocabulary, text);
      expect(reading.places.map((p) => p.countries.map((c) => c.id))).toEqual([['UA']]);
      expect(reading.remainingText).toBe('havens');
    }
  });
});
