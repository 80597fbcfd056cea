// The pages' GraphQL client: a typed document in, typed data out, over fetch to the app's own /graphql.
import type { TypedDocumentString } from '../gql/graphql';
import { currentLang } from './i18n';
import { session, sessionEnded, sessionHeaders } from './session';

export interface GraphqlError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: {
    code?: string;
    requestId?: string;
    handler?: { id: string; name: string };
    currentVersion?: number;
    /** What became of a failed write (docs/api.md): NOT_STORED, UNKNOWN or STORED. */
    outcome?: string;
  };
}

export interface Result<T> {
  /** What could be read (a request that failed as a whole throws RequestFailed instead). */
  data: T;
  /** Field errors (FORBIDDEN on a contact field, say) come with the data that could be read. */
  errors: GraphqlError[];
  /** A write sent again with its Idempotency-Key: the server answered what the earlier request had stored. */
  replayed: boolean;
}

/**
 * The client's own code for a request that got no GraphQL answer: the network failed, or something between (a proxy,
 * a gateway) answered with an error page.
 */
export const UNREACHABLE = 'UNREACHABLE';

/** A request that failed as a whole (HTTP error, network, no data), with the API's code (lib/errors.ts words it). */
export class RequestFailed extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly extensions?: GraphqlError['extensions'],
  ) {
    super(message);
  }
}

/**
 * How a request is sent. Every write carries an Idempotency-Key: a fresh one unless given; a page that may send the
 * same write again (a retry after a lost answer) gives the key of the first attempt, so that it applies once.
 */
export interface RequestOptions {
  idempotencyKey?: string;
}

/** Whether an operation writes (the pages' documents are one named operation each). */
const isMutation = (query: string): boolean => /^\s*mutation\b/.test(query);

/** A fresh key for one write (crypto.randomUUID where the page is a secure context, else random enough). */
export const newIdempotencyKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<Result<TResult>> {
  const query = document.toString();
  const idempotencyKey = options.idempotencyKey ?? (isMutation(query) ? newIdempotencyKey() : undefined);
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      // The session cookie goes with it; its CSRF token is in the headers.
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        // Reasons and other worded answers come in the page's language.
        'accept-language': currentLang(),
        ...sessionHeaders(),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new RequestFailed('The server cannot be reached.', UNREACHABLE);
  }
  // Signed out in another tab, or the session is over: the page starts again, signed out.
  if (response.status === 401 && session.signedIn) sessionEnded();
  let body: { data?: TResult | null; errors?: GraphqlError[]; extensions?: { replayed?: boolean } };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new RequestFailed(`The server answered ${response.status} without a GraphQL response.`, UNREACHABLE);
  }
  const errors = body.errors ?? [];
  if (body.data == null) {
    const first = errors[0];
    throw new RequestFailed(
      first?.message ?? `The server answered ${response.status}.`,
      first?.extensions?.code,
      first?.extensions,
    );
  }
  return { data: body.data, errors, replayed: body.extensions?.replayed === true };
}

/**
 * Failures that say nothing against the request: the server was busy or slow (its deadline, no turn for a heavy
 * request, the database away for a moment, too many requests) or out of reach. The same request may pass a moment
 * later; a write among them may have been stored, so it is sent again with the same Idempotency-Key.
 */
const TRANSIENT_CODES: ReadonlySet<string | undefined> = new Set([
  'TIMEOUT',
  'SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  UNREACHABLE,
]);

export const isTransient = (error: unknown): error is RequestFailed =>
  error instanceof RequestFailed && TRANSIENT_CODES.has(error.code);

/** Whether an error is about the field at `path` (or below it). */
export const errorAt = (errors: readonly GraphqlError[], path: ReadonlyArray<string | number>): boolean =>
  errors.some((error) => path.every((part, index) => error.path?.[index] === part));
