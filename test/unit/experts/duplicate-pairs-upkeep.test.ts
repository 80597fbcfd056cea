import { describe, expect, it } from 'vitest';
import { DUPLICATE_SCORING, whyRedoDuplicatePairs } from '../../../src/experts/duplicates/upkeep.js';

describe('whether every likely duplicate pair is worked out again at start', () => {
  it('is not, on an ordinary start: all worked out with this scoring, and audited writes kept them', () => {
    expect(whyRedoDuplicatePairs({ hasExperts: true, workedOutWith: DUPLICATE_SCORING })).toBeNull();
  });

  it('is not, without experts', () => {
    expect(whyRedoDuplicatePairs({ hasExperts: false, workedOutWith: null })).toBeNull();
  });

  it('is, with experts whose pairs were never all worked out (a database from before they were stored)', () => {
    expect(whyRedoDuplicatePairs({ hasExperts: true, workedOutWith: null })).toMatch(/^never all worked out/);
  });

  it('is, when they were worked out with another scoring', () => {
    expect(whyRedoDuplicatePairs({ hasExperts: true, workedOutWith: 'older' })).toBe('worked out with another scoring');
  });
});
