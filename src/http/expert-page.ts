// What an expert's page (/experts/<slug>) asks before it is served: the slug the expert goes by now, through the
// schema as an anonymous reader would ask it, so that the API, not this layer, knows experts and their merges.
import type { AsyncLocalStorage } from 'node:async_hooks';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { ANONYMOUS } from '../auth/viewer.js';
import type { Database } from '../db/database.js';
import { createContext } from '../graphql/context.js';
import type { FindExpert } from './pages.js';
import type { RequestScope } from './request-log.js';

const EXPERT_SLUG = parse('query ExpertPageSlug($slug: String!) { expert(slug: $slug) { slug } }');

/** The page routes' `findExpert`; a failure is logged on the request's logger and passed on. */
export function expertSlugLookup(
  schema: GraphQLSchema,
  database: Database,
  maxCost: number,
  timeoutMs: number | undefined,
  requests: AsyncLocalStorage<RequestScope>,
): FindExpert {
  return async (slug) => {
    const context = createContext(database, ANONYMOUS, maxCost, { timeoutMs });
    try {
      const result = await execute({ schema, document: EXPERT_SLUG, variableValues: { slug }, contextValue: context });
      const [error] = result.errors ?? [];
      if (error) throw error;
      return (result.data as { expert: { slug: string } | null } | null)?.expert?.slug ?? null;
    } catch (error: unknown) {
      requests.getStore()?.log.warn({ err: error }, 'the expert page could not look up its slug');
      throw error;
    } finally {
      context.release();
    }
  };
}
