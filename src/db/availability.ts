import type { Driver, Neo4jError } from 'neo4j-driver';
import { DatabaseUnavailableError } from './errors.js';

/** How often a database known to be down is probed for its return, and how long a probe may take. */
const PROBE_INTERVAL_MS = 1_000;
const PROBE_TIMEOUT_MS = 3_000;
/** A heartbeat unanswered this long counts as missed; this many missed in a row mark Neo4j down. */
const HEARTBEAT_TIMEOUT_MS = 2_000;
const MISSED_HEARTBEATS_MEAN_DOWN = 2;

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

export function isUnavailable(error: Neo4jError): boolean {
  return UNAVAILABLE_CODES.has(error.code);
}

/**
 * A pool that could not hand out a connection in time: Neo4j may be up but saturated, so this does not mark it down.
 */
export function isAcquisitionTimeout(error: Neo4jError): boolean {
  return error.message.startsWith('Connection acquisition timed out');
}

/**
 * Whether Neo4j is known to be down. A connection failure marks it down, and so does a Neo4j that stops
 * answering (frozen, or a network that drops packets): a heartbeat asks it every second while it is up,
 * and two unanswered in a row (2 s each), with no query answered meanwhile, mark it down (a busy Neo4j
 * that is slow to answer the heartbeat but answers queries is not down). Meanwhile every query fails at once instead of
 * waiting out the driver's retries or its deadline, and a probe checks every second until Neo4j answers
 * again (with a routing driver this also fetches a fresh routing table).
 */
export class Availability {
  private down = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private unanswered = 0;
  private lastAnswerAt = Date.now();

  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    /** Hears that Neo4j answers again after it was known down (it may have restarted: its caches are cold). */
    private readonly onReturn: () => void = () => {},
  ) {
    this.schedule();
  }

  get isDown(): boolean {
    return this.down;
  }

  /** A query was answered: Neo4j is alive, whatever the heartbeat says. */
  noteAnswer(): void {
    this.lastAnswerAt = Date.now();
  }

  markDown(): void {
    if (this.down || this.closed) return;
    this.down = true;
    this.unanswered = 0;
  }

  /** One check a second: a heartbeat while up, a probe for Neo4j's return while down. */
  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      // A check that gets no answer counts as failed.
      const stop = new AbortController();
      const timer = setTimeout(
        () => stop.abort(new DatabaseUnavailableError()),
        this.down ? PROBE_TIMEOUT_MS : HEARTBEAT_TIMEOUT_MS,
      );
      untilAborted(this.driver.verifyConnectivity({ database: this.database }), stop.signal)
        .finally(() => clearTimeout(timer))
        .then(
          () => {
            const returned = this.down;
            this.down = false;
            this.unanswered = 0;
            this.lastAnswerAt = Date.now();
            if (returned && !this.closed) this.onReturn();
          },
          () => {
            this.unanswered += 1;
            const silentFor = Date.now() - this.lastAnswerAt;
            if (this.unanswered >= MISSED_HEARTBEATS_MEAN_DOWN && silentFor > HEARTBEAT_TIMEOUT_MS) this.markDown();
          },
        )
        .finally(() => this.schedule());
    }, PROBE_INTERVAL_MS);
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}

/**
 * The driver's promise, or the signal's reason as soon as it aborts: the deadline holds even when the
 * driver is still waiting on a connection or retrying (it is stopped too, by closing its session).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  promise.catch(() => undefined); // settled later, after the request was answered
  return new Promise<T>((resolve, reject) => {
    // The reason as the signal carries it (the request's DeadlineExceededError or RequestCancelledError).
    const abort = () => reject(signal.reason as unknown);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
