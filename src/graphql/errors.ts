import { GraphQLError } from 'graphql';

/** The `extensions.code` values a client can act on. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** HTTP 429 with Retry-After: too many requests from one token subject or address. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The request ran past its deadline (REQUEST_TIMEOUT_MS) and was stopped. */
  TIMEOUT: 'TIMEOUT',
  /** The client closed the connection before the answer was ready (nobody reads it; it shows in logs and metrics). */
  CANCELLED: 'CANCELLED',
  /** The request's Idempotency-Key was used before for a different request: nothing was done. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function badUserInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extensions } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

export function conflict(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, ...extensions } });
}

export function idempotencyKeyReused(): GraphQLError {
  return new GraphQLError(
    'The Idempotency-Key of this request was used before for a different request (another mutation, or other arguments): nothing was done. Send a fresh key (e.g. a new UUID) with each new request, and a key again only with the very same request.',
    { extensions: { code: ErrorCode.IDEMPOTENCY_KEY_REUSED } },
  );
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Collects every problem with an input, so that one answer names them all; nothing is written while any remain. */
export class InputProblems {
  readonly list: FieldProblem[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  /** Throws one BAD_USER_INPUT naming every problem, with `extensions.fields` listing them per field. */
  throwIfAny(what: string): void {
    if (this.list.length === 0) return;
    const details = this.list.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw badUserInput(`${what}: ${details}`, { fields: this.list });
  }
}
