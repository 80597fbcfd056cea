// The pages' sign-in with OpenID Connect against a real provider (oidc-provider, in this process) through headless
// Chromium: two tabs share the session, a page's write passes with its CSRF token, a request from another origin
// with the cookie but without the token is refused, the session outlives a server restart, and a sign-out in one tab
// signs the other out. Plus the cookie session over plain HTTP: a bearer token exchanged for it, and its end.
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Provider from 'oidc-provider';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOidcClient } from '../src/auth/oidc.js';
import { openAuthenticator, type Authenticator } from '../src/auth/tokens.js';
import type { Database } from '../src/db/database.js';
import { startHttp, type HttpServer } from '../src/http/server.js';
import { silentLogger } from '../src/logging.js';
import { oidcConfig, sessionConfig } from '../src/oidc-config.js';
import { schema } from '../src/schema.js';
import { connectTestDatabase } from './helpers/api.js';
import { browserTestsRun, openBrowser, SERVER_WAIT_MS } from './helpers/browser.js';
import { maybeUnset } from './helpers/maybe-unset.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** An authenticator with a local secret of its own, in a new folder (removed by the caller). */
async function localAuthenticator(): Promise<{ secretDir: string; authenticator: Authenticator }> {
  const secretDir = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-sign-in-'));
  const authenticator = await openAuthenticator({
    ...{ kind: 'local', secretFile: path.join(secretDir, 'auth-secret'), anonymous: 'viewer' },
    ...{ issuer: 'expertise-graph', audience: 'expertise-graph' },
  });
  return { secretDir, authenticator };
}

const ACCOUNT = { sub: 'oidc-olga', name: 'Olga Oidc', email: 'olga.oidc@example.org', roles: ['beleid', 'other'] };

describe.skipIf(!browserTestsRun)('sign-in with OpenID Connect', () => {
  let database: Database;
  let authenticator: Authenticator;
  let secretDir: string;
  let provider: Server;
  let app: HttpServer;
  let browser: Browser;
  let context: BrowserContext;
  let appUrl: string;
  let appPort: number;
  let issuer: string;
  const env = () => ({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: 'expertise-graph',
    OIDC_CLIENT_SECRET: 'a-client-secret-of-the-test-provider',
    OIDC_ROLE_MAP: 'beleid=officer',
    PUBLIC_URL: appUrl,
  });

  /** The app on the test database, signing in at the provider (again on the same port: a restart). */
  async function startApp(): Promise<HttpServer> {
    const oidc = oidcConfig(env())!;
    return startHttp({
      ...{ schema, database, authenticator, host: '127.0.0.1', port: appPort, queryStats: false, log: silentLogger() },
      oidc: createOidcClient(oidc),
      sessions: sessionConfig(env(), oidc),
    });
  }

  beforeAll(async () => {
    database = await connectTestDatabase();
    ({ secretDir, authenticator } = await localAuthenticator());
    appPort = await freePort();
    appUrl = `http://127.0.0.1:${appPort}`;
    const providerPort = await freePort();
    issuer = `http://127.0.0.1:${providerPort}`;
    provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'expertise-graph',
          client_secret: 'a-client-secret-of-the-test-provider',
          redirect_uris: [`${appUrl}/auth/callback`],
          post_logout_redirect_uris: [`${appUrl}/`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], profile: ['name', 'roles'], email: ['email'] },
      cookies: { keys: ['a-cookie-key-of-the-test-provider'] },
      findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ ...ACCOUNT, sub: id }) }),
    }).listen(providerPort);
    app = await startApp();
    browser = await openBrowser();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(SERVER_WAIT_MS);
    // The network is closed: the provider's sign-in page asks for a web font; only this machine answers.
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
  }, 120_000);

  afterAll(async () => {
    await maybeUnset(browser)?.close();
    await maybeUnset(app)?.stop();
    maybeUnset(provider)?.close();
    await maybeUnset(database)?.close();
    if (secretDir) await rm(secretDir, { recursive: true, force: true });
  });

  const who = (page: Page) => page.locator('.signin-who').textContent();
  /** What GET /auth/session says in a page of this context (the CSRF token included). */
  const sessionIn = (page: Page) =>
    page.evaluate(async () => (await fetch('/auth/session')).json() as Promise<Record<string, unknown>>);

  let first: Page;
  let second: Page;

  it('signs in at the provider and comes back to the page it left, signed in', async () => {
    first = await context.newPage();
    await first.goto(`${appUrl}/dashboard`);
    expect(await who(first)).toContain('Not signed in');
    await first.locator('a.signin-oidc').click();
    await first.locator('input[name=login]').fill('oidc-olga');
    await first.locator('input[name=password]').fill('any');
    await first.locator('button[type=submit]').click();
    // The provider asks to consent to the scopes the first time (its development interactions).
    await first.waitForURL((url) => url.origin === appUrl || url.pathname.startsWith('/interaction/'));
    if (new URL(first.url()).origin !== appUrl) await first.locator('button:has-text("Continue")').click();
    await first.waitForURL(`${appUrl}/dashboard`);
    expect(await who(first)).toContain('Olga Oidc');
    // The provider's value "beleid" is an officer here (OIDC_ROLE_MAP); "other" means nothing.
    expect(await who(first)).toContain('policy officer');
    const cookies = await context.cookies(appUrl);
    const cookie = cookies.find((c) => c.name === 'eg-session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  }, 300_000);

  it('shows the same identity in a second tab', async () => {
    second = await context.newPage();
    await second.goto(`${appUrl}/`);
    expect(await who(second)).toContain('Olga Oidc');
  }, 120_000);

  it("accepts a write from the page with its session's CSRF token", async () => {
    const answer = await second.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({
          query: `mutation { recordInquiry(input: { question: "Who knows OIDC sign-in across tabs?", askedBy: "min-bz",
            kind: EXPERTISE_REQUEST, routedTo: "ckn" }) { inquiry { id } } }`,
        }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  }, 120_000);

  it('refuses a request with the cookie but without the token, from this origin or another', async () => {
    const sameOrigin = await second.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      return { status: response.status, body: await response.text() };
    });
    expect(sameOrigin.status).toBe(403);
    expect(JSON.parse(sameOrigin.body).errors[0].extensions.code).toBe('CSRF_REFUSED');

    // A form on a page of another origin of the same site (the provider's, another port): the browser sends the
    // SameSite=Lax cookie with it, so the server sees a session, and refuses.
    const attacker = await context.newPage();
    await attacker.goto(`${issuer}/.well-known/openid-configuration`);
    const [response] = await Promise.all([
      attacker.waitForResponse(`${appUrl}/graphql`),
      attacker.evaluate((target) => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = target;
        form.enctype = 'text/plain';
        const field = document.createElement('input');
        field.name = '{"query":"mutation { markAllNotificationsRead }","x":"';
        field.value = '"}';
        form.append(field);
        document.body.append(form);
        form.submit();
      }, `${appUrl}/graphql`),
    ]);
    expect(response.status()).toBe(403);
    expect(await response.request().headerValue('cookie')).toContain('eg-session=');
    const refused = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(refused.errors[0]!.extensions.code).toBe('CSRF_REFUSED');
    expect(refused.errors[0]!.message).toMatch(/came from/);
    await attacker.close();
  }, 120_000);

  it('keeps the session over a restart of the server', async () => {
    await app.stop();
    app = await startApp();
    await second.reload();
    expect(await who(second)).toContain('Olga Oidc');
  }, 120_000);

  it('signs out in one tab, and the other is signed out at its next request', async () => {
    const before = await sessionIn(second);
    expect(before.signedIn).toBe(true);
    await first.locator('button.signout').click();
    // RP-initiated logout: the provider asks to confirm its own sign-out, then sends the browser back.
    await first.locator('button[name=logout]').click();
    await first.waitForURL(`${appUrl}/`);
    expect(await who(first)).toContain('Not signed in');
    // The second tab: a request with its old CSRF token is told its session ended…
    const next = await second.evaluate(async (csrfToken) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      return { status: response.status, body: (await response.json()) as { errors: Array<{ message: string }> } };
    }, before.csrfToken as string);
    expect(next.status).toBe(401);
    expect(next.body.errors[0]!.message).toMatch(/sign in again/);
    // …and the page itself shows it signed out (told by the first tab, or at its next load).
    await second.reload();
    expect(await who(second)).toContain('Not signed in');
  }, 300_000);
});

