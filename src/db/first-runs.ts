import { createHash } from 'node:crypto';
import { Neo4jError } from 'neo4j-driver';
import { untilAborted } from './availability.js';

/**
 * Planning a query costs far more than running it here: the ranking queries are long Cypher texts, which Neo4j
 * plans once and then runs from its query cache in tens of milliseconds, but planning one of them took 3-14 s
 * on the shared 2-core machine (EXPLAIN alone, measured: issue 18). Every request that arrives before a
 * text's first run has finished plans it again, in parallel with the others, so that 16 clients asking at
 * once after a start (or after Neo4j restarted, its cache empty) each took the machine's share of 16 plannings,
 * reached the 10 s deadline, and were stopped before any plan reached the cache: reads timed out for minutes.
 *
 * So the first read of a text since Neo4j (re)started has it planned first (`plan`: EXPLAIN with the same
 * parameters, which puts the plan in Neo4j's cache) with a timeout of its own, not the request's: a plan that
 * takes longer than a request's deadline is still made once, instead of being stopped with every request that
 * asks (a text the warm-up did not ask stayed out of reach that way, every request of it timing out). Reads of
 * that text meanwhile wait for it (each bounded by its own deadline), then run from the cache. The warm-up
 * (src/warmup.ts) plans the first questions' texts this way before the server says ready.
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

  /**
   * Runs `work` once `cypher` is planned: at once when it is, else after `plan` (started here unless another
   * request's is under way), which goes on when this request stops waiting for it.
   */
  async run<T>(
    cypher: string,
    signal: AbortSignal | undefined,
    plan: () => Promise<unknown>,
    work: () => Promise<T>,
  ): Promise<T> {
    // Beyond this many texts something builds them from values: plain running, as before.
    if (this.planned.size >= MAX_TEXTS) return work();
    const key = createHash('sha1').update(cypher).digest('base64');
    if (!this.planned.has(key)) {
      let planning = this.running.get(key);
      if (!planning) {
        // A plan that failed with Neo4j away or busy leaves the text to be planned again; a statement Neo4j
        // refuses is not asked again (the work says why).
        planning = plan().then(
          () => void this.planned.add(key),
          (error: unknown) => {
            if (error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Statement.'))
              this.planned.add(key);
          },
        );
        this.running.set(key, planning);
        void planning.finally(() => this.running.delete(key));
      }
      await untilAborted(planning, signal);
    }
    return work();
  }
}

const MAX_TEXTS = 5_000;
