import type { GraphQLFormattedError } from 'graphql';
import { PothosValidationError } from '@pothos/core';
import { ApolloServerErrorCode, ApolloServerValidationErrorCode, unwrapResolverError } from '@apollo/server/errors';
import {
  DatabaseBusyError,
  DatabaseUnavailableError,
  DeadlineExceededError,
  DuplicateRecordError,
  RequestCancelledError,
  type FailedWrite,
} from '../db/errors.js';
import { DomainError } from '../errors.js';
import { codedRefusal, ErrorCode } from './errors.js';
import { graphqlJsLimitError } from './limits.js';

/** Codes whose messages are written for clients: ours and the ones Apollo Server raises for malformed requests. */
const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  ...Object.values(ApolloServerErrorCode).filter((code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR),
  ...Object.values(ApolloServerValidationErrorCode),
]);

/** Logs an error the client will see masked; returns the id it is logged under (the request id), if any. */
export type ReportInternalError = (error: unknown, path: GraphQLFormattedError['path']) => string | undefined;
/** What a client should know about a write that failed, and how to retry it safely. */
function writeAdvice(write: FailedWrite | null): { text: string; extensions: Record<string, unknown> } {
  if (!write) return { text: '', extensions: {} };
  const key = write.idempotencyKey;
  const extensions = { outcome: write.outcome, ...(key ? { idempotencyKey: key } : {}) };
  if (write.outcome === 'NOT_STORED') return { text: ' Nothing was written.', extensions };
  if (write.outcome === 'STORED') {
    const again = key
      ? ` Send the same request again with the same Idempotency-Key header ("${key}") to get the result without ` +
        'repeating the change.'
      : ' Do not send it again: read the result instead.';
    return { text: ` The change was stored; only reading its result failed.${again}`, extensions };
  }
  const retry = key
    ? ` Send the same request again with the same Idempotency-Key header ("${key}"): if it was stored you get the ` +
      'stored result, otherwise it is done then, never twice.'
    : ' Check whether it was stored before sending it again; an Idempotency-Key header on writes makes such a ' +
      'retry safe.';
  return {
    text:
      ' The connection to the database broke after the change was sent: it may or may not have been ' +
      `stored.${retry}`,
    extensions,
  };
}

/** The one place where the domain's refusals and the database layer's errors become coded GraphQL errors. */
function coded(error: unknown): { message: string; extensions: Record<string, unknown> } | null {
  if (error instanceof DomainError) return codedRefusal(error);
  if (error instanceof DatabaseUnavailableError) {
    const advice = writeAdvice(error.write);
    return {
      message: `The database is unreachable right now.${advice.text} Try again in a few seconds.`,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, ...advice.extensions },
    };
  }
  if (error instanceof DatabaseBusyError) {
    const advice = writeAdvice(error.write);
    return {
      message:
        'The database could not finish this request right now (changes made at the same time to the same records, ' +
        `or too little memory for it at this moment).${advice.text} Send it again in a moment.`,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, ...advice.extensions },
    };
  }
  if (error instanceof DeadlineExceededError) {
    const advice = writeAdvice(error.write);
    return {
      message:
        `The request ran longer than its limit of ${error.limitMs} ms and was stopped: ask for less (a smaller ` +
        `\`first\`, a narrower filter) or try again later.${advice.text}`,
      extensions: { code: ErrorCode.TIMEOUT, limitMs: error.limitMs, ...advice.extensions },
    };
  }
  if (error instanceof RequestCancelledError) {
    return {
      message: 'The client closed the connection: the request was stopped.',
      extensions: { code: ErrorCode.CANCELLED },
    };
  }
  if (error instanceof DuplicateRecordError) {
    return {
      message: 'That record already exists: use a different id or update the existing one.',
      extensions: { code: ErrorCode.CONFLICT },
    };
  }
  return null;
}

/** Apollo Server's refusals of a malformed request that it raises without a code, in words that say what to do. */
const REQUEST_REFUSALS: Record<string, string> = {
  'provided sha does not match query':
    'The persisted query’s sha256Hash does not match the query sent with it: send the SHA-256 (hex) of exactly ' +
    'that query text, or leave out extensions.persistedQuery.',
  'Unsupported persisted query version':
    'Only version 1 of persisted queries is supported: send extensions.persistedQuery.version 1, or leave it out.',
};

/**
 * A refusal of the request itself that Apollo Server raised with an HTTP 4xx status but no code (a persisted
 * query's hash that does not match its query, an unknown version): the client's mistake, not an internal error.
 */
function requestRefusal(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  if (formatted.path || typeof error !== 'object' || error === null) return null;
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: unknown } } }).extensions;
  const status = extensions?.http?.status;
  if (extensions?.code !== undefined || typeof status !== 'number' || status < 400 || status >= 500) return null;
  return {
    message: REQUEST_REFUSALS[formatted.message] ?? formatted.message,
    extensions: { code: ApolloServerErrorCode.BAD_REQUEST },
  };
}

/**
 * Lets errors a client can act on through, turns Pothos's own input errors (such as a malformed
 * global id) into BAD_USER_INPUT, and masks everything else after reporting it; the masked error
 * names the request id, so that an operator can find the stack trace it stands for.
 */
export function createFormatError(report: ReportInternalError) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const limit = graphqlJsLimitError(formatted);
    if (limit) return limit;
    if (original instanceof PothosValidationError) {
      return {
        ...formatted,
        message: `${original.message}: pass an id exactly as the API returned it.`,
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      };
    }
    const known = coded(original);
    if (known)
      return {
        message: known.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: known.extensions,
      };
    // A request limit is the client's to stay within, whichever stage (parse, validation) refused it.
    if (formatted.extensions?.limit)
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
    const refusal = requestRefusal(formatted, error);
    if (refusal) return refusal;
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const requestId = report(original, formatted.path);
    const loggedAs = requestId === undefined ? '' : ` under request id ${requestId}`;
    return {
      message:
        `Internal server error: it has been logged${loggedAs}. Try again, or report it (with the request id) if ` +
        'it persists.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId === undefined ? {} : { requestId }) },
    };
  };
}
