import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../../web/src/lib/question.js';

describe("the search page's reading of a question", () => {
  it.each([
    ['Who knows about semiconductors in Taiwan?', { about: 'semiconductors', country: 'Taiwan' }],
    ['who knows something about export controls in China', { about: 'export controls', country: 'China' }],
    ['Experts on hybrid threats in the Baltic states?', { about: 'hybrid threats', country: 'Baltic states' }],
    ['Wie weet iets van halfgeleiders in China?', { about: 'halfgeleiders', country: 'China' }],
    ['Wie weet er veel over sancties tegen Rusland?', { about: 'sancties tegen Rusland', country: null }],
    [
      'Welke experts op het gebied van kennisveiligheid in Oost-Azië?',
      { about: 'kennisveiligheid', country: 'Oost-Azië' },
    ],
    ['halfgeleiders', { about: 'halfgeleiders', country: null }],
    ['  subsea cables!  ', { about: 'subsea cables', country: null }],
  ])('%s', (text, expected) => {
    expect(readQuestion(text)).toEqual(expected);
  });

  it('splits at the last " in ", keeping an earlier one in the subject', () => {
    expect(readQuestion('Who knows about investment in chips in Japan?')).toEqual({
      about: 'investment in chips',
      country: 'Japan',
    });
  });
});
