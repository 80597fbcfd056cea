import type { Retirable } from '../writes/retirable.js';
import type { Queries } from '../db/database.js';
import { neighboursByIds, nodesByIds, pageByName } from '../db/nodes.js';

export interface ThemeRecord extends Retirable {
  id: string;
  name: string;
  nameNl: string;
  aliases: string[];
  description: string | null;
}

/**
 * A theme's record as a map projection's fields, without the keys the node holds for name look-ups (see
 * COUNTRY_FIELDS).
 */
export const THEME_FIELDS = '.id, .name, .nameNl, .aliases, .description, .version, .retiredAt, .retiredReason';

export const themesByIds = (queries: Queries, ids: readonly string[]) => nodesByIds<ThemeRecord>(queries, 'Theme', ids);
export const pageOfThemes = (queries: Queries, size: number, after: [string, string] | null) =>
  pageByName<ThemeRecord>(queries, { label: 'Theme' }, size, after);

/** Directly broader or narrower current themes of each theme, by name. */
export function relatedThemes(
  queries: Queries,
  ids: readonly string[],
  direction: 'broader' | 'narrower',
): Promise<ThemeRecord[][]> {
  const pattern =
    direction === 'broader' ? '(:Theme {id: id})-[:BROADER]->(n:Theme)' : '(:Theme {id: id})<-[:BROADER]-(n:Theme)';
  return neighboursByIds<ThemeRecord>(queries, ids, `${pattern} WHERE n.retiredAt IS NULL`, 'n.name');
}
