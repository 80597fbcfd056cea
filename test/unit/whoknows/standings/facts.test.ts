import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffStandings,
  factsFromStore,
  storedFactProperties,
  type ExpectedStanding,
  type FactNames,
  type StandingsDiff,
  type StoredStanding,
} from '../../../../src/whoknows/standings/facts.js';
import type { StandingFacts } from '../../../../src/whoknows/standing-repository.js';

const cents = fc.integer({ min: 0, max: 5_000 }).map((n) => n / 100);
const count = fc.nat(20);
const ids = fc.array(fc.stringMatching(/^[a-z]{1,4}$/), { maxLength: 3 });
const optText = fc.option(fc.string({ maxLength: 6 }), { nil: null });
const level = {
  level: fc.integer({ min: 1, max: 5 }),
  provenance: fc.constantFrom('DECLARED' as const, 'VERIFIED' as const, 'EVIDENCED' as const),
  verifiedBy: optText,
  verifiedAt: optText,
  verifierNetwork: optText,
  points: cents,
};
/** Any facts STANDING_SCORE may return (standingFacts checks them as they leave the store). */
const standingFacts: fc.Arbitrary<StandingFacts> = fc.record({
  rootId: optText,
  rootName: optText,
  claim: fc.option(
    fc.record({
      ...level,
      themeId: fc.string({ maxLength: 6 }),
      themeName: fc.string({ maxLength: 6 }),
      depth: fc.nat(4),
      belief: cents,
      backingContributions: count,
      backingInquiries: count,
      broadClaims: count,
    }),
    { nil: null },
  ),
  focus: fc.option(
    fc.record({
      ...level,
      countryId: fc.string({ maxLength: 3 }),
      countryName: fc.string({ maxLength: 6 }),
      belief: cents,
    }),
    { nil: null },
  ),
  contributions: count,
  contributionIds: ids,
  contributionTitle: optText,
  contributionPoints: cents,
  inquiries: count,
  inquiryIds: ids,
  inquiryPoints: cents,
  countryContributions: count,
  countryContributionIds: ids,
  countryInquiries: count,
  countryInquiryIds: ids,
  countryEvidencePoints: cents,
});

const namesOf = (facts: StandingFacts): FactNames => ({
  rootName: facts.rootName,
  claimThemeName: facts.claim?.themeName ?? null,
  claimNetwork: facts.claim?.verifierNetwork ?? null,
  focusCountryName: facts.focus?.countryName ?? null,
  focusNetwork: facts.focus?.verifierNetwork ?? null,
});

/** The same object with its keys in reverse order, at every depth (as another driver version may give them). */
const reordered = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reordered)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([k, v]) => [k, reordered(v)]),
        )
      : value;

