// Cookies, and whether a browser request comes from this server's own pages.
import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { cookiesOf, crossSiteRefusal } from '../../../src/http/cookies.js';
import { sessionOver } from '../../../src/auth/sessions.js';
import type { SessionRecord } from '../../../src/auth/session-repository.js';

const request = (headers: http.IncomingHttpHeaders) => ({ headers }) as http.IncomingMessage;

describe('cookiesOf', () => {
  it('reads each cookie by name, the first of a repeated one', () => {
    const cookies = cookiesOf(request({ cookie: 'a=1; eg-session=abc=; a=2; junk' }));
    expect(cookies.get('a')).toBe('1');
    expect(cookies.get('eg-session')).toBe('abc=');
    expect(cookies.has('junk')).toBe(false);
  });
});

describe('crossSiteRefusal', () => {
  const host = { host: 'experts.example.org' };
  it.each([
    [{ ...host }],
    [{ ...host, 'sec-fetch-site': 'same-origin', origin: 'https://experts.example.org' }],
    [{ ...host, 'sec-fetch-site': 'none' }],
  ])('lets %o through', (headers) => expect(crossSiteRefusal(request(headers), null)).toBeNull());

  it.each([
    [{ ...host, 'sec-fetch-site': 'cross-site' }, /cross-site/],
    [{ ...host, 'sec-fetch-site': 'same-site' }, /same-site/],
    [{ ...host, origin: 'https://evil.example' }, /evil\.example/],
    [{ ...host, origin: 'null' }, /null/],
  ])('refuses %o', (headers, why) => expect(crossSiteRefusal(request(headers), null)).toMatch(why));

  it('takes PUBLIC_URL as its own origin behind a proxy', () => {
    const behind = request({ host: 'app:4000', origin: 'https://experts.example.org' });
    expect(crossSiteRefusal(behind, 'https://experts.example.org')).toBeNull();
    expect(crossSiteRefusal(behind, null)).toMatch(/experts\.example\.org/);
  });
});

describe('sessionOver', () => {
  const session = { createdAt: 0, lastSeenAt: 1_000, expiresAt: 10_000 } as SessionRecord;
  it('ends a session at its maximum age, and after its idle time', () => {
    expect(sessionOver(session, 5_000, 5_000)).toBeNull();
    expect(sessionOver(session, 6_000, 5_000)).toBe('idle');
    expect(sessionOver(session, 10_000, 60_000)).toBe('expired');
  });
});
