import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openAuthenticator, SAMPLE_IDENTITIES, type Authenticator } from '../src/auth/tokens.js';
import type { Database } from '../src/db/database.js';
import { schema } from '../src/schema.js';
import { startHttp, type HttpServer } from '../src/http/server.js';
import { silentLogger } from '../src/logging.js';
import { connectTestDatabase, graphql, testServer, tokenFor } from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const ISSUER = 'expertise-graph';
const AUDIENCE = 'expertise-graph';

async function post(token: string | null, query = '{ themes(first: 1) { totalCount } }', url = testServer().appUrl) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: token }) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

/** A token signed with the test server's secret but with chosen claims and lifetime. */
async function signed(
  claims: Record<string, unknown>,
  options: { expires?: string | number | null; audience?: string } = {},
) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('someone')
    .setIssuer(ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt();
  // null: no exp claim at all.
  if (options.expires !== null) jwt.setExpirationTime(options.expires ?? '1h');
  return jwt.sign(new TextEncoder().encode(inject('authSecret')));
}

describe('bearer tokens', () => {
  it('answers a request without a token as a viewer', async () => {
    const { status, body } = await post(null);
    expect(status).toBe(200);
    expect(body.data.themes.totalCount).toBeGreaterThan(0);
  });

  it.each([
    [
      'an expired token',
      () => signed({ roles: ['officer'] }, { expires: Math.floor(Date.now() / 1000) - 60 }),
      /expired/,
    ],
    [
      'a token without an expiry (no exp claim)',
      () => signed({ roles: ['admin'] }, { expires: null }),
      /no expiry \(exp claim\)/,
    ],
    ['a token for another audience', () => signed({ roles: ['officer'] }, { audience: 'another-app' }), /"aud" claim/],
    ['a token with an unknown role', () => signed({ roles: ['superuser'] }), /superuser/],
    ['a secretariat token without a network', () => signed({ roles: ['secretariat'] }), /must name its network/],
    [
      'a token signed with another secret',
      async () => (await signed({ roles: ['admin'] })).slice(0, -6) + 'AAAAAA',
      /could not be verified/,
    ],
  ])('refuses %s with UNAUTHENTICATED and says why', async (_what, make, reason) => {
    const { status, body } = await post(`Bearer ${await make()}`);
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toMatch(reason);
    expect(body.data).toBeUndefined();
  });

  it('mints tokens that carry an expiry: the sample tokens and `npm run token` alike', async () => {
    const authenticator = await openAuthenticator({
      kind: 'secret',
      secret: inject('authSecret'),
      issuer: ISSUER,
      audience: AUDIENCE,
      anonymous: 'viewer',
    });
    for (const identity of SAMPLE_IDENTITIES) {
      const { exp, iat } = decodeJwt(await authenticator.mint!(identity));
      expect(exp! - iat!, identity.subject).toBe(12 * 3600);
    }
    const { exp, iat } = decodeJwt(await authenticator.mint!({ subject: 'cli', roles: ['officer'] }, '8h'));
    expect(exp! - iat!).toBe(8 * 3600);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const { status, body } = await post('Basic dXNlcjpwYXNz');
    expect(status).toBe(401);
    expect(body.errors[0].message).toContain('Bearer <token>');
  });

  it('accepts role and network claims in either form (list or single, acronym or id, any case)', async () => {
    const token = await signed({ role: 'Secretariat', network: 'CKN', name: 'Anna' });
    const { body } = await post(
      `Bearer ${token}`,
      '{ inquiries(filter: { network: "ckn" }, first: 1) { totalCount } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.inquiries.totalCount).toBeGreaterThan(0);
  });

  it('gives FORBIDDEN, not a silent null, for a field the role may not use', async () => {
    const { data, errors } = await graphql('{ inquiries(first: 1) { totalCount } }', {}, { as: 'viewer' });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(errors?.[0]?.message).toMatch(/Query.inquiries is not open to viewer/);
  });
});

describe('AUTH_ANONYMOUS=refuse', () => {
  let database: Database;
  let server: HttpServer;
  let authenticator: Authenticator;

  beforeAll(async () => {
    database = await connectTestDatabase();
    authenticator = await openAuthenticator({
      kind: 'secret',
      secret: inject('authSecret'),
      issuer: ISSUER,
      audience: AUDIENCE,
      anonymous: 'refuse',
    });
    server = await startHttp({
      schema,
      database,
      authenticator,
      host: '127.0.0.1',
      port: 0,
      queryStats: false,
      log: silentLogger(),
    });
  });
  afterAll(async () => {
    await maybeUnset(server)?.stop();
    await maybeUnset(database)?.close();
  });

  it('refuses a request without a token, saying which header to send', async () => {
    const { status, body } = await post(null, undefined, server.url);
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toContain('Authorization: Bearer');
  });

  it('still serves a request with a valid token', async () => {
    const token = await tokenFor({ subject: 'x', roles: ['viewer'] });
    const { status, body } = await post(`Bearer ${token}`, undefined, server.url);
    expect(status).toBe(200);
    expect(body.data.themes.totalCount).toBeGreaterThan(0);
  });
});

describe('AUTH_JWKS_URL', () => {
  let jwks: http.Server;
  let url: string;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    jwks = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

  const sign = (claims: Record<string, unknown>, key: CryptoKey) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setSubject('idp-user')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(key);

  it('verifies tokens of an identity provider against its published keys, and cannot mint', async () => {
    const authenticator = await openAuthenticator({
      kind: 'jwks',
      url: new URL(url),
      issuer: ISSUER,
      audience: AUDIENCE,
      anonymous: 'viewer',
    });
    const viewer = await authenticator.verify(await sign({ roles: ['desk'], name: 'Desk member' }, privateKey));
    expect(viewer).toMatchObject({ id: 'idp-user', name: 'Desk member', networks: [] });
    expect([...viewer.roles]).toEqual(['desk']);
    expect(authenticator.mint).toBeNull();

    const other = await generateKeyPair('RS256');
    await expect(authenticator.verify(await sign({ roles: ['admin'] }, other.privateKey))).rejects.toThrow(
      /could not be verified/,
    );
  });
});
