import type { Queries } from './database.js';
import { NotFoundError } from '../errors.js';

/** Node labels with an `id` and a `name`. Labels are code constants: Cypher cannot take them as parameters. */
export type NamedLabel =
  'Expert' | 'Institution' | 'Network' | 'Country' | 'Region' | 'Theme' | 'Contribution' | 'Inquiry' | 'Event';

/**
 * Loads nodes by id in one round trip, in the order asked; a missing id becomes a NotFoundError (NOT_FOUND)
 * for that key only. `projection` is a Cypher map projection of `n` (a code constant).
 */
export async function nodesByIds<T extends { id: string }>(
  queries: Queries,
  label: NamedLabel,
  ids: readonly string[],
  projection = 'n {.*}',
): Promise<Array<T | Error>> {
  const rows = await queries.read<{ node: T }>(
    `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN ${projection} AS node`,
    { ids },
  );
  const byId = new Map(rows.map((row) => [row.node.id, row.node]));
  return ids.map(
    (id) => byId.get(id) ?? new NotFoundError(`No ${label.toLowerCase()} has id "${id}": it may have been removed.`),
  );
}

/**
 * Which nodes a page lists: all of a label, or those matching a pattern on `n` and a condition (code
 * constants, the pattern without WHERE) with their parameters.
 */
export interface Selection {
  label: NamedLabel;
  pattern?: string;
  where?: string;
  params?: Record<string, unknown>;
}

/**
 * One page of nodes ordered by name then id, after a (name, id) keyset cursor, with the selection's total.
 * The `>=` on the name lets Neo4j seek into the name index at any depth instead of scanning from the start.
 * Retired nodes drop out of every list (they still resolve by id).
 * Fetches `size + 1` rows so the caller knows whether another page follows. `T` is the caller's name for the
 * rows' type, as with queries.read<T>(): the projection gives it, nothing checks it.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed read, as read<T>()
export async function pageByName<T extends { id: string; name: string }>(
  queries: Queries,
  selection: Selection,
  size: number,
  after: [string, string] | null,
  projection = 'n {.*}',
): Promise<{ rows: T[]; total: number }> {
  const pattern = selection.pattern ?? `(n:${selection.label})`;
  const match = `${pattern} WHERE n.retiredAt IS NULL AND ${selection.where ?? 'true'}`;
  // A whole label's total comes from Neo4j's count store less the few retired (an index scan), not from counting every
  // node.
  const total =
    selection.pattern || selection.where
      ? `COUNT { MATCH ${match} }`
      : `COUNT { (:${selection.label}) } - COUNT { MATCH (r:${selection.label}) WHERE r.retiredAt IS NOT NULL }`;
  const [result] = await queries.read<{ rows: T[]; total: number }>(
    `CALL () {
       MATCH ${match}
         AND n.name >= $after[0]
         AND (n.name > $after[0] OR (n.name = $after[0] AND n.id > $after[1]))
       WITH n ORDER BY n.name, n.id LIMIT $limit
       RETURN collect(${projection}) AS rows
     }
     RETURN rows, ${total} AS total`,
    // The first page comes after the empty name: a cursor always given keeps one plan for every page (Neo4j caches a
    // plan by text and parameter types, and a null cursor made a second).
    { ...selection.params, after: after ?? ['', ''], limit: size + 1 },
  );
  return result ?? { rows: [], total: 0 };
}

/** Puts per-id results back in the order of `ids`, with `empty` for ids that found nothing. */
export function alignToIds<T, Row extends { id: string } = { id: string } & T>(
  ids: readonly string[],
  rows: Row[],
  pick: (row: Row) => T,
  empty: T,
): T[] {
  const byId = new Map(rows.map((row) => [row.id, pick(row)]));
  return ids.map((id) => byId.get(id) ?? empty);
}

/**
 * For each id, the nodes `n` that `pattern` (a code constant using `id`) reaches, ordered by `order`,
 * in one round trip for all ids.
 */
export async function neighboursByIds<T>(
  queries: Queries,
  ids: readonly string[],
  pattern: string,
  order: string,
  projection = 'n {.*}',
): Promise<T[][]> {
  const rows = await queries.read<{ id: string; items: T[] }>(
    `UNWIND $ids AS id
     OPTIONAL MATCH ${pattern}
     WITH id, n ORDER BY ${order}
     RETURN id, collect(${projection}) AS items`,
    { ids },
  );
  return alignToIds(ids, rows, (row) => row.items, []);
}
