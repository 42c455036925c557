import type { TypedDocumentString } from '../../generated/explorer';

/** The public GraphQL API of the server that serves the explorer: the only thing it talks to. */
export const ENDPOINT = '/graphql';

/** An answer with errors, or no answer: `message` is what the API (or the network) said. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly codes: string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Args<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/** Runs a generated, typed operation and returns its data; GraphQL errors are thrown as ApiError. */
export async function request<R, V>(document: TypedDocumentString<R, V>, ...[variables]: Args<V>): Promise<R> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch (error) {
    throw new ApiError(`Could not reach the API at ${ENDPOINT}: ${(error as Error).message}`);
  }
  let body: { data?: R | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The API answered ${response.status} ${response.statusText} without a GraphQL response`);
  }
  if (body.errors?.length) {
    throw new ApiError(
      body.errors.map((e) => e.message).join('\n'),
      body.errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
    );
  }
  if (!body.data) throw new ApiError(`The API answered ${response.status} ${response.statusText} with no data`);
  return body.data;
}
