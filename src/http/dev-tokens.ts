// Development sign-in: on the embedded default only (no AUTH_SECRET or AUTH_JWKS_URL, the server signs with
// its local secret) and only while the server listens on loopback, the pages offer the sample identities, and
// POST /auth/dev-token mints a short-lived token for the one picked and signs the browser in with it (a cookie
// session). The route does not exist in any other configuration, and it answers only a browser on this machine:
// the socket's peer is a loopback address, and the Host header (and the Origin, when sent) names localhost,
// 127.0.0.1 or [::1] with the server's own port, so that a web page reaching the port by DNS rebinding
// (Host: evil.example) is refused.
import type http from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { SAMPLE_IDENTITIES, type Authenticator } from '../auth/tokens.js';
import type { AuthConfig } from '../config.js';
import { isLoopback } from './rate-limit.js';

export const DEV_TOKEN_PATH = '/auth/dev-token';
/** Long enough to try things, short enough not to outlive a session by much. */
const DEV_TOKEN_LIFETIME = '1h';
const MAX_BODY = 1024;
/** Tokens minted per minute (by anyone: only this machine can ask): enough to click through every role often. */
export const DEV_TOKEN_MINTS_PER_MINUTE = 30;

export interface DevIdentity {
  id: string;
  label: string;
}

export const DEV_IDENTITIES: DevIdentity[] = SAMPLE_IDENTITIES.map((identity) => ({
  id: identity.subject,
  label: identity.name ?? identity.subject,
}));

/** Whether HOST is a loopback address (or `localhost`): only then can no other machine reach the server. */
export function isLoopbackHost(host: string): boolean {
  const plain = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return plain.toLowerCase() === 'localhost' || isLoopback(plain);
}

/**
 * Whether the development sign-in (the route, the pages' sample identities, the sample tokens file) is on:
 * with the local secret of the embedded default and a loopback HOST. `warning` says why it is off when a
 * local secret would have offered it, for the one log line an operator reads at start.
 */
export function developmentSignIn(auth: AuthConfig, host: string): { on: boolean; warning: string | null } {
  if (auth.kind !== 'local') return { on: false, warning: null };
  if (isLoopbackHost(host)) return { on: true, warning: null };
  return {
    on: false,
    warning:
      `HOST=${host} is not a loopback address and neither AUTH_SECRET nor AUTH_JWKS_URL is set: ` +
      `the development sign-in (${DEV_TOKEN_PATH}, the pages' sample roles) and the sample tokens are off, ` +
      'and every other machine is a viewer. ' +
      'To give other machines roles, set AUTH_SECRET (e.g. `openssl rand -base64 48`, then `npm run token`) ' +
      'or AUTH_JWKS_URL; for development on this machine only, leave HOST unset (127.0.0.1).',
  };
}

const ALLOWED_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/i;

/**
 * Why a request may not use the route (null: it may): it must come from this machine and name this server
 * the way a browser on this machine does. `port` is the port the server listens on.
 */
export function devTokenRefusal(
  request: { remoteAddress: string | undefined; host: string | undefined; origin: string | undefined },
  port: number,
): string | null {
  if (!isLoopback(request.remoteAddress)) {
    return (
      `Development tokens are only for a browser on the server's own machine; this request came from ` +
      `${request.remoteAddress ?? 'an unknown address'}.`
    );
  }
  const host = (request.host ?? '').trim();
  const match = ALLOWED_HOST.exec(host);
  const hostPort = match ? (match[2] === undefined ? 80 : Number(match[2])) : null;
  if (!match || hostPort !== port) {
    return `Development tokens are only given to http://localhost:${port} (or 127.0.0.1, [::1]); this request named the host "${host.slice(0, 100)}".`;
  }
  if (request.origin !== undefined && request.origin.toLowerCase() !== `http://${host.toLowerCase()}`) {
    return `Development tokens are only given to pages of http://${host} itself; this request came from a page of ${request.origin.slice(0, 100)}.`;
  }
  return null;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}

async function readSmallBody(req: http.IncomingMessage): Promise<string | null> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_BODY) return null;
  }
  return text;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);

/**
 * The route's handler; `mint` is the authenticator's, signing with the local secret; `port` the port the
 * server listens on (known once it listens).
 */
export function createDevTokenRoute(
  mint: NonNullable<Authenticator['mint']>,
  port: () => number,
  /** Also signs the browser in: the pages' cookie session for the token (src/http/sign-in.ts). */
  startSession?: (req: http.IncomingMessage, res: http.ServerResponse, token: string) => Promise<void>,
) {
  const mints = new RateLimiterMemory({ points: DEV_TOKEN_MINTS_PER_MINUTE, duration: 60 });
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const refusal = devTokenRefusal(
      { remoteAddress: req.socket.remoteAddress, host: req.headers.host, origin: single(req.headers.origin) },
      port(),
    );
    if (refusal) {
      json(res, 403, { error: refusal });
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      json(res, 405, { error: 'POST {"identity": "sample-officer"} to get a development token.' });
      return;
    }
    // JSON only: a form on another site cannot send it without a CORS preflight, which this route never grants.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      json(res, 415, { error: 'Send Content-Type: application/json.' });
      return;
    }
    try {
      await mints.consume('mint');
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      res.setHeader('retry-after', String(seconds));
      json(res, 429, {
        error: `More than ${DEV_TOKEN_MINTS_PER_MINUTE} development tokens in a minute: try again in ${seconds} s.`,
      });
      return;
    }
    const raw = await readSmallBody(req);
    let asked: unknown;
    try {
      asked = raw === null ? null : (JSON.parse(raw) as { identity?: unknown }).identity;
    } catch {
      asked = null;
    }
    const identity = SAMPLE_IDENTITIES.find((candidate) => candidate.subject === asked);
    if (!identity) {
      json(res, 400, { error: `Ask for one of: ${DEV_IDENTITIES.map((dev) => dev.id).join(', ')}.` });
      return;
    }
    const token = await mint(identity, DEV_TOKEN_LIFETIME);
    await startSession?.(req, res, token);
    json(res, 200, { token, expiresIn: DEV_TOKEN_LIFETIME });
  };
}
