import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestNames, luceneTerms, MAX_LUCENE_TERMS, nameKey, nameKeys, surnameKey } from '../../src/text.js';
import { readDutchWordListFirst } from '../helpers/dutch-word-list.js';

readDutchWordListFirst();

describe('nameKey', () => {
  it('ignores case, accents and punctuation', () => {
    expect(nameKey('Oost-Azië')).toBe('oost azie');
    expect(nameKey('  OOST azie ')).toBe('oost azie');
    expect(nameKey("Côte d'Ivoire")).toBe('cote d ivoire');
  });
  it('reads & as "and"', () => {
    expect(nameKey('Russia & Eastern Europe')).toBe(nameKey('russia and eastern europe'));
  });
  it('is a key: applied twice it changes nothing, and case, Unicode form and spacing do not count', () => {
    const text = fc.string({ unit: fc.constantFrom(...Array.from('aBcÉéïÏ -’.&,Ж'), '\u0301'), maxLength: 20 });
    fc.assert(
      fc.property(text, (name) => {
        const key = nameKey(name);
        expect(nameKey(key)).toBe(key);
        expect(key).toBe(key.trim());
        expect(key).not.toMatch(/ {2}/);
        for (const variant of [name.toUpperCase(), name.normalize('NFD'), name.normalize('NFC'), ` ${name}\t`])
          expect(nameKey(variant)).toBe(key);
      }),
      { numRuns: 300 },
    );
  });
});

describe('nameKeys and surnameKey', () => {
  it('lists each key once, skipping names without one', () => {
    expect(nameKeys('Oost-Azië', null, 'oost azie', undefined, '', ' - ', 'East Asia')).toEqual([
      'oost azie',
      'east asia',
    ]);
  });
  it('meets "J. de Vries" and "Jan de Vries" on the last word of the name', () => {
    expect(surnameKey('J. de Vries')).toBe('vries');
    expect(surnameKey('Jan de VRIES ')).toBe('vries');
    expect(surnameKey('O’Brien')).toBe('brien');
    expect(surnameKey('')).toBe('');
  });
});

describe('luceneTerms', () => {
  it('escapes every Lucene syntax character', () => {
    expect(luceneTerms('title:chips')).toBe('title\\:chips');
    expect(luceneTerms('(a+b) "c" d~ e* f? [g TO h] {i} ^j !k /l\\ &&m ||n')).toBe(
      '\\(a\\+b\\) \\"c\\" d\\~ e\\* f\\? \\[g to h\\] \\{i\\} \\^j \\!k \\/l\\\\ \\&\\&m \\|\\|n',
    );
  });
  it('turns operators into plain words', () => {
    expect(luceneTerms('chips AND NOT taiwan OR')).toBe('chips and not taiwan or');
  });
  it('keeps each word once and at most MAX_LUCENE_TERMS terms, so that a long question stays a valid query', () => {
    expect(luceneTerms('chips Chips chips taiwan')).toBe('chips taiwan');
    const long = Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ');
    expect(luceneTerms(long).split(' ')).toHaveLength(MAX_LUCENE_TERMS);
    expect(luceneTerms(`${'a-'.repeat(1000)}b chips`)).toBe('chips');
  });
  it('leaves nothing when no word is left', () => {
    expect(luceneTerms(' *** ?? : ')).toBe('');
  });
});

describe('closestNames', () => {
  const places = [
    { label: 'Taiwan', keys: ['taiwan', 'tw'] },
    { label: 'Thailand', keys: ['thailand', 'th'] },
    { label: 'Tajikistan', keys: ['tajikistan', 'tj'] },
  ];
  it('suggests the nearest names for a typo', () => {
    expect(closestNames('Taiwn', places)[0]).toBe('Taiwan');
  });
  it('suggests nothing for text unlike any name', () => {
    expect(closestNames('Narnia-under-the-sea', places)).toEqual([]);
  });
});
