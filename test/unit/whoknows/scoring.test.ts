import { describe, expect, it } from 'vitest';
import type { Wording } from '../../../src/names/service.js';
import {
  standingReasons,
  textReasons,
  withCountryLinesOnce,
  type Asked,
  type Reason,
  type StandingFacts,
} from '../../../src/whoknows/scoring.js';

const asked: Asked = { themeName: 'Semiconductors', text: null, placeNames: [] };
const en: Wording = { language: 'en', names: { theme: (ref) => ref.name, place: (ref) => ref.name } };
const DUTCH_NAMES = new Map([
  ['semiconductors', 'Halfgeleiders'],
  ['chips', 'Chipontwerp'],
  ['TW', 'Taiwan'],
]);
const nl: Wording = {
  language: 'nl',
  names: {
    theme: (ref) => DUTCH_NAMES.get(ref.id) ?? ref.name,
    place: (ref) => DUTCH_NAMES.get(ref.id) ?? ref.name,
  },
};
const askedNl: Asked = { ...asked, themeName: 'Halfgeleiders' };
type Claim = NonNullable<StandingFacts['claim']>;
const claim = (change: Partial<Claim>): Claim => ({
  themeId: 'semiconductors',
  themeName: 'Semiconductors',
  depth: 0,
  level: 3,
  provenance: 'DECLARED',
  verifiedBy: null,
  verifiedAt: null,
  verifierNetwork: null,
  belief: 0.55,
  backingContributions: 0,
  backingInquiries: 0,
  broadClaims: 0,
  points: 3.3,
  ...change,
});
const facts = (change: Partial<StandingFacts>): StandingFacts => ({
  rootId: 'semiconductors',
  rootName: 'Semiconductors',
  claim: null,
  focus: null,
  contributions: 0,
  contributionIds: [],
  contributionTitle: null,
  contributionPoints: 0,
  inquiries: 0,
  inquiryIds: [],
  inquiryPoints: 0,
  countryContributions: 0,
  countryContributionIds: [],
  countryInquiries: 0,
  countryInquiryIds: [],
  countryEvidencePoints: 0,
  ...change,
});
const total = (reasons: Array<{ points: number }>) =>
  Math.round(reasons.reduce((sum, r) => sum + r.points, 0) * 100) / 100;

