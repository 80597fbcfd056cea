import neo4j, { isDate, isDateTime, isInt, isLocalDateTime, isNode, isRelationship } from 'neo4j-driver';

/**
 * Turns driver values into plain JSON-like values: nodes to their properties, temporals to ISO strings.
 * Maps and lists are converted where they are (the driver made them for this result alone): a page's rows
 * are thousands of values, and copying each one was a good part of a request's garbage.
 */
export function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values of a row are strings and numbers: they need none of the checks below.
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = plain(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key of Object.keys(map)) map[key] = plain(map[key]);
    return map;
  }
  if (isNode(value as never) || isRelationship(value as never))
    return plain({ ...(value as { properties: object }).properties });
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return String(value);
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plain(v)]));
}

/**
 * JS numbers reach Cypher as floats, which LIMIT, SKIP and list slices refuse: whole numbers go as
 * Neo4j integers (Cypher compares integers and floats by value, so scores are unaffected).
 */
export function toCypherParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypherParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypherParams(v)]));
  }
  return value;
}
