/**
 * Rebuilds in the background of a server: when a read finds the standings stale (something wrote around
 * `audited()`), it ranks from scratch and asks for a rebuild here; one runs at a time per process.
 */
import type { Queries } from '../../db/database.js';
import { rebuildStandings } from './rebuild.js';
import { standingsFresh } from './state-repository.js';
import { expertCount } from './store-repository.js';

interface Keeper {
  queries: () => Queries;
  log: (line: string) => void;
  running: Promise<void> | null;
  stopped: boolean;
  /** When the last background rebuild ended (epoch ms). */
  lastEnded: number;
  /** A read found the standings stale, and no rebuild has finished since. */
  staleSeen: boolean;
  /** A rebuild waiting for the quiet time to pass. */
  due: NodeJS.Timeout | null;
}

/**
 * Quiet time between background rebuilds: a tool writing around the API in many small steps (a test suite
 * writing fixtures) should not keep the server rebuilding; reads rank from scratch meanwhile, correctly.
 */
const REBUILD_PAUSE_MS = 60_000;

/** A background rebuild goes in small batches with a breath between them, so the requests it runs beside stay quick. */
const BACKGROUND_PACE = { batch: 50, pauseMs: 100 };

let keeper: Keeper | null = null;

/**
 * Whether reads should skip the standings for now: they were found stale and no rebuild has finished
 * since (one is running or due), so each request spares the round trip of finding that out again.
 */
export function standingsKnownStale(): boolean {
  return keeper !== null && keeper.staleSeen;
}

/** Whether the stored standings reflect the graph now. */
export function standingsAreFresh(queries: Queries): Promise<boolean> {
  return queries.writeTransaction((run) => standingsFresh(run));
}

/**
 * At start: rebuilds the standings when they do not reflect the graph (a new or restored database, data
 * written around `audited()`, another formula), then keeps rebuilding on request until `stop`.
 */
export async function keepStandings(
  queries: () => Queries,
  log: (line: string) => void,
): Promise<{ stop: () => Promise<void> }> {
  // An empty database stays empty (a restore only goes into an empty one): nothing to rank yet.
  if ((await expertCount(queries())) > 0 && !(await standingsAreFresh(queries()))) {
    log('Stored whoKnows standings missing or out of date: working them out…');
    const started = performance.now();
    const { experts } = await rebuildStandings(queries(), log);
    log(`Standings of ${experts} experts worked out in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }
  const current: Keeper = { queries, log, running: null, stopped: false, lastEnded: 0, staleSeen: false, due: null };
  keeper = current;
  return {
    stop: async () => {
      current.stopped = true;
      if (current.due) clearTimeout(current.due);
      if (keeper === current) keeper = null;
      await current.running;
    },
  };
}

/**
 * Drops a background rebuild that is due, waits for one under way, and forgets that the standings were seen
 * stale: for a graph replaced whole under a running server (the tests put each worker's graph back to the seed).
 */
export async function settleStandingsKeeper(): Promise<void> {
  const current = keeper;
  if (!current) return;
  if (current.due) clearTimeout(current.due);
  current.due = null;
  await current.running;
  current.staleSeen = false;
}

/**
 * Asks for a rebuild in the background (outside a server: nothing): at once, or when the quiet time after
 * the last one has passed; nothing more while one is running or due.
 */
export function requestStandingsRebuild(): void {
  const current = keeper;
  if (!current || current.stopped) return;
  current.staleSeen = true;
  if (current.running || current.due) return;
  const wait = Math.max(0, current.lastEnded + REBUILD_PAUSE_MS - Date.now());
  current.due = setTimeout(() => {
    current.due = null;
    if (current.stopped) return;
    current.log(
      'Stored whoKnows standings are stale (data written outside audited changes): rebuilding them in the background.',
    );
    current.running = rebuildStandings(
      current.queries(),
      () => {},
      () => current.stopped,
      BACKGROUND_PACE,
    )
      .then(({ experts, complete }) =>
        current.log(`Standings of ${experts} experts rebuilt${complete ? '' : ' (a later rebuild finishes the job)'}.`),
      )
      .catch((error: unknown) => current.log(`Rebuilding the standings failed: ${(error as Error).message}`))
      .finally(() => {
        current.running = null;
        current.lastEnded = Date.now();
        // The next read checks again (and asks again if data was written around the API meanwhile).
        current.staleSeen = false;
      });
  }, wait);
  current.due.unref();
}