describe('the cookie session over HTTP', () => {
  let database: Database;
  let server: HttpServer;
  let secretDir: string;
  let authenticator: Authenticator;

  beforeAll(async () => {
    database = await connectTestDatabase();
    ({ secretDir, authenticator } = await localAuthenticator());
    server = await startHttp({
      ...{ schema, database, authenticator, host: '127.0.0.1', port: 0, queryStats: false, log: silentLogger() },
      // Sessions of two seconds: long enough for the first requests, over soon after.
      sessions: { maxAgeMs: 2_000, idleMs: 60 * 60_000, secureCookies: false, publicOrigin: null },
    });
  }, 120_000);

  afterAll(async () => {
    await maybeUnset(server)?.stop();
    await maybeUnset(database)?.close();
    if (secretDir) await rm(secretDir, { recursive: true, force: true });
  });

  it('gives a bearer token a session, serves it with its CSRF token, and refuses it cleanly once over', async () => {
    const token = await authenticator.mint!({ subject: 'session-sam', name: 'Session Sam', roles: ['desk'] });
    const signed = await fetch(`${server.url}/auth/session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(signed.status).toBe(200);
    const state = (await signed.json()) as { name: string; roles: string[]; csrfToken: string };
    expect(state).toMatchObject({ name: 'Session Sam', roles: ['desk'] });
    const cookie = signed.headers.getSetCookie()[0]!.split(';')[0]!;
    const ask = () =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': state.csrfToken },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    expect((await ask()).status).toBe(200);
    // An API client with a bearer token needs no CSRF token, cookie or not.
    const bearer = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(bearer.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const over = await ask();
    expect(over.status).toBe(401);
    const body = (await over.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]!.message).toMatch(/session is over.*sign in again/);
    expect(over.headers.getSetCookie().join()).toMatch(/eg-session=; .*Max-Age=0/);
  }, 120_000);

  it('refuses a sign-in by token from a page of another site', async () => {
    const token = await authenticator.mint!({ subject: 'session-sam', roles: ['desk'] });
    const response = await fetch(`${server.url}/auth/session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('says where OIDC sign-in is not configured', async () => {
    const response = await fetch(`${server.url}/auth/sign-in?return=/desk`, { redirect: 'manual' });
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/OIDC_ISSUER/);
  });
});
