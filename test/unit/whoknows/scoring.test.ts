import { describe, expect, it } from 'vitest';
import {
  RANKING_WEIGHTS,
  standingReasons,
  textReasons,
  type Asked,
  type StandingFacts,
} from '../../../src/whoknows/scoring.js';

const asked: Asked = { themeName: 'Semiconductors', text: null, placeLabel: null };
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

describe('standingReasons', () => {
  it('says who verified a level and when, in words, and carries the ids', () => {
    const verified = claim({
      provenance: 'VERIFIED',
      verifiedBy: 'Test secretariat',
      verifierNetwork: 'CKN',
      verifiedAt: '2026-03-03T10:00:00Z',
      belief: 1,
      points: 6,
    });
    const [theme] = standingReasons(facts({ claim: verified }), asked, 'en');
    expect(theme).toMatchObject({
      kind: 'THEME',
      points: 6,
      themeId: 'semiconductors',
      provenance: 'VERIFIED',
      verifiedBy: 'Test secretariat',
    });
    expect(theme!.text).toBe(
      'Expertise level 3/5 in Semiconductors. Verified by the CKN secretariat on 3 March 2026 (+6).',
    );
  });
  it('names a verifier that is no network as recorded', () => {
    const [theme] = standingReasons(
      facts({
        claim: claim({
          provenance: 'VERIFIED',
          verifiedBy: 'Carla Curator',
          verifiedAt: '2025-12-31T23:30:00Z',
          points: 6,
        }),
      }),
      asked,
      'en',
    );
    expect(theme!.text).toContain('Verified by Carla Curator on 1 January 2026');
  });
  it('says a declared level was damped, and why', () => {
    const [alone] = standingReasons(
      facts({ claim: claim({ level: 5, belief: 0.22, broadClaims: 5, points: 2.2 }) }),
      asked,
      'en',
    );
    expect(alone!.text).toBe(
      'Expertise level 5/5 in Semiconductors. Declared by the expert, with nothing to show ' +
        'for it and 5 unrelated subjects claimed at level 4-5 likewise; counted at 22 % (+2.2).',
    );
    const [backed] = standingReasons(
      facts({ claim: claim({ belief: 0.85, backingContributions: 2, backingInquiries: 1, points: 5.1 }) }),
      asked,
      'en',
    );
    expect(backed!.text).toContain(
      'Declared by the expert, borne out by 2 contributions and 1 answered inquiry on it; counted at 85 %',
    );
  });
  it('says what an evidenced level rests on', () => {
    const [theme] = standingReasons(
      facts({
        claim: claim({
          provenance: 'EVIDENCED',
          belief: 0.95,
          backingContributions: 3,
          backingInquiries: 1,
          points: 5.7,
        }),
      }),
      asked,
      'en',
    );
    expect(theme!.text).toContain('Evidenced by 3 contributions and 1 answered inquiry');
  });
  it('says a narrower theme is one, and that an expert without a claim was found through evidence', () => {
    const [narrower] = standingReasons(
      facts({ claim: claim({ themeId: 'chips', themeName: 'Chip design', depth: 1, points: 2.48 }) }),
      asked,
      'en',
    );
    expect(narrower!.text).toMatch(/^Expertise level 3\/5 in Chip design, a narrower theme of Semiconductors\./);
    const reasons = standingReasons(
      facts({ contributions: 1, contributionIds: ['k1'], contributionTitle: 'Chips in 2030', contributionPoints: 1 }),
      asked,
      'en',
    );
    expect(reasons[0]).toMatchObject({
      kind: 'THEME',
      points: 0,
      text: 'No stated expertise in Semiconductors; found through the evidence below.',
    });
    expect(reasons[1]).toMatchObject({
      kind: 'EVIDENCE',
      points: 1,
      contributionIds: ['k1'],
      text: '1 contribution on Semiconductors, e.g. “Chips in 2030” (+1).',
    });
  });
  it('names the focus and the country evidence only when a place was asked for; the points add up', () => {
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
    expect(standingReasons(inCountry, asked, 'en').map((r) => r.kind)).toEqual(['THEME', 'INQUIRIES']);
    const reasons = standingReasons(inCountry, { ...asked, placeLabel: 'East Asia' }, 'en');
    expect(reasons.map((r) => r.kind)).toEqual(['THEME', 'COUNTRY_FOCUS', 'COUNTRY_EVIDENCE', 'INQUIRIES']);
    expect(reasons[1]).toMatchObject({
      countryId: 'TW',
      text:
        'Focuses on Taiwan (in East Asia) at level 3/5. Declared by the expert, ' +
        'borne out by the work concerning it below; counted at 80 % (+2.4).',
    });
    expect(reasons[2]).toMatchObject({
      contributionIds: ['k1'],
      inquiryIds: ['q1', 'q2'],
      text: '1 contribution and 6 answered inquiries concerning East Asia (+2.5, 5 counted).',
    });
    expect(reasons[3]!.text).toBe(
      'Answered 6 earlier inquiries on Semiconductors concerning East Asia (+7.5, 5 counted).',
    );
    expect(total(reasons)).toBe(3.3 + 2.4 + 2.5 + 7.5);
  });
});

describe('textReasons', () => {
  it('says what the words found, with the ids, and adds up', () => {
    const reasons = textReasons(
      {
        profilePoints: 2.5,
        contributions: 4,
        contributionIds: ['k1', 'k2'],
        contributionTitle: 'Rare earths in 2030',
        contributionPoints: 3.2,
        inquiries: 1,
        inquiryIds: ['q1'],
        inquiryPoints: 2,
      },
      'rare earths',
      'en',
    );
    expect(reasons.map((r) => r.text)).toEqual([
      'Profile matches “rare earths” (full-text search, +2.5).',
      '4 contributions match “rare earths”, e.g. “Rare earths in 2030” ' +
        `(+3.2, best ${RANKING_WEIGHTS.textItemsCounted} counted).`,
      'Answered 1 earlier inquiry matching “rare earths” (+2).',
    ]);
    expect(reasons[1]!.contributionIds).toEqual(['k1', 'k2']);
    expect(reasons[2]!.inquiryIds).toEqual(['q1']);
    expect(total(reasons)).toBe(7.7);
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
        'en',
      ),
    ).toEqual([]);
  });
});
