import { createHash, randomUUID } from 'node:crypto';
import neo4j, { type Driver, type AuthToken, type Session, isNode, isRelationship, isDate, isDateTime, isLocalDateTime, isInt, Neo4jError } from 'neo4j-driver';
import { parseRows, type Parser } from './rows.js';

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

export class DatabaseUnreachableError extends Error {}

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Turns driver values into plain JSON-like values: nodes to their properties, temporals to ISO strings. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isNode(value as never) || isRelationship(value as never)) return plain((value as { properties: unknown }).properties);
  if (isDate(value as never) || isDateTime(value as never) || isLocalDateTime(value as never)) return String(value);
  if (isInt(value as never)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/**
 * JS numbers reach Cypher as floats, which LIMIT, SKIP and list slices refuse: whole numbers go as
 * Neo4j integers (Cypher compares integers and floats by value, so scores are unaffected).
 */
function toCypherParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypherParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypherParams(v)]));
  }
  return value;
}

/**
 * Driver timeouts, shortened from the defaults (30 s to connect, 60 s for a pooled connection, 30 s of
 * retries; a refused connection fails at once either way) so that an outage reaches clients as SERVICE_UNAVAILABLE within seconds. The retry window still
 * covers a short blip, and a commit whose acknowledgement was lost (see `audited`: retries are idempotent).
 */
export const DRIVER_TIMEOUTS = {
  connectionTimeout: 5_000,
  connectionAcquisitionTimeout: 10_000,
  maxTransactionRetryTime: 5_000,
} as const;

/** How often a database known to be down is probed for its return, and how long a probe may take. */
const PROBE_INTERVAL_MS = 1_000;
const PROBE_TIMEOUT_MS = 3_000;
/** A heartbeat unanswered this long counts as missed; this many missed in a row mark Neo4j down. */
const HEARTBEAT_TIMEOUT_MS = 2_000;
const MISSED_HEARTBEATS_MEAN_DOWN = 2;

/**
 * What became of the request's write when it failed: certainly not stored; perhaps stored (the connection
 * broke after the commit was sent); or stored, and a later query of the same request (reading the result) failed.
 */
export type WriteOutcome = 'NOT_STORED' | 'UNKNOWN' | 'STORED';

export interface FailedWrite {
  outcome: WriteOutcome;
  /** The client's idempotency key, when it sent one: the same request sent again with it is safe. */
  idempotencyKey: string | null;
}

/** neo4j-driver's default `maxConnectionPoolSize`, stated so that metrics can show use against it. */
const POOL_SIZE = 100;

/** Neo4j cannot be reached (or is known to be down): the request was not served. */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly write: FailedWrite | null = null,
    options?: ErrorOptions,
  ) {
    super('Neo4j is unreachable', options);
  }
}

/** The request's deadline passed (or Neo4j timed its transaction out at the deadline). */
export class DeadlineExceededError extends Error {
  constructor(
    readonly limitMs: number,
    readonly write: FailedWrite | null = null,
    options?: ErrorOptions,
  ) {
    super(`The request's deadline of ${limitMs} ms passed`, options);
  }
}

/** The client went away before its request was done: its work was stopped. */
export class RequestCancelledError extends Error {
  constructor() {
    super('The client closed the connection');
  }
}

/** A uniqueness constraint refused the write. */
export class DuplicateRecordError extends Error {}

