// The pages' sign-in (docs/pages.md, "Sign-in"): every way in (OpenID Connect, a development role, a pasted token)
// ends in one cookie session shared by the tabs (src/auth/sessions.ts). Routes: GET /auth/session (who am I, and the
// CSRF token the pages send on every request), POST /auth/session (a bearer token exchanged for a session),
// GET /auth/sign-in and /auth/callback (OIDC), POST /auth/sign-out. `viewerOf` gives each GraphQL request its viewer:
// from a bearer token (API clients, no CSRF token needed) or from the cookie, with the CSRF token and a same-origin
// check.
import type http from 'node:http';
import { AuthenticationError, viewerOfHeader, type Authenticator } from '../auth/tokens.js';
import type { OidcClient } from '../auth/oidc.js';
import { OidcUnavailableError } from '../auth/oidc.js';
import { safeReturnPath } from '../auth/return-path.js';
import { sameSecret, Sessions } from '../auth/sessions.js';
import type { SessionKind, SessionRecord } from '../auth/session-repository.js';
import type { Viewer } from '../auth/viewer.js';
import type { Database } from '../db/database.js';
import { ErrorCode } from '../graphql/errors.js';
import type { Logger } from '../logging.js';
import type { SessionConfig } from '../oidc-config.js';
import { cookiesOf, crossSiteRefusal, headerOf, setCookie } from './cookies.js';
import { createDevTokenRoute, DEV_IDENTITIES, DEV_TOKEN_PATH, isLoopbackHost } from './dev-tokens.js';
import { readBody, send, sendJsonError } from './replies.js';
import { RETRY_AFTER_SECONDS } from './response-status.js';

/** The header the pages send their session's CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

export const DEFAULT_SESSIONS: SessionConfig = {
  maxAgeMs: 12 * 3_600_000,
  idleMs: 4 * 3_600_000,
  secureCookies: false,
  publicOrigin: null,
};

export interface SignInOptions {
  database: Database;
  authenticator: Authenticator;
  /** The defaults when not given. */
  sessions?: SessionConfig;
  /** OpenID Connect, when configured. */
  oidc?: OidcClient | null;
  /** The development sign-in (POST /auth/dev-token): asked for, and on only when `host` is a loopback address. */
  devTokens?: boolean;
  host: string;
  /** The port the server listens on (known once it listens). */
  port: () => number;
  log: Logger;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.setHeader('cache-control', 'no-store');
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
};

/** A page for the browser when a sign-in at the provider cannot go on, in both languages, with the way back. */
const failurePage = (res: http.ServerResponse, status: number, reason: string) => {
  res.setHeader('cache-control', 'no-store');
  send(
    res,
    status,
    'text/plain; charset=utf-8',
    `Inloggen is niet gelukt / Signing in did not work.\n\n${reason}\n\n` +
      'Probeer het opnieuw vanaf de startpagina / Try again from the start page: /\n',
  );
};

