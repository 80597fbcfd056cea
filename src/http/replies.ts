import type http from 'node:http';

/** Reading a request's body and writing the replies the server sends without GraphQL. */

export class BodyTooLargeError extends Error {}

/**
 * Reads a request body of at most `maxBytes`. A larger one is read to its end but not kept, so that the
 * client, still sending, gets the 413 instead of a connection reset.
 */
export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () =>
      size > maxBytes ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

export function send(res: http.ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The code of the error a response was refused with before GraphQL ran, for the request log and metrics. */
export const refusals = new WeakMap<http.ServerResponse, string>();

export function sendJsonError(res: http.ServerResponse, status: number, code: string, message: string): void {
  refusals.set(res, code);
  const requestId = res.getHeader('x-request-id');
  const extensions = { code, ...(typeof requestId === 'string' ? { requestId } : {}) };
  send(res, status, 'application/json; charset=utf-8', JSON.stringify({ errors: [{ message, extensions }] }));
}
