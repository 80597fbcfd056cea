// The pages over HTTP: served with a strict CSP from the built bundles, assets only by the build's allow-list,
// and the development sign-in only where the server signs with the embedded default's local secret.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDevServer, type DevServer } from './helpers/dev-server.js';

const html = (url: string) => fetch(url, { headers: { accept: 'text/html' } });
const pageOptions = async (response: Response) =>
  JSON.parse(/<script type="application\/json" id="page-options">(.*?)<\/script>/s.exec(await response.text())![1]!) as { devIdentities: Array<{ id: string }> | null };

describe('the pages', () => {
  const appUrl = inject('appUrl');

  it.each([
    ['/', 'search'],
    ['/dashboard', 'dashboard'],
    ['/graphql', 'graphiql'],
  ])('serves %s with its bundle and a CSP that keeps it to this origin', async (route, bundle) => {
    const response = await html(`${appUrl}${route}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    const text = await response.text();
    expect(text).toContain(`<script type="module" src="/assets/${bundle}.js"></script>`);
    expect(text).not.toMatch(/https?:\/\//);
    const script = await fetch(`${appUrl}/assets/${bundle}.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${appUrl}/assets/${bundle}.css`)).status).toBe(200);
  });

  it('lets GraphiQL run Monaco workers of its own origin', async () => {
    const response = await html(`${appUrl}/graphql`);
    expect(response.headers.get('content-security-policy')).toContain("worker-src 'self'");
    for (const worker of ['editor', 'json', 'graphql']) expect((await fetch(`${appUrl}/assets/${worker}.worker.js`)).status).toBe(200);
  });

  it('answers an unchanged asset with 304', async () => {
    const first = await fetch(`${appUrl}/assets/search.js`);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetch(`${appUrl}/assets/search.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it.each(['/assets/manifest.json', '/assets/../package.json', '/assets/%2e%2e/package.json', '/assets/', '/assets/nothing.js', '/web/dist/search.js'])(
    'serves nothing outside the build for %s',
    async (route) => {
      expect((await fetch(`${appUrl}${route}`)).status).toBe(404);
    },
  );

  it('still answers GraphQL at /graphql for API clients', async () => {
    const response = await fetch(`${appUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(await response.json()).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('offers no development sign-in when an operator configured the tokens (AUTH_SECRET here)', async () => {
    expect((await pageOptions(await html(`${appUrl}/`))).devIdentities).toBeNull();
    const response = await fetch(`${appUrl}/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"identity":"sample-admin"}' });
    expect(response.status).toBe(404);
  });
});

describe('the development sign-in, on the embedded default', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer();
  });
  afterAll(() => server?.stop());

  const devToken = (body: string, contentType = 'application/json') =>
    fetch(`${server.url}/auth/dev-token`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('lists the development identities in every page', async () => {
    for (const route of ['/', '/dashboard', '/graphql']) {
      const options = await pageOptions(await html(`${server.url}${route}`));
      expect(options.devIdentities!.map((identity) => identity.id)).toEqual(
        expect.arrayContaining(['sample-viewer', 'sample-officer', 'sample-secretariat-ckn', 'sample-desk', 'sample-admin']),
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
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number; iat: number };
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
});