describe('what a standing stores beside its score', () => {
  it('stores facts that read back as they were, given the names looked up by the ids stored beside them', () => {
    fc.assert(
      fc.property(standingFacts, (facts) => {
        const stored = storedFactProperties(facts as unknown as Record<string, unknown>);
        expect(stored.claimThemeId).toBe(facts.claim?.themeId ?? null);
        expect(stored.focusCountryId).toBe(facts.focus?.countryId ?? null);
        expect(stored.claimVerifiedBy).toBe(facts.claim?.verifiedBy ?? null);
        expect(stored.focusVerifiedBy).toBe(facts.focus?.verifiedBy ?? null);
        expect(factsFromStore(stored.facts, namesOf(facts), 'standing')).toEqual(facts);
      }),
      { numRuns: 200 },
    );
  });

  it('stores no name, so that renaming a theme, a country or a network moves no standing', () => {
    fc.assert(
      fc.property(standingFacts, fc.string({ maxLength: 6 }), (facts, name) => {
        const renamed = {
          ...facts,
          rootName: name,
          claim: facts.claim && { ...facts.claim, themeName: name, verifierNetwork: name },
          focus: facts.focus && { ...facts.focus, countryName: name, verifierNetwork: name },
        };
        expect(storedFactProperties(renamed)).toEqual(
          storedFactProperties(facts as unknown as Record<string, unknown>),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('writes equal facts as one text, whatever order their keys came in', () => {
    fc.assert(
      fc.property(standingFacts, (facts) => {
        const given = facts as unknown as Record<string, unknown>;
        expect(storedFactProperties(reordered(given) as Record<string, unknown>)).toEqual(storedFactProperties(given));
      }),
      { numRuns: 100 },
    );
  });

  it("keeps the theme part of the score: the claim's, the contributions' and the answered inquiries' points", () => {
    const facts = {
      claim: { points: 1.5, themeId: 't' },
      focus: { points: 9, countryId: 'CN' },
      contributionPoints: 0.25,
      inquiryPoints: 2,
      countryEvidencePoints: 7,
    };
    expect(storedFactProperties(facts).themePoints).toBe(3.75);
    expect(storedFactProperties({ ...facts, claim: null }).themePoints).toBe(2.25);
  });

  it('refuses to read a standing stored without facts, saying how to rebuild', () => {
    expect(() => factsFromStore(null, namesOf({ claim: null, focus: null } as StandingFacts), 'page[3]')).toThrow(
      'page[3]: stored facts missing (rebuild the standings: npm run rankings)',
    );
  });
});

const EXPERT = 'anna';
const KEYS = ['t1|*', 't1|CN', 't2|*', 't3|RU'];
const simpleFacts = fc.record({
  claim: fc.option(fc.record({ points: fc.constantFrom(0, 1), themeId: fc.constantFrom('t1', 't2') }), { nil: null }),
  contributionPoints: fc.constantFrom(0, 0.5),
  inquiryPoints: fc.constantFrom(0, 1),
});
const expectedStandings: fc.Arbitrary<ExpectedStanding[]> = fc.uniqueArray(
  fc.record({ key: fc.constantFrom(...KEYS), score: fc.constantFrom(1, 2, 3), facts: simpleFacts }),
  { selector: (x) => x.key },
);
/** What the store may hold for the expert: right, stale, doubled, on the wrong hub, or another expert's. */
const storedStandings = (expected: ExpectedStanding[]): fc.Arbitrary<StoredStanding[]> =>
  fc
    .array(
      fc.record({
        key: fc.constantFrom(...KEYS),
        hub: fc.constantFrom('right', 'right', 'right', 'wrong'),
        expertId: fc.constantFrom(EXPERT, EXPERT, EXPERT, 'ben'),
        score: fc.constantFrom(1, 2, 3),
        facts: fc.oneof(
          fc.constantFrom(...expected.map((x) => storedFactProperties(x.facts).facts), null, '{}'),
          fc.constant(null),
        ),
        themePoints: fc.constantFrom(0, 0.5, 1, 1.5, 2, 2.5, null),
      }),
      { maxLength: 6 },
    )
    .map((rows) => rows.map((row, i) => ({ ...row, id: `s${i}`, hub: row.hub === 'right' ? row.key : 'elsewhere' })));

/** What the write does with a diff (store.ts writeStandings): set the changed, delete the gone, create the added. */
function apply(stored: StoredStanding[], diff: StandingsDiff): StoredStanding[] {
  const gone = new Set(diff.gone.map((g) => g.id));
  const changed = new Map(diff.changed.map((c) => [c.id, c]));
  return [
    ...stored
      .filter((s) => !gone.has(s.id))
      .map((s) => {
        const c = changed.get(s.id);
        return c ? { ...s, score: c.score, facts: c.props.facts, themePoints: c.props.themePoints } : s;
      }),
    ...diff.added.map((a) => ({
      id: `new ${a.key}`,
      key: a.key,
      hub: a.key,
      expertId: a.expertId,
      score: a.score,
      facts: a.props.facts,
      themePoints: a.props.themePoints,
    })),
  ];
}

const asStored = (x: ExpectedStanding) => {
  const props = storedFactProperties(x.facts);
  return {
    key: x.key,
    hub: x.key,
    expertId: EXPERT,
    score: x.score,
    facts: props.facts,
    themePoints: props.themePoints,
  };
};
const withoutId = ({ id: _id, ...rest }: StoredStanding) => rest;
const byKey = <T extends { key: string }>(a: T, b: T) => a.key.localeCompare(b.key);

describe("diffStandings: what to write so that an expert's stored standings are the expected ones", () => {
  it('gives a diff that, applied to what is stored, leaves exactly the expected standings', () => {
    fc.assert(
      fc.property(
        expectedStandings.chain((expected) => fc.tuple(fc.constant(expected), storedStandings(expected))),
        ([expected, stored]) => {
          const after = apply(stored, diffStandings(EXPERT, expected, stored));
          expect(after.map(withoutId).sort(byKey)).toEqual(expected.map(asStored).sort(byKey));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes nothing more once applied, and touches only what differs', () => {
    fc.assert(
      fc.property(
        expectedStandings.chain((expected) => fc.tuple(fc.constant(expected), storedStandings(expected))),
        ([expected, stored]) => {
          const diff = diffStandings(EXPERT, expected, stored);
          expect(diffStandings(EXPERT, expected, apply(stored, diff))).toEqual({
            added: [],
            changed: [],
            gone: [],
            wrongScores: [],
          });
          // Each stored standing is kept, changed or deleted: never two of them.
          const touched = [...diff.changed.map((c) => c.id), ...diff.gone.map((g) => g.id)];
          expect(new Set(touched).size).toBe(touched.length);
          // A score is wrong only where a changed standing's score differs.
          for (const w of diff.wrongScores) {
            expect(w.stored).not.toBe(w.expected);
            expect(diff.changed.some((c) => c.key === w.key && c.score === w.expected)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a standing that is right, fixes one whose score or facts are stale, and drops the misplaced', () => {
    const expected: ExpectedStanding[] = [
      { key: 't1|*', score: 2, facts: { contributionPoints: 1, inquiryPoints: 1 } },
      { key: 't2|*', score: 3, facts: { contributionPoints: 3, inquiryPoints: 0 } },
      { key: 't3|*', score: 1, facts: { contributionPoints: 1, inquiryPoints: 0 } },
    ];
    const right = { ...asStored(expected[0]!), id: 'a' };
    const stale = { ...asStored(expected[1]!), id: 'b', score: 2.5 };
    const staleFacts = { ...asStored(expected[2]!), id: 'c', themePoints: null };
    const stored: StoredStanding[] = [
      right,
      stale,
      staleFacts,
      { ...right, id: 'doubled' },
      { ...right, id: 'wrong hub', key: 't9|*', hub: 't1|*' },
      { ...right, id: 'not hers', expertId: 'ben' },
      { ...right, id: 'no longer', key: 't4|*', hub: 't4|*' },
    ];
    const diff = diffStandings(EXPERT, expected, stored);
    expect(diff.added).toEqual([]);
    expect(diff.changed.map((c) => c.id)).toEqual(['b', 'c']);
    expect(diff.gone.map((g) => g.id)).toEqual(['doubled', 'wrong hub', 'not hers', 'no longer']);
    expect(diff.wrongScores).toEqual([{ key: 't2|*', stored: 2.5, expected: 3 }]);
    expect(diffStandings(EXPERT, expected, []).added.map((a) => [a.key, a.expertId, a.score])).toEqual([
      ['t1|*', EXPERT, 2],
      ['t2|*', EXPERT, 3],
      ['t3|*', EXPERT, 1],
    ]);
  });
});
