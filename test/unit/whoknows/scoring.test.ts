import { describe, expect, it } from 'vitest';
import { textReasons, themeReasons, WEIGHTS, type Asked, type ThemeMatchFacts } from '../../../src/whoknows/scoring.js';

const asked: Asked = { themeName: 'Semiconductors', text: null, placeLabel: null };
const facts = (change: Partial<ThemeMatchFacts>): ThemeMatchFacts => ({
  level: null, depth: null, themeName: null, rootName: null, focusLevel: null, focusCountry: null,
  evidence: 0, evidenceTitles: [], answered: 0, ...change,
});

describe('themeReasons', () => {
  it('weighs an exact theme above a narrower one at the same level', () => {
    const [exact] = themeReasons(facts({ level: 4, depth: 0, themeName: 'Semiconductors' }), asked);
    const [narrower] = themeReasons(facts({ level: 4, depth: 1, themeName: 'Chip design', rootName: 'Semiconductors' }), asked);
    expect(exact!.points).toBe(4 * WEIGHTS.exactTheme);
    expect(narrower!.points).toBe(4 * WEIGHTS.narrowerTheme);
    expect(narrower!.text).toBe(`Declared expertise level 4/5 in Chip design, a narrower theme of Semiconductors (+${4 * WEIGHTS.narrowerTheme}).`);
  });
  it('says so when the expert declared nothing and was found through evidence', () => {
    const reasons = themeReasons(facts({ evidence: 1, evidenceTitles: ['Chips in 2030'] }), asked);
    expect(reasons[0]).toEqual({ kind: 'THEME', points: 0, text: 'No declared expertise in Semiconductors; found through the evidence below.' });
    expect(reasons[1]).toEqual({ kind: 'EVIDENCE', points: WEIGHTS.evidence, text: '1 contribution on Semiconductors, e.g. “Chips in 2030” (+1).' });
  });
  it('counts evidence and answered inquiries up to the cap', () => {
    const reasons = themeReasons(facts({ level: 1, depth: 0, themeName: 'Semiconductors', evidence: 8, answered: 2 }), asked);
    const evidence = reasons.find((r) => r.kind === 'EVIDENCE')!;
    expect(evidence.points).toBe(WEIGHTS.evidenceCap * WEIGHTS.evidence);
    expect(evidence.text).toMatch(`, ${WEIGHTS.evidenceCap} counted).`);
    expect(reasons.find((r) => r.kind === 'INQUIRIES')).toEqual({
      kind: 'INQUIRIES', points: 2 * WEIGHTS.answeredInquiry, text: `Answered 2 earlier inquiries on Semiconductors (+${2 * WEIGHTS.answeredInquiry}).`,
    });
  });
  it('names a country focus only when a place was asked for, and the region it lies in', () => {
    const focused = facts({ level: 2, depth: 0, themeName: 'Semiconductors', focusLevel: 3, focusCountry: 'Taiwan' });
    expect(themeReasons(focused, asked).some((r) => r.kind === 'COUNTRY_FOCUS')).toBe(false);
    const focus = themeReasons(focused, { ...asked, placeLabel: 'East Asia' }).find((r) => r.kind === 'COUNTRY_FOCUS');
    expect(focus).toEqual({ kind: 'COUNTRY_FOCUS', points: 3 * WEIGHTS.focus, text: 'Focuses on Taiwan (in East Asia) at level 3/5 (+3).' });
  });
});

describe('textReasons', () => {
  const askedText: Asked = { themeName: null, text: 'rare earths', placeLabel: null };
  it('weighs the profile and the best contributions up to the cap, rounded to cents', () => {
    const hits = Array.from({ length: 7 }, (_, i) => ({ title: `Paper ${i + 1}`, score: 0.5 }));
    const reasons = textReasons({ profileScore: 1.111, contributionHits: hits, focusLevel: null, focusCountry: null }, askedText);
    expect(reasons[0]).toEqual({ kind: 'TEXT', points: 2.22, text: 'Profile matches “rare earths” (full-text search, +2.22).' });
    expect(reasons[1]!.points).toBe(WEIGHTS.evidenceCap * 0.5 * WEIGHTS.textContribution);
    expect(reasons[1]!.text).toMatch(/^7 contributions match “rare earths”, e.g. “Paper 1”/);
  });
  it('gives no reasons for no match', () => {
    expect(textReasons({ profileScore: 0, contributionHits: [], focusLevel: null, focusCountry: null }, askedText)).toEqual([]);
  });
});
