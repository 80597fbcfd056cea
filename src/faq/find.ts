import { canEditFaq } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { ForbiddenError } from '../errors.js';
import type { Language } from '../messages/language.js';
import { interpretQuestion } from '../names/interpret.js';
import type { FaqStatus } from './model.js';
import { listArticles, type ListedArticle } from './repository.js';
import { groupByTopic, rankArticles } from './search.js';

export interface FaqQuery {
  search?: string | null;
  statuses?: FaqStatus[] | null;
  reviewDue?: boolean | null;
  language: Language;
  limit?: number | null;
}

export interface FoundArticles {
  articles: ListedArticle[];
  groups: Array<{ topic: string; items: ListedArticle[] }>;
  /** What the search recognised, in the words it was given: "Russische" → Russia. */
  recognised: Array<{ text: string; name: string }>;
}

/** Today in Amsterdam, as YYYY-MM-DD. */
export const amsterdamToday = (now = new Date()) => now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** What an article is grouped under: its labels in the language, else its themes' names, else nothing. */
export function topicsOf(article: ListedArticle, language: Language): string[] {
  const labels = language === 'nl' ? article.labelsNl : article.labelsEn;
  if (labels.length > 0) return labels;
  return article.themeNames.map((name) => (language === 'nl' ? name.nl : name.en));
}

/**
 * Articles: published ones for anyone; drafts, articles in review and retired ones for handlers only. With `search`,
 * those that share something with it, best first (themes, countries, risks and compounds read as whoKnows reads a
 * question); without, newest first. Grouped by topic in the language.
 */
export async function findArticles(queries: Queries, viewer: Viewer, query: FaqQuery): Promise<FoundArticles> {
  const statuses = query.statuses ?? (query.reviewDue ? null : ['PUBLISHED']);
  if (!canEditFaq(viewer) && (statuses?.some((s) => s !== 'PUBLISHED') || query.reviewDue))
    throw new ForbiddenError('Only handlers see FAQ articles that are not published, or due for review.');
  const listed = await listArticles(queries, {
    statuses: statuses ?? null,
    reviewDueBefore: query.reviewDue ? amsterdamToday() : null,
  });
  const search = query.search?.trim() ?? '';
  let articles = listed;
  let recognised: FoundArticles['recognised'] = [];
  if (search !== '') {
    const read = await interpretQuestion(queries, search);
    recognised = read.recognised.map(({ text, name }) => ({ text, name }));
    articles = rankArticles(
      {
        themeIds: read.themes.map((theme) => theme.id),
        countryIds: read.places.flatMap((place) => place.countries.map((country) => country.id)),
        riskCategories: read.riskCategories,
        remainingText: read.remainingText,
      },
      listed,
    ).map(({ article }) => article);
  }
  articles = articles.slice(0, Math.min(Math.max(query.limit ?? 100, 1), 100));
  const other = query.language === 'nl' ? 'Overig' : 'Other';
  const locale = query.language === 'nl' ? 'nl-NL' : 'en-GB';
  const groups = groupByTopic(articles, (article) => topicsOf(article, query.language), other, {
    locale,
    bestFirst: search !== '',
  });
  return { articles, groups, recognised };
}
