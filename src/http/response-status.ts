import { ErrorCode } from '../graphql/errors.js';

/** What a 503 tells clients to wait before trying again: the database is re-probed every second while down. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Errors of a well-formed request that Apollo Server answers with 400: a document that does not parse or validate,
 * variables that do not coerce.
 */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', ErrorCode.BAD_USER_INPUT]);

interface GraphqlResult {
  data?: unknown;
  errors?: Array<{ extensions?: { code?: unknown } }>;
}

/**
 * The GraphQL-over-HTTP spec lets a response whose `data` is absent carry a 4xx/5xx status only under
 * `application/graphql-response+json` (where it MUST), and asks for 200 on every well-formed request under
 * `application/json`. So an operation that produced nothing (`data: null`) because the database is
 * unreachable is answered, in `application/graphql-response+json`, as a request error: without `data`, with
 * 503 and Retry-After. `application/json` answers stay 200 with the same error and code.
 */
export function asServiceUnavailable(
  contentType: string | undefined,
  body: string,
): { status: number; body: string; retryAfter: string } | null {
  if (
    !contentType?.startsWith('application/graphql-response+json') ||
    !body.includes(`"${ErrorCode.SERVICE_UNAVAILABLE}"`)
  )
    return null;
  const result = JSON.parse(body) as GraphqlResult;
  if (result.data !== null && result.data !== undefined) return null;
  if (!result.errors?.some((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) return null;
  const { data: _none, ...withoutData } = result;
  return { status: 503, body: JSON.stringify(withoutData), retryAfter: String(RETRY_AFTER_SECONDS) };
}

/**
 * Under `application/json` (also what a request without `Accept` gets), the spec asks for 200 on a
 * well-formed GraphQL-over-HTTP request whose document fails to parse or validate, or whose variables fail
 * to coerce (a legacy client may not read a GraphQL body from a 4xx). Apollo Server answers those with 400,
 * which `application/graphql-response+json` keeps. Returns the status to send instead, or null.
 */
export function legacyJsonStatus(contentType: string | undefined, status: number, body: string): number | null {
  if (status !== 400 || !contentType?.startsWith('application/json')) return null;
  let result: GraphqlResult;
  try {
    result = JSON.parse(body) as GraphqlResult;
  } catch {
    return null;
  }
  const codes = result.errors?.map((error) => error.extensions?.code) ?? [];
  return codes.length > 0 && codes.every((code) => REQUEST_ERROR_CODES.has(String(code))) ? 200 : null;
}
