// Who the pages act as: the server's cookie session (HTTP-only, shared by every tab of the browser), as
// GET /auth/session describes it, read once as the page loads (top-level await: every page knows its reader before it
// draws). The pages send the session's CSRF token with every request; the cookie goes by itself. A sign-in or
// sign-out in one tab reloads the others, and a request whose session has ended reloads its page signed out.
const CSRF_HEADER = 'x-csrf-token';

export interface Identity {
  subject: string;
  name: string;
  roles: string[];
  networks: string[];
  /** Seconds since the epoch. */
  expires: number | null;
}

/** What GET /auth/session answers (src/http/sign-in.ts). */
export interface SessionState {
  signedIn: boolean;
  subject?: string;
  name?: string;
  roles?: string[];
  networks?: string[];
  kind?: 'oidc' | 'development' | 'token';
  expiresAt?: string;
  csrfToken?: string;
  /** Whether the server signs in with the organisation's identity provider (GET /auth/sign-in). */
  oidc: boolean;
  /** Whether the development roles are offered (embedded default on this machine). */
  development: boolean;
}

const SIGNED_OUT: SessionState = { signedIn: false, oidc: false, development: false };

async function loadSession(): Promise<SessionState> {
  try {
    const response = await fetch('/auth/session', {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    return response.ok ? ((await response.json()) as SessionState) : SIGNED_OUT;
  } catch {
    return SIGNED_OUT;
  }
}

export const session: SessionState = await loadSession();

/** The other tabs of this browser: a sign-in or sign-out in one is seen by all. */
const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel('expertise-graph.session') : null;
tabs?.addEventListener('message', (event: MessageEvent<{ subject: string | null }>) => {
  if (event.data.subject !== (session.subject ?? null)) location.reload();
});
// A page opened after a sign-in elsewhere tells the tabs still showing someone else.
tabs?.postMessage({ subject: session.subject ?? null });

const announce = (subject: string | null) => tabs?.postMessage({ subject });

export function currentIdentity(): Identity | null {
  if (!session.signedIn || !session.subject) return null;
  return {
    subject: session.subject,
    name: session.name ?? session.subject,
    roles: session.roles ?? [],
    networks: session.networks ?? [],
    expires: session.expiresAt ? Date.parse(session.expiresAt) / 1000 : null,
  };
}

/** The roles of the signed-in reader; a page without one acts as a viewer. */
export function currentRoles(): string[] {
  const roles = currentIdentity()?.roles;
  return roles?.length ? roles : ['viewer'];
}

/** The headers every request of a signed-in page carries (the session's CSRF token). */
export function sessionHeaders(): Record<string, string> {
  return session.csrfToken ? { [CSRF_HEADER]: session.csrfToken } : {};
}

/** The session ended under the page (signed out in another tab, expired): the page starts again, signed out. */
export function sessionEnded(): void {
  announce(null);
  location.reload();
}

const answerError = async (response: Response): Promise<string> => {
  const body = (await response.json().catch(() => null)) as {
    errors?: Array<{ message: string }>;
    error?: string;
  } | null;
  return body?.errors?.[0]?.message ?? body?.error ?? `HTTP ${response.status}`;
};

/** Exchanges a bearer token for a session (the token box); null when signed in, else why not. */
export async function signInWithToken(token: string): Promise<string | null> {
  const response = await fetch('/auth/session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  if (!response.ok) return answerError(response);
  const signed = (await response.json()) as SessionState;
  announce(signed.subject ?? null);
  return null;
}

/** Signs in as a development role (embedded default only); null when signed in, else why not. */
export async function signInAsDevelopment(identity: string): Promise<string | null> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity }),
  });
  if (!response.ok) return answerError(response);
  announce(identity);
  return null;
}

/** Where the organisation's sign-in starts, coming back to this page. */
export const oidcSignInUrl = (): string =>
  `/auth/sign-in?return=${encodeURIComponent(location.pathname + location.search + location.hash)}`;

/** Ends the session (in every tab), and the identity provider's too when it signed in there. */
export async function signOut(): Promise<void> {
  const response = await fetch('/auth/sign-out', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...sessionHeaders() },
  });
  const body = (await response.json().catch(() => null)) as { location?: string | null } | null;
  announce(null);
  if (body?.location) location.assign(body.location);
  else location.reload();
}

const list = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : [];

/**
 * What a pasted token says about its bearer, to refuse at once what is no token or has expired; the server verifies
 * it when it is exchanged for a session. Null when it cannot be read.
 */
export function identityOf(token: string): Identity | null {
  try {
    const payload = token.split('.')[1];
    if (!payload) return null;
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<
      string,
      unknown
    >;
    const subject = typeof claims.sub === 'string' ? claims.sub : '?';
    return {
      subject,
      name: typeof claims.name === 'string' ? claims.name : subject,
      roles: [...list(claims.roles), ...list(claims.role)].map((role) => role.toLowerCase()),
      networks: [...list(claims.networks), ...list(claims.network)],
      expires: typeof claims.exp === 'number' ? claims.exp : null,
    };
  } catch {
    return null;
  }
}
