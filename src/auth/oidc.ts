// The OpenID Connect client of the pages' sign-in (openid-client): authorisation code with PKCE, state and nonce,
// against the issuer of OIDC_ISSUER; the claims it returns become a viewer (oidc-claims.ts).
import * as client from 'openid-client';
import type { OidcConfig } from '../oidc-config.js';
import { viewerFromOidcClaims } from './oidc-claims.js';
import type { Viewer } from './viewer.js';

/** The provider could not be reached or answered with an error; the message says what went wrong. */
export class OidcUnavailableError extends Error {}

export interface SignInStart {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcClient {
  /** The provider's authorisation address for a new sign-in, with what the callback must check. */
  begin(): Promise<SignInStart>;
  /** The viewer of the provider's answer (the callback's query) (AuthenticationError when its claims give no role). */
  finish(
    search: string,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ viewer: Viewer; idToken: string | null }>;
  /** The provider's sign-out address for a session it signed in (RP-initiated logout), when it has one. */
  endSessionUrl(idToken: string | null): Promise<URL | null>;
}

/** Whether a URL's host is this machine (localhost, 127.x.x.x, [::1]). */
const isLoopbackAddress = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);

export function createOidcClient(config: OidcConfig): OidcClient {
  let discovered: Promise<client.Configuration> | null = null;
  // Plain http only to a provider on this machine (the tests' and a developer's); anywhere else it must be https.
  const insecure = config.issuer.protocol === 'http:' && isLoopbackAddress(config.issuer.hostname);
  const configuration = (): Promise<client.Configuration> =>
    (discovered ??= client
      .discovery(
        config.issuer,
        config.clientId,
        config.clientSecret ?? undefined,
        config.clientSecret ? undefined : client.None(),
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- plain http to a provider on this machine only
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        // Tried again at the next sign-in: the provider may be back.
        discovered = null;
        throw new OidcUnavailableError(
          `The identity provider ${config.issuer.href} cannot be reached or its discovery document is invalid ` +
            `(${(error as Error).message}): try again in a moment.`,
          { cause: error },
        );
      }));

  return {
    async begin() {
      const found = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(found, {
        redirect_uri: config.redirectUri.href,
        scope: config.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },

    async finish(search, checks) {
      const found = await configuration();
      // The callback's address as registered at the provider, whatever Host the request named.
      const callbackUrl = new URL(config.redirectUri);
      callbackUrl.search = search;
      const tokens = await client.authorizationCodeGrant(found, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims: Record<string, unknown> = { ...tokens.claims() };
      // Roles and names are often only in the user info: it adds what the ID token lacks.
      if (found.serverMetadata().userinfo_endpoint && typeof claims.sub === 'string') {
        const info = await client.fetchUserInfo(found, tokens.access_token, claims.sub);
        for (const [name, value] of Object.entries(info)) if (!(name in claims)) claims[name] = value;
      }
      return { viewer: viewerFromOidcClaims(claims, config), idToken: tokens.id_token ?? null };
    },

    async endSessionUrl(idToken) {
      const found = await configuration().catch(() => null);
      if (!found?.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(found, {
        post_logout_redirect_uri: config.postLogoutRedirectUri.href,
        ...(idToken ? { id_token_hint: idToken } : {}),
      });
    },
  };
}
