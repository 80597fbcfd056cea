import { describe, expect, it } from 'vitest';
import { compoundParts, searchTermsOf } from '../../../src/text/compounds.js';
import { COMPOUND_PART_BOOST, luceneTerms, MAX_LUCENE_TERMS } from '../../../src/text.js';
import { readDutchWordListFirst } from '../../helpers/dutch-word-list.js';

readDutchWordListFirst();

describe('compoundParts (Dutch decompounding against the OpenTaal word list)', () => {
  it.each([
    ['havenkranen', ['haven', 'kranen']],
    ['halfgeleiderindustrie', ['halfgeleider', 'industrie']],
    ['sanctieomzeiling', ['sanctie', 'omzeiling']],
    ['kennisveiligheid', ['kennis', 'veiligheid']],
    // A linking s is no part of the word before it.
    ['kennisveiligheidsbeleid', ['kennis', 'veiligheid', 'beleid']],
    ['onderzoeksbeleid', ['onderzoek', 'beleid']],
    ['investeringstoetsing', ['investering', 'toetsing']],
    // Regular and irregular plurals in the last part.
    ['lithografiemachines', ['lithografie', 'machines']],
    ['exportcontroles', ['export', 'controles']],
    // Names are parts too.
    ['Chinabeleid', ['china', 'beleid']],
    ['Ruslandsancties', ['rusland', 'sancties']],
    // Compounds the dictionary lists whole still split into longer listed parts.
    ['chipindustrie', ['chip', 'industrie']],
    ['wapenindustrie', ['wapen', 'industrie']],
    // OpenTaal spells ij as one ligature; a question does not.
    ['halfgeleiderbedrijven', ['halfgeleider', 'bedrijven']],
    // No linking s where a split without one is as good: a bulk ship, not bulk chips.
    ['bulkschip', ['bulk', 'schip']],
  ])('splits %s', (word, parts) => {
    expect(compoundParts(word)).toEqual(parts);
  });

  it('keeps accents where the word had them', () => {
    expect(compoundParts('verkiezingsbeïnvloeding')).toEqual(['verkiezing', 'beïnvloeding']);
  });

  it.each([
    'kranen',
    'kennis',
    'Rusland',
    'Nederlandse',
    'universiteiten',
    'investeringen',
    'veiligheid',
    'understanding',
    'background',
    'ab',
    'x'.repeat(60),
    'covid19',
  ])('leaves %s whole', (word) => {
    expect(compoundParts(word)).toEqual([]);
  });
});

describe('searchTermsOf', () => {
  it('lists the parts of every compound in the texts once', () => {
    expect(searchTermsOf('Havenkranen en havenkranen.', null, 'Over sanctieomzeiling; ook kranen.')).toBe(
      'haven kranen sanctie omzeiling',
    );
  });
  it('is empty without compounds', () => {
    expect(searchTermsOf('Port cranes in Rotterdam', undefined)).toBe('');
  });
});

describe('luceneTerms with compounds', () => {
  it('adds the parts of a compound after the words, weighed less', () => {
    expect(luceneTerms('havenkranen Rotterdam')).toBe(
      `havenkranen rotterdam haven^${COMPOUND_PART_BOOST} kranen^${COMPOUND_PART_BOOST}`,
    );
  });
  it('adds no part that is a word of the question already', () => {
    expect(luceneTerms('havenkranen kranen')).toBe(`havenkranen kranen haven^${COMPOUND_PART_BOOST}`);
  });
  it('keeps the parts within MAX_LUCENE_TERMS', () => {
    const words = Array.from({ length: MAX_LUCENE_TERMS - 1 }, (_, i) => `w${i}`).join(' ');
    const terms = luceneTerms(`${words} havenkranen`).split(' ');
    expect(terms).toHaveLength(MAX_LUCENE_TERMS);
    expect(terms.at(-1)).toBe('havenkranen');
  });
});
