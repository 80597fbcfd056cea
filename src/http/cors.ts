import type http from 'node:http';
import cors from 'cors';

/** Headers a dashboard on another origin may send, and those it may read back (Retry-After on 429 and 503). */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'x-request-id', 'idempotency-key'];
const EXPOSED_HEADERS = ['x-request-id', 'retry-after'];

/**
 * CORS for the origins listed (none: same origin only, no CORS headers at all). Resolves `true` when it
 * answered the request itself (a preflight OPTIONS), `false` when the request goes on.
 */
export function createCors(
  origins: readonly string[],
): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean> {
  const middleware = cors({
    origin: origins.length > 0 ? [...origins] : false,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  return (req, res) =>
    new Promise<boolean>((resolve, reject) => {
      // cors calls next() or next(null) to go on; an error would be its options callback's (ours are fixed).
      middleware(req, res, (error?: unknown) => {
        if (!error) resolve(false);
        else reject(error instanceof Error ? error : new Error('CORS middleware failed', { cause: error }));
      });
      // Without calling next, cors has ended a preflight with 204.
      if (res.writableEnded) resolve(true);
    });
}
