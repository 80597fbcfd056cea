// Development sign-in: on the embedded default only (no AUTH_SECRET or AUTH_JWKS_URL, the server signs with
// its local secret), the pages offer the sample identities, and POST /auth/dev-token mints a short-lived
// token for the one picked. The route does not exist in any other configuration.
import type http from 'node:http';
import { SAMPLE_IDENTITIES, type Authenticator } from '../auth/tokens.js';

export const DEV_TOKEN_PATH = '/auth/dev-token';
/** Long enough to try things, short enough not to outlive a session by much. */
const DEV_TOKEN_LIFETIME = '1h';
const MAX_BODY = 1024;

export interface DevIdentity {
  id: string;
  label: string;
}

export const DEV_IDENTITIES: DevIdentity[] = SAMPLE_IDENTITIES.map((identity) => ({ id: identity.subject, label: identity.name ?? identity.subject }));

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store' });
  res.end(text);
}

async function readSmallBody(req: http.IncomingMessage): Promise<string | null> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_BODY) return null;
  }
  return text;
}

/** The route's handler; `mint` is the authenticator's, signing with the local secret. */
export function createDevTokenRoute(mint: NonNullable<Authenticator['mint']>) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return json(res, 405, { error: 'POST {"identity": "sample-officer"} to get a development token.' });
    }
    // JSON only: a form on another site cannot send it without a CORS preflight, which this route never grants.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return json(res, 415, { error: 'Send Content-Type: application/json.' });
    }
    const raw = await readSmallBody(req);
    let asked: unknown;
    try {
      asked = raw === null ? null : (JSON.parse(raw) as { identity?: unknown }).identity;
    } catch {
      asked = null;
    }
    const identity = SAMPLE_IDENTITIES.find((candidate) => candidate.subject === asked);
    if (!identity) return json(res, 400, { error: `Ask for one of: ${DEV_IDENTITIES.map((dev) => dev.id).join(', ')}.` });
    json(res, 200, { token: await mint(identity, DEV_TOKEN_LIFETIME), expiresIn: DEV_TOKEN_LIFETIME });
  };
}
