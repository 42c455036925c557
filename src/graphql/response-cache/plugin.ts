import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Context } from '../context';
import type { ResponseStore } from './store';

export interface ResponseCacheEvents {
  /** One cacheable query answered: from the cache or not. */
  lookedUp(hit: boolean): void;
}

/**
 * The cache key of a query: who asks (a key's own `viewer` differs from the public one), the
 * document, the operation and the variables. Anything else in the request cannot change the answer.
 */
function cacheKey(requestContext: GraphQLRequestContext<Context>): string {
  const { contextValue, source, request } = requestContext;
  return createHash('sha256')
    .update(contextValue.viewer.name ?? '')
    .update('\0')
    .update(source ?? '')
    .update('\0')
    .update(request.operationName ?? '')
    .update('\0')
    .update(JSON.stringify(request.variables ?? {}))
    .digest('base64url');
}

/**
 * Answers a query that was answered before, since the last write, from `store`; stores the
 * error-free answers of the others; and after any mutation invalidates everything (awaited,
 * so the client that wrote reads its write next). It runs after parsing, validation and the
 * cost/rate limits, so a cached answer is charged like any other. A read that started before
 * a write stores under the generation it started in, which the write has already retired.
 */
export function responseCachePlugin(store: ResponseStore, events?: ResponseCacheEvents): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let generation = 0;
      let hit = false;
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation.operation !== 'query') return null;
          generation = store.generation();
          key = cacheKey(requestContext);
          const body = await store.get(generation, key);
          hit = body !== undefined;
          events?.lookedUp(hit);
          if (!hit) return null;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: JSON.parse(body as string) as FormattedExecutionResult } };
        },
        async willSendResponse({ operation, response }) {
          if (operation?.operation === 'mutation') {
            await store.invalidate();
            return;
          }
          if (key === undefined) return;
          response.http.headers.set('x-response-cache', hit ? 'HIT' : 'MISS');
          if (hit || response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          await store.set(generation, key, JSON.stringify(response.body.singleResult));
        },
      };
    },
  };
}
