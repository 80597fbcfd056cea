// The settings of the pages' sign-in: OpenID Connect against the organisation's identity provider, and the
// server-side sessions every sign-in ends in (docs/configuration.md, "Sign-in with OpenID Connect").
import { ConfigError } from './config-error.js';

type Env = Record<string, string | undefined>;

/** One value of the roles claim and what it gives: a role, and for a secretariat its network. */
export interface RoleMapping {
  role: string;
  network: string | null;
}

export interface OidcConfig {
  /** The issuer identifier; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  issuer: URL;
  clientId: string;
  /** Null: a public client (PKCE only, no client authentication). */
  clientSecret: string | null;
  /** Where the provider sends the browser back: `<PUBLIC_URL>/auth/callback` unless OIDC_REDIRECT_URI says. */
  redirectUri: URL;
  /** Where the provider sends the browser after its own sign-out. */
  postLogoutRedirectUri: URL;
  scopes: string;
  /** The claim that holds the roles (a dotted path reaches inside objects: `realm_access.roles`). */
  rolesClaim: string;
  networksClaim: string;
  /** The provider's values and what they mean here; empty: the values are our role names themselves. */
  roleMap: ReadonlyMap<string, RoleMapping>;
  /** The role of someone whose claims name none of ours; null: such a sign-in is refused. */
  defaultRole: string | null;
}

export interface SessionConfig {
  /** A session ends this long after sign-in, however active. */
  maxAgeMs: number;
  /** A session ends after this long without a request. */
  idleMs: number;
  /** Whether cookies are marked Secure (the server's public address is https). */
  secureCookies: boolean;
  /** The server's public origin (PUBLIC_URL), when set: a cookie-authenticated write must come from it. */
  publicOrigin: string | null;
}

const ROLE_NAMES = ['viewer', 'officer', 'secretariat', 'desk', 'admin'];

function url(env: Env, name: string, example: string): URL | null {
  const raw = env[name];
  if (!raw) return null;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed;
  } catch {
    // below
  }
  throw new ConfigError(`${name}=${raw} is not an http(s) URL: use e.g. ${example}`);
}

function whole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(`${name}=${raw} is not a whole number from ${min} to ${max}: fix or unset it`);
  return value;
}

/** OIDC_ROLE_MAP: `value=role` or `value=secretariat:NETWORK`, separated by commas. */
export function parseRoleMap(raw: string | undefined): Map<string, RoleMapping> {
  const map = new Map<string, RoleMapping>();
  for (const entry of (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [, value, role, network] = /^([^=]+)=([a-z]+)(?::([A-Za-z0-9-]+))?$/.exec(entry) ?? [];
    if (value === undefined || role === undefined || !ROLE_NAMES.includes(role)) {
      throw new ConfigError(
        `OIDC_ROLE_MAP: "${entry}" is not value=role (role one of ${ROLE_NAMES.join(', ')}; a secretariat as ` +
          'secretariat:CKN), e.g. "ckn-secretariaat=secretariat:CKN,kennisloket=desk"',
      );
    }
    if (role === 'secretariat' && network === undefined)
      throw new ConfigError(`OIDC_ROLE_MAP: "${entry}" gives a secretariat without its network: write secretariat:CKN`);
    map.set(value.trim(), { role, network: network?.toLowerCase() ?? null });
  }
  return map;
}

/** OIDC_* settings; null when OIDC_ISSUER is unset (the pages then sign in by token, or the development roles). */
export function oidcConfig(env: Env): OidcConfig | null {
  const issuer = url(env, 'OIDC_ISSUER', 'https://login.example.org/realms/ministry');
  if (!issuer) {
    const stray = Object.keys(env).filter((name) => name.startsWith('OIDC_') && env[name]);
    if (stray.length > 0)
      throw new ConfigError(`${stray.join(', ')} set without OIDC_ISSUER: set the issuer too, or unset them`);
    return null;
  }
  if (!env.OIDC_CLIENT_ID)
    throw new ConfigError('OIDC_ISSUER is set but OIDC_CLIENT_ID is not: set the client id registered at the provider');
  const publicUrl = url(env, 'PUBLIC_URL', 'https://experts.example.org');
  const redirectUri =
    url(env, 'OIDC_REDIRECT_URI', 'https://experts.example.org/auth/callback') ??
    (publicUrl ? new URL('/auth/callback', publicUrl) : null);
  if (!redirectUri) {
    throw new ConfigError(
      'OIDC_ISSUER is set but neither PUBLIC_URL nor OIDC_REDIRECT_URI is: set PUBLIC_URL to the address people ' +
        'open (e.g. https://experts.example.org); the callback is then <PUBLIC_URL>/auth/callback',
    );
  }
  if (redirectUri.pathname !== '/auth/callback')
    throw new ConfigError(`OIDC_REDIRECT_URI=${redirectUri.href} must end in /auth/callback, the server's route`);
  const scopes = (env.OIDC_SCOPES || 'openid profile email').trim();
  if (!scopes.split(/\s+/).includes('openid'))
    throw new ConfigError(
      `OIDC_SCOPES="${scopes}" lacks openid: OpenID Connect needs it (e.g. "openid profile email")`,
    );
  const defaultRole = env.OIDC_DEFAULT_ROLE || 'viewer';
  if (defaultRole !== 'none' && !['viewer', 'officer'].includes(defaultRole))
    throw new ConfigError(`OIDC_DEFAULT_ROLE=${defaultRole} is not viewer, officer or none: fix or unset it`);
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET || null,
    redirectUri,
    postLogoutRedirectUri:
      url(env, 'OIDC_POST_LOGOUT_REDIRECT_URI', 'https://experts.example.org/') ?? new URL('/', redirectUri),
    scopes,
    rolesClaim: env.OIDC_ROLES_CLAIM || 'roles',
    networksClaim: env.OIDC_NETWORKS_CLAIM || 'networks',
    roleMap: parseRoleMap(env.OIDC_ROLE_MAP),
    defaultRole: defaultRole === 'none' ? null : defaultRole,
  };
}

/** SESSION_* settings and the cookie's Secure flag (PUBLIC_URL or the OIDC callback on https). */
export function sessionConfig(env: Env, oidc: OidcConfig | null): SessionConfig {
  const publicUrl = url(env, 'PUBLIC_URL', 'https://experts.example.org');
  const base = publicUrl ?? oidc?.redirectUri ?? null;
  return {
    maxAgeMs: whole(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 30) * 3_600_000,
    idleMs: whole(env, 'SESSION_IDLE_MINUTES', 240, 5, 24 * 60) * 60_000,
    secureCookies: base?.protocol === 'https:',
    publicOrigin: publicUrl?.origin ?? null,
  };
}
