import { describe, expect, it } from 'vitest';
import { progressLines } from '../../src/logging.js';

describe('progressLines', () => {
  it('says how far a step is at most once per interval, and nothing for a step quicker than that', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = progressLines(
      (done) => `${done} of 10`,
      (line) => lines.push(line),
      5_000,
      () => clock,
    );
    for (const [at, done] of [
      [1_000, 1],
      [4_999, 2],
      [5_000, 3],
      [6_000, 4],
      [10_500, 5],
    ]) {
      clock = at!;
      progress(done!);
    }
    expect(lines).toEqual(['3 of 10', '5 of 10']);
  });
});
