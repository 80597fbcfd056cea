import type { ApolloServerPlugin } from '@apollo/server';
import { present } from '../errors.js';
import type { Context } from '../graphql/context.js';
import type { RequestScope } from './request-log.js';

/** The GraphQL context of an HTTP request: the resolvers' context and what the request log collects. */
export type RequestContext = Context & { request: RequestScope; client: string };

/**
 * Tells the request log which operation ran and which error codes went out, and gives every response
 * `extensions.requestId`: the id under which an operator finds the request's log lines (and `extensions.replayed`
 * when a write was answered from the store, see `Queries.replayed`).
 */
export const requestScopePlugin: ApolloServerPlugin<RequestContext> = {
  // Apollo's hooks return promises; these have nothing to wait for.
  requestDidStart({ request, contextValue }) {
    // The GraphQL route sets it before Apollo runs.
    const graphql = present(contextValue.request.graphql, "the request log's GraphQL entry");
    graphql.operationName = request.operationName ?? null;
    return Promise.resolve({
      didResolveOperation({ operationName }) {
        graphql.operationName = operationName;
        graphql.resolved = true;
        return Promise.resolve();
      },
      willSendResponse({ response }) {
        if (response.body.kind !== 'single') return Promise.resolve();
        const result = response.body.singleResult;
        graphql.errorCodes = (result.errors ?? []).map((error) => {
          const code = error.extensions?.code;
          return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
        });
        result.extensions = {
          ...result.extensions,
          requestId: contextValue.request.id,
          // A write sent again with its Idempotency-Key: the answer is the stored one, nothing was done twice.
          ...(contextValue.queries.replayed ? { replayed: true } : {}),
        };
        return Promise.resolve();
      },
    });
  },
};

/** Adds `extensions.queryStats` to each response: what a request cost in Neo4j round trips and time. */
export const queryStatsPlugin: ApolloServerPlugin<RequestContext> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return Promise.resolve();
        const { roundTrips, dbTimeMs } = contextValue.stats;
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          queryStats: { roundTrips, dbTimeMs: Math.round(dbTimeMs * 10) / 10 },
        };
        return Promise.resolve();
      },
    });
  },
};
