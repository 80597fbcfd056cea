/** Tokens the bench signs for its own requests, with the secret of the configuration it started the app with. */
import { openAuthenticator, type TokenClaims } from '../src/auth/tokens.js';
import type { AuthConfig } from '../src/config.js';

export async function signedToken(auth: AuthConfig, claims: TokenClaims): Promise<string> {
  const { mint } = await openAuthenticator(auth);
  if (!mint) throw new Error('The bench signs its own tokens: its configuration needs AUTH_SECRET, not AUTH_JWKS_URL');
  return mint(claims);
}
