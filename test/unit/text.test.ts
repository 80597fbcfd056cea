import { describe, expect, it } from 'vitest';
import { closestNames, luceneTerms, MAX_LUCENE_TERMS, nameKey } from '../../src/text.js';

describe('nameKey', () => {
  it('ignores case, accents and punctuation', () => {
    expect(nameKey('Oost-Azië')).toBe('oost azie');
    expect(nameKey('  OOST azie ')).toBe('oost azie');
    expect(nameKey("Côte d'Ivoire")).toBe('cote d ivoire');
  });
  it('reads & as "and"', () => {
    expect(nameKey('Russia & Eastern Europe')).toBe(nameKey('russia and eastern europe'));
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
