import type { Queries } from '../db/database.js';
import { neighboursByIds, nodesByIds, pageByName } from '../db/nodes.js';
import { themeProjection, type ThemeRecord } from './model.js';

export const themesByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<ThemeRecord>(queries, 'Theme', ids, themeProjection('n'));
export const pageOfThemes = (queries: Queries, size: number, after: [string, string] | null) =>
  pageByName<ThemeRecord>(queries, { label: 'Theme' }, size, after, themeProjection('n'));

/** Directly broader or narrower current themes of each theme, by name. */
export function relatedThemes(
  queries: Queries,
  ids: readonly string[],
  direction: 'broader' | 'narrower',
): Promise<ThemeRecord[][]> {
  const pattern =
    direction === 'broader' ? '(:Theme {id: id})-[:BROADER]->(n:Theme)' : '(:Theme {id: id})<-[:BROADER]-(n:Theme)';
  return neighboursByIds<ThemeRecord>(
    queries,
    ids,
    `${pattern} WHERE n.retiredAt IS NULL`,
    'n.name',
    themeProjection('n'),
  );
}
