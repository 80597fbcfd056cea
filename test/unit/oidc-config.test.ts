// The sign-in's settings: OIDC_* and SESSION_*, with errors that say what to set.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { oidcConfig, parseRoleMap, sessionConfig } from '../../src/oidc-config.js';

const base = { OIDC_ISSUER: 'https://login.example.org/realms/rijk', OIDC_CLIENT_ID: 'expertise-graph' };

describe('oidcConfig', () => {
  it('is off without OIDC_ISSUER, and says so when other OIDC settings are given', () => {
    expect(oidcConfig({})).toBeNull();
    expect(() => oidcConfig({ OIDC_CLIENT_ID: 'x' })).toThrow(/OIDC_CLIENT_ID set without OIDC_ISSUER/);
  });

  it('derives the callback and the return after sign-out from PUBLIC_URL', () => {
    const config = oidcConfig({ ...base, PUBLIC_URL: 'https://experts.example.org' })!;
    expect(config.redirectUri.href).toBe('https://experts.example.org/auth/callback');
    expect(config.postLogoutRedirectUri.href).toBe('https://experts.example.org/');
    expect(config).toMatchObject({ clientSecret: null, scopes: 'openid profile email', rolesClaim: 'roles' });
    expect(config.defaultRole).toBe('viewer');
  });

  it.each([
    [{ ...base }, /neither PUBLIC_URL nor OIDC_REDIRECT_URI/],
    [{ OIDC_ISSUER: base.OIDC_ISSUER, PUBLIC_URL: 'https://e.example' }, /OIDC_CLIENT_ID is not/],
    [{ ...base, OIDC_ISSUER: 'login.example.org' }, /OIDC_ISSUER=login.example.org is not an http\(s\) URL/],
    [{ ...base, OIDC_REDIRECT_URI: 'https://e.example/callback' }, /must end in \/auth\/callback/],
    [{ ...base, PUBLIC_URL: 'https://e.example', OIDC_SCOPES: 'profile' }, /lacks openid/],
    [{ ...base, PUBLIC_URL: 'https://e.example', OIDC_DEFAULT_ROLE: 'admin' }, /OIDC_DEFAULT_ROLE=admin/],
  ])('refuses %o', (env, message) => {
    expect(() => oidcConfig(env)).toThrow(ConfigError);
    expect(() => oidcConfig(env)).toThrow(message);
  });

  it('reads OIDC_ROLE_MAP, and refuses an entry it cannot use', () => {
    expect([...parseRoleMap('a=officer, b=secretariat:CKN')]).toEqual([
      ['a', { role: 'officer', network: null }],
      ['b', { role: 'secretariat', network: 'ckn' }],
    ]);
    expect(() => parseRoleMap('a=boss')).toThrow(/"a=boss" is not value=role/);
    expect(() => parseRoleMap('a=secretariat')).toThrow(/without its network/);
  });
});

describe('sessionConfig', () => {
  it('marks cookies Secure when the public address is https, and reads the lifetimes', () => {
    expect(sessionConfig({ PUBLIC_URL: 'https://experts.example.org' }, null)).toEqual({
      maxAgeMs: 12 * 3_600_000,
      idleMs: 240 * 60_000,
      secureCookies: true,
      publicOrigin: 'https://experts.example.org',
    });
    expect(sessionConfig({ SESSION_MAX_HOURS: '8', SESSION_IDLE_MINUTES: '30' }, null)).toMatchObject({
      maxAgeMs: 8 * 3_600_000,
      idleMs: 30 * 60_000,
      secureCookies: false,
    });
    expect(() => sessionConfig({ SESSION_IDLE_MINUTES: '1' }, null)).toThrow(/SESSION_IDLE_MINUTES=1/);
  });
});
