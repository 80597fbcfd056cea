/**
 * CPU-bound work inside a request (reading a long text, scoring many candidates) written as a generator that
 * yields between steps, so that it can run to the end at once (runToEnd) or paced (runPaced): then it lets the
 * event loop serve other requests every few milliseconds and stops when its request's signal aborts (deadline,
 * client gone), instead of holding the process for seconds past the deadline.
 */

/** How long paced work runs before it lets other work in. */
export const SLICE_MS = 8;

export function runToEnd<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runPaced<T>(work: Generator<void, T>, signal?: AbortSignal): Promise<T> {
  signal?.throwIfAborted();
  let sliceStarted = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStarted < SLICE_MS) continue;
    await nextTurn();
    signal?.throwIfAborted();
    sliceStarted = performance.now();
  }
}
