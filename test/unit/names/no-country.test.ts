import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isoCountries } from '../../../seed/countries.js';
import { interpret } from '../../../src/names/interpret.js';
import { compoundParts } from '../../../src/text/compounds.js';
import type { VocabularyRows } from '../../../src/names/repository.js';
import { buildVocabulary } from '../../../src/names/vocabulary.js';
import { readDutchWordListFirst } from '../../helpers/dutch-word-list.js';

readDutchWordListFirst();

/**
 * Ordinary words, Dutch and European place names and compounds name no country; demonyms and country names still
 * do (issue 20: "voorwaarden" and "Den Haag" were read as Denmark, by the stem "den" of "Deens").
 */
const fixture = (file: string) =>
  readFileSync(new URL(`../../fixtures/names/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));

const seed = (file: string) => JSON.parse(readFileSync(new URL(`../../../seed/data/${file}`, import.meta.url), 'utf8'));
const countries = isoCountries();
const nameOf = new Map(countries.map((c) => [c.id, c.name]));
const vocabulary = buildVocabulary({
  themes: seed('themes.json').map((t: VocabularyRows['themes'][number]) => ({
    id: t.id,
    name: t.name,
    nameNl: t.nameNl,
    aliases: t.aliases,
  })),
  countries: countries.map((c) => ({ id: c.id, name: c.name, nameNl: c.nameNl, alpha3: c.alpha3, keys: c.keys })),
  regions: seed('regions.json').map(
    (r: Omit<VocabularyRows['regions'][number], 'countries'> & { countries: string[] }) => ({
      id: r.id,
      name: r.name,
      nameNl: r.nameNl,
      aliases: r.aliases,
      countries: r.countries.map((id: string) => ({ id, name: nameOf.get(id) })),
    }),
  ),
  institutions: [],
});

const countriesIn = (text: string) =>
  interpret(vocabulary, text)
    .places.flatMap((p) => p.countries.map((c) => c.id))
    .sort();

const NO_COUNTRY = fixture('no-country.txt');
const COUNTRY = fixture('country.txt').map((line) => line.split('\t') as [string, string]);

describe('words that name no country', () => {
  it('the corpus holds at least 300 words, places and compounds', () => {
    expect(NO_COUNTRY.length).toBeGreaterThanOrEqual(300);
    expect(new Set(NO_COUNTRY).size).toBe(NO_COUNTRY.length);
  });

  it.each(NO_COUNTRY)('%s', (text) => {
    expect(countriesIn(text)).toEqual([]);
  });

  it('nor do they inside a sentence, while the country named beside them is still found', () => {
    expect(
      countriesIn('Welke voorwaarden gelden voor een samenwerking met een Chinese universiteit in Den Haag?'),
    ).toEqual(['CN']);
    expect(countriesIn('De samenwerkingsvoorwaarden van TU Delft en de exportvoorwaarden voor Rusland')).toEqual([
      'RU',
    ]);
  });
});

describe('words that name a country', () => {
  it.each(COUNTRY)('%s names %s', (text, code) => {
    expect(countriesIn(text)).toEqual([code]);
  });
});

describe('the Dutch compounds behind it', () => {
  it('"voorwaarden" is the plural of a word, not "voorwaar" + "den"', () => {
    expect(compoundParts('voorwaarden')).toEqual([]);
    expect(compoundParts('samenwerkingsvoorwaarden')).toEqual(['samenwerking', 'voorwaarden']);
    expect(compoundParts('exportvoorwaarden')).toEqual(['export', 'voorwaarden']);
  });
});
