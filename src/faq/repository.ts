import type { Queries } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import { COUNTRY_FIELDS, type CountryRecord } from '../places/repository.js';
import { themeProjection, type ThemeRecord } from '../themes/model.js';
import { faqArticleProjection, type FaqArticleRecord, type FaqStatus } from './model.js';
import type { SearchableArticle } from './search.js';

/** At most this many articles are read for a list or a search: far more than the desk will ever publish. */
export const MAX_ARTICLES = 1000;

export async function articlesByIds(
  queries: Queries,
  ids: readonly string[],
): Promise<Array<FaqArticleRecord | Error>> {
  const rows = await queries.read<{ node: FaqArticleRecord }>(
    `UNWIND $ids AS id MATCH (n:FaqArticle {id: id}) RETURN ${faqArticleProjection('n')} AS node`,
    { ids },
  );
  const byId = new Map(rows.map((row) => [row.node.id, row.node]));
  return ids.map((id) => byId.get(id) ?? new NotFoundError(`No FAQ article has id "${id}": check the slug.`));
}

/** An article's links: themes, countries and the inquiries it was drawn from. */
export interface FaqLinks {
  themes: ThemeRecord[];
  countries: CountryRecord[];
  sourceIds: string[];
}

export async function linksOfArticles(queries: Queries, ids: readonly string[]): Promise<FaqLinks[]> {
  const rows = await queries.read<{ id: string } & FaqLinks>(
    `UNWIND $ids AS id
     OPTIONAL MATCH (a:FaqArticle {id: id})
     RETURN id,
       [(a)-[:ABOUT]->(t:Theme) | ${themeProjection('t')}] AS themes,
       [(a)-[:CONCERNS]->(c:Country) | c {${COUNTRY_FIELDS}}] AS countries,
       [(a)-[:DRAWN_FROM]->(i:Inquiry) | i.id] AS sourceIds`,
    { ids },
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    return {
      themes: [...(row?.themes ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
      countries: [...(row?.countries ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
      sourceIds: [...(row?.sourceIds ?? [])].sort(),
    };
  });
}

/** An article with what search and grouping need: its themes (and their narrower ones) and countries. */
export type ListedArticle = FaqArticleRecord & SearchableArticle & { themeNames: Array<{ en: string; nl: string }> };

/**
 * Articles in the given statuses (null: any), newest first; `reviewDue`: only published ones whose review date has
 * passed (`today`, YYYY-MM-DD).
 */
export async function listArticles(
  queries: Queries,
  filter: { statuses: FaqStatus[] | null; reviewDueBefore: string | null },
): Promise<ListedArticle[]> {
  const rows = await queries.read<{
    article: FaqArticleRecord;
    extra: Omit<SearchableArticle, 'id' | 'riskCategories'> & Pick<ListedArticle, 'themeNames'>;
  }>(
    `MATCH (a:FaqArticle)
     WHERE ($statuses IS NULL OR a.status IN $statuses)
       AND ($reviewDueBefore IS NULL OR (a.status = 'PUBLISHED' AND a.reviewBy < date($reviewDueBefore)))
     WITH a ORDER BY coalesce(a.publishedAt, a.createdAt) DESC, a.id LIMIT $limit
     RETURN ${faqArticleProjection('a')} AS article,
       {texts: [a.questionEn, a.answerEn, a.questionNl, a.answerNl] + coalesce(a.labelsEn, [])
               + coalesce(a.labelsNl, []),
        themeIds: COLLECT { MATCH (a)-[:ABOUT]->(:Theme)<-[:BROADER*0..10]-(n:Theme) RETURN DISTINCT n.id },
        themeNames: [(a)-[:ABOUT]->(t:Theme) | {en: t.name, nl: coalesce(t.nameNl, t.name)}],
        countryIds: [(a)-[:CONCERNS]->(c:Country) | c.id]} AS extra`,
    { ...filter, limit: MAX_ARTICLES },
  );
  return rows.map((row) => ({ ...row.article, ...row.extra }));
}

/** What promoting an inquiry needs to know of it: may the viewer see it, is it answered, what names it holds. */
export interface SourceFacts {
  id: string;
  answered: boolean;
  filedBy: string | null;
  visibility: 'INTERNAL' | 'SHAREABLE';
  routedTo: string | null;
  routedFrom: string[];
  /** The asker's name and the name of the institution that asked: never to be published. */
  names: string[];
}

export async function sourceFacts(queries: Queries, ids: readonly string[]): Promise<Map<string, SourceFacts>> {
  const rows = await queries.read<SourceFacts>(
    `UNWIND $ids AS id
     MATCH (i:Inquiry {id: id})
     RETURN i.id AS id, i.answeredAt IS NOT NULL AS answered, i.filedBy AS filedBy, i.visibility AS visibility,
       [(i)-[:ROUTED_TO]->(n:Network) | n.id][0] AS routedTo,
       [(i)-[:ROUTED_FROM]->(n:Network) | n.id] AS routedFrom,
       [x IN [i.contactName] + [(i)-[:ASKED_BY]->(n:Institution) | n.name] WHERE x IS NOT NULL] AS names`,
    { ids: [...new Set(ids)] },
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** The source inquiries' names, for an article's preview. */
export async function sourceNamesOf(queries: Queries, id: string): Promise<string[]> {
  const [row] = await queries.read<{ names: string[] }>(
    `MATCH (a:FaqArticle {id: $id})
     RETURN COLLECT { MATCH (a)-[:DRAWN_FROM]->(i:Inquiry)
                      UNWIND [i.contactName] + [(i)-[:ASKED_BY]->(n:Institution) | n.name] AS name
                      WITH name WHERE name IS NOT NULL RETURN DISTINCT name } AS names`,
    { id },
  );
  return row?.names ?? [];
}