export function createSignIn(options: SignInOptions) {
  const { authenticator, log } = options;
  const oidc = options.oidc ?? null;
  const config = options.sessions ?? DEFAULT_SESSIONS;
  const sessions = new Sessions(options.database, config);
  const secure = config.secureCookies;
  // __Host-: a cookie only this origin sets and reads (browsers accept the prefix only with Secure).
  const SESSION_COOKIE = secure ? '__Host-eg-session' : 'eg-session';
  const PENDING_COOKIE = secure ? '__Host-eg-sign-in' : 'eg-sign-in';
  const sessionCookie = (res: http.ServerResponse, value: string, maxAgeSeconds: number) =>
    setCookie(res, SESSION_COOKIE, value, { maxAgeSeconds, secure });

  /** Signs the browser in as `viewer`: a new session and its cookie; a session the browser had before ends. */
  async function issue(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    viewer: Viewer,
    kind: SessionKind,
    idToken: string | null = null,
  ) {
    const earlier = cookiesOf(req).get(SESSION_COOKIE);
    if (earlier !== undefined) await sessions.end(earlier);
    const { id, session } = await sessions.start(viewer, kind, idToken);
    sessionCookie(res, id, config.maxAgeMs / 1000);
    return session;
  }

  const state = (session: SessionRecord | null) => ({
    signedIn: session !== null,
    ...(session && {
      subject: session.subject,
      name: session.name,
      roles: session.roles,
      networks: session.networks,
      kind: session.kind,
      expiresAt: new Date(session.expiresAt).toISOString(),
      csrfToken: session.csrfToken,
    }),
    oidc: oidc !== null,
    development: devToken !== null,
  });

  const mint = authenticator.mint;
  const devToken =
    options.devTokens && isLoopbackHost(options.host) && mint
      ? createDevTokenRoute(mint, options.port, async (req, res, token) => {
          await issue(req, res, await authenticator.verify(token), 'development');
        })
      : null;

  /** The session of the request's cookie (null: none, or one that ended; its cookie is then removed). */
  async function sessionOf(req: http.IncomingMessage, res: http.ServerResponse) {
    const id = cookiesOf(req).get(SESSION_COOKIE);
    if (id === undefined) return { id, found: null, ended: null };
    const found = await sessions.find(id);
    if (found.found) return { id, found, ended: null };
    sessionCookie(res, '', 0);
    return { id, found: null, ended: found.why };
  }

  const ENDED = {
    unknown: 'Your session has ended (signed out, perhaps in another tab)',
    expired: `Your session is over (sessions last ${config.maxAgeMs / 3_600_000} hours)`,
    idle: `Your session ended after ${config.idleMs / 60_000} minutes without use`,
  };

  async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (path === DEV_TOKEN_PATH) {
      if (!devToken) return false;
      await devToken(req, res);
      return true;
    }
    if (path === '/auth/session' && req.method === 'GET') {
      const { found } = await sessionOf(req, res);
      json(res, 200, state(found?.session ?? null));
      return true;
    }
    if (path === '/auth/session' && req.method === 'POST') {
      const refusal = crossSiteRefusal(req, config.publicOrigin);
      if (refusal) {
        sendJsonError(res, 403, ErrorCode.CSRF_REFUSED, `No sign-in from another site: ${refusal}.`);
        return true;
      }
      let viewer: Viewer;
      try {
        const header = req.headers.authorization;
        if (!header) throw new AuthenticationError('Send the token as "Authorization: Bearer <token>".');
        viewer = await viewerOfHeader(header, authenticator);
      } catch (error) {
        if (!(error instanceof AuthenticationError)) throw error;
        sendJsonError(res, 401, ErrorCode.UNAUTHENTICATED, error.message);
        return true;
      }
      json(res, 200, state(await issue(req, res, viewer, 'token')));
      return true;
    }
    if (path === '/auth/sign-in' && req.method === 'GET') {
      if (!oidc) {
        send(
          res,
          404,
          'text/plain; charset=utf-8',
          'Sign-in with OpenID Connect is not configured on this server (OIDC_ISSUER).',
        );
        return true;
      }
      try {
        const { url: provider, state, nonce, codeVerifier } = await oidc.begin();
        const returnTo = safeReturnPath(url.searchParams.get('return'));
        const pendingId = await sessions.beginSignIn({ state, nonce, codeVerifier, returnTo });
        setCookie(res, PENDING_COOKIE, pendingId, { maxAgeSeconds: 600, secure });
        res.setHeader('cache-control', 'no-store');
        res.writeHead(302, { location: provider.href }).end();
      } catch (error) {
        if (!(error instanceof OidcUnavailableError)) throw error;
        log.warn({ err: error }, 'OIDC sign-in could not start');
        failurePage(res, 503, error.message);
      }
      return true;
    }
    if (path === '/auth/callback' && req.method === 'GET' && oidc) {
      const pendingId = cookiesOf(req).get(PENDING_COOKIE);
      setCookie(res, PENDING_COOKIE, '', { maxAgeSeconds: 0, secure });
      const pending = pendingId === undefined ? null : await sessions.takeSignIn(pendingId);
      if (!pending) {
        failurePage(res, 400, 'This sign-in is unknown, took longer than ten minutes or was used already.');
        return true;
      }
      try {
        const { viewer, idToken } = await oidc.finish(url.search, pending);
        await issue(req, res, viewer, 'oidc', idToken);
        res.setHeader('cache-control', 'no-store');
        res.writeHead(303, { location: pending.returnTo }).end();
      } catch (error) {
        if (error instanceof AuthenticationError) failurePage(res, 403, error.message);
        else {
          log.warn({ err: error }, 'OIDC callback refused');
          failurePage(res, 400, `The identity provider's answer was not accepted: ${(error as Error).message}`);
        }
      }
      return true;
    }
    if (path === '/auth/sign-out' && req.method === 'POST') return signOut(req, res);
    return false;
  }

  async function signOut(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const refusal = crossSiteRefusal(req, config.publicOrigin);
    if (refusal) {
      sendJsonError(res, 403, ErrorCode.CSRF_REFUSED, `No sign-out from another site: ${refusal}.`);
      return true;
    }
    const { id, found } = await sessionOf(req, res);
    let location: string | null = null;
    if (id !== undefined && found) {
      const body = headerOf(req, 'content-type')?.startsWith('application/x-www-form-urlencoded')
        ? new URLSearchParams(await readBody(req, 4096)).get('csrf')
        : null;
      const token = headerOf(req, CSRF_HEADER) ?? body ?? undefined;
      if (!sameSecret(token, found.session.csrfToken)) {
        sendJsonError(
          res,
          403,
          ErrorCode.CSRF_REFUSED,
          `Sign out from the pages (they send the ${CSRF_HEADER} header).`,
        );
        return true;
      }
      const ended = await sessions.end(id);
      if (ended?.kind === 'oidc' && oidc) location = (await oidc.endSessionUrl(ended.idToken))?.href ?? null;
    }
    sessionCookie(res, '', 0);
    if ((req.headers.accept ?? '').includes('application/json')) json(res, 200, { signedIn: false, location });
    else {
      res.setHeader('cache-control', 'no-store');
      res.writeHead(303, { location: location ?? '/' }).end();
    }
    return true;
  }

  /**
   * The viewer of a GraphQL request, or null when it was refused (the reply is sent): a bearer token as before;
   * else the session of the cookie, which needs the session's CSRF token and a request from this origin.
   */
  async function viewerOf(req: http.IncomingMessage, res: http.ServerResponse): Promise<Viewer | null> {
    try {
      const header = req.headers.authorization;
      if (header !== undefined && header.trim() !== '') return await viewerOfHeader(header, authenticator);
      const csrf = headerOf(req, CSRF_HEADER);
      let session: Awaited<ReturnType<typeof sessionOf>>;
      try {
        session = await sessionOf(req, res);
      } catch (error) {
        log.warn({ err: error }, 'a session could not be looked up');
        res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
        sendJsonError(
          res,
          503,
          ErrorCode.SERVICE_UNAVAILABLE,
          'Sign-ins cannot be checked just now: try again in a moment.',
        );
        return null;
      }
      const { found, ended } = session;
      // A page that was signed in (it sends its token) whose session is gone: told so, not served as a viewer.
      if (!found && (ended !== null || csrf !== undefined))
        throw new AuthenticationError(`${ENDED[ended ?? 'unknown']}: sign in again.`);
      if (!found) return await viewerOfHeader(undefined, authenticator);
      const refusal =
        crossSiteRefusal(req, config.publicOrigin) ??
        (sameSecret(csrf, found.session.csrfToken) ? null : `it lacks the ${CSRF_HEADER} header of the session`);
      if (refusal) {
        sendJsonError(
          res,
          403,
          ErrorCode.CSRF_REFUSED,
          `This request carries the sign-in cookie but was refused because ${refusal}. The pages send it by ` +
            `themselves (GET /auth/session gives it); API clients send "Authorization: Bearer <token>" instead.`,
        );
        return null;
      }
      return found.viewer;
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      res.setHeader('www-authenticate', 'Bearer');
      sendJsonError(res, 401, ErrorCode.UNAUTHENTICATED, error.message);
      return null;
    }
  }

  return { route, viewerOf, devIdentities: devToken ? DEV_IDENTITIES : null };
}
