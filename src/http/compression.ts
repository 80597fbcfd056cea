import type http from 'node:http';
import compression from 'compression';

/** Answers shorter than this go as they are: compressing them saves less than the encoding costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Answers sent a part at a time as they are produced (GraphQL's incremental delivery, server-sent events): a
 * compressor would hold the parts back until it had enough to compress.
 */
const STREAMED = /^(multipart\/mixed|text\/event-stream)\b/i;

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

/**
 * Compresses every answer worth it (pages, assets, guides, GraphQL, metrics) with brotli when the client accepts
 * it, else gzip, and says `Vary: Accept-Encoding` so that caches keep the encodings apart. The `compression`
 * middleware (Express's) uses only what node:http's request and response have.
 */
export function responseCompression(): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const middleware = compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    filter: (req, res) => !STREAMED.test(String(res.getHeader('content-type') ?? '')) && compression.filter(req, res),
  }) as unknown as Middleware;
  // It wraps the response's write and end, then calls on at once.
  return (req, res) => middleware(req, res, () => {});
}
