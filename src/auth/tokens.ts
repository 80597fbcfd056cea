import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ConfigError, type AuthConfig } from '../config.js';
import { ANONYMOUS, ROLES, type Role, type Viewer } from './viewer.js';

/** A token was missing where one is required, or could not be trusted; the message says what to do. */
export class AuthenticationError extends Error {}

export interface Authenticator {
  /** The viewer a bearer token stands for; throws AuthenticationError when it cannot be trusted. */
  verify(token: string): Promise<Viewer>;
  /** Mints a token; only with a shared or local secret (a JWKS belongs to an outside identity provider). */
  mint: ((claims: TokenClaims, expiresIn?: string) => Promise<string>) | null;
  anonymous: AuthConfig['anonymous'];
}

export interface TokenClaims {
  subject: string;
  name?: string;
  roles: Role[];
  networks?: string[];
  email?: string;
}

const ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'EdDSA', 'PS256'];

/** The local secret of the embedded default, created on first use and kept beside its data. */
async function localSecret(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const secret = randomBytes(48).toString('base64url');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch((e: unknown) => {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    });
    return (await readFile(file, 'utf8')).trim();
  }
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The `email` claim when it looks like an address (one @, no spaces, at most 254 characters); otherwise none. */
function emailClaim(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = value.trim();
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

/**
 * Reads roles and networks from the claims `roles`/`role` and `networks`/`network` (network ids or acronyms, any case).
 */
export function viewerFromClaims(payload: JWTPayload): Viewer {
  if (!payload.sub) throw new AuthenticationError('The token has no subject (sub): mint one with `npm run token`.');
  const claimed = [...list(payload.roles), ...list(payload.role)].map((role) => role.toLowerCase());
  const unknown = claimed.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (claimed.length === 0 || unknown.length > 0) {
    throw new AuthenticationError(
      `The token's roles (${claimed.join(', ') || 'none'}) are not among ${ROLES.join(', ')}: ask for a token ` +
        'with a known role.',
    );
  }
  const networks = [...list(payload.networks), ...list(payload.network)].map((network) => network.toLowerCase());
  if (claimed.includes('secretariat') && networks.length === 0) {
    throw new AuthenticationError('A secretariat token must name its network (claim "network", e.g. "CKN").');
  }
  const name = typeof payload.name === 'string' && payload.name.trim() !== '' ? payload.name.trim() : payload.sub;
  const email = emailClaim(payload.email);
  return { id: payload.sub, name, roles: new Set(claimed as Role[]), networks, ...(email ? { email } : {}) };
}

export async function openAuthenticator(config: AuthConfig): Promise<Authenticator> {
  if (config.kind === 'unset') {
    throw new ConfigError(
      'NEO4J_URI is set but neither AUTH_SECRET nor AUTH_JWKS_URL is: set one so that tokens can be verified',
    );
  }
  const secret =
    config.kind === 'secret' ? config.secret : config.kind === 'local' ? await localSecret(config.secretFile) : null;
  const key = secret === null ? null : new TextEncoder().encode(secret);
  const keySet = config.kind === 'jwks' ? createRemoteJWKSet(config.url) : null;
  // A token without `exp` would never expire: it is refused, whoever signed it.
  const options = {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: key ? ['HS256', 'HS384', 'HS512'] : ALGORITHMS,
    requiredClaims: ['exp'],
  };

  // The secret's key or else the JWKS: one of them is set, the kind 'unset' was refused above.
  const checked = (token: string) => {
    if (key) return jwtVerify(token, key, options);
    if (keySet) return jwtVerify(token, keySet, options);
    throw new Error(`No key to verify tokens with (AUTH kind ${config.kind})`);
  };

  async function verify(token: string): Promise<Viewer> {
    try {
      const { payload } = await checked(token);
      return viewerFromClaims(payload);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      if (error instanceof joseErrors.JWTExpired)
        throw new AuthenticationError('The token has expired: get a new one (locally: `npm run token`).');
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'exp' && error.reason === 'missing') {
        throw new AuthenticationError(
          'The token has no expiry (exp claim): tokens must expire; get one that does ' +
            '(locally: `npm run token -- --expires 8h`).',
        );
      }
      if (error instanceof joseErrors.JWTClaimValidationFailed) {
        throw new AuthenticationError(
          `The token's "${error.claim}" claim is not accepted here (expected issuer "${config.issuer}" and ` +
            `audience "${config.audience}").`,
        );
      }
      if (error instanceof joseErrors.JOSEError) {
        throw new AuthenticationError(
          'The token could not be verified (bad signature or malformed): send a token issued for this server.',
        );
      }
      throw error;
    }
  }

  const mint = key
    ? (claims: TokenClaims, expiresIn = '12h') =>
        new SignJWT({
          roles: claims.roles,
          ...(claims.networks?.length ? { networks: claims.networks } : {}),
          ...(claims.name ? { name: claims.name } : {}),
          ...(claims.email ? { email: claims.email } : {}),
        })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(claims.subject)
          .setIssuer(config.issuer)
          .setAudience(config.audience)
          .setIssuedAt()
          .setExpirationTime(expiresIn)
          .sign(key)
    : null;

  return { verify, mint, anonymous: config.anonymous };
}

/** The bearer token of an Authorization header, null when there is none; a malformed header is refused. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined || header.trim() === '') return null;
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (token === undefined) throw new AuthenticationError('The Authorization header must be "Bearer <token>".');
  return token;
}

/**
 * The viewer a request's Authorization header stands for; requests without one are viewers unless configured to refuse.
 */
export async function viewerOfHeader(header: string | undefined, authenticator: Authenticator): Promise<Viewer> {
  const token = bearerToken(header);
  if (token !== null) return authenticator.verify(token);
  if (authenticator.anonymous === 'refuse') {
    throw new AuthenticationError('This server needs a token: send the header "Authorization: Bearer <token>".');
  }
  return ANONYMOUS;
}

/** Ready tokens for each role, printed at start on the embedded default so a newcomer can try them all. */
export const SAMPLE_IDENTITIES: TokenClaims[] = [
  { subject: 'sample-viewer', name: 'Dashboard (sample)', roles: ['viewer'] },
  { subject: 'sample-officer', name: 'Policy officer (sample)', roles: ['officer'] },
  { subject: 'sample-secretariat-ckn', name: 'CKN secretariat (sample)', roles: ['secretariat'], networks: ['ckn'] },
  { subject: 'sample-secretariat-reka', name: 'REKA secretariat (sample)', roles: ['secretariat'], networks: ['reka'] },
  { subject: 'sample-desk', name: 'Knowledge security desk (sample)', roles: ['desk'] },
  { subject: 'sample-admin', name: 'Administrator (sample)', roles: ['admin'] },
];
