import { describe, expect, it } from 'vitest';
import { runPaced, runToEnd, SLICE_MS } from '../../src/pacing.js';

function* counting(steps: number, seen: { count: number }): Generator<void, number> {
  for (let i = 0; i < steps; i++) {
    seen.count += 1;
    // Enough work per step that slices end often.
    for (let spin = 0; spin < 2_000; spin++) Math.sqrt(spin);
    yield;
  }
  return steps;
}

describe('paced work', () => {
  it('gives the same result run to the end or paced', async () => {
    expect(runToEnd(counting(500, { count: 0 }))).toBe(500);
    expect(await runPaced(counting(500, { count: 0 }))).toBe(500);
  });

  it('lets other work run between its slices', async () => {
    // Steps of a millisecond each, for several slices whatever the machine's speed (a spin loop alone may be
    // optimised to nothing and end within one slice).
    function* busy(steps: number): Generator<void, number> {
      for (let i = 0; i < steps; i++) {
        const until = performance.now() + 1;
        while (performance.now() < until);
        yield;
      }
      return steps;
    }
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 0);
    await runPaced(busy(5 * SLICE_MS));
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops when its signal aborts, without running the remaining steps', async () => {
    const stop = new AbortController();
    const seen = { count: 0 };
    setImmediate(() => stop.abort(new Error('deadline passed')));
    await expect(runPaced(counting(10_000_000, seen), stop.signal)).rejects.toThrow('deadline passed');
    expect(seen.count).toBeLessThan(10_000_000);
  });
});
