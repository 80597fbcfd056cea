import http from 'node:http';
import net from 'node:net';
import { createRequire } from 'node:module';
import type * as GraphqlModule from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAuthenticator } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import type { Context } from '../src/graphql/context.js';
import { isLoopback, rateLimitKey, RateLimit } from '../src/http/rate-limit.js';
import { requestIdOf } from '../src/http/request-log.js';
import { knownOperationNames } from '../src/http/known-operations.js';
import { Metrics } from '../src/http/metrics.js';
import { startHttp, type HttpServer } from '../src/http/server.js';
import { createLogger } from '../src/logging.js';
import { connectTestDatabase, testServer, tokenFor, type UntypedData } from './helpers/api.js';
import { runMain } from './helpers/main-process.js';
import { maybeUnset } from './helpers/maybe-unset.js';

/** A line of the app's JSON log, as far as these tests read it. */
interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  err?: { stack: string };
  [field: string]: unknown;
}

// The copy of graphql that Apollo Server loads (Node resolves its CommonJS entry; vite would pick the .mjs one,
// and graphql refuses a schema made by another copy).
const { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString } = createRequire(import.meta.url)(
  'graphql',
) as typeof GraphqlModule;

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('request ids, /healthz and /metrics on the test server', () => {
  const url = testServer().appUrl;

  it('keeps a plain client request id and returns it in the header and in extensions', async () => {
    const { headers, body } = await post(
      url,
      { query: 'query OpsEcho { themes(first: 1) { totalCount } }' },
      { 'x-request-id': 'dashboard-42:abc' },
    );
    expect(headers.get('x-request-id')).toBe('dashboard-42:abc');
    expect(body.extensions.requestId).toBe('dashboard-42:abc');
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['with spaces and quotes', 'a "b" c'],
    ['empty', ''],
  ])('makes its own request id for one %s', async (_what, given) => {
    const { headers, body } = await post(
      url,
      { query: '{ themes(first: 1) { totalCount } }' },
      { 'x-request-id': given },
    );
    const id = headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.extensions.requestId).toBe(id);
  });

  it('answers /healthz with 200 without asking Neo4j', async () => {
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'alive' });
  });

  it('serves Prometheus text: process, requests by operation, errors by code, round trips and pool use', async () => {
    await post(url, { query: 'query Networks { networks(first: 2) { totalCount } }' });
    await post(url, { query: '{ noSuchField }' });
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    for (const name of [
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'http_requests_total{route="graphql",status="200"}',
      'graphql_request_duration_seconds_bucket{le="0.005",operation="Networks"}',
      'graphql_request_duration_seconds_count{operation="anonymous"}',
      'graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}',
      'graphql_request_duration_seconds_count{operation="unresolved"}',
      'neo4j_round_trips_per_request_sum',
      'neo4j_time_seconds_per_request_count',
      'neo4j_connections_in_use',
      'neo4j_connection_pool_size 100',
    ]) {
      expect(text).toContain(name);
    }
  });

  it(
    'labels only the operations it knows: 150 made-up names count ' +
      'as other, and a page operation after them keeps its own label',
    async () => {
      const madeUp = Array.from({ length: 150 }, (_, i) => `MadeUp${i}${Math.random().toString(36).slice(2, 8)}`);
      for (const name of madeUp) await post(url, { query: `query ${name} { __typename }` });
      await post(url, { query: 'query Institutions { institutions(first: 1) { totalCount } }' });
      const text = await (await fetch(`${url}/metrics`)).text();
      expect(text).toContain('graphql_request_duration_seconds_count{operation="Institutions"}');
      expect(text).toContain('graphql_request_duration_seconds_count{operation="other"}');
      expect(text).not.toMatch(/operation="MadeUp/);
    },
  );

  it('answers without CORS headers when no origin is allowed (the default)', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('operations settings', () => {
  const base = { NEO4J_URI: '', AUTH_SECRET: '' };
  it('defaults: info logs, same origin only, 10 s grace, 600 requests a minute with loopback exempt', () => {
    expect(loadConfig(base)).toMatchObject({
      logLevel: 'info',
      corsOrigins: [],
      shutdownGraceMs: 10_000,
      rateLimitPerMinute: 600,
      rateLimitLoopback: false,
    });
  });
  it('reads an origin list and refuses what is not an origin, in one line', () => {
    expect(loadConfig({ ...base, CORS_ORIGINS: 'https://a.example.org, http://localhost:3000/' }).corsOrigins).toEqual([
      'https://a.example.org',
      'http://localhost:3000',
    ]);
    expect(() => loadConfig({ ...base, CORS_ORIGINS: 'https://a.example.org/dashboard' })).toThrow(
      /is not an origin such as/,
    );
    expect(() => loadConfig({ ...base, CORS_ORIGINS: '*' })).toThrow(/is not an origin such as/);
    expect(() => loadConfig({ ...base, LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL=loud is not one of fatal, error/);
    expect(() => loadConfig({ ...base, RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PER_MINUTE=-1/);
  });
});

describe('metrics labels', () => {
  it('bound operation names: unnamed and unresolved share a label, names unknown to the server count as other', () => {
    const metrics = new Metrics({ inFlight: 0, poolSize: 100 });
    expect(metrics.operationLabel(null, true)).toBe('anonymous');
    expect(metrics.operationLabel('Whatever', false)).toBe('unresolved');
    expect(metrics.operationLabel('name with "quotes"', true)).toBe('other');
    for (let i = 0; i < 150; i++) expect(metrics.operationLabel(`Op${i}`, true)).toBe('other');
    for (const name of ['WhoKnows', 'RecordInquiry', 'Dashboard', 'CoverageCell', 'Institutions', 'Networks'])
      expect(metrics.operationLabel(name, true)).toBe(name);
  });

  it('knows the operations of web/operations: the pages’ and GraphiQL’s examples', () => {
    expect(knownOperationNames().sort()).toEqual([
      'AddInquiryNote',
      'AnswerInquiry',
      'AskExpert',
      'AssignInquiry',
      'ChangeInquiryStatus',
      'ClaimInquiry',
      'CloseInquiry',
      'Coverage',
      'CoverageCell',
      'CreateFaqArticle',
      'Dashboard',
      'DeskAside',
      'DeskFaqArticles',
      'DeskHandlers',
      'DeskInquiry',
      'DeskInquiryRead',
      'DeskPartnerFile',
      'DeskQueue',
      'EditInquiry',
      'ExpertAnswers',
      'ExpertProfile',
      'FaqArticle',
      'FaqArticles',
      'FaqDemand',
      'HandOverInquiry',
      'InquiryStatus',
      'Institutions',
      'MarkAllNotificationsRead',
      'MarkNotificationRead',
      'MatchingFaqArticles',
      'MyInquiries',
      'MyNotifications',
      'Networks',
      'PartnerFile',
      'PublishFaqArticle',
      'RecordAskerMessage',
      'RecordConsultationOutcome',
      'RecordFaqRead',
      'RecordInquiry',
      'RecordMinistryAnswer',
      'RecordMinistryCoordination',
      'RegisterHandler',
      'ReleaseInquiry',
      'RerouteInquiry',
      'SendBackFaqArticle',
      'SetExpectedAnswer',
      'SimilarInquiries',
      'SubmitFaqArticle',
      'UnreadCount',
      'UpdateExpertise',
      'UpdateFaqArticle',
      'WhoKnows',
    ]);
  });
});

describe('request ids from clients', () => {
  it('keeps plain bounded ids and replaces everything else', () => {
    expect(requestIdOf('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    expect(requestIdOf(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', 'x'.repeat(129), 'new\nline', '<script>', 'é'])
      expect(requestIdOf(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('rate limit', () => {
  it('knows loopback addresses, and keys by subject before address', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['10.0.0.1', '::ffff:192.168.1.1', '2001:db8::1', undefined].map(isLoopback)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(rateLimitKey('alice', '10.0.0.1')).toBe('sub:alice');
    expect(rateLimitKey(null, '10.0.0.1')).toBe('ip:10.0.0.1');
  });

  it('lets loopback through unless told otherwise, and is off at 0', async () => {
    const exempt = new RateLimit({ points: 1, durationSeconds: 60, loopback: false });
    const off = new RateLimit({ points: 0, durationSeconds: 60, loopback: true });
    for (let i = 0; i < 5; i++) {
      expect(await exempt.take('ip:127.0.0.1', '127.0.0.1')).toEqual({ allowed: true });
      expect(await off.take('ip:10.0.0.1', '10.0.0.1')).toEqual({ allowed: true });
    }
    expect(await exempt.take('ip:10.0.0.1', '10.0.0.1')).toEqual({ allowed: true });
    expect(await exempt.take('ip:10.0.0.1', '10.0.0.1')).toMatchObject({ allowed: false });
  });
});

/** A gate a test opens: a resolver that waits on it is a request in flight for exactly as long as the test wants. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('a server of its own (small schema, captured log, CORS, rate limit, shutdown)', () => {
  let database: Database;
  let server: HttpServer;
  const lines: LogLine[] = [];
  let slow = gate();
  let slowStarted = gate();

  const schema = new GraphQLSchema({
    query: new GraphQLObjectType<unknown, Context>({
      name: 'Query',
      fields: {
        ok: { type: GraphQLString, resolve: () => 'ok' },
        boom: {
          type: GraphQLString,
          resolve: () => {
            throw new Error('secret internal detail');
          },
        },
        slow: {
          type: GraphQLString,
          resolve: async () => {
            slowStarted.open();
            await slow.opened;
            return 'done';
          },
        },
        twoRoundTrips: {
          type: GraphQLInt,
          resolve: async (_source, _args, context) => {
            await context.queries.read('RETURN 1 AS one');
            return (await context.queries.read('RETURN 2 AS two')).length + 1;
          },
        },
      },
    }),
  });

  beforeAll(async () => {
    database = await connectTestDatabase();
    const authenticator = await openAuthenticator({
      kind: 'secret',
      secret: inject('authSecret'),
      issuer: 'expertise-graph',
      audience: 'expertise-graph',
      anonymous: 'viewer',
    });
    server = await startHttp({
      schema,
      database,
      authenticator,
      host: '127.0.0.1',
      port: 0,
      queryStats: false,
      log: createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) }),
      corsOrigins: ['https://dashboard.example.org'],
      rateLimit: { points: 3, durationSeconds: 60, loopback: true },
      shutdownGraceMs: 60_000,
    });
  });
  afterAll(async () => {
    slow.open();
    await maybeUnset(server)?.stop();
    await maybeUnset(database)?.close();
  });

  it('logs a line per request with operation, status, duration, round trips and viewer, never the token', async () => {
    const token = await tokenFor({ subject: 'ops-logger', name: 'Ops', roles: ['officer'] });
    const { body } = await post(
      server.url,
      { query: 'query CountTwice { twoRoundTrips }' },
      { authorization: `Bearer ${token}`, 'x-request-id': 'log-line-1' },
    );
    expect(body.data.twoRoundTrips).toBe(2);
    const line = lines.find((entry) => entry.requestId === 'log-line-1')!;
    expect(line).toMatchObject({
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      operation: 'CountTwice',
      status: 200,
      roundTrips: 2,
      viewer: 'ops-logger',
      level: 30,
    });
    expect(typeof line.durationMs).toBe('number');
    expect(line.dbTimeMs).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it('masks an internal error with the request id, and logs its stack under that id', async () => {
    const { body } = await post(server.url, { query: '{ boom }' }, { 'x-request-id': 'boom-1' });
    expect(body.errors[0].message).toContain('request id boom-1');
    expect(body.errors[0].message).not.toContain('secret internal detail');
    expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'boom-1' });
    const logged = lines.filter((entry) => entry.requestId === 'boom-1');
    expect(logged.find((entry) => entry.level === 50)?.err!.stack).toContain('secret internal detail');
    expect(logged.find((entry) => entry.msg === 'request')).toMatchObject({
      errors: ['INTERNAL_SERVER_ERROR'],
      status: 200,
    });
  });

  it('answers a persisted query whose hash mismatches its query with BAD_REQUEST, logging no error/stack', async () => {
    const token = await tokenFor({ subject: 'ops-apq', name: 'APQ', roles: ['viewer'] });
    const sent = { query: '{ ok }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } };
    const { status, body } = await post(server.url, sent, {
      authorization: `Bearer ${token}`,
      'x-request-id': 'apq-wrong-hash',
    });
    expect(status).toBe(400);
    expect(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['BAD_REQUEST']);
    expect(body.errors[0].message).toMatch(/sha256Hash does not match the query sent with it/);
    const logged = lines.filter((entry) => entry.requestId === 'apq-wrong-hash');
    expect(logged.filter((entry) => entry.level >= 50)).toEqual([]);
    expect(logged.find((entry) => entry.msg === 'request')).toMatchObject({ errors: ['BAD_REQUEST'], status: 400 });
  });

  it('answers a CORS preflight from an allowed origin, and none for others', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, x-request-id',
        },
      });
    const allowed = await preflight('https://dashboard.example.org');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.org');
    expect(allowed.headers.get('access-control-allow-headers')).toBe(
      'authorization,content-type,x-request-id,idempotency-key',
    );
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    const other = await preflight('https://evil.example.org');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const actual = await post(server.url, { query: '{ ok }' }, { origin: 'https://dashboard.example.org' });
    expect(actual.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.org');
    expect(actual.headers.get('access-control-expose-headers')).toBe('x-request-id,retry-after');
  });

  it('limits requests per token subject with 429, Retry-After and a RATE_LIMITED error', async () => {
    const first = `Bearer ${await tokenFor({ subject: 'ops-busy', name: 'Busy', roles: ['viewer'] })}`;
    const second = `Bearer ${await tokenFor({ subject: 'ops-calm', name: 'Calm', roles: ['viewer'] })}`;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await post(server.url, { query: '{ ok }' }, { authorization: first })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await post(server.url, { query: '{ ok }' }, { authorization: first });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(limited.body.errors[0].message).toMatch(/try again in \d+ s/);
    expect(lines.find((entry) => entry.requestId === limited.headers.get('x-request-id'))).toMatchObject({
      status: 429,
      viewer: 'ops-busy',
      errors: ['RATE_LIMITED'],
    });
    // Another subject has its own allowance.
    expect((await post(server.url, { query: '{ ok }' }, { authorization: second })).status).toBe(200);
  });

  it('lets a request in flight finish on stop, refuses new connections, then stops', async () => {
    slow = gate();
    slowStarted = gate();
    const inFlight = post(server.url, { query: '{ slow }' });
    await slowStarted.opened;
    const stopped = server.stop();
    const refused = await new Promise<string>((resolve) => {
      const port = Number(new URL(server.url).port);
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    slow.open();
    const { status, body } = await inFlight;
    expect(status).toBe(200);
    expect(body.data.slow).toBe('done');
    await stopped;
  });

  it('cuts a request still in flight when the grace period is over', async () => {
    slow = gate();
    slowStarted = gate();
    const authenticator = await openAuthenticator({
      kind: 'secret',
      secret: inject('authSecret'),
      issuer: 'expertise-graph',
      audience: 'expertise-graph',
      anonymous: 'viewer',
    });
    const impatient = await startHttp({
      schema,
      database,
      authenticator,
      host: '127.0.0.1',
      port: 0,
      queryStats: false,
      log: createLogger('silent'),
      shutdownGraceMs: 0,
    });
    const inFlight = post(impatient.url, { query: '{ slow }' }).then(
      () => 'answered',
      () => 'cut',
    );
    await slowStarted.opened;
    await impatient.stop();
    expect(await inFlight).toBe('cut');
    slow.open();
  });
});

describe('npm start: graceful shutdown', () => {
  it(
    'on SIGINT, finishes a request in flight with 200, logs JSON lines, and exits 0',
    { timeout: 90_000 },
    async () => {
      const env = {
        PORT: '0',
        NEO4J_URI: testServer().neo4jUri,
        AUTH_SECRET: inject('authSecret'),
        AUTH_JWKS_URL: '',
        SEED_ON_START: '0',
        LOG_LEVEL: 'debug',
      };
      let answer: { status: number; connection: string | undefined; body: UntypedData } | undefined;
      const { code, output } = await runMain(env, (text, child) => {
        const port = Number(/GraphiQL at http:\/\/[^:]+:(\d+)\/graphql/.exec(text)![1]);
        const body = JSON.stringify({ query: 'query SlowUpload { themes(first: 1) { totalCount } }' });
        const half = Math.floor(body.length / 2);
        // A request in flight for as long as the test wants: its body arrives in two halves, the signal between them.
        const request = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/graphql',
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'x-request-id': 'drain-1',
            },
          },
          (response) => {
            let received = '';
            response.on('data', (chunk: Buffer) => (received += chunk.toString()));
            response.on(
              'end',
              () =>
                (answer = {
                  status: response.statusCode!,
                  connection: response.headers.connection,
                  body: JSON.parse(received),
                }),
            );
          },
        );
        request.write(body.slice(0, half));
        request.flushHeaders();
        // Once the server has the request (its debug line), signal; once it is stopping, send the rest.
        let seen = text;
        let signalled = false;
        child.stdout!.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          if (!signalled && /"requestId":"drain-1".*"msg":"request received"/.test(seen)) {
            signalled = true;
            child.kill('SIGINT');
          } else if (signalled && /"msg":"stopping/.test(seen)) {
            request.end(body.slice(half));
            seen = '';
          }
        });
      });
      expect(answer?.status).toBe(200);
      // The client is told not to send more on this connection.
      expect(answer?.connection).toBe('close');
      expect(answer?.body.data.themes.totalCount).toBeGreaterThan(0);
      expect(code).toBe(0);
      const json = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as LogLine);
      expect(json.find((line) => line.requestId === 'drain-1' && line.msg === 'request')).toMatchObject({
        msg: 'request',
        status: 200,
        operation: 'SlowUpload',
      });
      expect(json.map((line) => line.msg)).toEqual(
        expect.arrayContaining(['ready', 'stopping: no new connections; requests in flight may finish', 'Stopped.']),
      );
    },
  );
});
