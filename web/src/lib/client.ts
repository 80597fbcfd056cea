// The pages' GraphQL client: a typed document in, typed data out, over fetch to the app's own /graphql.
import type { TypedDocumentString } from '../gql/graphql';
import { authorizationHeader } from './session';

export interface GraphqlError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; requestId?: string };
}

export interface Result<T> {
  /** What could be read (a request that failed as a whole throws RequestFailed instead). */
  data: T;
  /** Field errors (FORBIDDEN on a contact field, say) come with the data that could be read. */
  errors: GraphqlError[];
}

/** A request that failed as a whole (HTTP error, network, no data): its message is shown to the user. */
export class RequestFailed extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<Result<TResult>> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authorizationHeader() },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new RequestFailed('The server cannot be reached.');
  }
  let body: { data?: TResult | null; errors?: GraphqlError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new RequestFailed(`The server answered ${response.status} without a GraphQL response.`);
  }
  const errors = body.errors ?? [];
  if (body.data == null) {
    const first = errors[0];
    throw new RequestFailed(first?.message ?? `The server answered ${response.status}.`, first?.extensions?.code);
  }
  return { data: body.data, errors };
}

/** Whether an error is about the field at `path` (or below it). */
export const errorAt = (errors: readonly GraphqlError[], path: ReadonlyArray<string | number>): boolean =>
  errors.some((error) => path.every((part, index) => error.path?.[index] === part));
