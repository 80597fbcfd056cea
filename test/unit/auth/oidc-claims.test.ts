// What an identity provider's claims make of someone (the pages' OpenID Connect sign-in): roles through the map or
// by name, networks, the default role, the name to show.
import { describe, expect, it } from 'vitest';
import { claimAt, viewerFromOidcClaims, type ClaimMapping } from '../../../src/auth/oidc-claims.js';
import { AuthenticationError } from '../../../src/auth/tokens.js';
import { parseRoleMap } from '../../../src/oidc-config.js';

const plain: ClaimMapping = {
  rolesClaim: 'roles',
  networksClaim: 'networks',
  roleMap: new Map(),
  defaultRole: 'viewer',
};

describe('viewerFromOidcClaims', () => {
  it('takes our role names from the roles claim, in any case, and ignores the rest', () => {
    const viewer = viewerFromOidcClaims({ sub: 'u1', name: 'Ann', roles: ['Officer', 'offline_access'] }, plain);
    expect([...viewer.roles]).toEqual(['officer']);
    expect(viewer).toMatchObject({ id: 'u1', name: 'Ann', networks: [] });
  });

  it("maps the provider's values through OIDC_ROLE_MAP, a secretariat with its network", () => {
    const mapping = { ...plain, roleMap: parseRoleMap('ckn-secretariaat=secretariat:CKN,kennisloket=desk') };
    const viewer = viewerFromOidcClaims({ sub: 'u2', roles: 'ckn-secretariaat kennisloket officer' }, mapping);
    expect([...viewer.roles].sort()).toEqual(['desk', 'secretariat']);
    expect(viewer.networks).toEqual(['ckn']);
  });

  it('reads a dotted claim path (Keycloak realm roles) and the networks claim', () => {
    const mapping = { ...plain, rolesClaim: 'realm_access.roles', networksClaim: 'teams' };
    const viewer = viewerFromOidcClaims(
      { sub: 'u3', realm_access: { roles: ['secretariat'] }, teams: ['REKA'], email: 'a@example.org' },
      mapping,
    );
    expect([...viewer.roles]).toEqual(['secretariat']);
    expect(viewer.networks).toEqual(['reka']);
    expect(viewer.email).toBe('a@example.org');
  });

  it('gives someone without a role of ours the default role, or refuses with what to do', () => {
    expect([...viewerFromOidcClaims({ sub: 'u4', roles: ['staff'] }, plain).roles]).toEqual(['viewer']);
    expect(() => viewerFromOidcClaims({ sub: 'u4', roles: ['staff'] }, { ...plain, defaultRole: null })).toThrow(
      /no role in the expertise graph.*staff.*administrator/,
    );
  });

  it('refuses a secretariat without a network, and claims without a subject', () => {
    expect(() => viewerFromOidcClaims({ sub: 'u5', roles: ['secretariat'] }, plain)).toThrow(AuthenticationError);
    expect(() => viewerFromOidcClaims({ roles: ['officer'] }, plain)).toThrow(/no subject/);
  });

  it('shows given and family name, else the username, else the subject', () => {
    expect(viewerFromOidcClaims({ sub: 'u6', given_name: 'Bo', family_name: 'Berg' }, plain).name).toBe('Bo Berg');
    expect(viewerFromOidcClaims({ sub: 'u6', preferred_username: 'bberg' }, plain).name).toBe('bberg');
    expect(viewerFromOidcClaims({ sub: 'u6' }, plain).name).toBe('u6');
  });

  it('finds a claim by its exact name before a dotted path', () => {
    expect(claimAt({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
    expect(claimAt({ a: { b: 2 } }, 'a.b')).toBe(2);
    expect(claimAt({ a: [1] }, 'a.b')).toBeUndefined();
  });
});
