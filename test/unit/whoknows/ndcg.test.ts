import { describe, expect, it } from 'vitest';
import { ndcgAt } from '../../helpers/ndcg.js';

describe('ndcgAt', () => {
  const grades = { a: 3, b: 2, c: 1 };
  it('is 1 for the ideal order, whatever follows it', () => {
    expect(ndcgAt(10, ['a', 'b', 'c'], grades)).toBe(1);
    expect(ndcgAt(10, ['a', 'b', 'c', 'x', 'y'], grades)).toBe(1);
  });
  it('is 0 when nothing relevant is found, and 1 when nothing is relevant', () => {
    expect(ndcgAt(10, ['x', 'y'], grades)).toBe(0);
    expect(ndcgAt(10, ['x'], {})).toBe(1);
  });
  it('weighs the order by graded gain and log discount', () => {
    // DCG of [b, a, c] = 3/1 + 7/log2(3) + 1/2; ideal = 7 + 3/log2(3) + 1/2.
    const expected = (3 + 7 / Math.log2(3) + 0.5) / (7 + 3 / Math.log2(3) + 0.5);
    expect(ndcgAt(10, ['b', 'a', 'c'], grades)).toBeCloseTo(expected, 12);
    expect(ndcgAt(10, ['b', 'a', 'c'], grades)).toBeLessThan(1);
  });
  it('counts only the first k positions', () => {
    expect(ndcgAt(1, ['a', 'c', 'b'], grades)).toBe(1);
    expect(ndcgAt(2, ['x', 'a'], { a: 3 })).toBeCloseTo(1 / Math.log2(3), 12);
  });
});
