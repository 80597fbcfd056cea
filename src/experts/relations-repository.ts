import type { Queries } from '../db/database.js';
import { present } from '../errors.js';

/**
 * One relation of Expert that a page reads for all its experts in a single query, whatever else the
 * page selects: its affiliations, networks, themes and countries (`EXPERT_AFFILIATIONS` and its siblings
 * in repository.ts), its latest contributions, the events it spoke at. Areas above experts in the domain
 * order define theirs beside their own Cypher (`expertRelation` needs no import of them here);
 * `relationsOfExperts` puts every relation a page asks for into one query, so a page costs one round trip for
 * its relations, not one per relation.
 */
declare const paramType: unique symbol;

export interface ExpertRelation<Value, Param = undefined> {
  /** Never set: it ties the relation to its parameter's type, so `loadExpertRelation` checks the one it is given. */
  readonly [paramType]?: Param;
  /** For error messages and cache keys; unique. */
  readonly name: string;
  /**
   * A Cypher expression of the expert `e` (a code constant): a pattern comprehension or a COLLECT/COUNT
   * subquery. `param` is the Cypher parameter that holds this relation's parameter (e.g. a page size).
   */
  readonly expression: (param: string) => string;
  /** The value as it comes back from Neo4j, made ready for the resolvers (sorted, typed). */
  readonly parse: (value: unknown) => Value;
  /** For an id that names no current expert. */
  readonly empty: Value;
}

export function expertRelation<Value, Param = undefined>(
  relation: ExpertRelation<Value, Param>,
): ExpertRelation<Value, Param> {
  return relation;
}

/** What a resolver asks for: one relation of one expert, with the relation's parameter. */
export interface ExpertRelationKey {
  expertId: string;
  relation: ExpertRelation<unknown, unknown>;
  param: unknown;
}

/** The same relation with the same parameter, read once per query. */
const partKey = (key: ExpertRelationKey) => `${key.relation.name}\u0000${JSON.stringify(key.param ?? null)}`;

/** Two requests for the same relation of the same expert share one answer. */
export const relationKey = (key: ExpertRelationKey) => `${partKey(key)}\u0000${key.expertId}`;

/**
 * Every relation asked for, of every expert asked for, in one round trip: one row per expert, one column
 * per (relation, parameter). Experts not found get each relation's `empty`.
 */
export async function relationsOfExperts(queries: Queries, keys: readonly ExpertRelationKey[]): Promise<unknown[]> {
  const parts = new Map<string, { column: string; relation: ExpertRelationKey['relation'] }>();
  const params: Record<string, unknown> = {};
  for (const key of keys) {
    const part = partKey(key);
    if (parts.has(part)) continue;
    const column = `r${parts.size}`;
    parts.set(part, { column, relation: key.relation });
    params[`${column}Param`] = key.param ?? null;
  }
  const columns = [...parts.entries()].map(
    ([, { column, relation }]) => `${relation.expression(`$${column}Param`)} AS ${column}`,
  );
  const ids = [...new Set(keys.map((key) => key.expertId))];
  const rows = await queries.read<Record<string, unknown> & { id: string }>(
    `UNWIND $ids AS id
     MATCH (e:Expert {id: id})
     RETURN id, ${columns.join(',\n            ')}`,
    { ...params, ids },
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => {
    const row = byId.get(key.expertId);
    if (!row) return key.relation.empty;
    // Every key's part was added above.
    const { column } = present(parts.get(partKey(key)), `the column of relation ${key.relation.name}`);
    return key.relation.parse(row[column]);
  });
}
