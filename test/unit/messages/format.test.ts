import { describe, expect, it } from 'vitest';
import { countOf, dayInWords, listInWords, numberInWords } from '../../../src/messages/format.js';
import { preferredLanguage } from '../../../src/messages/language.js';

describe('dayInWords', () => {
  it('writes the day in words, in Dutch time', () => {
    expect(dayInWords('en', '2026-03-03T10:00:00Z')).toBe('3 March 2026');
    expect(dayInWords('en', '2026-05-04T22:30:00Z')).toBe('5 May 2026');
    expect(dayInWords('nl', '2026-03-03T10:00:00Z')).toBe('3 maart 2026');
  });
});

describe('countOf', () => {
  it('takes the form the language’s plural rules choose', () => {
    const inquiries = { one: 'inquiry', other: 'inquiries' };
    const vragen = { one: 'vraag', other: 'vragen' };
    expect([0, 1, 2].map((n) => countOf('en', n, inquiries))).toEqual(['0 inquiries', '1 inquiry', '2 inquiries']);
    expect([0, 1, 2].map((n) => countOf('nl', n, vragen))).toEqual(['0 vragen', '1 vraag', '2 vragen']);
    expect(countOf('nl', 1234, vragen)).toBe('1.234 vragen');
    expect(countOf('en', 1234, inquiries)).toBe('1,234 inquiries');
  });
});

describe('numberInWords and listInWords', () => {
  it('write numbers and lists as each language does', () => {
    expect(numberInWords('nl', 0.85, { style: 'percent' })).toBe('85%');
    expect(numberInWords('nl', 1234.5)).toBe('1.234,5');
    expect(listInWords('nl', ['Taiwan', 'China'], 'disjunction')).toBe('Taiwan of China');
    expect(listInWords('en', ['A', 'B', 'C'], 'conjunction')).toBe('A, B and C');
    expect(listInWords('nl', ['A', 'B', 'C'], 'conjunction')).toBe('A, B en C');
  });
});

describe('preferredLanguage', () => {
  it('reads Accept-Language by weight, then order; English when it names neither', () => {
    expect(preferredLanguage('nl-NL,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(preferredLanguage('en-GB,nl;q=0.5')).toBe('en');
    expect(preferredLanguage('de-DE,nl;q=0.7,en;q=0.6')).toBe('nl');
    expect(preferredLanguage('en;q=0.2,NL;q=0.9')).toBe('nl');
    expect(preferredLanguage('nl;q=0,en')).toBe('en');
    expect(preferredLanguage('fr')).toBe('en');
    expect(preferredLanguage(undefined)).toBe('en');
  });
});
