import { Neo4jError, isRetryableError } from 'neo4j-driver';
import { type Availability, isAcquisitionTimeout, isUnavailable } from './availability.js';
import {
  DatabaseBusyError,
  DatabaseUnavailableError,
  DeadlineExceededError,
  DuplicateRecordError,
  RequestCancelledError,
  type FailedWrite,
} from './errors.js';

/** What the request knew when one of its queries failed. */
export interface FailedQuery {
  /** For a write: what became of it. */
  write: FailedWrite | null;
  /** The request's abort reason, when it was stopped. */
  stopped: unknown;
  /** The request's time limit, for the deadline error's message. */
  limitMs: number;
  /** Told when the failure shows Neo4j down, so that later queries fail at once. */
  availability?: Availability;
}

/** The database layer's error for a failed query (src/db/errors.ts), or the error itself when it has none. */
export function failureOf(error: unknown, query: FailedQuery): unknown {
  const { write, stopped, limitMs } = query;
  if (stopped instanceof DeadlineExceededError)
    return new DeadlineExceededError(stopped.limitMs, write, { cause: error });
  if (stopped instanceof RequestCancelledError) return stopped;
  if (!(error instanceof Neo4jError)) return error;
  if (isUnavailable(error) || isAcquisitionTimeout(error)) {
    if (isUnavailable(error)) query.availability?.markDown();
    return new DatabaseUnavailableError(write, { cause: error });
  }
  if (error.code.includes('TransactionTimedOut')) return new DeadlineExceededError(limitMs, write, { cause: error });
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed')
    return new DuplicateRecordError(error.message, { cause: error });
  if (isRetryableError(error)) return new DatabaseBusyError(write, { cause: error });
  return error;
}
