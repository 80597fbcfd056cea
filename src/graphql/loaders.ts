import type { Queries } from '../db/database.js';

/**
 * A per-request DataLoader, defined once in its area's loaders.ts. The definition object itself is the
 * key a request keeps its loader under (`ctx.load(definition)`), so no names can collide and the key and
 * value types travel with it to every call site.
 */
export interface LoaderDefinition<Key, Value, Param = undefined> {
  /** Loads the values of `keys`, one per key in the same order (an Error where one fails). */
  readonly batch: (queries: Queries, keys: readonly Key[], param: Param) => Promise<Array<Value | Error>>;
  /** What makes two keys the same (for keys that are objects); none: the key itself. */
  readonly cacheKey?: (key: Key) => unknown;
}

/** A loader of values by key, e.g. an expert's links by expert id; `cacheKey` where keys are objects. */
export function defineLoader<Key, Value>(
  batch: (queries: Queries, keys: readonly Key[]) => Promise<Array<Value | Error>>,
  options: { cacheKey?: (key: Key) => unknown } = {},
): LoaderDefinition<Key, Value> {
  return { batch: (queries, keys) => batch(queries, keys), ...options };
}

/**
 * A family of loaders told apart by a parameter the whole batch shares (e.g. a page size): one loader per
 * parameter value and request.
 */
export function defineLoaderFamily<Param, Key, Value>(
  batch: (queries: Queries, keys: readonly Key[], param: Param) => Promise<Array<Value | Error>>,
): LoaderDefinition<Key, Value, Param> {
  return { batch };
}
