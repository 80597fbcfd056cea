// What an identity provider's claims make of someone here: the same viewer a bearer token with those roles gives.
import type { JWTPayload } from 'jose';
import type { OidcConfig } from '../oidc-config.js';
import { AuthenticationError, viewerFromClaims } from './tokens.js';
import { ROLES, type Viewer } from './viewer.js';

/** The value at a dotted path (`realm_access.roles`), or at the claim of that exact name. */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A claim as a list of strings: one string, a list, or (as some providers send groups) space-separated. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** The name to show: `name`, else given and family name, else the username or e-mail, else the subject. */
function displayName(claims: Record<string, unknown>): string | undefined {
  const given = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  return text(claims.name) ?? (given || null) ?? text(claims.preferred_username) ?? text(claims.email) ?? undefined;
}

export type ClaimMapping = Pick<OidcConfig, 'rolesClaim' | 'networksClaim' | 'roleMap' | 'defaultRole'>;

/**
 * The viewer an ID token's (and user info's) claims stand for. Roles come from the roles claim, through OIDC_ROLE_MAP
 * when it is set (values it does not name are ignored), else as our role names (any case; others ignored); networks
 * from the networks claim and from mapped secretariat roles. Without a role of ours: the default role, or a refusal.
 */
export function viewerFromOidcClaims(claims: Record<string, unknown>, mapping: ClaimMapping): Viewer {
  const values = strings(claimAt(claims, mapping.rolesClaim));
  const roles = new Set<string>();
  const networks = new Set(strings(claimAt(claims, mapping.networksClaim)).map((n) => n.toLowerCase()));
  for (const value of values) {
    if (mapping.roleMap.size > 0) {
      const mapped = mapping.roleMap.get(value);
      if (!mapped) continue;
      roles.add(mapped.role);
      if (mapped.network) networks.add(mapped.network);
    } else if ((ROLES as readonly string[]).includes(value.toLowerCase())) roles.add(value.toLowerCase());
  }
  if (roles.size === 0) {
    if (mapping.defaultRole === null) {
      throw new AuthenticationError(
        `Your account has no role in the expertise graph (claim "${mapping.rolesClaim}": ` +
          `${values.join(', ') || 'none'}): ask your administrator for one.`,
      );
    }
    roles.add(mapping.defaultRole);
  }
  const payload: JWTPayload = {
    sub: text(claims.sub) ?? undefined,
    name: displayName(claims),
    email: claims.email,
    roles: [...roles],
    networks: [...networks],
  };
  return viewerFromClaims(payload);
}
