import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, {
  type Driver,
  type AuthToken,
  type Record as Neo4jRecord,
  type Session,
  Neo4jError,
  isRetryableError,
} from 'neo4j-driver';
import { Availability, untilAborted } from './availability.js';
import {
  DatabaseUnavailableError,
  DatabaseUnreachableError,
  DeadlineExceededError,
  type WriteOutcome,
} from './errors.js';
import { failureOf } from './failures.js';
import { FirstRuns } from './first-runs.js';
import { parseRows, type Parser } from './rows.js';
import { plain, toCypherParams } from './values.js';

/** Per-request counters; `roundTrips` counts queries sent to Neo4j. */
export interface QueryStats {
  roundTrips: number;
  dbTimeMs: number;
}

/**
 * What the process holds open against the driver right now. The driver publishes no pool metrics; each
 * query or transaction in flight holds one pooled connection, so `inFlight` is the pool's use.
 */
export interface DatabaseActivity {
  inFlight: number;
  /** The driver's pool size: how many connections `inFlight` may reach per server. */
  readonly poolSize: number;
}

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/**
 * Driver timeouts, below the defaults (30 s to connect, 60 s for a pooled connection, 30 s of retries; a refused
 * connection fails at once either way) so that an outage reaches clients as SERVICE_UNAVAILABLE in seconds. The retry
 * window still covers a short blip, and a commit whose acknowledgement was lost (`audited`: retries are idempotent).
 */
export const DRIVER_TIMEOUTS = {
  connectionTimeout: 5_000,
  connectionAcquisitionTimeout: 10_000,
  maxTransactionRetryTime: 5_000,
} as const;

/** How long Neo4j may take to plan a new query text (far longer than a request's deadline: src/db/first-runs.ts). */
const PLAN_TIMEOUT_MS = 120_000;

/** The first wait before a read that failed transiently is tried again (then twice as long each time). */
const READ_RETRY_DELAY_MS = 200;

/** neo4j-driver's default `maxConnectionPoolSize`, stated so that metrics can show use against it. */
const POOL_SIZE = 100;

/** What bounds the queries of one request. */
export interface RequestScope {
  /** Aborted, its reason a DeadlineExceededError or RequestCancelledError, when the request's work must stop. */
  signal?: AbortSignal;
  /** When every transaction of the request must be done (epoch ms), and the limit that set it. */
  deadline?: { at: number; limitMs: number };
  /** A client's key that makes the request's writes safe to send again (see `Queries.operationKey`). */
  idempotencyKey?: string;
}

/** One driver per process; `queries(stats, scope)` hands a request its own counting, deadline-bound view. */
export class Database {
  readonly activity: DatabaseActivity = { inFlight: 0, poolSize: POOL_SIZE };
  private readonly availability: Availability;
  private readonly firstRuns = new FirstRuns();
  private readonly returnListeners: Array<() => void> = [];
  /**
   * While set, what the server is doing before the first questions will answer quickly (the warm-up,
   * src/warmup.ts): the readiness check reports it instead of ready.
   */
  warming: string | null = null;

  private constructor(
    private readonly driver: Driver,
    readonly database: string | undefined,
    readonly uri: string,
  ) {
    this.availability = new Availability(driver, database, () => {
      // A Neo4j that was unreachable may have restarted: its query plans are gone.
      this.firstRuns.forget();
      for (const listener of this.returnListeners) listener();
    });
  }

  /** Neo4j dropped its query plans (an index came online): the next first run of each text plans it again. */
  forgetPlans(): void {
    this.firstRuns.forget();
  }

  /** Calls `listener` each time Neo4j answers again after it was known down. */
  onReturn(listener: () => void): void {
    this.returnListeners.push(listener);
  }

  static async connect(uri: string, auth: AuthToken | undefined, database?: string): Promise<Database> {
    const driver = neo4j.driver(uri, auth, {
      disableLosslessIntegers: true,
      userAgent: 'expertise-graph',
      maxConnectionPoolSize: POOL_SIZE,
      ...DRIVER_TIMEOUTS,
    });
    try {
      await driver.verifyConnectivity({ database });
    } catch (error) {
      await driver.close();
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      if (error instanceof Neo4jError && error.code.includes('Unauthorized')) {
        throw new DatabaseUnreachableError(
          `Neo4j at ${uri} refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD.`,
        );
      }
      throw new DatabaseUnreachableError(
        `Cannot reach Neo4j at ${uri} (${reason}): check NEO4J_URI, or unset it to use the embedded database.`,
      );
    }
    return new Database(driver, database, uri);
  }

  /** True while Neo4j is known to be down (queries fail at once; a probe watches for its return). */
  get isKnownDown(): boolean {
    return this.availability.isDown;
  }

  queries(stats?: QueryStats, scope: RequestScope = {}): Queries {
    return new Queries(this.driver, this.database, stats, scope, this.availability, this.activity, this.firstRuns);
  }

  close(): Promise<void> {
    this.availability.close();
    return this.driver.close();
  }
}

export type Run = (cypher: string, params?: Params) => Promise<Row[]>;

