import { describe, expect, it } from 'vitest';
import type { CandidateRow, SimilarityQuery } from '../../../src/inquiries/similarity-repository.js';
import { rankCandidates, SIMILARITY_WEIGHTS as W } from '../../../src/inquiries/similarity.js';
import type { Wording } from '../../../src/names/service.js';

const en: Wording = { language: 'en', names: { theme: (ref) => ref.name, place: (ref) => ref.name } };
const DUTCH_NAMES = new Map([
  ['semiconductors', 'Halfgeleiders'],
  ['CN', 'China'],
]);
const nl: Wording = {
  language: 'nl',
  names: {
    theme: (ref) => DUTCH_NAMES.get(ref.id) ?? ref.name,
    place: (ref) => DUTCH_NAMES.get(ref.id) ?? ref.name,
  },
};

const query = (change: Partial<SimilarityQuery> = {}): SimilarityQuery => ({
  luceneQuery: 'x',
  themeIds: [],
  countryIds: [],
  partnerId: null,
  riskCategories: [],
  linkedIds: [],
  excludeId: null,
  receivedBefore: null,
  ...change,
});

const candidate = (id: string, change: Partial<CandidateRow> = {}): CandidateRow => ({
  id,
  receivedAt: '2026-01-01T00:00:00Z',
  textScore: 0,
  themes: [],
  relatedThemes: [],
  countries: [],
  partner: null,
  riskCategories: [],
  linked: false,
  ...change,
});

const semis = { id: 'semiconductors', name: 'Semiconductors' };
const exports = { id: 'export-controls', name: 'Export controls' };
const china = { id: 'CN', name: 'China' };
const taiwan = { id: 'TW', name: 'Taiwan' };

describe('rankCandidates', () => {
  it('leaves out what has nothing in common', () => {
    expect(rankCandidates(query({ themeIds: ['semiconductors'] }), [candidate('a')], 10, en)).toEqual([]);
  });

  it('gives a question that names little a share of the concept points: one country alone says little', () => {
    const [only] = rankCandidates(query({ countryIds: ['CN'] }), [candidate('a', { countries: [china] })], 10, en);
    expect(only!.score).toBe((W.concepts * W.country) / W.fullConceptWeight);
  });

  it('gives the text at most its weight, relative to the best hit, so raw Lucene scores cannot swamp concepts', () => {
    const [best, half] = rankCandidates(
      query(),
      [candidate('a', { textScore: 18 }), candidate('b', { textScore: 9 })],
      10,
      en,
    );
    expect(best).toMatchObject({ id: 'a', score: W.text });
    expect(half).toMatchObject({ id: 'b', score: W.text / 2 });
    expect(best!.reasons[0]!.text).toBe('The question uses similar words.');
  });

  it('scores shared concepts by the mean of both coverages: identical concepts give the full concept weight', () => {
    const q = query({ themeIds: ['semiconductors', 'export-controls'], countryIds: ['CN'] });
    const [same, broader] = rankCandidates(
      q,
      [
        candidate('same', { themes: [semis, exports], countries: [china] }),
        // One shared theme among many concepts is worth little.
        candidate('broad', {
          themes: [semis, { id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
          countries: [china, taiwan, { id: 'JP', name: 'Japan' }],
        }),
      ],
      10,
      en,
    );
    expect(same).toMatchObject({ id: 'same', score: W.concepts });
    expect(broader!.id).toBe('broad');
    expect(broader!.score).toBeLessThan(W.concepts / 2);
  });

  it('gives a reason per shared concept, with its id, and the reasons add up to the score', () => {
    const q = query({
      themeIds: ['semiconductors', 'technology'],
      countryIds: ['CN'],
      partnerId: 'huawei',
      riskCategories: ['UNWANTED_TRANSFER'],
    });
    const candidates = [
      candidate('a', {
        linked: true,
        textScore: 3,
        themes: [semis, { id: 'lithography', name: 'Lithography' }],
        relatedThemes: [{ id: 'lithography', name: 'Lithography', of: 'technology' }],
        countries: [china],
        partner: { id: 'huawei', name: 'Huawei' },
        riskCategories: ['UNWANTED_TRANSFER', 'UNWANTED_TRANSFER'],
      }),
    ];
    const [only] = rankCandidates(q, candidates, 10, en);
    expect(only!.reasons.map((r) => r.ids)).toEqual([
      ['a'],
      [],
      ['semiconductors'],
      ['lithography'],
      ['CN'],
      ['huawei'],
      ['UNWANTED_TRANSFER'],
    ]);
    expect(only!.reasons[0]!.points).toBe(W.followUp);
    expect(only!.reasons.map((r) => r.text)).toEqual([
      'One follows the other up.',
      'The question uses similar words.',
      'Also about Semiconductors.',
      'About Lithography, a broader or narrower theme.',
      'Also concerns China.',
      'Concerns the same partner institution, Huawei.',
      'The same risk: unwanted transfer of knowledge.',
    ]);
    const [dutch] = rankCandidates(q, candidates, 10, nl);
    expect(dutch!.reasons.map((r) => r.text)).toEqual([
      'De ene vraag is een vervolg op de andere.',
      'De vraag gebruikt vergelijkbare woorden.',
      'Gaat ook over Halfgeleiders.',
      'Gaat over Lithography, een breder of smaller thema.',
      'Betreft ook China.',
      'Betreft dezelfde partnerinstelling, Huawei.',
      'Hetzelfde risico: ongewenste kennisoverdracht.',
    ]);
    expect(dutch!.reasons.map((r) => r.points)).toEqual(only!.reasons.map((r) => r.points));
    const sum = only!.reasons.reduce((s, r) => s + r.points, 0);
    expect(only!.score).toBeCloseTo(sum, 2);
  });

  it('orders by score, then newer first, and keeps `limit`', () => {
    const ranked = rankCandidates(
      query({ themeIds: ['semiconductors'], countryIds: ['CN'] }),
      [
        candidate('old', { themes: [semis], countries: [china], receivedAt: '2025-01-01T00:00:00Z' }),
        candidate('new', { themes: [semis], countries: [china], receivedAt: '2026-01-01T00:00:00Z' }),
        candidate('text', { textScore: 1 }),
      ],
      2,
      en,
    );
    expect(ranked.map((r) => r.id)).toEqual(['new', 'old']);
  });
});
