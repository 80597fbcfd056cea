/** Small helpers the bench's parts share: one GraphQL request as a client sends it, and percentiles. */

export interface GraphqlBody {
  data?: Record<string, any>;
  errors?: Array<{ message: string }>;
  extensions?: { queryStats?: { roundTrips: number; dbTimeMs: number } };
}

const REQUEST_TIMEOUT_MS = 120_000;

/** POSTs an operation; a GraphQL error fails it (the bench measures answers, not errors). */
export async function postGraphql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<{ ms: number; bytes: number; body: GraphqlBody }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const body = JSON.parse(text) as GraphqlBody;
  if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors[0]!.message}`);
  return { ms, bytes: text.length, body };
}

/** Nearest-rank percentile of sorted values (undefined for none). */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export const fmt = (n: number | null | undefined, digits = 1) =>
  n !== null && n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : '—';
export const thousands = (n: number) => n.toLocaleString('en-US');
