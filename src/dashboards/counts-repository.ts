import type { Queries } from '../db/database.js';
import { countsInStatistics } from '../inquiries/closing-repository.js';

/** Inquiries recorded in error count nowhere. */
const COUNTED_INQUIRY = `WHERE ${countsInStatistics('i')}`;

/**
 * Counts per node, in the order of `ids` (0 for an unknown id). Each is one UNWIND query over the batch;
 * the work per node follows its relationships of the counted type (a degree), never the whole graph.
 */
async function countsByIds(
  queries: Queries,
  ids: readonly string[],
  match: string,
  counted: string,
): Promise<number[]> {
  const rows = await queries.read<{ id: string; count: number }>(
    `UNWIND $ids AS id
     CALL (id) { ${match} RETURN count(DISTINCT ${counted}) AS count }
     RETURN id, count`,
    { ids },
  );
  const byId = new Map(rows.map((row) => [row.id, row.count]));
  return ids.map((id) => byId.get(id) ?? 0);
}

/** Current experts are `Expert` nodes without `retiredAt` (erased and merged ones carry other labels). */
const CURRENT_EXPERT = 'e.retiredAt IS NULL';

/** Current experts with expertise in each theme, or in it or a narrower one. */
export const expertsPerTheme = (queries: Queries, ids: readonly string[], includeNarrower: boolean) =>
  countsByIds(
    queries,
    ids,
    includeNarrower
      ? `MATCH (:Theme {id: id})<-[:BROADER*0..10]-(:Theme)<-[:EXPERT_IN]-(e:Expert) WHERE ${CURRENT_EXPERT}`
      : `MATCH (:Theme {id: id})<-[:EXPERT_IN]-(e:Expert) WHERE ${CURRENT_EXPERT}`,
    'e',
  );

/** Inquiries about each theme, or about it or a narrower one. */
export const inquiriesPerTheme = (queries: Queries, ids: readonly string[], includeNarrower: boolean) =>
  countsByIds(
    queries,
    ids,
    includeNarrower
      ? `MATCH (:Theme {id: id})<-[:BROADER*0..10]-(:Theme)<-[:ABOUT]-(i:Inquiry) ${COUNTED_INQUIRY}`
      : `MATCH (:Theme {id: id})<-[:ABOUT]-(i:Inquiry) ${COUNTED_INQUIRY}`,
    'i',
  );

/** Current experts focusing on each country. */
export const expertsPerCountry = (queries: Queries, ids: readonly string[]) =>
  countsByIds(queries, ids, `MATCH (:Country {id: id})<-[:FOCUSES_ON]-(e:Expert) WHERE ${CURRENT_EXPERT}`, 'e');

/** Inquiries concerning each country. */
export const inquiriesPerCountry = (queries: Queries, ids: readonly string[]) =>
  countsByIds(queries, ids, `MATCH (:Country {id: id})<-[:CONCERNS]-(i:Inquiry) ${COUNTED_INQUIRY}`, 'i');

/** Current experts focusing on a country of each region, each once. */
export const expertsPerRegion = (queries: Queries, ids: readonly string[]) =>
  countsByIds(
    queries,
    ids,
    `MATCH (:Region {id: id})<-[:IN_REGION]-(:Country)<-[:FOCUSES_ON]-(e:Expert) WHERE ${CURRENT_EXPERT}`,
    'e',
  );

/** Inquiries concerning a country of each region, each once. */
export const inquiriesPerRegion = (queries: Queries, ids: readonly string[]) =>
  countsByIds(
    queries,
    ids,
    `MATCH (:Region {id: id})<-[:IN_REGION]-(:Country)<-[:CONCERNS]-(i:Inquiry) ${COUNTED_INQUIRY}`,
    'i',
  );
