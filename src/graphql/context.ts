import DataLoader from 'dataloader';
import type { Database, Queries, QueryStats } from '../db/database.js';
import type { Viewer } from '../auth/viewer.js';

/** What every resolver gets: who is asking, the request's counting database view and its loaders. */
export interface Context {
  viewer: Viewer;
  queries: Queries;
  stats: QueryStats;
  /** The cost budget of this request's operation (see src/graphql/limits.ts). */
  maxCost: number;
  /** A DataLoader per name, created on first use and kept for this request only. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<Array<V | Error>>): DataLoader<K, V>;
}

export function createContext(database: Database, viewer: Viewer, maxCost: number): Context {
  const stats: QueryStats = { roundTrips: 0, dbTimeMs: 0 };
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    viewer,
    queries: database.queries(stats),
    stats,
    maxCost,
    loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<Array<V | Error>>) {
      let loader = loaders.get(name) as DataLoader<K, V> | undefined;
      if (!loader) {
        loader = new DataLoader<K, V>(batch);
        loaders.set(name, loader as DataLoader<unknown, unknown>);
      }
      return loader;
    },
  };
}
