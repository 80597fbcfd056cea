import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { OidcClient } from '../auth/oidc.js';
import type { Authenticator } from '../auth/tokens.js';
import { ANONYMOUS } from '../auth/viewer.js';
import { heavyRequestLimits, limitsConfig, type HeavyRequestLimits, type LimitsConfig } from '../config.js';
import type { SessionConfig } from '../oidc-config.js';
import type { Database } from '../db/database.js';
import { readiness } from '../db/readiness.js';
import { createContext } from '../graphql/context.js';
import { ErrorCode } from '../graphql/errors.js';
import { createFormatError } from '../graphql/format-error.js';
import { requestLimits } from '../graphql/limits.js';
import { createSignIn } from './sign-in.js';
import { ASSET_PREFIX, createPageRoutes } from './pages.js';
import { expertSlugLookup } from './expert-page.js';
import type { Logger } from '../logging.js';
import { responseCompression } from './compression.js';
import { createCors } from './cors.js';
import { HeavyRequestGate, heavyRequestPlugin } from './heavy-requests.js';
import { Metrics } from './metrics.js';
import { RateLimit, rateLimitKey, type RateLimitOptions } from './rate-limit.js';
import { requestIdOfRejection } from '../graphql/resolver-guard.js';
import { logRequest, requestIdOf, routeOf, type GraphqlLog, type RequestScope } from './request-log.js';
import { BodyTooLargeError, readBody, refusals, send, sendJsonError } from './replies.js';
import { queryStatsPlugin, requestScopePlugin, type RequestContext } from './request-plugins.js';
import { asServiceUnavailable, legacyJsonStatus, RETRY_AFTER_SECONDS } from './response-status.js';

export interface HttpOptions {
  schema: GraphQLSchema;
  database: Database;
  authenticator: Authenticator;
  host: string;
  port: number;
  queryStats: boolean;
  log: Logger;
  /** Origins allowed to call from a browser (CORS); empty: same origin only. */
  corsOrigins?: readonly string[];
  /** Off when absent. */
  rateLimit?: RateLimitOptions;
  /** How long `stop()` lets requests in flight finish (default 10 s). */
  shutdownGraceMs?: number;
  /** Request limits; the defaults when not given. */
  limits?: LimitsConfig;
  /** Heavy requests at once: the limits (the defaults when not given), or a gate of the caller's. */
  heavyRequests?: HeavyRequestLimits | HeavyRequestGate;
  /** Every request's deadline (REQUEST_TIMEOUT_MS); unset: unbounded. */
  requestTimeoutMs?: number;
  /**
   * The development sign-in (POST /auth/dev-token, the pages' sample identities): only on the embedded default's
   * local secret, and only when `host` is a loopback address (otherwise it stays off, whatever this says).
   */
  devTokens?: boolean;
  /** The pages' sessions (the defaults when not given) and their sign-in with OpenID Connect, when configured. */
  sessions?: SessionConfig;
  oidc?: OidcClient | null;
}

export interface HttpServer {
  url: string;
  /** Stops accepting, lets requests in flight finish within the grace period, then stops Apollo. */
  stop(): Promise<void>;
}

export class PortInUseError extends Error {}

/**
 * How long a client may take to send its headers, and its whole request: a client that stalls mid-body
 * (slowloris) is cut off instead of holding a connection for Node's default five minutes.
 */
const HEADERS_TIMEOUT_MS = 10_000;
const RECEIVE_TIMEOUT_MS = 30_000;

/** Approximate size (JSON length) of the parsed documents kept for requests that send the same operation again. */
const DOCUMENT_CACHE_SIZE = 2 * 2 ** 20;