/**
 * Reads as auto-commit queries and writes as managed transactions (transient errors are retried either way), returning
 * plain rows. Every transaction runs with the request's remaining time as its timeout, and stops when the request's
 * signal aborts; failures come out as the database layer's errors (src/db/errors.ts).
 */
export class Queries {
  private operations = 0;
  /** The request the next write operations belong to (see `bindWrites`); null outside a GraphQL mutation. */
  private writeRequest: string | null = null;
  /** Whether a write transaction of this request has committed: a later failure must not read as "nothing written". */
  private committed = false;
  /** Set when a write was answered from the store: the client sent it before with its key (`extensions.replayed`). */
  replayed = false;

  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly stats: QueryStats | undefined,
    private readonly scope: RequestScope = {},
    private readonly availability?: Availability,
    private readonly activity?: DatabaseActivity,
    private readonly firstRuns?: FirstRuns,
  ) {}

  /** Aborted when the request's work must stop: CPU-bound work between queries checks it too (src/pacing.ts). */
  get signal(): AbortSignal | undefined {
    return this.scope.signal;
  }

  /** The rows of a read; with `parse`, each row checked against the shape the caller relies on (src/db/rows.ts). */
  read<T = Row>(cypher: string, params: Params = {}, parse?: Parser<T>): Promise<T[]> {
    const rows = this.run<T>(cypher, params, neo4j.routing.READ);
    return parse ? rows.then((found) => parseRows(found, parse)) : rows;
  }

  /** The rows of a write, as `read` gives them. */
  write<T = Row>(cypher: string, params: Params = {}, parse?: Parser<T>): Promise<T[]> {
    const rows = this.run<T>(cypher, params, neo4j.routing.WRITE);
    return parse ? rows.then((found) => parseRows(found, parse)) : rows;
  }

  /**
   * Names the request that the following write operations belong to: a fingerprint of a mutation field and its
   * coerced arguments (src/graphql/idempotency.ts), stored with each operation so that the client's idempotency key
   * answers only that same request again. Mutation fields run one after another, so each binds its own.
   */
  bindWrites(request: string): void {
    this.writeRequest = request;
  }

  /** The fingerprint of the request the current write operation belongs to, if a mutation field bound one. */
  get boundRequest(): string | null {
    return this.writeRequest;
  }

  /**
   * The key of this request's next write operation, to be recorded with it so that a retry finds it
   * committed. Derived from the client's idempotency key when there is one (the same request sent again
   * gets the same keys, in the same order), otherwise new. `owner` (the token subject) keeps one client's key
   * from ever finding another's operation.
   */
  operationKey(owner: string): string {
    const index = this.operations++;
    const clientKey = this.scope.idempotencyKey;
    if (!clientKey) return randomUUID();
    return createHash('sha256')
      .update(JSON.stringify([owner, index, clientKey]))
      .digest('hex');
  }

  /**
   * Runs several statements as one all-or-nothing write transaction (counted as one round trip each).
   * The driver runs `work` again after a transient failure, also when a commit's acknowledgement was lost:
   * work must therefore be idempotent (`audited` makes it so). A failure says whether the write may have
   * been stored (`FailedWrite.outcome`).
   */
  async writeTransaction<T>(work: (run: Run) => Promise<T>): Promise<T> {
    // Set in the driver's callback: a property, so that the catch below is not taken to see it still false.
    const progress = { commitSent: false };
    this.throwIfUnusable('NOT_STORED');
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    if (this.activity) this.activity.inFlight += 1;
    const stop = () => void closeQuietly(session);
    this.scope.signal?.addEventListener('abort', stop, { once: true });
    const signal = this.scope.signal;
    try {
      const transaction = session.executeWrite(async (tx) => {
        // A retry must not start once the request is stopped.
        if (signal?.aborted) throw signal.reason;
        const result = await work(async (cypher, params = {}) => {
          const started = performance.now();
          try {
            const result = await tx.run(cypher, toCypherParams(params));
            // Work stopped meanwhile must not go on to commit: the client has been told it was not stored.
            if (signal?.aborted) throw signal.reason;
            return result.records.map((record) => plain(record.toObject()) as Row);
          } finally {
            this.count(started);
          }
        });
        if (signal?.aborted) throw signal.reason;
        // The driver commits when the work returns: from here on, a broken connection leaves the outcome unknown.
        progress.commitSent = true;
        return result;
      }, this.transactionConfig());
      const result = await untilAborted(transaction, signal);
      this.committed = true;
      this.availability?.noteAnswer();
      return result;
    } catch (error) {
      throw this.failure(error, progress.commitSent ? 'UNKNOWN' : 'NOT_STORED');
    } finally {
      signal?.removeEventListener('abort', stop);
      // A stopped request answers at once; its session closes in the background.
      if (signal?.aborted) void closeQuietly(session);
      else await closeQuietly(session);
      if (this.activity) this.activity.inFlight -= 1;
    }
  }

  private count(started: number): void {
    if (this.stats) {
      this.stats.roundTrips += 1;
      this.stats.dbTimeMs += performance.now() - started;
    }
  }

  /** The request's remaining time as the transaction's timeout, so that Neo4j itself stops work past the deadline. */
  private transactionConfig(): { timeout?: number } {
    const deadline = this.scope.deadline;
    return deadline ? { timeout: Math.max(1, Math.ceil(deadline.at - Date.now())) } : {};
  }

  /** Fails at once when the request is stopped, past its deadline, or Neo4j is known to be down. */
  private throwIfUnusable(writeOutcome: WriteOutcome | null): void {
    const outcome = writeOutcome ?? (this.committed ? 'STORED' : null);
    const write = outcome && { outcome, idempotencyKey: this.scope.idempotencyKey ?? null };
    if (this.scope.signal?.aborted) throw this.failure(this.scope.signal.reason, outcome);
    const deadline = this.scope.deadline;
    if (deadline && Date.now() >= deadline.at) throw new DeadlineExceededError(deadline.limitMs, write);
    if (this.availability?.isDown) throw new DatabaseUnavailableError(write);
  }

  /** The domain error for a failed query; `outcome` is given for writes. */
  private failure(error: unknown, writeOutcome: WriteOutcome | null): unknown {
    const outcome = writeOutcome ?? (this.committed ? 'STORED' : null);
    return failureOf(error, {
      write: outcome && { outcome, idempotencyKey: this.scope.idempotencyKey ?? null },
      stopped: this.scope.signal?.aborted ? (this.scope.signal.reason as unknown) : null,
      limitMs: this.scope.deadline?.limitMs ?? 0,
      availability: this.availability,
    });
  }

  private async run<T>(cypher: string, params: Params, routing: 'READ' | 'WRITE'): Promise<T[]> {
    this.throwIfUnusable(null);
    const started = performance.now();
    if (this.activity) this.activity.inFlight += 1;
    try {
      const records =
        routing === neo4j.routing.READ
          ? await this.firstRun(cypher, toCypherParams(params) as Params, () =>
              this.autoCommitRead(cypher, toCypherParams(params) as Params),
            )
          : (
              await untilAborted(
                this.driver.executeQuery(cypher, toCypherParams(params) as Params, {
                  routing,
                  database: this.database,
                  signal: this.scope.signal,
                  transactionConfig: this.transactionConfig(),
                }),
                this.scope.signal,
              )
            ).records;
      this.availability?.noteAnswer();
      return records.map((record) => plain(record.toObject()) as T);
    } catch (error) {
      throw this.failure(error, null);
    } finally {
      if (this.activity) this.activity.inFlight -= 1;
      this.count(started);
    }
  }

  /**
   * A read whose text Neo4j may not have planned yet: planned first, once, whoever asks meanwhile, with a
   * timeout of its own rather than the request's (src/db/first-runs.ts).
   */
  private async firstRun<T>(cypher: string, params: Params, read: () => Promise<T>): Promise<T> {
    if (!this.firstRuns) return read();
    const plan = () =>
      this.driver.executeQuery(`EXPLAIN ${cypher}`, params, {
        routing: neo4j.routing.READ,
        database: this.database,
        transactionConfig: { timeout: PLAN_TIMEOUT_MS },
      });
    return this.firstRuns.run(cypher, this.scope.signal, plan, async () => {
      // Waiting may have taken the request's time, or Neo4j.
      this.throwIfUnusable(null);
      return read();
    });
  }

  /**
   * A read as one auto-commit query: RUN and PULL go to Neo4j in one write, where a managed transaction
   * sends BEGIN, RUN and PULL, then COMMIT, each waiting for the other side. On this path every request
   * pays that per query (the bench measures it, bench/README.md). A read changes nothing, so a transient
   * failure is simply tried again, as a managed transaction would be, within the same retry window.
   */
  private async autoCommitRead(cypher: string, params: Params): Promise<Neo4jRecord[]> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.readOnce(cypher, params);
      } catch (error) {
        const retryAt = Date.now() + READ_RETRY_DELAY_MS * 2 ** attempt;
        const deadline = this.scope.deadline?.at ?? Number.POSITIVE_INFINITY;
        const again =
          isRetryableError(error) && retryAt - started < DRIVER_TIMEOUTS.maxTransactionRetryTime && retryAt < deadline;
        if (!again || this.scope.signal?.aborted) throw error;
        await sleep(retryAt - Date.now());
        this.throwIfUnusable(null);
      }
    }
  }

  private async readOnce(cypher: string, params: Params): Promise<Neo4jRecord[]> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      // As executeQuery does: a read after this process's writes sees them, on a cluster too.
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    const signal = this.scope.signal;
    const stop = () => void closeQuietly(session);
    signal?.addEventListener('abort', stop, { once: true });
    try {
      const result = await untilAborted(session.run(cypher, params, this.transactionConfig()), signal);
      return result.records;
    } finally {
      signal?.removeEventListener('abort', stop);
      // A stopped request answers at once; its session closes in the background.
      if (signal?.aborted) void closeQuietly(session);
      else await closeQuietly(session);
    }
  }
}

async function closeQuietly(session: Session): Promise<void> {
  await session.close().catch(() => undefined);
}
