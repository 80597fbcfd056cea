/**
 * The database layer's own errors; graphql/format-error.ts turns each into a coded GraphQL error. (A node asked
 * for by id that does not exist is the domain's NotFoundError, src/errors.ts.)
 */

/** Neo4j could not be reached or refused the credentials when opening: the process cannot start. */
export class DatabaseUnreachableError extends Error {}

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

/** Neo4j cannot be reached (or is known to be down): the request was not served. */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly write: FailedWrite | null = null,
    options?: ErrorOptions,
  ) {
    super('Neo4j is unreachable', options);
  }
}

/**
 * Neo4j kept failing the request transiently (a deadlock with concurrent writes to the same nodes, a lock
 * it could not get, too little transaction memory at that moment) after the driver's retries: nothing of
 * the failed transaction was stored, and the same request can be sent again.
 */
export class DatabaseBusyError extends Error {
  constructor(
    readonly write: FailedWrite | null = null,
    options?: ErrorOptions,
  ) {
    super('Neo4j failed the transaction transiently', options);
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

/** The embedded Neo4j could not be built or started; the message is one line that says what to do. */
export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}