/** An Idempotency-Key longer than this, or with control characters, is refused. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export async function startHttp(options: HttpOptions): Promise<HttpServer> {
  const { schema, database, log } = options;
  const limitValues = options.limits ?? limitsConfig({});
  const limits = requestLimits(limitValues);
  // The request being served, for code that has no context to hand (formatError).
  const requests = new AsyncLocalStorage<RequestScope>();
  const heavyRequests =
    options.heavyRequests instanceof HeavyRequestGate
      ? options.heavyRequests
      : new HeavyRequestGate(options.heavyRequests ?? heavyRequestLimits({}));
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts stops everything in order on a signal; Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    formatError: createFormatError((error, path) => {
      const scope = requests.getStore();
      (scope?.log ?? log).error({ err: error, path: path?.join('.') }, 'internal error (masked for the client)');
      return scope?.id;
    }),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // The schema sets no cache hints; the default plugin would still wrap every field's resolution to look for them.
      ApolloServerPluginCacheControlDisabled(),
      requestScopePlugin,
      heavyRequestPlugin<RequestContext>(heavyRequests, schema),
      ...(options.queryStats ? [queryStatsPlugin] : []),
    ],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Parsed and validated documents, by hash: the pages' few operations fit many times over. Apollo's default
    // (30 MiB by JSON length) held about 100 MiB of syntax trees and their tokens after 10,000 distinct documents.
    documentStore: new InMemoryLRUCache<DocumentNode>({ maxSize: DOCUMENT_CACHE_SIZE }),
  });
  await apollo.start();

  // The port the server listens on (PORT=0 picks one): the development sign-in answers only a Host naming it.
  let listeningPort = options.port;
  const signIn = createSignIn({ ...options, port: () => listeningPort });
  const findExpert = expertSlugLookup(schema, database, limitValues.maxCost, options.requestTimeoutMs, requests);
  const pages = createPageRoutes({ devIdentities: signIn.devIdentities }, findExpert);
  const metrics = new Metrics(database.activity);
  metrics.watchHeavyRequests(() => heavyRequests.load);
  const rateLimit = options.rateLimit ? new RateLimit(options.rateLimit) : null;
  const cors = createCors(options.corsOrigins ?? []);
  const compress = responseCompression();

  async function handleGraphql(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    scope: RequestScope,
  ): Promise<void> {
    const graphql: GraphqlLog = { operationName: null, resolved: false, errorCodes: [], stats: null };
    scope.graphql = graphql;
    const wantsPage =
      req.method === 'GET' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
    if (wantsPage && (await pages.page(req, res, url.pathname))) return;

    let body: unknown;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req, limitValues.maxBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        res.setHeader('connection', 'close');
        sendJsonError(
          res,
          413,
          'BAD_REQUEST',
          `The request body is larger than the limit of ${limitValues.maxBodyBytes} bytes: send a shorter ` +
            'query, fewer variables, or split it into several requests.',
        );
        return;
      }
      const isJson = (req.headers['content-type'] ?? '').includes('json');
      try {
        body = isJson ? JSON.parse(raw || 'null') : raw;
      } catch {
        sendJsonError(
          res,
          400,
          'BAD_REQUEST',
          'Request body is not valid JSON: send {"query": "...", "variables": {...}}.',
        );
        return;
      }
    }
    // A bearer token, or the pages' session cookie with its CSRF token (src/http/sign-in.ts); null: refused.
    const viewer = await signIn.viewerOf(req, res);
    if (!viewer) return;
    scope.viewer = viewer.id;
    const address = req.socket.remoteAddress;
    const client = rateLimitKey(viewer === ANONYMOUS ? null : viewer.id, address);
    if (rateLimit) {
      const decision = await rateLimit.take(client, address);
      if (!decision.allowed) {
        res.setHeader('retry-after', String(decision.retryAfterSeconds));
        sendJsonError(
          res,
          429,
          ErrorCode.RATE_LIMITED,
          `Too many requests: try again in ${decision.retryAfterSeconds} s (the limit is per token, or per ` +
            'address without one).',
        );
        return;
      }
    }
    const rawKey = req.headers['idempotency-key'];
    const idempotencyKey = Array.isArray(rawKey) ? rawKey.join(', ') : rawKey;
    if (
      idempotencyKey !== undefined &&
      (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH || /[^\x20-\x7e]/.test(idempotencyKey))
    ) {
      sendJsonError(
        res,
        400,
        'BAD_REQUEST',
        `The Idempotency-Key header must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters, e.g. a UUID.`,
      );
      return;
    }
    // A client that goes away stops its request's work (queries in flight close, no new ones start).
    const disconnected = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) disconnected.abort();
    });
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => {
        const context = createContext(database, viewer, limitValues.maxCost, {
          timeoutMs: options.requestTimeoutMs,
          disconnected: disconnected.signal,
          idempotencyKey: idempotencyKey || undefined,
          requestId: scope.id,
          acceptLanguage: req.headers['accept-language'],
        });
        graphql.stats = context.stats;
        res.once('close', () => context.release());
        return Promise.resolve({ ...context, request: scope, client });
      },
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const contentType = response.headers.get('content-type');
      res.statusCode = legacyJsonStatus(contentType, res.statusCode, response.body.string) ?? res.statusCode;
      const unavailable = asServiceUnavailable(contentType, response.body.string);
      if (unavailable) {
        res.statusCode = unavailable.status;
        res.setHeader('retry-after', unavailable.retryAfter);
      }
      res.end(unavailable?.body ?? response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    scope: RequestScope,
  ): Promise<void> {
    if (await cors(req, res)) return;
    if (url.pathname === '/graphql') return handleGraphql(req, res, url, scope);
    if (url.pathname === '/healthz') {
      send(res, 200, 'application/json', JSON.stringify({ status: 'alive' }));
      return;
    }
    if (url.pathname === '/metrics') {
      send(res, 200, metrics.contentType, await metrics.text());
      return;
    }
    if ((await pages.page(req, res, url.pathname)) || (await pages.asset(req, res, url.pathname))) return;
    if (url.pathname.startsWith('/auth/') && (await signIn.route(req, res, url))) return;
    // Ready to serve: Neo4j reachable and migrated. `/health` is the older name of the same check.
    if (url.pathname === '/readyz' || url.pathname === '/health') {
      const { ready, reason } = await readiness(database);
      if (!ready) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      const status = ready ? { status: 'ok' } : { status: 'unavailable', reason };
      send(res, ready ? 200 : 503, 'application/json', JSON.stringify(status));
      return;
    }
    send(res, 404, 'text/plain; charset=utf-8', 'Not found: the API is at /graphql.');
  }

  // Requests being served; on stop, the server waits for them (up to the grace period).
  const inFlight = new Set<http.ServerResponse>();
  let draining: (() => void) | null = null;

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const id = requestIdOf(req.headers['x-request-id']);
    const scope: RequestScope = { id, log: log.child({ requestId: id }), viewer: null, graphql: null };
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('x-request-id', id);
    compress(req, res);
    scope.log.debug({ method: req.method, path: url.pathname }, 'request received');
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      const refusal = refusals.get(res);
      const outcome = {
        route: routeOf(url.pathname, ASSET_PREFIX),
        status: res.statusCode,
        durationMs: performance.now() - started,
        graphql: scope.graphql && {
          operationName: scope.graphql.operationName,
          resolved: scope.graphql.resolved,
          errorCodes: refusal !== undefined ? [refusal] : scope.graphql.errorCodes,
          roundTrips: scope.graphql.stats?.roundTrips ?? 0,
          dbTimeMs: scope.graphql.stats?.dbTimeMs ?? 0,
        },
      };
      metrics.record(outcome);
      logRequest(scope, req.method ?? '?', url.pathname, outcome, !res.writableFinished);
      if (draining) {
        server.closeIdleConnections();
        if (inFlight.size === 0) draining();
      }
    });
    if (draining) {
      // A request on a connection opened before the shutdown began.
      res.setHeader('connection', 'close');
      sendJsonError(res, 503, ErrorCode.SERVICE_UNAVAILABLE, 'The server is shutting down: try again in a moment.');
      return;
    }
    requests
      .run(scope, () => handle(req, res, url, scope))
      .catch((error: unknown) => {
        scope.log.error({ err: error }, 'HTTP handler failed');
        if (!res.headersSent)
          sendJsonError(
            res,
            500,
            'INTERNAL_SERVER_ERROR',
            `Internal server error: it has been logged under request id ${id}.`,
          );
        else res.end();
      });
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = RECEIVE_TIMEOUT_MS;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(
              `Port ${options.port} on ${options.host} is in use: stop the other server or start with ` +
                'PORT=<free port>.',
            )
          : error,
      );
    });
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  listeningPort = port;
  // The last line of defence: a rejection nothing listened to is logged with its request and the server goes on
  // (Node would otherwise end the process, and every request in flight with it).
  const onUnhandledRejection = (reason: unknown) => {
    metrics.unhandledRejections.inc();
    log.error(
      { err: reason, requestId: requestIdOfRejection(reason) },
      'unhandled rejection (the server goes on serving)',
    );
  };
  process.on('unhandledRejection', onUnhandledRejection);
  const shownHost = options.host === '0.0.0.0' || options.host === '127.0.0.1' ? 'localhost' : options.host;

  return {
    url: `http://${shownHost}:${port}`,
    async stop() {
      const graceMs = options.shutdownGraceMs ?? 10_000;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = new Promise<void>((resolve) => {
        draining = resolve;
        if (inFlight.size === 0) resolve();
      });
      // Responses still to be written end their connection, so that keep-alive clients go elsewhere.
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      server.closeIdleConnections();
      if (inFlight.size > 0) log.info({ inFlight: inFlight.size, graceMs }, 'waiting for requests in flight');
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), graceMs)));
      if ((await Promise.race([drained, deadline])) === 'deadline') {
        log.warn(
          { inFlight: inFlight.size, graceMs },
          'shutdown grace period over: closing the connections of requests still in flight',
        );
        server.closeAllConnections();
      }
      clearTimeout(timer);
      await closed;
      await apollo.stop();
      process.off('unhandledRejection', onUnhandledRejection);
    },
  };
}
