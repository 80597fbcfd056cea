import neo4j, { type Driver, type AuthToken, isNode, isRelationship, isDate, isDateTime, isLocalDateTime, isInt, Neo4jError } from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../graphql/errors.js';

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

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Maps driver failures a client can act on to coded GraphQL errors; everything else stays internal. */
function toDomainError(error: unknown): unknown {
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code)) {
      return new GraphQLError('The database is unreachable right now; try again in a minute.', {
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
        originalError: error,
      });
    }
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new GraphQLError('That record already exists: use a different id or update the existing one.', {
        extensions: { code: ErrorCode.CONFLICT },
        originalError: error,
      });
    }
  }
  return error;
}

/** neo4j-driver's default `maxConnectionPoolSize`, stated so that metrics can show use against it. */
const POOL_SIZE = 100;

/** One driver per process; `queries(stats)` hands a request its own counting view. */
export class Database {
  readonly activity: DatabaseActivity = { inFlight: 0, poolSize: POOL_SIZE };

  private constructor(
    private readonly driver: Driver,
    readonly database: string | undefined,
    readonly uri: string,
  ) {}

  static async connect(uri: string, auth: AuthToken | undefined, database?: string): Promise<Database> {
    const driver = neo4j.driver(uri, auth, { disableLosslessIntegers: true, userAgent: 'expertise-graph', maxConnectionPoolSize: POOL_SIZE });
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

  queries(stats?: QueryStats): Queries {
    return new Queries(this.driver, this.database, stats, this.activity);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** Reads and writes as managed transactions (transient errors are retried), returning plain rows. */
export class Queries {
  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly stats: QueryStats | undefined,
    private readonly activity?: DatabaseActivity,
  ) {}

  read<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.run<T>(cypher, params, neo4j.routing.READ);
  }

  write<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.run<T>(cypher, params, neo4j.routing.WRITE);
  }

  /** Runs several statements as one all-or-nothing write transaction (counted as one round trip each). */
  async writeTransaction<T>(work: (run: (cypher: string, params?: Params) => Promise<Row[]>) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    if (this.activity) this.activity.inFlight += 1;
    try {
      return await session.executeWrite((tx) =>
        work(async (cypher, params = {}) => {
          const started = performance.now();
          try {
            const result = await tx.run(cypher, toCypherParams(params) as Params);
            return result.records.map((record) => plain(record.toObject()) as Row);
          } finally {
            this.count(started);
          }
        }),
      );
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close();
      if (this.activity) this.activity.inFlight -= 1;
    }
  }

  private count(started: number): void {
    if (this.stats) {
      this.stats.roundTrips += 1;
      this.stats.dbTimeMs += performance.now() - started;
    }
  }

  private async run<T>(cypher: string, params: Params, routing: 'READ' | 'WRITE'): Promise<T[]> {
    const started = performance.now();
    if (this.activity) this.activity.inFlight += 1;
    try {
      const { records } = await this.driver.executeQuery(cypher, toCypherParams(params) as Params, { routing, database: this.database });
      return records.map((record) => plain(record.toObject()) as T);
    } catch (error) {
      throw toDomainError(error);
    } finally {
      if (this.activity) this.activity.inFlight -= 1;
      this.count(started);
    }
  }
}
