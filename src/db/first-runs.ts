import { createHash } from 'node:crypto';
import { untilAborted } from './availability.js';

/**
 * Planning a query costs far more than running it here: the ranking queries are long Cypher texts, which Neo4j
 * plans once and then runs from its query cache in tens of milliseconds, but planning one of them took 3-14 s
 * on the shared 2-core machine (EXPLAIN alone, measured: issue 18). Every request that arrives before a
 * text's first run has finished plans it again, in parallel with the others, so that 16 clients asking at
 * once after a start (or after Neo4j restarted, its cache empty) each took the machine's share of 16 plannings,
 * reached the 10 s deadline, and were stopped before any plan reached the cache: reads timed out for minutes.
 *
 * So a read whose text has not run to the end since Neo4j (re)started waits while another request's first run
 * of it is under way (bounded by its own deadline), and then runs from the cache; only one request plans it.
 * Run after the warm-up (src/warmup.ts), which plans the first questions' texts before the server says ready.
 */
export class FirstRuns {
  /** Hashes of the texts that ran to the end since Neo4j (re)started, as far as this process knows. */
  private readonly planned = new Set<string>();
  /** First runs under way, by hash: settled when done, whatever the outcome. */
  private readonly running = new Map<string, Promise<void>>();

  /** Neo4j may have restarted (it was unreachable): its plans are gone. */
  forget(): void {
    this.planned.clear();
  }

  async run<T>(cypher: string, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    // Beyond this many texts something builds them from values: plain running, as before.
    if (this.planned.size >= MAX_TEXTS) return work();
    const key = createHash('sha1').update(cypher).digest('base64');
    for (;;) {
      if (this.planned.has(key)) return work();
      const first = this.running.get(key);
      if (!first) break;
      await untilAborted(first, signal);
    }
    const attempt = work();
    const settled = attempt.then(
      () => void this.planned.add(key),
      () => undefined,
    );
    this.running.set(key, settled);
    void settled.finally(() => this.running.delete(key));
    return attempt;
  }
}

const MAX_TEXTS = 5_000;
