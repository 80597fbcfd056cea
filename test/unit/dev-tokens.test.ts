// The development sign-in answers only a browser on the server's own machine (issue 18): the decision whether
// it exists, and the route's refusals of a non-loopback peer, a foreign Host (DNS rebinding) and another port.
import { describe, expect, it } from 'vitest';
import type http from 'node:http';
import { openAuthenticator } from '../../src/auth/tokens.js';
import type { AuthConfig } from '../../src/config.js';
import { createDevTokenRoute, developmentSignIn, devTokenRefusal, isLoopbackHost } from '../../src/http/dev-tokens.js';

const common = { issuer: 'expertise-graph', audience: 'expertise-graph', anonymous: 'viewer' } as const;
const local: AuthConfig = { kind: 'local', secretFile: '/nonexistent/auth-secret', ...common };
const PORT = 4000;

describe('whether the development sign-in exists', () => {
  it.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])(
    'on the embedded default listening on %s',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
      expect(developmentSignIn(local, host)).toEqual({ on: true, warning: null });
    },
  );

  it.each(['0.0.0.0', '::', '192.168.1.10', 'example.org', ''])(
    'not on %s, and it says why and what to set',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
      const decision = developmentSignIn(local, host);
      expect(decision.on).toBe(false);
      expect(decision.warning).toContain(`HOST=${host} is not a loopback address`);
      expect(decision.warning).toContain('AUTH_SECRET');
      expect(decision.warning).toContain('AUTH_JWKS_URL');
    },
  );

  it("never with an operator's AUTH_SECRET or AUTH_JWKS_URL, and then there is nothing to warn about", () => {
    expect(developmentSignIn({ kind: 'secret', secret: 'x'.repeat(32), ...common }, '0.0.0.0')).toEqual({
      on: false,
      warning: null,
    });
    expect(
      developmentSignIn({ kind: 'jwks', url: new URL('https://login.example.org/jwks'), ...common }, '127.0.0.1'),
    ).toEqual({ on: false, warning: null });
  });
});

describe('whom the development sign-in answers', () => {
  const ask = (remoteAddress: string | undefined, host: string | undefined, origin?: string) =>
    devTokenRefusal({ remoteAddress, host, origin }, PORT);

  it.each([
    ['127.0.0.1', 'localhost:4000', undefined],
    ['127.0.0.1', '127.0.0.1:4000', 'http://127.0.0.1:4000'],
    ['::1', '[::1]:4000', 'http://[::1]:4000'],
    ['::ffff:127.0.0.1', 'LOCALHOST:4000', 'http://localhost:4000'],
  ])('a browser on this machine: peer %s, Host %s, Origin %s', (peer, host, origin) => {
    expect(ask(peer, host, origin)).toBeNull();
  });

  it('not another machine, whatever Host it names', () => {
    expect(ask('192.0.2.7', 'localhost:4000')).toMatch(
      /only for a browser on the server's own machine; this request came from 192\.0\.2\.7/,
    );
    expect(ask(undefined, 'localhost:4000')).toMatch(/own machine/);
  });

  it.each([
    ['evil.example:4000'],
    ['evil.example'],
    ['localhost:4001'],
    ['localhost'],
    ['127.0.0.1.evil.example:4000'],
    ['localhost:4000:4000'],
    [''],
  ])('not a page that reached this port under another name (DNS rebinding) or port: Host %s', (host) => {
    expect(ask('127.0.0.1', host)).toMatch(/only given to http:\/\/localhost:4000/);
  });

  it('not a page of another origin, even with the right Host', () => {
    expect(ask('127.0.0.1', 'localhost:4000', 'http://evil.example')).toMatch(
      /only given to pages of http:\/\/localhost:4000 itself/,
    );
    expect(ask('127.0.0.1', 'localhost:4000', 'http://localhost:4001')).toMatch(/pages of/);
    expect(ask('127.0.0.1', 'localhost:4000', 'null')).toMatch(/pages of/);
  });

  it('Host without a port on port 80', () => {
    expect(devTokenRefusal({ remoteAddress: '127.0.0.1', host: 'localhost', origin: undefined }, 80)).toBeNull();
  });

  it('the route answers a refused request with 403 and a JSON error saying why, before it reads anything', async () => {
    const authenticator = await openAuthenticator({ kind: 'secret', secret: 'x'.repeat(32), ...common });
    const route = createDevTokenRoute(authenticator.mint!, () => PORT);
    const answered: { status?: number; headers?: Record<string, string>; body?: string } = {};
    const res = {
      setHeader() {},
      writeHead(status: number, headers: Record<string, string>) {
        answered.status = status;
        answered.headers = headers;
      },
      end(body: string) {
        answered.body = body;
      },
    } as unknown as http.ServerResponse;
    const req = {
      method: 'POST',
      socket: { remoteAddress: '203.0.113.9' },
      headers: { host: `localhost:${PORT}`, 'content-type': 'application/json' },
    } as unknown as http.IncomingMessage;
    await route(req, res);
    expect(answered.status).toBe(403);
    expect(answered.headers!['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(answered.body!).error).toMatch(/203\.0\.113\.9/);
  });
});
