import type { Queries, Run } from '../db/database.js';
import { obj, parseRows, str, strList } from '../db/rows.js';

/**
 * For each of `broaderIds`, the names along a chain of BROADER links from it down to the theme, if there
 * is one: taking it as broader would close a cycle. Run before writing to report it, and after writing
 * (in the same transaction) to catch a cycle that another change completed meanwhile.
 */
export async function chainsDownToTheme(
  run: Run,
  themeId: string,
  broaderIds: string[],
): Promise<Array<{ broaderId: string; names: string[] }>> {
  const rows = await run(
    `UNWIND $broaderIds AS broaderId
     MATCH (b:Theme {id: broaderId}), (t:Theme {id: $themeId}) WHERE b <> t
     MATCH path = shortestPath((b)-[:BROADER*1..]->(t))
     RETURN broaderId, [n IN nodes(path) | n.name] AS names`,
    { themeId, broaderIds },
  );
  return parseRows(rows, obj({ broaderId: str, names: strList }));
}

/** Current themes (other than `exceptId`, the one being changed) that already answer to one of the name keys. */
export function themesWithKeys(
  queries: Queries,
  keys: string[],
  exceptId: string | null,
): Promise<Array<{ key: string; name: string }>> {
  return queries.read(
    `UNWIND $keys AS key
     MATCH (t:Theme) WHERE key IN t.keys AND t.retiredAt IS NULL AND t.id <> coalesce($exceptId, '')
     RETURN key, t.name AS name`,
    { keys, exceptId },
  );
}
