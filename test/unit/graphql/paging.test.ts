import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, keepLast, lastCount, pageSize, toPage } from '../../../src/graphql/paging.js';

const NOT_A_CURSOR = /^after is not a cursor of this list/;

describe('pageSize', () => {
  it('defaults to 20 and takes whole numbers from 1 to 100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
    for (const first of [0, -1, 101, 2.5, Number.NaN]) {
      expect(() => pageSize(first), String(first)).toThrow(/^first must be from 1 to 100 \(got .*\); page through/);
    }
  });
});

describe('lastCount and keepLast (an inquiry’s own lists)', () => {
  it('default to 50 and take whole numbers from 0 to 200, saying the bound otherwise', () => {
    expect(lastCount(undefined)).toBe(50);
    expect(lastCount(null)).toBe(50);
    expect(lastCount(0)).toBe(0);
    expect(lastCount(200)).toBe(200);
    for (const last of [-1, 201, 2.5, Number.NaN]) {
      expect(() => lastCount(last), String(last)).toThrow(/^last must be from 0 to 200 \(got .*\)/);
    }
  });

  it('keep the newest items, oldest first', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 0, max: 200 }), (items, count) => {
        const kept = keepLast(items, count);
        expect(kept).toEqual(items.slice(Math.max(0, items.length - count)));
        expect(kept.length).toBe(Math.min(count, items.length));
      }),
      { numRuns: 200 },
    );
  });
});

describe('cursors', () => {
  const key = fc.array(
    fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    ),
    { maxLength: 4 },
  );
  const shapeOf = (sortKey: Array<string | number>) =>
    sortKey.map((v) => (typeof v === 'string' ? 'string' : 'number'));

  it('decode to the sort key they were made from', () => {
    fc.assert(
      fc.property(key, (sortKey) => {
        expect(decodeCursor(encodeCursor(sortKey), shapeOf(sortKey))).toEqual(sortKey);
      }),
      { numRuns: 300 },
    );
  });

  it('are opaque: URL-safe text', () => {
    fc.assert(
      fc.property(key, (sortKey) => {
        expect(encodeCursor(sortKey)).toMatch(/^[A-Za-z0-9_-]*$/);
      }),
      { numRuns: 100 },
    );
  });

  it("refuse another list's cursor, and anything that is not a cursor", () => {
    expect(decodeCursor(null, ['string'])).toBeNull();
    expect(decodeCursor(undefined, ['string'])).toBeNull();
    expect(() => decodeCursor(encodeCursor(['Anna', 3]), ['string', 'string'])).toThrow(NOT_A_CURSOR);
    expect(() => decodeCursor(encodeCursor(['Anna']), ['string', 'string'])).toThrow(NOT_A_CURSOR);
    expect(() => decodeCursor('not a cursor', ['string'])).toThrow(NOT_A_CURSOR);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'), ['string'])).toThrow(NOT_A_CURSOR);
    // Whatever a client sends: refused, or a key of the asked shape.
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => Buffer.from(s).toString('base64url')),
        ),
        (after) => {
          let decoded: Array<string | number> | null;
          try {
            decoded = decodeCursor(after, ['string', 'number']);
          } catch (error) {
            expect((error as Error).message).toMatch(NOT_A_CURSOR);
            return;
          }
          expect(decoded!.map((v) => typeof v)).toEqual(['string', 'number']);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('toPage', () => {
  it('keeps at most a page of rows, and says a next page exists exactly when there was one row more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        (rows, size, after) => {
          const page = toPage(rows, size, after, 99, (n) => ({ node: n, cursor: `c${n}` }));
          expect(page.edges.map((e) => e.node)).toEqual(rows.slice(0, size));
          expect(page.pageInfo).toEqual({
            hasNextPage: rows.length > size,
            hasPreviousPage: after,
            startCursor: rows.length > 0 ? `c${rows[0]}` : null,
            endCursor: rows.length > 0 ? `c${rows[Math.min(size, rows.length) - 1]}` : null,
          });
          expect(page.totalCount).toBe(99);
        },
      ),
      { numRuns: 200 },
    );
  });
});
