import { setMaxListeners } from 'node:events';
import DataLoader from 'dataloader';
import type { Database, Queries, QueryStats } from '../db/database.js';
import { DeadlineExceededError, RequestCancelledError } from '../db/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { preferredLanguage, type Language } from '../messages/language.js';
import type { LoaderDefinition } from './loaders.js';

/** What every resolver gets: who is asking, the request's counting database view and its typed loaders. */
export interface Context {
  viewer: Viewer;
  /** The language the request prefers (Accept-Language): what reasons are worded in unless a field asks otherwise. */
  language: Language;
  /** The request's id (x-request-id), for log lines about it; absent outside a served request. */
  requestId?: string;
  queries: Queries;
  stats: QueryStats;
  /** The cost budget of this request's operation (see src/graphql/limits.ts). */
  maxCost: number;
  /** Aborted when the request's deadline passes or its client goes away; every query of the request stops with it. */
  signal: AbortSignal;
  /**
   * Ends the request's bounds (its deadline timer, its watch on the client): call it once the response is
   * sent, so that nothing of a finished request is kept until its deadline would have passed.
   */
  release(): void;
  /**
   * The request's loader of a definition (src/graphql/loaders.ts), created on first use; a family's takes its
   * parameter.
   */
  load<K, V>(definition: LoaderDefinition<K, V>): DataLoader<K, V>;
  load<K, V, P>(definition: LoaderDefinition<K, V, P>, param: P): DataLoader<K, V>;
}

/**
 * What bounds one request: its time limit, its client's connection, and the client's idempotency key for writes; and
 * what it says of its client (its id, the languages it accepts).
 */
export interface RequestBounds {
  /** The request's deadline, from its start (REQUEST_TIMEOUT_MS); none: unbounded. */
  timeoutMs?: number;
  /** Aborted when the client goes away before the response is sent. */
  disconnected?: AbortSignal;
  /** The client's `Idempotency-Key` header: the same request sent again with it is not done twice. */
  idempotencyKey?: string;
  /** The request's id, for log lines about it. */
  requestId?: string;
  /** The request's Accept-Language header. */
  acceptLanguage?: string;
}

export function createContext(
  database: Database,
  viewer: Viewer,
  maxCost: number,
  bounds: RequestBounds = {},
): Context {
  const stats: QueryStats = { roundTrips: 0, dbTimeMs: 0 };
  const defined = new Map<LoaderDefinition<unknown, unknown, unknown>, Map<unknown, DataLoader<unknown, unknown>>>();
  const stop = new AbortController();
  // Every query of the request listens on this signal while it runs: many at once are normal, not a leak.
  setMaxListeners(0, stop.signal);
  const { timeoutMs, disconnected, idempotencyKey, requestId, acceptLanguage } = bounds;
  const timer =
    timeoutMs === undefined
      ? null
      : setTimeout(() => stop.abort(new DeadlineExceededError(timeoutMs)), timeoutMs).unref();
  const cancel = () => stop.abort(new RequestCancelledError());
  disconnected?.addEventListener('abort', cancel, { once: true });
  const deadline = timeoutMs !== undefined ? { at: Date.now() + timeoutMs, limitMs: timeoutMs } : undefined;
  const queries = database.queries(stats, { signal: stop.signal, deadline, idempotencyKey });
  return {
    viewer,
    language: preferredLanguage(acceptLanguage),
    ...(requestId === undefined ? {} : { requestId }),
    queries,
    stats,
    maxCost,
    signal: stop.signal,
    release() {
      if (timer) clearTimeout(timer);
      disconnected?.removeEventListener('abort', cancel);
      // Work a finished request left behind (a list's other items after one failed) stops with it.
      if (!stop.signal.aborted) stop.abort(new RequestCancelledError());
    },
    load<K, V, P>(definition: LoaderDefinition<K, V, P>, param?: P): DataLoader<K, V> {
      const key = definition as LoaderDefinition<unknown, unknown, unknown>;
      const family = defined.get(key) ?? new Map<unknown, DataLoader<unknown, unknown>>();
      defined.set(key, family);
      let loader = family.get(param) as DataLoader<K, V> | undefined;
      if (!loader) {
        loader = new DataLoader<K, V, unknown>((keys) => definition.batch(queries, keys, param as P), {
          cacheKeyFn: definition.cacheKey,
        });
        family.set(param, loader);
      }
      return loader;
    },
  };
}
