import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from '../logger';
import { runInRequest, stateOf, type RequestState } from './request-context';
import { readJsonBody } from './request-body';
import { sendError, sendInternalError, shapeRefusal, timeOutAfter, type HttpLimits } from './request-limits';

export interface GraphqlHandlerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** The context of one operation (may throw a GraphQLError with an http status: 401 for a bad key). */
  context(req: IncomingMessage, state: RequestState): Promise<TContext>;
  limits: HttpLimits;
  maxBodyBytes: number;
  logger: Logger;
}

/**
 * The GraphQL endpoint on plain node:http: timeout, body, batch and query-length limits, then
 * Apollo's own HTTP handling (CSRF prevention, GET and POST, batches, status codes), inside
 * the request's AsyncLocalStorage context. It does what express.json() and Apollo's express
 * integration did, without express: express's routing alone cost a GraphQL request as much
 * as the rest of its set-up together (docs/benchmarks.md, "Earlier changes").
 * The request must have been through beginRequest (its state and id).
 */
export function graphqlHandler<TContext extends BaseContext>(options: GraphqlHandlerOptions<TContext>): (req: IncomingMessage, res: ServerResponse) => void {
  const { apollo, context, limits, maxBodyBytes, logger } = options;

  const serve = async (req: IncomingMessage, res: ServerResponse, state: RequestState): Promise<void> => {
    let body: unknown;
    if (req.method === 'POST') {
      const outcome = await readJsonBody(req, maxBodyBytes);
      if ('refusal' in outcome) {
        // The rest of a refused body is not read: close the connection once the answer is out.
        if (outcome.closeConnection) res.setHeader('connection', 'close');
        return sendError(res, outcome.refusal);
      }
      body = outcome.body;
    }
    const url = req.url ?? '';
    const search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    const refusal = shapeRefusal(req.method === 'GET' ? { query: new URLSearchParams(search).get('query') ?? undefined } : body, limits);
    if (refusal) return sendError(res, refusal);

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await runInRequest(state, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search, body },
        context: () => context(req, state),
      }),
    );
    // The request timed out meanwhile (timeOutAfter answered 503): the late answer is dropped.
    if (res.headersSent) return;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // As bytes, not as a string: Node would prepend the headers to a string body, copying a
      // large answer once more (and a two-byte one, text in other scripts, through V8's
      // large-object space again: ~1 ms on the 500-node graph at 1M).
      const bytes = Buffer.from(response.body.string, 'utf8');
      res.setHeader('content-length', bytes.length);
      res.end(bytes);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return (req, res) => {
    const state = stateOf(res);
    if (!state) throw new Error('graphqlHandler: the request was not begun (beginRequest)');
    timeOutAfter(req, res, limits, logger);
    serve(req, res, state).catch((error: unknown) => sendInternalError(res, error, logger));
  };
}
