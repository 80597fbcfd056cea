// The pages over HTTP: served with a strict CSP from the built bundles, assets only by the build's allow-list,
// and the development sign-in only where the server signs with the embedded default's local secret, listens on
// loopback, and is asked by a browser on the same machine under its own name and port.
import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from './helpers/api.js';
import { DEV_TOKEN_MINTS_PER_MINUTE } from '../src/http/dev-tokens.js';
import { startDevServer, type DevServer } from './helpers/dev-server.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const html = (url: string) => fetch(url, { headers: { accept: 'text/html' } });
const pageOptions = async (response: Response) =>
  JSON.parse(
    /<script type="application\/json" id="page-options">(.*?)<\/script>/s.exec(await response.text())![1]!,
  ) as { devIdentities: Array<{ id: string }> | null; guide: string };

/** A GET as it comes over the wire: the body still encoded (fetch would decode it), the headers by lower-case name. */
const fetchRaw = (url: string, init: { method?: string; headers?: HeadersInit; body?: string } = {}) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.request(
      url,
      { method: init.method ?? 'GET', headers: Object.fromEntries(new Headers(init.headers).entries()) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });

describe('the pages', () => {
  const appUrl = testServer().appUrl;
  /** The address of a page's script, as its HTML names it. */
  const assetOf = async (route: string) =>
    /<script type="module" src="([^"]+)">/.exec(await (await html(`${appUrl}${route}`)).text())![1]!;

  it.each([
    ['/', 'search', 'app'],
    ['/dashboard', 'dashboard', 'app'],
    ['/desk', 'desk', 'app'],
    ['/experts/maarten-kooistra', 'profile', 'app'],
    ['/graphql', 'graphiql', 'graphiql'],
  ])(
    'serves %s with its hashed bundle, kept a year, a skip link, and a CSP that keeps it to this origin',
    async (route, bundle, main) => {
      const response = await html(`${appUrl}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("connect-src 'self'");
      const text = await response.text();
      expect(text).not.toMatch(/https?:\/\//);
      expect(text).toMatch(new RegExp(`<body>\\n<a class="skip-link" href="#${main}">`));
      expect(text).toMatch(new RegExp(`<main id="${main}" tabindex="-1">`));
      const script = new RegExp(`<script type="module" src="(/assets/${bundle}-[A-Z0-9]+\\.js)"></script>`).exec(
        text,
      )?.[1];
      const style = new RegExp(`<link rel="stylesheet" href="(/assets/${bundle}-[A-Z0-9]+\\.css)">`).exec(text)?.[1];
      for (const [asset, type] of [
        [script, 'text/javascript; charset=utf-8'],
        [style, 'text/css; charset=utf-8'],
      ]) {
        const answer = await fetch(`${appUrl}${asset}`);
        expect([asset, answer.status, answer.headers.get('content-type')]).toEqual([asset, 200, type]);
        expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      }
    },
  );

  it.each([
    ['/', 'officers'],
    ['/dashboard', 'dashboards'],
    ['/desk', 'handlers'],
    ['/experts/maarten-kooistra', 'officers'],
    ['/graphql', 'api'],
  ])('links %s to its guide (%s), served under the same CSP, whose links all resolve', async (route, guide) => {
    const { guide: link } = await pageOptions(await html(`${appUrl}${route}`));
    expect(link).toBe(`/docs/${guide}.html`);
    const response = await fetch(`${appUrl}${link}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const text = await response.text();
    expect(text).toMatch(/<h1 id="[a-z-]+">/);
    const targets = [...text.matchAll(/(?:href|src)="([^"]*)"/g)]
      .map((match) => match[1]!.split('#')[0]!)
      .filter((target) => target && !/^[a-z]+:/.test(target)); // data: and other sites are not this server's
    // Followed as a browser follows them (text/html: /graphql is GraphiQL then).
    expect(targets).toEqual(expect.arrayContaining(['docs.css', 'index.html']));
    for (const target of new Set(targets))
      expect([target, (await html(new URL(target, `${appUrl}${link}`).href)).status]).toEqual([target, 200]);
  });

  it('serves the guides index at /docs/, and the guides only there', async () => {
    const index = await fetch(`${appUrl}/docs/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('href="officers.html"');
    const bare = await fetch(`${appUrl}/docs`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/docs/']);
    expect((await fetch(`${appUrl}/assets/docs/index.html`)).status).toBe(404);
    expect((await fetch(`${appUrl}/docs/nothing.html`)).status).toBe(404);
  });

  it('serves an expert page as 404 for a slug no expert has, under the same CSP', async () => {
    for (const route of ['/experts/nobody-has-this-slug', '/experts/a%2Fb', '/experts/%E0%A4%A']) {
      const response = await html(`${appUrl}${route}`);
      expect([route, response.status]).toEqual([route, 404]);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await response.text()).toMatch(/<script type="module" src="\/assets\/profile-[A-Z0-9]+\.js"><\/script>/);
    }
    expect((await html(`${appUrl}/experts/`)).status).toBe(404);
  });

  it("names GraphiQL's editor and Monaco's workers of its own origin in the page's options", async () => {
    const response = await html(`${appUrl}/graphql`);
    expect(response.headers.get('content-security-policy')).toContain("worker-src 'self'");
    const { entries } = (await pageOptions(response)) as unknown as {
      entries: Record<string, { script: string; style?: string }>;
    };
    expect(Object.keys(entries).sort()).toEqual(['editor.worker', 'graphiql-editor', 'graphql.worker', 'json.worker']);
    for (const { script, style } of Object.values(entries))
      for (const asset of [script, style].filter((address) => address !== undefined))
        expect([asset, (await fetch(`${appUrl}${asset}`)).status]).toEqual([asset, 200]);
  });

  it('compresses assets, guides and GraphQL: brotli when accepted, else gzip; Vary: Accept-Encoding', async () => {
    const script = await assetOf('/');
    const asked = (url: string, encoding: string, post?: string) =>
      fetchRaw(url, {
        method: post ? 'POST' : 'GET',
        // One request id for all: GraphQL answers carry it.
        headers: {
          accept: post ? 'application/json' : 'text/html',
          'accept-encoding': encoding,
          'content-type': 'application/json',
          'x-request-id': 'compression',
        },
        body: post,
      });
    const introspection = JSON.stringify({ query: '{ __schema { types { name } } }' });
    for (const [url, post] of [
      [`${appUrl}${script}`],
      [`${appUrl}/docs/api.html`],
      [`${appUrl}/graphql`, introspection],
    ]) {
      const brotli = await asked(url!, 'gzip, deflate, br', post);
      expect([url, brotli.status, brotli.headers['content-encoding']]).toEqual([url, 200, 'br']);
      expect(brotli.headers.vary).toMatch(/accept-encoding/i);
      const gzip = await asked(url!, 'gzip', post);
      expect([url, gzip.headers['content-encoding']]).toEqual([url, 'gzip']);
      const plain = await asked(url!, 'identity', post);
      expect([url, plain.headers['content-encoding']]).toEqual([url, undefined]);
      // The same bytes, whichever way they travel.
      expect(zlib.brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
      expect(zlib.gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    }
    // Short answers and the probes go as they are; the metrics are compressed for a scraper that asks.
    expect((await asked(`${appUrl}/healthz`, 'br')).headers['content-encoding']).toBeUndefined();
    const metrics = await asked(`${appUrl}/metrics`, 'gzip');
    expect(metrics.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(metrics.body).toString()).toContain('# TYPE');
  });

  it('answers an unchanged asset with 304', async () => {
    const script = await assetOf('/');
    const first = await fetch(`${appUrl}${script}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetch(`${appUrl}${script}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it.each([
    '/assets/manifest.json',
    '/assets/../package.json',
    '/assets/%2e%2e/package.json',
    '/assets/',
    '/assets/nothing.js',
    '/assets/search.js',
    '/web/dist/manifest.json',
  ])('serves nothing outside the build for %s', async (route) => {
    expect((await fetch(`${appUrl}${route}`)).status).toBe(404);
  });

  it('still answers GraphQL at /graphql for API clients', async () => {
    const response = await fetch(`${appUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(await response.json()).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('offers no development sign-in when an operator configured the tokens (AUTH_SECRET here)', async () => {
    expect((await pageOptions(await html(`${appUrl}/`))).devIdentities).toBeNull();
    const response = await fetch(`${appUrl}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"identity":"sample-admin"}',
    });
    expect(response.status).toBe(404);
  });
});

describe('the development sign-in, on the embedded default', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer();
  });
  afterAll(() => maybeUnset(server)?.stop());

  const devToken = (body: string, contentType = 'application/json') =>
    fetch(`${server.url}/auth/dev-token`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('lists the development identities in every page', async () => {
    for (const route of ['/', '/dashboard', '/desk', '/graphql']) {
      const options = await pageOptions(await html(`${server.url}${route}`));
      expect(options.devIdentities!.map((identity) => identity.id)).toEqual(
        expect.arrayContaining([
          'sample-viewer',
          'sample-officer',
          'sample-secretariat-ckn',
          'sample-desk',
          'sample-admin',
        ]),
      );
    }
  });

  it('mints a short-lived token for the identity picked, which the API accepts', async () => {
    const response = await devToken('{"identity":"sample-secretariat-ckn"}');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { token } = (await response.json()) as { token: string };
    const viewer = await server.authenticator.verify(token);
    expect([...viewer.roles]).toEqual(['secretariat']);
    expect(viewer.networks).toEqual(['ckn']);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
      exp: number;
      iat: number;
    };
    expect(claims.exp - claims.iat).toBe(3600);
    const api = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(api.status).toBe(200);
  });

  it('refuses anything else', async () => {
    expect((await devToken('{"identity":"root"}')).status).toBe(400);
    expect((await devToken('not json')).status).toBe(400);
    expect((await devToken('identity=sample-admin', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await fetch(`${server.url}/auth/dev-token`)).status).toBe(405);
    expect((await devToken(JSON.stringify({ identity: 'x'.repeat(5000) }))).status).toBe(400);
  });

  /** A POST for the admin's token with the headers a browser (or a script) chose, over a raw socket to 127.0.0.1. */
  const mintWith = (headers: Record<string, string>) =>
    new Promise<{ status: number; body: { token?: string; error?: string } }>((resolve, reject) => {
      const port = Number(new URL(server.url).port);
      const body = '{"identity":"sample-admin"}';
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/auth/dev-token',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  it('answers a browser on this machine under its own name and port', async () => {
    const port = new URL(server.url).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const answer = await mintWith({ host, origin: `http://${host}` });
      expect(answer.status, host).toBe(200);
      expect(answer.body.token).toMatch(/^ey/);
    }
  });

  it(
    'refuses, with 403 saying why, a page that reached the port ' +
      'under another name (DNS rebinding) or port, or another origin',
    async () => {
      const port = Number(new URL(server.url).port);
      const cases: Array<Record<string, string>> = [
        { host: `evil.example:${port}` },
        { host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
        { host: `localhost:${port + 1}` },
        { host: 'localhost' },
        { host: `localhost:${port}`, origin: 'http://evil.example' },
      ];
      for (const headers of cases) {
        const answer = await mintWith(headers);
        expect(answer.status, JSON.stringify(headers)).toBe(403);
        expect(answer.body.token).toBeUndefined();
        expect(answer.body.error).toMatch(/^Development tokens are only given to /);
      }
    },
  );

  // Last in this block: it spends the minute's mints of this server.
  it('mints a bounded number of tokens a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= DEV_TOKEN_MINTS_PER_MINUTE; i++)
      statuses.push((await devToken('{"identity":"sample-admin"}')).status);
    expect(statuses.at(-1)).toBe(429);
    const refused = await devToken('{"identity":"sample-admin"}');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { token?: string }).token).toBeUndefined();
  });
});

describe('the development sign-in, on the embedded default listening on every address (HOST=0.0.0.0)', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer('0.0.0.0');
  });
  afterAll(() => maybeUnset(server)?.stop());

  it('does not exist, and the pages offer no development identities', async () => {
    const url = server.url.replace('localhost', '127.0.0.1');
    const response = await fetch(`${url}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"identity":"sample-admin"}',
    });
    expect(response.status).toBe(404);
    for (const route of ['/', '/dashboard', '/desk', '/graphql'])
      expect((await pageOptions(await html(`${url}${route}`))).devIdentities).toBeNull();
  });
});
