import type { DomainError, RefusalKind } from '../errors.js';

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
  /** HTTP 403: a request with the pages' sign-in cookie but without its CSRF token, or from another site. */
  CSRF_REFUSED: 'CSRF_REFUSED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The code each of the domain's refusals (src/errors.ts) goes out with. */
const CODE_OF_REFUSAL: Record<RefusalKind, ErrorCode> = {
  BAD_INPUT: ErrorCode.BAD_USER_INPUT,
  NOT_FOUND: ErrorCode.NOT_FOUND,
  FORBIDDEN: ErrorCode.FORBIDDEN,
  CONFLICT: ErrorCode.CONFLICT,
  IDEMPOTENCY_KEY_REUSED: ErrorCode.IDEMPOTENCY_KEY_REUSED,
};

/** A domain refusal as a client gets it: its message, and its code followed by its details as extensions. */
export function codedRefusal(error: DomainError): { message: string; extensions: Record<string, unknown> } {
  return { message: error.message, extensions: { code: CODE_OF_REFUSAL[error.kind], ...error.details } };
}
