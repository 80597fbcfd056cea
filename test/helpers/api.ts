import { inject } from 'vitest';
import { Database } from '../../src/db/database.js';

export interface GraphqlResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }>;
  extensions?: { queryStats?: { roundTrips: number; dbTimeMs: number } };
}

/** Posts an operation to the running app, as a client would. */
export async function graphql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> {
  const response = await fetch(`${inject('appUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlResponse<T>;
}

/** A connection of the test's own, for writing fixtures. Close it in afterAll. */
export function connectTestDatabase(uri = inject('neo4jUri')): Promise<Database> {
  return Database.connect(uri, undefined);
}

/** A prefix that keeps one test file's fixture ids apart from the seed and from other runs. */
export function fixturePrefix(name: string): string {
  return `fx-${name}-${Math.random().toString(36).slice(2, 8)}`;
}
