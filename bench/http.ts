/** Small helpers the bench's parts share: one GraphQL request as a client sends it, and percentiles. */

/** An answer as the bench reads it; `Data` is the shape of the `data` the operation selects. */
export interface GraphqlBody<Data = Record<string, unknown>> {
  data?: Data;
  errors?: Array<{ message: string }>;
  extensions?: { queryStats?: { roundTrips: number; dbTimeMs: number } };
}

const REQUEST_TIMEOUT_MS = 120_000;

/** POSTs an operation; a GraphQL error fails it (the bench measures answers, not errors). */
export async function postGraphql<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<{ ms: number; bytes: number; body: GraphqlBody<Data> }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const body = JSON.parse(text) as GraphqlBody<Data>;
  const [error] = body.errors ?? [];
  if (error) throw new Error(`GraphQL error: ${error.message}`);
  return { ms, bytes: text.length, body };
}

/** The data of an answer without errors (which always has data). */
export function dataOf<Data>(body: GraphqlBody<Data>): Data {
  if (body.data === undefined) throw new Error('GraphQL answer without data or errors');
  return body.data;
}

/**
 * A value the code knows to be there (the row a count returns, an item at an index within its list, the
 * entry of a key taken from the same map): throws, naming it, when it is not.
 */
export function expected<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Expected ${what}, found none`);
  return value;
}

/** Nearest-rank percentile of sorted values (undefined for none). */
export const percentile = (sorted: number[], p: number): number | undefined =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

export const fmt = (n: number | null | undefined, digits = 1) =>
  n !== null && n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : '—';
export const thousands = (n: number) => n.toLocaleString('en-US');
