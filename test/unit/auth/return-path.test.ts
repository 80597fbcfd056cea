// Where a sign-in may send the browser back to: paths of this server only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../../src/auth/return-path.js';

describe('safeReturnPath', () => {
  it.each([
    ['/desk?inquiry=inq-2024-0001', '/desk?inquiry=inq-2024-0001'],
    ['/experts/judith-kamphuis#contact', '/experts/judith-kamphuis#contact'],
    ['/', '/'],
  ])('keeps the path %s', (raw, kept) => expect(safeReturnPath(raw)).toBe(kept));

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'desk',
    '/auth/sign-in?return=/',
    '/auth/callback',
  ])('sends %s to the start page', (raw) => expect(safeReturnPath(raw)).toBe('/'));

  it('never leaves the server, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const kept = safeReturnPath(raw);
        expect(new URL(kept, 'https://experts.example.org').origin).toBe('https://experts.example.org');
        expect(kept.startsWith('/') && !kept.startsWith('//')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