/** Words, not a scorecard: no points, percentages or bare numbers in brackets, and no ".;" between clauses. */
const expectWords = (reasons: Reason[]) => {
  for (const { text } of reasons) {
    expect(text).not.toMatch(/\(\+|[+-]\d|%|\.;|\.\.|counted/);
    expect(text).toMatch(/^\S.*\.$/);
  }
};

const verified = claim({
  provenance: 'VERIFIED',
  verifiedBy: 'Test secretariat',
  verifierNetwork: 'CKN',
  verifiedAt: '2026-03-03T10:00:00Z',
  belief: 1,
  points: 6,
});
const inCountry = facts({
  claim: claim({ points: 3.3 }),
  focus: {
    countryId: 'TW',
    countryName: 'Taiwan',
    level: 3,
    provenance: 'DECLARED',
    verifiedBy: null,
    verifiedAt: null,
    verifierNetwork: null,
    belief: 0.8,
    points: 2.4,
  },
  countryContributions: 1,
  countryContributionIds: ['k1'],
  countryInquiries: 6,
  countryInquiryIds: ['q1', 'q2'],
  countryEvidencePoints: 2.5,
  inquiries: 6,
  inquiryIds: ['q1', 'q2'],
  inquiryPoints: 7.5,
});

describe('standingReasons', () => {
  it('says who verified a level and when, in words, and carries the ids', () => {
    const [theme] = standingReasons(facts({ claim: verified }), asked, en);
    expect(theme).toMatchObject({
      kind: 'THEME',
      points: 6,
      themeId: 'semiconductors',
      provenance: 'VERIFIED',
      verifiedBy: 'Test secretariat',
    });
    expect(theme!.text).toBe(
      'Expertise level 3 of 5 in Semiconductors, verified by the CKN secretariat on 3 March 2026.',
    );
    expect(standingReasons(facts({ claim: verified }), askedNl, nl)[0]!.text).toBe(
      'Expertiseniveau 3 van 5 in Halfgeleiders, geverifieerd door het CKN-secretariaat op 3 maart 2026.',
    );
  });
  it('names a verifier that is no network as recorded', () => {
    const byCurator = facts({
      claim: claim({ provenance: 'VERIFIED', verifiedBy: 'Carla Curator', verifiedAt: '2025-12-31T23:30:00Z' }),
    });
    expect(standingReasons(byCurator, asked, en)[0]!.text).toContain('verified by Carla Curator on 1 January 2026');
    expect(standingReasons(byCurator, askedNl, nl)[0]!.text).toContain(
      'geverifieerd door Carla Curator op 1 januari 2026',
    );
  });
  it('says in words that a declared level counts for less, and why', () => {
    const broad = facts({ claim: claim({ level: 5, belief: 0.22, broadClaims: 5, points: 2.2 }) });
    expect(standingReasons(broad, asked, en)[0]!.text).toBe(
      'Expertise level 5 of 5 in Semiconductors, declared by the expert, with no work on it to show; the expert ' +
        'claims 5 unrelated subjects at level 4 or 5 without work to show, so it counts for much less.',
    );
    expect(standingReasons(broad, askedNl, nl)[0]!.text).toBe(
      'Expertiseniveau 5 van 5 in Halfgeleiders, opgegeven door de expert zelf, zonder werk hierover; de expert ' +
        'geeft 5 ongerelateerde onderwerpen op niveau 4 of 5 op zonder werk te tonen, dus het telt veel minder zwaar.',
    );
    const backed = facts({ claim: claim({ belief: 0.85, backingContributions: 2, backingInquiries: 1, points: 5.1 }) });
    expect(standingReasons(backed, asked, en)[0]!.text).toBe(
      'Expertise level 3 of 5 in Semiconductors, declared by the expert and borne out by 2 contributions and 1 ' +
        'answered inquiry on it.',
    );
    expect(standingReasons(backed, askedNl, nl)[0]!.text).toBe(
      'Expertiseniveau 3 van 5 in Halfgeleiders, opgegeven door de expert zelf en gestaafd door 2 bijdragen en 1 ' +
        'beantwoorde vraag hierover.',
    );
  });
  it('says what an evidenced level rests on, with plurals right in both languages', () => {
    const evidenced = (backingContributions: number, backingInquiries: number) =>
      facts({ claim: claim({ provenance: 'EVIDENCED', belief: 0.95, backingContributions, backingInquiries }) });
    expect(standingReasons(evidenced(3, 1), asked, en)[0]!.text).toContain(
      'evidenced by 3 contributions and 1 answered inquiry',
    );
    expect(standingReasons(evidenced(1, 2), asked, en)[0]!.text).toContain(
      'evidenced by 1 contribution and 2 answered inquiries',
    );
    expect(standingReasons(evidenced(3, 1), askedNl, nl)[0]!.text).toContain(
      'aangetoond met 3 bijdragen en 1 beantwoorde vraag',
    );
    expect(standingReasons(evidenced(1, 2), askedNl, nl)[0]!.text).toContain(
      'aangetoond met 1 bijdrage en 2 beantwoorde vragen',
    );
  });
  it('says a narrower theme is one, and that an expert without a claim was found through work', () => {
    const narrower = facts({ claim: claim({ themeId: 'chips', themeName: 'Chip design', depth: 1, points: 2.48 }) });
    expect(standingReasons(narrower, asked, en)[0]!.text).toMatch(
      /^Expertise level 3 of 5 in Chip design, a narrower theme of Semiconductors, declared by the expert/,
    );
    expect(standingReasons(narrower, askedNl, nl)[0]!.text).toMatch(
      /^Expertiseniveau 3 van 5 in Chipontwerp, een smaller thema binnen Halfgeleiders, opgegeven door de expert/,
    );
    const found = facts({
      contributions: 1,
      contributionIds: ['k1'],
      contributionTitle: 'Chips in 2030',
      contributionPoints: 1,
    });
    const reasons = standingReasons(found, asked, en);
    expect(reasons[0]).toMatchObject({
      kind: 'THEME',
      points: 0,
      text: 'No stated expertise in Semiconductors; found through the work below.',
    });
    expect(reasons[1]).toMatchObject({
      kind: 'EVIDENCE',
      points: 1,
      contributionIds: ['k1'],
      text: '1 contribution on Semiconductors, e.g. “Chips in 2030”.',
    });
    expect(standingReasons(found, askedNl, nl).map((r) => r.text)).toEqual([
      'Geen opgegeven expertise in Halfgeleiders; gevonden via het werk hieronder.',
      '1 bijdrage over Halfgeleiders, bijvoorbeeld ‘Chips in 2030’.',
    ]);
  });
  it('names the focus and the country evidence only when a place was asked for; the points add up', () => {
    expect(standingReasons(inCountry, asked, en).map((r) => r.kind)).toEqual(['THEME', 'INQUIRIES']);
    const reasons = standingReasons(inCountry, { ...asked, placeNames: ['East Asia'] }, en);
    expect(reasons.map((r) => r.kind)).toEqual(['THEME', 'COUNTRY_FOCUS', 'COUNTRY_EVIDENCE', 'INQUIRIES']);
    expect(reasons[1]).toMatchObject({
      countryId: 'TW',
      text:
        'Focuses on Taiwan (in East Asia) at level 3 of 5, declared by the expert and borne out by work ' +
        'concerning it.',
    });
    expect(reasons[2]).toMatchObject({
      contributionIds: ['k1'],
      inquiryIds: ['q1', 'q2'],
      text: '1 contribution and 6 answered inquiries concerning East Asia.',
    });
    expect(reasons[3]!.text).toBe('Answered 6 earlier inquiries on Semiconductors concerning East Asia.');
    expect(total(reasons)).toBe(3.3 + 2.4 + 2.5 + 7.5);
    expectWords(reasons);
  });
  it('words the country lines in Dutch, with the places asked as alternatives', () => {
    const reasons = standingReasons(inCountry, { ...askedNl, placeNames: ['Taiwan', 'China'] }, nl);
    expect(reasons.map((r) => r.text)).toEqual([
      'Expertiseniveau 3 van 5 in Halfgeleiders, opgegeven door de expert zelf, nog zonder werk hierover dat het ' +
        'staaft, dus het telt minder zwaar.',
      'Richt zich op Taiwan (in Taiwan of China) op niveau 3 van 5, opgegeven door de expert zelf en gestaafd door ' +
        'werk over dit land.',
      '1 bijdrage en 6 beantwoorde vragen over Taiwan of China.',
      'Beantwoordde 6 eerdere vragen over Halfgeleiders in Taiwan of China.',
    ]);
    expectWords(reasons);
  });
  it('says a focus without a stated focus or backing plainly, in one country alone', () => {
    const unbacked = facts({
      focus: { ...inCountry.focus!, points: 1.5 },
      countryContributions: 0,
      countryInquiries: 0,
    });
    expect(standingReasons(unbacked, { ...asked, placeNames: ['Taiwan'] }, en)[1]!.text).toBe(
      'Focuses on Taiwan at level 3 of 5, declared by the expert, not yet borne out by work concerning it.',
    );
    const noFocus = facts({ countryContributions: 2, countryEvidencePoints: 1 });
    expect(standingReasons(noFocus, { ...askedNl, placeNames: ['Taiwan'] }, nl)[1]!.text).toBe(
      '2 bijdragen over Taiwan, zonder opgegeven focus erop.',
    );
  });
});

describe('withCountryLinesOnce', () => {
  it('says a country line once for all the themes asked, its points added up, and keeps the rest', () => {
    const place = { ...asked, placeNames: ['East Asia'] };
    const reasons = [
      ...standingReasons(inCountry, place, en),
      ...standingReasons(
        {
          ...inCountry,
          rootId: 'chips',
          rootName: 'Chip design',
          claim: claim({ themeId: 'chips', themeName: 'Chip design' }),
        },
        { ...place, themeName: 'Chip design' },
        en,
      ),
    ];
    const once = withCountryLinesOnce(reasons);
    expect(once.map((r) => r.kind)).toEqual([
      'THEME',
      'COUNTRY_FOCUS',
      'COUNTRY_EVIDENCE',
      'INQUIRIES',
      'THEME',
      'INQUIRIES',
    ]);
    expect(new Set(once.map((r) => r.text)).size).toBe(once.length);
    expect(once[1]!.points).toBe(4.8);
    expect(total(once)).toBe(total(reasons));
    expect(reasons[1]!.points).toBe(2.4);
  });
});

describe('textReasons', () => {
  const found = {
    profilePoints: 2.5,
    contributions: 4,
    contributionIds: ['k1', 'k2'],
    contributionTitle: 'Rare earths in 2030',
    contributionPoints: 3.2,
    inquiries: 1,
    inquiryIds: ['q1'],
    inquiryPoints: 2,
  };
  it('says what the words found, with the ids, and adds up', () => {
    const reasons = textReasons(found, 'rare earths', en);
    expect(reasons.map((r) => r.text)).toEqual([
      'Profile matches “rare earths”.',
      '4 contributions match “rare earths”, e.g. “Rare earths in 2030”.',
      'Answered 1 earlier inquiry matching “rare earths”.',
    ]);
    expect(reasons[1]!.contributionIds).toEqual(['k1', 'k2']);
    expect(reasons[2]!.inquiryIds).toEqual(['q1']);
    expect(total(reasons)).toBe(7.7);
    expectWords(reasons);
  });
  it('says it in Dutch', () => {
    const reasons = textReasons({ ...found, contributions: 1, inquiries: 2 }, 'zeldzame aardmetalen', nl);
    expect(reasons.map((r) => r.text)).toEqual([
      'Het profiel past bij ‘zeldzame aardmetalen’.',
      '1 bijdrage past bij ‘zeldzame aardmetalen’, bijvoorbeeld ‘Rare earths in 2030’.',
      'Beantwoordde 2 eerdere vragen die passen bij ‘zeldzame aardmetalen’.',
    ]);
    expectWords(reasons);
  });
  it('gives no reasons for no match', () => {
    expect(
      textReasons(
        {
          profilePoints: 0,
          contributions: 0,
          contributionIds: [],
          contributionTitle: null,
          contributionPoints: 0,
          inquiries: 0,
          inquiryIds: [],
          inquiryPoints: 0,
        },
        'x',
        en,
      ),
    ).toEqual([]);
  });
});
