import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging.js';
import type { RequestOutcome } from './metrics.js';
import { EXPERT_PAGE_PREFIX } from './pages.js';

/**
 * A client's own request id is kept if it is short and plain (it goes into logs and headers); otherwise we make one.
 */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
}

/** What the server learns about one request while serving it, for its log line and the metrics. */
export interface RequestScope {
  id: string;
  /** The request's logger: every line carries `requestId`. */
  log: Logger;
  /** The verified token's subject, `anonymous`, or null before (or without) authentication. */
  viewer: string | null;
  graphql: GraphqlLog | null;
}

/** What the log records of a GraphQL request. */
export interface GraphqlLog {
  /** The operation name the client stated, then the one resolved from the document. */
  operationName: string | null;
  resolved: boolean;
  errorCodes: string[];
  stats: { roundTrips: number; dbTimeMs: number } | null;
}

const ROUTES = new Map([
  ['/graphql', 'graphql'],
  ['/', 'root'],
  ['/dashboard', 'dashboard'],
  ['/desk', 'desk'],
  ['/auth/dev-token', 'dev-token'],
  ['/health', 'health'],
  ['/healthz', 'healthz'],
  ['/readyz', 'readyz'],
  ['/metrics', 'metrics'],
]);

/** A fixed set of route names (unknown paths are `other`), so that metrics labels stay bounded. */
export function routeOf(pathname: string, assetPrefix: string): string {
  return (
    ROUTES.get(pathname) ??
    (pathname.startsWith(assetPrefix) ? 'asset' : pathname.startsWith(EXPERT_PAGE_PREFIX) ? 'expert' : 'other')
  );
}

/** Routes that monitors call every few seconds: their successful answers are logged at debug level only. */
const PROBES = new Set(['health', 'healthz', 'readyz', 'metrics']);

const MAX_LOGGED_TEXT = 200;
const clip = (text: string) => (text.length > MAX_LOGGED_TEXT ? `${text.slice(0, MAX_LOGGED_TEXT)}…` : text);

/** The one line logged per request: what an operator looks for first. */
export function logRequest(
  scope: RequestScope,
  method: string,
  path: string,
  outcome: RequestOutcome,
  aborted: boolean,
): void {
  const graphql = outcome.graphql;
  const line = {
    method,
    path: clip(path),
    status: outcome.status,
    durationMs: Math.round(outcome.durationMs * 10) / 10,
    viewer: scope.viewer ?? undefined,
    ...(graphql && {
      operation: graphql.operationName === null ? undefined : clip(graphql.operationName),
      roundTrips: graphql.roundTrips,
      dbTimeMs: Math.round(graphql.dbTimeMs * 10) / 10,
      errors: graphql.errorCodes.length > 0 ? graphql.errorCodes : undefined,
    }),
    ...(aborted && { aborted: true }),
  };
  if (outcome.status >= 500) scope.log.error(line, 'request');
  else if (PROBES.has(outcome.route)) scope.log.debug(line, 'request');
  else scope.log.info(line, 'request');
}
