// The pages' GraphQL client: a typed document in, typed data out, over fetch to the app's own /graphql.
import type { TypedDocumentString } from '../gql/graphql';
import { currentLang } from './i18n';
import { authorizationHeader } from './session';

export interface GraphqlError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; requestId?: string; handler?: { id: string; name: string }; currentVersion?: number };
}

export interface Result<T> {
  /** What could be read (a request that failed as a whole throws RequestFailed instead). */
  data: T;
  /** Field errors (FORBIDDEN on a contact field, say) come with the data that could be read. */
  errors: GraphqlError[];
}

/**
 * A request that failed as a whole (HTTP error, network, no data), with the API's error code (UNREACHABLE: no answer;
 * see lib/errors.ts for what the reader is told).
 */
export class RequestFailed extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly extensions?: GraphqlError['extensions'],
  ) {
    super(message);
  }
}

/** How a request is sent: a write passes an Idempotency-Key, so that a retry of it applies once. */
export interface RequestOptions {
  idempotencyKey?: string;
}

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
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        // Reasons and other worded answers come in the page's language.
        'accept-language': currentLang(),
        ...authorizationHeader(),
        ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new RequestFailed('The server cannot be reached.', 'UNREACHABLE');
  }
  let body: { data?: TResult | null; errors?: GraphqlError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new RequestFailed(
      `The server answered ${response.status} without a GraphQL response.`,
      response.status === 503 || response.status === 429 ? 'SERVICE_UNAVAILABLE' : undefined,
    );
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
  return { data: body.data, errors };
}

/** Whether an error is about the field at `path` (or below it). */
export const errorAt = (errors: readonly GraphqlError[], path: ReadonlyArray<string | number>): boolean =>
  errors.some((error) => path.every((part, index) => error.path?.[index] === part));
