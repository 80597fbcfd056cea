// Who the pages act as: a bearer token kept in sessionStorage (gone when the tab closes), shared by the
// search page, the dashboard and GraphiQL. Without one, requests go without a token (a viewer, unless the
// server refuses anonymous requests).
const KEY = 'expertise-graph.token';

export interface Identity {
  subject: string;
  name: string;
  roles: string[];
  networks: string[];
  /** Seconds since the epoch. */
  expires: number | null;
}

export const currentToken = (): string | null => sessionStorage.getItem(KEY);

export function authorizationHeader(): Record<string, string> {
  const token = currentToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

const list = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : [];

/**
 * What the token says about its bearer, for display only: the server verifies every request, and the pages
 * show whatever it returns, never more. Null when the token cannot be read.
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

/** The roles of the stored token; a page without one acts as a viewer. */
export function currentRoles(): string[] {
  const token = currentToken();
  return (token && identityOf(token)?.roles) || ['viewer'];
}
