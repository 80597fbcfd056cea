import DataLoader from 'dataloader';
import type { Database, Queries, QueryStats } from '../db/database.js';

/** What every resolver gets: the request's counting database view and its loaders. */
export interface Context {
  queries: Queries;
  stats: QueryStats;
  /** A DataLoader per name, created on first use and kept for this request only. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<Array<V | Error>>): DataLoader<K, V>;
}

export function createContext(database: Database): Context {
  const stats: QueryStats = { roundTrips: 0, dbTimeMs: 0 };
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    queries: database.queries(stats),
    stats,
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
