import { ErrorCode } from '../graphql/errors.js';

/** What a 503 tells clients to wait before trying again: the database is re-probed every second while down. */
export const RETRY_AFTER_SECONDS = 5;

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
export function asServiceUnavailable(contentType: string | undefined, body: string): { status: number; body: string; retryAfter: string } | null {
  if (!contentType?.startsWith('application/graphql-response+json') || !body.includes(`"${ErrorCode.SERVICE_UNAVAILABLE}"`)) return null;
  const result = JSON.parse(body) as GraphqlResult;
  if (result.data !== null && result.data !== undefined) return null;
  if (!result.errors?.some((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) return null;
  const { data: _none, ...withoutData } = result;
  return { status: 503, body: JSON.stringify(withoutData), retryAfter: String(RETRY_AFTER_SECONDS) };
}
