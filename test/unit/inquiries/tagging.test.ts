import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interpretation } from '../../../src/names/interpret.js';
import { NAMED_RISK_CATEGORIES, RISK_CATEGORIES } from '../../../src/names/risk-categories.js';
import { inferredBeyond, MAX_INFERRED_REGION_COUNTRIES, type GivenConcepts } from '../../../src/inquiries/tagging.js';

const ref = (id: string) => ({ id, name: id.toUpperCase() });
const none: GivenConcepts = { themeIds: [], countryIds: [], partnerId: null, riskCategories: [] };
const reading = (given: Partial<Interpretation>): Interpretation => ({
  themes: [],
  places: [],
  partners: [],
  riskCategories: [],
  remainingText: '',
  recognised: [],
  ...given,
});
const countries = (count: number) => Array.from({ length: count }, (_, i) => ref(`c${i}`));

describe('inferredBeyond: what a question names beyond what its inquiry was given', () => {
  it('takes a region as its countries, unless it is too large to say much about any of them', () => {
    const small = { region: ref('central-asia'), countries: countries(MAX_INFERRED_REGION_COUNTRIES) };
    const large = { region: ref('eu'), countries: countries(MAX_INFERRED_REGION_COUNTRIES + 1) };
    expect(inferredBeyond(reading({ places: [small] }), none).countryIds).toHaveLength(MAX_INFERRED_REGION_COUNTRIES);
    expect(inferredBeyond(reading({ places: [large] }), none).countryIds).toEqual([]);
    // A country named alone counts, even beside a large region it lies in.
    expect(
      inferredBeyond(reading({ places: [large, { region: null, countries: [ref('c3')] }] }), none).countryIds,
    ).toEqual(['c3']);
  });

  it('takes the first partner named, and none when the inquiry has one', () => {
    const partners = [ref('huawei'), ref('nudt')];
    expect(inferredBeyond(reading({ partners }), none).partnerId).toBe('huawei');
    expect(inferredBeyond(reading({ partners }), { ...none, partnerId: 'nudt' }).partnerId).toBeNull();
  });

  it('adds to what was given and never repeats it, each once, losing nothing recognised', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd');
    const interpretation = fc.record({
      themes: fc.array(id.map(ref), { maxLength: 4 }),
      places: fc.array(
        fc.record({
          region: fc.option(id.map(ref), { nil: null }),
          countries: fc.array(id.map(ref), { maxLength: 3 }),
        }),
        { maxLength: 3 },
      ),
      riskCategories: fc.subarray([...NAMED_RISK_CATEGORIES]),
    });
    const given = fc.record({
      themeIds: fc.array(id, { maxLength: 3 }),
      countryIds: fc.array(id, { maxLength: 3 }),
      partnerId: fc.constant(null),
      riskCategories: fc.subarray([...RISK_CATEGORIES]),
    });
    fc.assert(
      fc.property(interpretation, given, (recognised, before) => {
        const added = inferredBeyond(reading(recognised), before);
        for (const [list, was, all] of [
          [added.themeIds, before.themeIds, recognised.themes.map((t) => t.id)],
          [added.countryIds, before.countryIds, recognised.places.flatMap((p) => p.countries.map((c) => c.id))],
          [added.riskCategories, before.riskCategories, recognised.riskCategories],
        ] as const) {
          expect(new Set(list).size).toBe(list.length);
          for (const item of list) expect(was).not.toContain(item);
          for (const item of all) expect([...was, ...list]).toContain(item);
        }
      }),
      { numRuns: 100 },
    );
  });
});
