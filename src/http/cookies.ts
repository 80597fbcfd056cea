import type http from 'node:http';

/** The cookies of a request, by name (the first of a repeated name); values are taken as they are. */
export function cookiesOf(req: http.IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (name !== '' && !cookies.has(name)) cookies.set(name, part.slice(at + 1).trim());
  }
  return cookies;
}

/** HTTP-only, SameSite=Lax, path /, Secure when asked; `maxAgeSeconds` 0 removes it. */
export function setCookie(
  res: http.ServerResponse,
  name: string,
  value: string,
  options: { maxAgeSeconds: number; secure: boolean },
): void {
  const cookie = [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
  const earlier = res.getHeader('set-cookie');
  res.setHeader('set-cookie', [...(Array.isArray(earlier) ? earlier : []), cookie]);
}

/** One header's value (repeated ones joined), undefined when absent. */
export const headerOf = (req: http.IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

/**
 * Why a browser request may not act on the cookie it carries: it comes from another site (Sec-Fetch-Site) or from a
 * page of another origin (Origin). Null when it comes from this server's own pages (or from no browser page at all).
 */
export function crossSiteRefusal(req: http.IncomingMessage, publicOrigin: string | null): string | null {
  const site = headerOf(req, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `the browser says it came from a ${site} page`;
  const origin = headerOf(req, 'origin');
  if (origin === undefined) return null;
  const host = (headerOf(req, 'host') ?? '').toLowerCase();
  const own = [publicOrigin, `http://${host}`, `https://${host}`].filter((o): o is string => o !== null);
  return own.includes(origin.toLowerCase()) ? null : `it came from a page of ${origin.slice(0, 100)}`;
}
