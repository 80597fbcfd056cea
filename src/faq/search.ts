/**
 * Finding FAQ articles for a question, pure: the question is read by `interpretQuestion` (the themes, countries,
 * regions, risk categories and Dutch compounds whoKnows recognises), and each article is scored by what it shares
 * with it. Articles are few (hundreds at most), so they are scored here rather than through a full-text index.
 */
import { compoundParts, wordsOf } from '../text/compounds.js';
import { matchForm } from '../text/stemming.js';
import { isStopWord } from '../text/stop-words.js';

/** An article as search sees it. */
export interface SearchableArticle {
  id: string;
  /** Its questions, answers and labels in both languages. */
  texts: string[];
  /** Its themes and every narrower theme of them: a question about a narrower theme finds it. */
  themeIds: string[];
  countryIds: string[];
  riskCategories: string[];
}

/** What a question names, as interpretQuestion read it. */
export interface ArticleQuestion {
  themeIds: string[];
  /** Countries named, and the countries of regions named. */
  countryIds: string[];
  riskCategories: string[];
  /** The words that named nothing. */
  remainingText: string;
}

/** What each kind of match weighs: a named theme or country counts more than a shared word. */
export const MATCH_WEIGHTS = { theme: 3, country: 3, risk: 2, word: 1 } as const;

/** The match forms of a text's words and of the parts of its Dutch compounds, stop words left out. */
export function wordForms(text: string): Set<string> {
  const forms = new Set<string>();
  for (const word of wordsOf(text)) {
    if (isStopWord(word) || word.length < 2) continue;
    forms.add(matchForm(word));
    for (const part of compoundParts(word)) forms.add(matchForm(part));
  }
  return forms;
}

const overlap = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x)).length;

/** How well an article answers a question: 0 when it shares nothing with it. */
export function scoreArticle(
  question: ArticleQuestion,
  article: SearchableArticle,
  words = wordForms(question.remainingText),
) {
  const themes = overlap(question.themeIds, article.themeIds);
  const countries = overlap(question.countryIds, article.countryIds);
  const risks = overlap(question.riskCategories, article.riskCategories);
  let shared = 0;
  if (words.size > 0) {
    const own = wordForms(article.texts.join(' '));
    for (const form of words) if (own.has(form)) shared += 1;
  }
  return (
    themes * MATCH_WEIGHTS.theme +
    countries * MATCH_WEIGHTS.country +
    risks * MATCH_WEIGHTS.risk +
    shared * MATCH_WEIGHTS.word
  );
}

/** The articles that share something with the question, best first (ties in the order given). */
export function rankArticles<A extends SearchableArticle>(
  question: ArticleQuestion,
  articles: readonly A[],
): Array<{ article: A; score: number }> {
  const words = wordForms(question.remainingText);
  return articles
    .map((article, index) => ({ article, score: scoreArticle(question, article, words), index }))
    .filter((scored) => scored.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ article, score }) => ({ article, score }));
}

/**
 * Items grouped by topic, items in the order given: an item under each of its topics, one without topics under
 * `other` (last). Topics in alphabetical order (`locale`), or with `bestFirst` (search results, best first) in the
 * order of their first item.
 */
export function groupByTopic<T>(
  items: readonly T[],
  topicsOf: (item: T) => readonly string[],
  other: string,
  order: { locale: string; bestFirst?: boolean },
): Array<{ topic: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  const rest: T[] = [];
  for (const item of items) {
    const topics = [...new Set(topicsOf(item))];
    if (topics.length === 0) rest.push(item);
    for (const topic of topics) groups.set(topic, [...(groups.get(topic) ?? []), item]);
  }
  // A Map keeps its keys in the order they were first set: the order of each topic's first item.
  const ordered = order.bestFirst ? [...groups] : [...groups].sort(([a], [b]) => a.localeCompare(b, order.locale));
  const sorted = ordered.map(([topic, grouped]) => ({ topic, items: grouped }));
  return rest.length > 0 ? [...sorted, { topic: other, items: rest }] : sorted;
}
