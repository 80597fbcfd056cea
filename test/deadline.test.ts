import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAuthenticator } from '../src/auth/tokens.js';
import type { Database } from '../src/db/database.js';
import { DeadlineExceededError, RequestCancelledError } from '../src/db/errors.js';
import { schema } from '../src/schema.js';
import { startHttp, type HttpServer } from '../src/http/server.js';
import { asServiceUnavailable } from '../src/http/response-status.js';
import { silentLogger } from '../src/logging.js';
import { connectTestDatabase, testServer } from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

/** Many seconds of work for Neo4j, whatever the graph holds. */
const SLOW_CYPHER = 'UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n';

describe('the deadline of a request', () => {
  let database: Database;
  let server: HttpServer;

  beforeAll(async () => {
    database = await connectTestDatabase();
    const authenticator = await openAuthenticator({
      kind: 'secret',
      secret: inject('authSecret'),
      issuer: 'expertise-graph',
      audience: 'expertise-graph',
      anonymous: 'viewer',
    });
    // A limit no request can meet: every query that reaches the database runs past it.
    server = await startHttp({
      schema,
      database,
      authenticator,
      host: '127.0.0.1',
      port: 0,
      queryStats: false,
      log: silentLogger(),
      requestTimeoutMs: 1,
    });
  });
  afterAll(async () => {
    await maybeUnset(server)?.stop();
    await maybeUnset(database)?.close();
  });

  it('answers TIMEOUT, naming the limit and what to do, when it passes', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ institutions(first: 5) { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.errors[0].extensions).toMatchObject({ code: 'TIMEOUT', limitMs: 1 });
    expect(body.errors[0].message).toMatch(/limit of 1 ms .*ask for less/);
  });

  it('has Neo4j stop a transaction that runs past it', async () => {
    const queries = database.queries(undefined, { deadline: { at: Date.now() + 300, limitMs: 300 } });
    await expect(queries.read(SLOW_CYPHER)).rejects.toBeInstanceOf(DeadlineExceededError);
  });

  it('stops a query when the client goes away', async () => {
    const stop = new AbortController();
    const queries = database.queries(undefined, { signal: stop.signal });
    const running = queries.read(SLOW_CYPHER);
    setTimeout(() => stop.abort(new RequestCancelledError()), 300);
    await expect(running).rejects.toBeInstanceOf(RequestCancelledError);
    // And no further query of that request starts.
    await expect(queries.read('RETURN 1 AS one')).rejects.toBeInstanceOf(RequestCancelledError);
  });
});

describe('readiness', () => {
  it('says ready when Neo4j answers and the migrations are applied', async () => {
    const response = await fetch(`${testServer().appUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('503 under application/graphql-response+json', () => {
  const unavailable = JSON.stringify({
    errors: [{ message: 'The database is unreachable right now.', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    data: null,
  });

  it('turns an operation that produced nothing into a request error with Retry-After', () => {
    const answer = asServiceUnavailable('application/graphql-response+json; charset=utf-8', unavailable);
    expect(answer?.status).toBe(503);
    expect(answer?.retryAfter).toMatch(/^\d+$/);
    expect(JSON.parse(answer!.body)).not.toHaveProperty('data');
  });

  it('leaves application/json answers and partial data at 200', () => {
    expect(asServiceUnavailable('application/json; charset=utf-8', unavailable)).toBeNull();
    const partial = JSON.stringify({
      errors: [{ message: 'x', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      data: { a: 1 },
    });
    expect(asServiceUnavailable('application/graphql-response+json; charset=utf-8', partial)).toBeNull();
  });
});
