import { describe, expect, it } from 'vitest';
import type { SimilarRow } from '../../../src/inquiries/similarity-repository.js';
import { SIMILARITY_WEIGHTS, similarityReasons } from '../../../src/inquiries/similarity.js';
import type { InquiryRecord } from '../../../src/inquiries/repository.js';

const row = (change: Partial<SimilarRow>): SimilarRow => ({
  inquiry: { id: 'inq-2026-1' } as InquiryRecord,
  score: 0,
  textScore: 0,
  sharedThemes: [],
  sharedCountries: [],
  sharedPartner: null,
  linked: false,
  answeredBy: [],
  ...change,
});

describe('similarityReasons', () => {
  it('gives no reasons for nothing in common', () => {
    expect(similarityReasons(row({}))).toEqual([]);
  });
  it('gives one reason per kind of match, follow-up first, with the points the weights give', () => {
    const reasons = similarityReasons(
      row({ linked: true, textScore: 1.234, sharedPartner: 'Huawei', sharedThemes: ['Semiconductors', 'Export controls'], sharedCountries: ['China'] }),
    );
    expect(reasons.map((r) => r.points)).toEqual([
      SIMILARITY_WEIGHTS.followUp,
      1.23,
      SIMILARITY_WEIGHTS.partner,
      2 * SIMILARITY_WEIGHTS.theme,
      SIMILARITY_WEIGHTS.country,
    ]);
    expect(reasons[0]!.text).toBe(`One follows the other up (+${SIMILARITY_WEIGHTS.followUp}).`);
    expect(reasons[1]!.text).toBe('The question uses similar words (full-text, +1.23).');
    expect(reasons[2]!.text).toMatch(/same partner institution, Huawei/);
    expect(reasons[3]!.text).toBe(`Shares the themes Semiconductors, Export controls (+${2 * SIMILARITY_WEIGHTS.theme}).`);
    expect(reasons[4]!.text).toBe(`Concerns China too (+${SIMILARITY_WEIGHTS.country}).`);
  });
  it('says "the theme" for one shared theme', () => {
    expect(similarityReasons(row({ sharedThemes: ['Semiconductors'] }))[0]!.text).toMatch(/^Shares the theme Semiconductors/);
  });
});
