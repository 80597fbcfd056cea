import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuthenticator } from '../src/auth/tokens.js';
import type { Database } from '../src/db/database.js';
import { HeavyRequestGate } from '../src/http/heavy-requests.js';
import { startHttp, type HttpServer } from '../src/http/server.js';
import { silentLogger } from '../src/logging.js';
import { schema } from '../src/schema.js';
import { claimsOf, connectTestDatabase, tokenFor } from './helpers/api.js';
import { inject } from 'vitest';
import { maybeUnset } from './helpers/maybe-unset.js';

/**
 * What a client can send must neither end the process nor hold everyone else: a list whose later item fails,
 * and heavy requests beyond a client's share. A server of this file's own on the test database, so that its
 * admission gate is the test's to fill.
 */
let database: Database;
let server: HttpServer;
const gate = new HeavyRequestGate({ running: 2, perClient: 1, waitingPerClient: 1, maxWaitMs: 60_000 });
/** A gate of a second server, whose requests find no turn within a second. */
const busyGate = new HeavyRequestGate({ running: 1, perClient: 1, waitingPerClient: 1, maxWaitMs: 1_000 });
let busyServer: HttpServer;

async function post(query: string, token: string | null = null, accept = 'application/json', url = server.url) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

beforeAll(async () => {
  database = await connectTestDatabase();
  const authenticator = await openAuthenticator({
    kind: 'secret',
    secret: inject('authSecret'),
    issuer: 'expertise-graph',
    audience: 'expertise-graph',
    anonymous: 'viewer',
  });
  const options = {
    schema,
    database,
    authenticator,
    host: '127.0.0.1',
    port: 0,
    queryStats: false,
    log: silentLogger(),
    requestTimeoutMs: 120_000,
  };
  server = await startHttp({ ...options, heavyRequests: gate });
  busyServer = await startHttp({ ...options, heavyRequests: busyGate });
});

afterAll(async () => {
  await maybeUnset(server)?.stop();
  await maybeUnset(busyServer)?.stop();
  await maybeUnset(database)?.close();
});

describe('a list whose later item fails', () => {
  it('answers with the error and leaves no rejection behind to end the process', { timeout: 180_000 }, async () => {
    const rejections: unknown[] = [];
    const count = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', count);
    try {
      // Twelve cells: the eleventh is over the cap of cells that may list experts or inquiries, after ten started a
      // ranking each.
      const cells = 'themes: ["Biotechnology", "Arctic"], countries: ["CN", "RU", "TW", "KZ", "UA", "BY"]';
      const answers = await Promise.all([
        post(`{ coverage(minExperts: 1000, ${cells}) { rows { cells { experts(first: 0) { totalCount } } } } }`),
        post(`{ coverage(minExperts: 1000, ${cells}) { rows { cells { experts { totalCount } } } } }`),
        post(
          `{ coverage(${cells}) { rows { cells { inquiries(first: 0) { totalCount } } } } }`,
          await tokenFor(claimsOf('officer')),
        ),
      ]);
      for (const { body } of answers) {
        expect(body.errors?.map((e) => e.extensions?.code)).toContain('BAD_USER_INPUT');
      }
      // The earlier cells' work settles after the answer: give it time to reject unheard, as it did.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(rejections).toEqual([]);
      expect((await post('{ __typename }')).body.data).toEqual({ __typename: 'Query' });
    } finally {
      process.off('unhandledRejection', count);
    }
  });
});

describe('heavy requests', () => {
  const heavy = '{ whoKnows(about: "semiconductors", first: 1) { totalCount } }';

  it('refuses a client past its share with 429 and Retry-After, and never makes a light request wait', async () => {
    // The anonymous client on loopback has its one turn taken and its one place in line too.
    const held = await gate.enter('ip:127.0.0.1');
    const inLine = gate.enter('ip:127.0.0.1');
    try {
      const refused = await post(heavy);
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(refused.body.errors?.[0]?.message).toMatch(/heavy requests/);
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      const light = await post('{ __typename regions { id } }');
      expect(light.body).toMatchObject({ data: { __typename: 'Query' } });
      // Another client (a token's subject) has a share of its own.
      const other = await post(heavy, await tokenFor(claimsOf('officer')));
      expect(other.body.errors).toBeUndefined();
    } finally {
      held();
      (await inLine)();
    }
    expect((await post(heavy)).body.errors).toBeUndefined();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('makes a heavy request wait while the process runs its most, then runs it', async () => {
    const first = await gate.enter('sub:someone');
    const second = await gate.enter('sub:someone-else');
    const waiting = post(heavy);
    while (gate.load.waiting === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    first();
    const answered = await waiting;
    expect(answered.body.errors).toBeUndefined();
    second();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it(
    'answers a request that found no turn in time as SERVICE_UNAVAILABLE ' +
      'with Retry-After: 200 as JSON, 503 as graphql-response+json',
    async () => {
      const held = await busyGate.enter('sub:someone');
      try {
        const json = await post(heavy, null, 'application/json', busyServer.url);
        expect(json.status).toBe(200);
        expect(json.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(json.body.errors?.[0]?.message).toMatch(/busy with other heavy requests/);
        expect(Number(json.retryAfter)).toBeGreaterThanOrEqual(1);
        const strict = await post(heavy, null, 'application/graphql-response+json', busyServer.url);
        expect(strict.status).toBe(503);
        expect(Number(strict.retryAfter)).toBeGreaterThanOrEqual(1);
      } finally {
        held();
      }
      expect(busyGate.load).toEqual({ running: 0, waiting: 0 });
    },
  );
});
