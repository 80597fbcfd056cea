/**
 * Total db hits of what a request sends, from Neo4j's PROFILE: a stand-in for the app's `Queries` that
 * runs every read with PROFILE (so the code profiled is the project's own, not a copy of its Cypher) and
 * adds up dbHits over each plan, and the same for a captured query of the peer.
 */
import type { Driver } from 'neo4j-driver';
import type { Database, Params, Queries, QueryStats } from '../src/db/database.js';
import { parseRows, type Parser } from '../src/db/rows.js';
import { plain, toCypherParams } from '../src/db/values.js';

/** A profiled plan (the driver's), as far as adding up its db hits goes. */
interface ProfiledOperator {
  dbHits: number;
  children: ProfiledOperator[];
}

/** dbHits of a plan and all its children. */
export function totalDbHits(plan: ProfiledOperator): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalDbHits(child), 0);
}

/** PROFILE goes after any `CYPHER …` option line the query starts with. */
export function withProfile(cypher: string): string {
  const options = /^(\s*CYPHER[^\n]*\n)/i.exec(cypher)?.[1] ?? '';
  return `${options}PROFILE ${cypher.slice(options.length)}`;
}

export interface Profiler {
  /** Reads run through these are profiled; writes are refused (a profile must change nothing). */
  queries: Queries;
  /** A Database whose every request view is `queries`: to run a whole GraphQL operation profiled. */
  database: Database;
  dbHits: number;
  queriesRun: number;
}

/** Runs one query with PROFILE: its rows (as the app's Queries would give them) and its db hits. */
export async function profile(
  driver: Driver,
  cypher: string,
  params: Params,
  convert = true,
): Promise<{ rows: unknown[]; dbHits: number }> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const result = await session.run(withProfile(cypher), convert ? (toCypherParams(params) as Params) : params);
    const plan = result.summary.profile;
    if (!plan) throw new Error('Neo4j returned no profile');
    return { rows: result.records.map((record) => plain(record.toObject())), dbHits: totalDbHits(plan) };
  } finally {
    await session.close();
  }
}

export function profiler(driver: Driver): Profiler {
  const state: Profiler = { dbHits: 0, queriesRun: 0 } as Profiler;
  const read = async <T>(cypher: string, params: Params = {}, parse?: Parser<T>): Promise<T[]> => {
    const { rows, dbHits } = await profile(driver, cypher, params);
    state.dbHits += dbHits;
    state.queriesRun += 1;
    return parse ? parseRows(rows, parse) : (rows as T[]);
  };
  const refuse = () => Promise.reject(new Error('the profiler only reads'));
  const queries = { read, write: refuse, writeTransaction: refuse, operationKey: () => 'profile' };
  state.queries = queries as unknown as Queries;
  state.database = {
    queries: (stats?: QueryStats) =>
      ({
        ...queries,
        read: async <T>(cypher: string, params?: Params, parse?: Parser<T>) => {
          if (stats) stats.roundTrips += 1;
          return read(cypher, params, parse);
        },
      }) as unknown as Queries,
  } as unknown as Database;
  return state;
}