/** What bounds the queries of one request. */
export interface RequestScope {
  /** Aborted, with a DeadlineExceededError or RequestCancelledError as its reason, when the request's work must stop. */
  signal?: AbortSignal;
  /** When every transaction of the request must be done (epoch ms), and the limit that set it. */
  deadline?: { at: number; limitMs: number };
  /** A client's key that makes the request's writes safe to send again (see `Queries.operationKey`). */
  idempotencyKey?: string;
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

function isUnavailable(error: Neo4jError): boolean {
  return UNAVAILABLE_CODES.has(error.code);
}

/** A pool that could not hand out a connection in time: Neo4j may be up but saturated, so this does not mark it down. */
function isAcquisitionTimeout(error: Neo4jError): boolean {
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
class Availability {
  private down = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private unanswered = 0;
  private lastAnswerAt = Date.now();

  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
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
      const timer = setTimeout(() => stop.abort(new DatabaseUnavailableError()), this.down ? PROBE_TIMEOUT_MS : HEARTBEAT_TIMEOUT_MS);
      untilAborted(this.driver.verifyConnectivity({ database: this.database }), stop.signal)
        .finally(() => clearTimeout(timer))
        .then(
          () => {
            this.down = false;
            this.unanswered = 0;
            this.lastAnswerAt = Date.now();
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

/** One driver per process; `queries(stats, scope)` hands a request its own counting, deadline-bound view. */
export class Database {
  readonly activity: DatabaseActivity = { inFlight: 0, poolSize: POOL_SIZE };
  private readonly availability: Availability;

  private constructor(
    private readonly driver: Driver,
    readonly database: string | undefined,
    readonly uri: string,
  ) {
    this.availability = new Availability(driver, database);
  }

  static async connect(uri: string, auth: AuthToken | undefined, database?: string): Promise<Database> {
    const driver = neo4j.driver(uri, auth, { disableLosslessIntegers: true, userAgent: 'expertise-graph', maxConnectionPoolSize: POOL_SIZE, ...DRIVER_TIMEOUTS });
    try {
      await driver.verifyConnectivity({ database });
    } catch (error) {
      await driver.close();
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      if (error instanceof Neo4jError && error.code.includes('Unauthorized')) {
        throw new DatabaseUnreachableError(`Neo4j at ${uri} refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD.`);
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
    return new Queries(this.driver, this.database, stats, scope, this.availability, this.activity);
  }

  close(): Promise<void> {
    this.availability.close();
    return this.driver.close();
  }
}

type Run = (cypher: string, params?: Params) => Promise<Row[]>;

/**
 * Reads and writes as managed transactions (transient errors are retried), returning plain rows. Every
 * transaction runs with the request's remaining time as its timeout, and stops when the request's signal
 * aborts; failures come out as the domain errors above.
 */
export class Queries {
  private operations = 0;
  /** Whether a write transaction of this request has committed: a later failure must not read as "nothing written". */
  private committed = false;

  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly stats: QueryStats | undefined,
    private readonly scope: RequestScope = {},
    private readonly availability?: Availability,
    private readonly activity?: DatabaseActivity,
  ) {}

  /** The rows of a read; with `parse`, each row checked against the shape the caller relies on (src/db/rows.ts). */
  read<T>(cypher: string, params: Params, parse: Parser<T>): Promise<T[]>;
  read<T = Row>(cypher: string, params?: Params): Promise<T[]>;
  read<T>(cypher: string, params: Params = {}, parse?: Parser<T>): Promise<T[]> {
    const rows = this.run<T>(cypher, params, neo4j.routing.READ);
    return parse ? rows.then((found) => parseRows(found, parse)) : rows;
  }

  /** The rows of a write, as `read` gives them. */
  write<T>(cypher: string, params: Params, parse: Parser<T>): Promise<T[]>;
  write<T = Row>(cypher: string, params?: Params): Promise<T[]>;
  write<T>(cypher: string, params: Params = {}, parse?: Parser<T>): Promise<T[]> {
    const rows = this.run<T>(cypher, params, neo4j.routing.WRITE);
    return parse ? rows.then((found) => parseRows(found, parse)) : rows;
  }

  /**
   * The key of this request's next write operation, to be recorded with it so that a retry finds it
   * committed. Derived from the client's idempotency key when there is one (the same request sent again
   * gets the same keys, in the same order), otherwise new. `owner` (who does what) keeps one client's key
   * from ever finding another's operation.
   */
  operationKey(owner: string): string {
    const index = this.operations++;
    const clientKey = this.scope.idempotencyKey;
    if (!clientKey) return randomUUID();
    return createHash('sha256').update(JSON.stringify([owner, index, clientKey])).digest('hex');
  }

  /**
   * Runs several statements as one all-or-nothing write transaction (counted as one round trip each).
   * The driver runs `work` again after a transient failure, also when a commit's acknowledgement was lost:
   * work must therefore be idempotent (`audited` makes it so). A failure says whether the write may have
   * been stored (`FailedWrite.outcome`).
   */
  async writeTransaction<T>(work: (run: Run) => Promise<T>): Promise<T> {
    let commitSent = false;
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
            const result = await tx.run(cypher, toCypherParams(params) as Params);
            // Work stopped meanwhile must not go on to commit: the client has been told it was not stored.
            if (signal?.aborted) throw signal.reason;
            return result.records.map((record) => plain(record.toObject()) as Row);
          } finally {
            this.count(started);
          }
        });
        if (signal?.aborted) throw signal.reason;
        // The driver commits when the work returns: from here on, a broken connection leaves the outcome unknown.
        commitSent = true;
        return result;
      }, this.transactionConfig());
      const result = await untilAborted(transaction, signal);
      this.committed = true;
      this.availability?.noteAnswer();
      return result;
    } catch (error) {
      throw this.failure(error, commitSent ? 'UNKNOWN' : 'NOT_STORED');
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
    const write = outcome && { outcome, idempotencyKey: this.scope.idempotencyKey ?? null };
    const reason: unknown = this.scope.signal?.aborted ? this.scope.signal.reason : null;
    if (reason instanceof DeadlineExceededError) return new DeadlineExceededError(reason.limitMs, write, { cause: error });
    if (reason instanceof RequestCancelledError) return reason;
    if (error instanceof Neo4jError) {
      if (isUnavailable(error) || isAcquisitionTimeout(error)) {
        if (isUnavailable(error)) this.availability?.markDown();
        return new DatabaseUnavailableError(write, { cause: error });
      }
      if (error.code.includes('TransactionTimedOut')) {
        return new DeadlineExceededError(this.scope.deadline?.limitMs ?? 0, write, { cause: error });
      }
      if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return new DuplicateRecordError(error.message, { cause: error });
    }
    return error;
  }

  private async run<T>(cypher: string, params: Params, routing: 'READ' | 'WRITE'): Promise<T[]> {
    this.throwIfUnusable(null);
    const started = performance.now();
    if (this.activity) this.activity.inFlight += 1;
    try {
      const { records } = await untilAborted(
        this.driver.executeQuery(cypher, toCypherParams(params) as Params, {
          routing,
          database: this.database,
          signal: this.scope.signal,
          transactionConfig: this.transactionConfig(),
        }),
        this.scope.signal,
      );
      this.availability?.noteAnswer();
      return records.map((record) => plain(record.toObject()) as T);
    } catch (error) {
      throw this.failure(error, null);
    } finally {
      if (this.activity) this.activity.inFlight -= 1;
      this.count(started);
    }
  }
}

/**
 * The driver's promise, or the signal's reason as soon as it aborts: the deadline holds even when the
 * driver is still waiting on a connection or retrying (it is stopped too, by closing its session).
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  promise.catch(() => undefined); // settled later, after the request was answered
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

async function closeQuietly(session: Session): Promise<void> {
  await session.close().catch(() => undefined);
}
