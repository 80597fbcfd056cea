import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  groupByTopic,
  MATCH_WEIGHTS,
  rankArticles,
  scoreArticle,
  wordForms,
  type SearchableArticle,
} from '../../../src/faq/search.js';

const article = (id: string, overrides: Partial<SearchableArticle> = {}): SearchableArticle => ({
  id,
  texts: [],
  themeIds: [],
  countryIds: [],
  riskCategories: [],
  ...overrides,
});
const question = (overrides: Partial<Parameters<typeof scoreArticle>[0]> = {}) => ({
  themeIds: [],
  countryIds: [],
  riskCategories: [],
  remainingText: '',
  ...overrides,
});

describe('FAQ search', () => {
  it('weighs a named theme and country above a shared word', () => {
    const russia = article('russia', { themeIds: ['russia-sanctions'], countryIds: ['RU'], texts: ['exchange'] });
    const exchange = article('exchange', { texts: ['An exchange semester'] });
    const ranked = rankArticles(question({ countryIds: ['RU'], remainingText: 'exchange' }), [exchange, russia]);
    expect(ranked.map((r) => r.article.id)).toEqual(['russia', 'exchange']);
    expect(ranked[0]!.score).toBe(MATCH_WEIGHTS.country + MATCH_WEIGHTS.word);
  });

  it('matches words across inflections and the parts of Dutch compounds', () => {
    expect(wordForms('halfgeleidermeetlab').has([...wordForms('halfgeleiders')][0]!)).toBe(true);
    const wafers = article('wafers', { texts: ['Mogen wij testwafers met onze halfgeleiders laten meten?'] });
    expect(scoreArticle(question({ remainingText: 'halfgeleider' }), wafers)).toBeGreaterThan(0);
  });

  it('leaves out what shares nothing, and stop words share nothing', () => {
    const a = article('a', { texts: ['de het een the a of'] });
    expect(rankArticles(question({ remainingText: 'de the of' }), [a])).toEqual([]);
  });

  it('keeps every matching article once, best first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.subarray(['RU', 'BY', 'CN']), { maxLength: 8 }),
        fc.subarray(['RU', 'BY', 'CN']),
        (lists, asked) => {
          const articles = lists.map((countryIds, i) => article(`a${i}`, { countryIds }));
          const ranked = rankArticles(question({ countryIds: asked }), articles);
          const scores = ranked.map((r) => r.score);
          expect([...scores].sort((x, y) => y - x)).toEqual(scores);
          expect(new Set(ranked.map((r) => r.article.id)).size).toBe(ranked.length);
          expect(ranked.length).toBe(articles.filter((a) => a.countryIds.some((c) => asked.includes(c))).length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('groups search results by topic in the order of their best item', () => {
    const groups = groupByTopic(
      [
        { id: 1, topics: ['Sanctions'] },
        { id: 2, topics: ['Russia', 'Sanctions'] },
      ],
      (item) => item.topics,
      'Other',
      { locale: 'en-GB', bestFirst: true },
    );
    expect(groups.map((g) => g.topic)).toEqual(['Sanctions', 'Russia']);
  });

  it('groups by topic, alphabetically, with the topicless last', () => {
    const groups = groupByTopic(
      [
        { id: 1, topics: ['Sanctions', 'Russia'] },
        { id: 2, topics: [] },
        { id: 3, topics: ['Russia'] },
      ],
      (item) => item.topics,
      'Other',
      { locale: 'en-GB' },
    );
    expect(groups.map((g) => [g.topic, g.items.map((i) => i.id)])).toEqual([
      ['Russia', [1, 3]],
      ['Sanctions', [1]],
      ['Other', [2]],
    ]);
  });
});
