import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { AuthenticationError, bearerToken, type Authenticator } from '../auth/tokens.js';
import { ANONYMOUS, type Viewer } from '../auth/viewer.js';
import type { Database } from '../db/database.js';
import { readiness } from '../db/readiness.js';
import { createContext, type Context } from '../graphql/context.js';
import { createFormatError } from '../graphql/format-error.js';
import { GRAPHIQL_ASSET_PREFIX, GRAPHIQL_CONTENT_SECURITY_POLICY, readGraphiqlAsset, renderGraphiqlPage } from './graphiql.js';
import { EXAMPLE_OPERATION, EXAMPLE_VARIABLES } from './example.js';
import { asServiceUnavailable, RETRY_AFTER_SECONDS } from './unavailable.js';

export interface HttpOptions {
  schema: GraphQLSchema;
  database: Database;
  authenticator: Authenticator;
  host: string;
  port: number;
  queryStats: boolean;
  log: (line: string) => void;
  /** Every request's deadline (REQUEST_TIMEOUT_MS); unset: unbounded. */
  requestTimeoutMs?: number;
}

export interface HttpServer {
  url: string;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {}

const MAX_BODY_BYTES = 1_000_000;
/** An Idempotency-Key longer than this, or with control characters, is refused. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** Adds `extensions.queryStats` to each response: what a request cost in Neo4j round trips and time. */
const queryStatsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const { roundTrips, dbTimeMs } = contextValue.stats;
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          queryStats: { roundTrips, dbTimeMs: Math.round(dbTimeMs * 10) / 10 },
        };
      },
    };
  },
};

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The viewer a request's Authorization header stands for; requests without one are viewers unless configured to refuse. */
async function viewerOf(req: http.IncomingMessage, authenticator: Authenticator): Promise<Viewer> {
  const token = bearerToken(req.headers.authorization);
  if (token !== null) return authenticator.verify(token);
  if (authenticator.anonymous === 'refuse') {
    throw new AuthenticationError('This server needs a token: send the header "Authorization: Bearer <token>".');
  }
  return ANONYMOUS;
}

function sendJsonError(res: http.ServerResponse, status: number, code: string, message: string): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

export async function startHttp(options: HttpOptions): Promise<HttpServer> {
  const { schema, database, log } = options;
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts stops everything in order on a signal; Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    formatError: createFormatError(log),
    plugins: [ApolloServerPluginLandingPageDisabled(), ...(options.queryStats ? [queryStatsPlugin] : [])],
  });
  await apollo.start();

  const graphiqlPage = renderGraphiqlPage({
    endpoint: '/graphql',
    defaultQuery: EXAMPLE_OPERATION,
    defaultVariables: JSON.stringify(EXAMPLE_VARIABLES, null, 2),
    title: 'Expertise graph — GraphiQL',
  });

  async function handleGraphql(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const wantsPage = req.method === 'GET' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
    if (wantsPage) {
      res.setHeader('content-security-policy', GRAPHIQL_CONTENT_SECURITY_POLICY);
      return send(res, 200, 'text/html; charset=utf-8', graphiqlPage);
    }

    let body: unknown;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req);
      } catch {
        return sendJsonError(res, 413, 'BAD_REQUEST', `Request body is larger than ${MAX_BODY_BYTES} bytes: send a smaller query.`);
      }
      const isJson = (req.headers['content-type'] ?? '').includes('json');
      try {
        body = isJson ? JSON.parse(raw || 'null') : raw;
      } catch {
        return sendJsonError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON: send {"query": "...", "variables": {...}}.');
      }
    }
    let viewer: Viewer;
    try {
      viewer = await viewerOf(req, options.authenticator);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      res.setHeader('www-authenticate', 'Bearer');
      return sendJsonError(res, 401, 'UNAUTHENTICATED', error.message);
    }
    const rawKey = req.headers['idempotency-key'];
    const idempotencyKey = Array.isArray(rawKey) ? rawKey.join(', ') : rawKey;
    if (idempotencyKey !== undefined && (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH || /[^\x20-\x7e]/.test(idempotencyKey))) {
      return sendJsonError(res, 400, 'BAD_REQUEST', `The Idempotency-Key header must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters, e.g. a UUID.`);
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
      context: async () =>
        createContext(database, viewer, { timeoutMs: options.requestTimeoutMs, disconnected: disconnected.signal, idempotencyKey: idempotencyKey || undefined }),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const unavailable = asServiceUnavailable(response.headers.get('content-type'), response.body.string);
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

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql') return handleGraphql(req, res, url);
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/graphql' });
      res.end();
      return;
    }
    // Ready to serve: Neo4j reachable and migrated. `/health` is the older name of the same check.
    if (url.pathname === '/readyz' || url.pathname === '/health') {
      const { ready, reason } = await readiness(database);
      if (ready) return send(res, 200, 'application/json', JSON.stringify({ status: 'ok' }));
      res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      return send(res, 503, 'application/json', JSON.stringify({ status: 'unavailable', reason }));
    }
    if (req.method === 'GET' && url.pathname.startsWith(GRAPHIQL_ASSET_PREFIX)) {
      const asset = await readGraphiqlAsset(url.pathname);
      if (asset) {
        res.writeHead(200, { 'content-type': asset.contentType, 'cache-control': 'public, max-age=3600' });
        res.end(asset.body);
        return;
      }
    }
    send(res, 404, 'text/plain; charset=utf-8', 'Not found: the API is at /graphql.');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`HTTP handler failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error: it has been logged.');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${options.port} on ${options.host} is in use: stop the other server or start with PORT=<free port>.`)
          : error,
      );
    });
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '127.0.0.1' ? 'localhost' : options.host;

  return {
    url: `http://${shownHost}:${port}`,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
