import type { Queries } from '../db/database.js';

/**
 * Reads of published articles, counted cheaply: one `FaqReads` node per article and month (`key`: "id|YYYY-MM",
 * unique), its `count` moved on by one per read. Bookkeeping, not an article's state: it is not audited and does
 * not move the article's version on.
 */
export async function countRead(queries: Queries, id: string, month: string): Promise<boolean> {
  const rows = await queries.write(
    `MATCH (a:FaqArticle {id: $id}) WHERE a.status = 'PUBLISHED'
     MERGE (r:FaqReads {key: $id + '|' + $month})
       ON CREATE SET r.articleId = $id, r.month = $month, r.count = 0
     SET r.count = r.count + 1
     RETURN r.count AS count`,
    { id, month },
  );
  return rows.length > 0;
}

/** Reads per article over the months from `fromMonth` to `toMonth` (YYYY-MM, both included), most read first. */
export async function readsPerArticle(
  queries: Queries,
  fromMonth: string,
  toMonth: string,
): Promise<Array<{ id: string; reads: number; months: Array<{ month: string; reads: number }> }>> {
  return queries.read(
    `MATCH (a:FaqArticle) WHERE a.status = 'PUBLISHED'
     WITH a, COLLECT { MATCH (r:FaqReads {articleId: a.id}) WHERE r.month >= $fromMonth AND r.month <= $toMonth
                       RETURN {month: r.month, reads: r.count} ORDER BY r.month } AS months
     WITH a, months, reduce(total = 0, m IN months | total + m.reads) AS reads
     RETURN a.id AS id, reads, months ORDER BY reads DESC, a.id`,
    { fromMonth, toMonth },
  );
}
