import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express, { Express } from 'express';
import type { Connection } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { WORKER_INDEX_VARIABLE, type Config } from './config';
import { replicaConnections } from './db/read';
import { GraphQLError } from 'graphql';
import { ANONYMOUS, Context, createContext } from './graphql/context';
import { domainError } from './graphql/errors';
import { KeyAuthenticator } from './modules/auth/api-keys.service';
import { createErrorFormatter } from './graphql/format-error';
import { queryLimitsPlugin } from './graphql/limits';
import { responseCachePlugin } from './graphql/response-cache/plugin';
import { createResponseStore, ResponseStore } from './graphql/response-cache/store';
import { buildAppSchema } from './graphql/schema';
import { compiledExecutor, schemaWithExecutor } from './graphql/compiled-executor';
import { warningsPlugin } from './graphql/warnings-plugin';
import { explorerRouter } from './http/explorer';
import { graphiqlRouter } from './http/graphiql';
import { limitConnections } from './http/connections';
import { createMetrics, Metrics } from './http/metrics';
import { CostLimiter, createCostLimiter } from './http/rate-limit';
import { graphqlHandler } from './http/graphql-handler';
import { beginRequest, currentRequest, type TrustProxy } from './http/request-context';
import { logWhenDone } from './http/request-log';
import { jsonErrorHandler } from './http/request-limits';
import type { Logger } from './logger';
import { createInProcessBus, EventBus } from './modules/subscriptions/event-bus';
import { attachSubscriptionServer, SubscriptionServer } from './modules/subscriptions/ws-server';

export interface App {
  express: Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** graphql-ws on the same port and path; apollo.stop() closes it before the HTTP server. */
  subscriptions: SubscriptionServer;
  /** Prometheus metrics (also served on /metrics). */
  metrics: Metrics;
  /** The per-client cost budget; null when RATE_LIMIT_COST_PER_MINUTE=0. Closed by apollo.stop(). */
  rateLimiter: CostLimiter | null;
  /** Responses of public reads; null when RESPONSE_CACHE_TTL_SECONDS=0. Closed by apollo.stop(). */
  responseStore: ResponseStore | null;
}

const GRAPHQL_PATH = '/graphql';

/** The GraphQL path itself, with or without a trailing slash or query string. */
function isGraphqlUrl(url: string | undefined): boolean {
  if (!url?.startsWith(GRAPHQL_PATH)) return false;
  const rest = url.slice(GRAPHQL_PATH.length);
  return rest === '' || rest === '/' || rest.startsWith('?') || rest.startsWith('/?');
}

/** True when this connection's PostgreSQL answers within a second. */
async function answers(connection: Connection): Promise<boolean> {
  try {
    await Promise.race([
      connection.execute('select 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

/**
 * 'ready' when PostgreSQL and every read replica answer, else what is down. A dead replica
 * makes the instance not ready: reads are spread over the replicas at random, so a share of
 * them would fail (docs/scaling.md).
 */
async function databaseStatus(orm: MikroORM): Promise<string> {
  const [primary, ...replicas] = await Promise.all([orm.em.getConnection(), ...replicaConnections(orm)].map(answers));
  if (!primary) return 'database unreachable';
  const down = replicas.flatMap((ok, i) => (ok ? [] : [i + 1]));
  return down.length ? `read replica unreachable (DATABASE_REPLICA_URLS entry ${down.join(', ')})` : 'ready';
}

/**
 * Builds the HTTP app, the Apollo server and the graphql-ws server for a connected ORM; the
 * caller listens. `bus` carries subscription events (the caller owns and closes it); without
 * one, events stay inside this app.
 */
export async function createApp(config: Config, orm: MikroORM, logger: Logger, bus: EventBus = createInProcessBus()): Promise<App> {
  const workerIndex = Number(process.env[WORKER_INDEX_VARIABLE]) || null;
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every response body for an ETag; GraphQL answers are POSTed and never
  // revalidated, and the static assets have their own (serve-static sets theirs).
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  // Check every second for clients that are too slow to send their headers (HEADERS_TIMEOUT_MS).
  // Requests are dispatched (below) once Apollo has started.
  const httpServer = http.createServer({ connectionsCheckingInterval: 1000 });
  limitConnections(httpServer, {
    maxConnectionsPerAddress: config.maxConnectionsPerAddress,
    headersTimeoutMs: config.headersTimeoutMs,
    requestTimeoutMs: config.requestTimeoutMs,
  });
  const metrics = createMetrics(orm);
  const rateLimiter =
    config.rateLimitCostPerMinute > 0
      ? await createCostLimiter({ costPerMinute: config.rateLimitCostPerMinute, redisUrl: config.redisUrl, prefix: config.redisChannelPrefix, logger })
      : null;
  const responseStore =
    config.responseCacheTtlSeconds > 0
      ? await createResponseStore({ ttlSeconds: config.responseCacheTtlSeconds, maxBytes: config.responseCacheMaxBytes, redisUrl: config.redisUrl, prefix: config.redisChannelPrefix, logger })
      : null;
  /** Set when shutdown begins: /readyz answers 503 so load balancers stop sending traffic. */
  let draining = false;
  const schema = await buildAppSchema(bus.pubSub);
  const formatError = createErrorFormatter(logger);
  const limits = { maxDepth: config.maxQueryDepth, maxCost: config.maxQueryCost, maxAliases: config.maxQueryAliases };
  const authenticator = new KeyAuthenticator(orm.em);
  const subscriptions = attachSubscriptionServer({
    httpServer,
    path: GRAPHQL_PATH,
    schema,
    rootEm: orm.em,
    authenticator,
    events: bus.events,
    limits,
    introspection: config.introspection,
    requireKeyForReads: config.requireKeyForReads,
    formatError,
    logger,
  });
  const apollo = new ApolloServer<Context>({
    ...(config.compiledExecutor ? { gateway: schemaWithExecutor(schema, compiledExecutor(schema)) } : { schema }),
    introspection: config.introspection,
    // Array bodies run as several operations (at most MAX_BATCH_SIZE, checked before parsing).
    allowBatchedHttpRequests: config.maxBatchSize > 1,
    includeStacktraceInErrorResponses: false,
    // main.ts and cluster.ts own SIGTERM / SIGINT: they drain through server.stop(). Apollo's own
    // handler would start a second stop() whose barrier a concurrent caller waits on forever
    // (@apollo/server 5 resolves it only when stopping fails).
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      // Closes the WebSocket connections (and server): the HTTP server cannot finish closing while they are open.
      {
        serverWillStart: async () => ({
          drainServer: async () => {
            draining = true;
            await subscriptions.close();
          },
          serverWillStop: async () => {
            await rateLimiter?.close();
            await responseStore?.close();
          },
        }),
      },
      // Stops accepting, closes idle keep-alive connections, and cuts the rest after the grace period.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's default cache-control plugin wraps every field resolver to compute cache hints
      // nobody reads here (the response cache below invalidates on writes instead of using hints).
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin<Context>(limits, {
        // Every operation that passed the limits is charged its cost (at least 1) to its client:
        // the API key when there is one, else the address.
        async onCost({ cost, contextValue, http: head }) {
          const request = currentRequest();
          if (!request) return; // in-process calls (executeOperation) are not rate limited
          request.cost += cost;
          if (!rateLimiter) return;
          const client = contextValue.viewer.name ? `key:${contextValue.viewer.name}` : `ip:${request.ip}`;
          const decision = await rateLimiter.consume(client, cost);
          head?.headers.set('ratelimit-limit', String(decision.limit));
          head?.headers.set('ratelimit-remaining', String(decision.remaining));
          head?.headers.set('ratelimit-reset', String(decision.resetSeconds));
          if (!decision.allowed) {
            metrics.rateLimited();
            head?.headers.set('retry-after', String(decision.resetSeconds));
            throw domainError(
              'RATE_LIMITED',
              `Rate limit exceeded: this client may spend a query cost of ${decision.limit} per minute (this operation costs ${Math.max(1, cost)}); retry in ${decision.resetSeconds} s`,
              { http: { status: 429 }, limit: decision.limit, cost: Math.max(1, cost), retryAfter: decision.resetSeconds },
            );
          }
        },
      }),
      {
        // Operation names and error codes, for the request log and metrics.
        async requestDidStart() {
          return {
            async willSendResponse({ operationName, request, response }) {
              // GraphQL over HTTP: a client that asks for application/json (and not the newer
              // application/graphql-response+json) gets 200 for a well-formed request whose document
              // or variables are refused (parse, validation, coercion, limits), errors in the body.
              const accept = request.http?.headers.get('accept') ?? '';
              if (
                response.http.status === 400 &&
                /application\/json/i.test(accept) &&
                !/application\/graphql-response\+json/i.test(accept) &&
                response.body.kind === 'single' &&
                response.body.singleResult.data === undefined
              ) {
                response.http.status = 200;
              }
              const state = currentRequest();
              if (!state) return;
              state.operations.push(operationName ?? request.operationName ?? '');
              if (response.body.kind === 'single') {
                for (const e of response.body.singleResult.errors ?? []) state.errorCodes.push(String(e.extensions?.code ?? ''));
              }
            },
          };
        },
      },
      warningsPlugin,
      // Last, so the answers it stores already carry their warnings.
      ...(responseStore ? [responseCachePlugin(responseStore, { lookedUp: (hit) => metrics.responseCache(hit) })] : []),
    ],
  });
  await apollo.start();

  /** The caller's key as a viewer; a bad key is refused outright (401), never treated as anonymous. */
  const viewerOf = async (authorization: string | undefined) => {
    try {
      return await authenticator.viewerFor(authorization);
    } catch (error) {
      if (error instanceof GraphQLError) throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 401 } } });
      throw error;
    }
  };

  const httpLimits = { maxQueryLength: config.maxQueryLength, maxBatchSize: config.maxBatchSize, requestTimeoutMs: config.requestTimeoutMs };
  const graphql = graphqlHandler({
    apollo,
    limits: httpLimits,
    maxBodyBytes: config.maxBodyBytes,
    logger,
    context: async (req, request) => {
      const viewer = await viewerOf(req.headers.authorization);
      request.keyName = viewer?.name ?? null;
      if (!viewer && config.requireKeyForReads) {
        throw domainError('UNAUTHENTICATED', 'This server requires an API key: send "Authorization: Bearer <key>"', { http: { status: 401 } });
      }
      return createContext(orm.em, { viewer: viewer ?? ANONYMOUS, events: bus.events });
    },
  });

  app.get('/healthz', (_req, res) => {
    // Under WORKERS > 1, which worker process answered (1..n).
    res.json(workerIndex ? { status: 'ok', worker: workerIndex } : { status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (draining) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    const status = await databaseStatus(orm);
    res.status(status === 'ready' ? 200 : 503).json({ status });
  });
  app.get('/metrics', metrics.handler());
  app.use(graphiqlRouter(GRAPHQL_PATH));
  app.use(explorerRouter()); // the explorer front-end at /explore (dist/explorer, from npm run build:explorer)
  // GraphQL requests that reach express: GETs that are not for GraphiQL, and odd spellings of the path.
  app.use(GRAPHQL_PATH, (req, res) => graphql(req, res));
  app.use(jsonErrorHandler(logger));

  const trustProxy = app.get('trust proxy fn') as TrustProxy;
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const state = beginRequest(req, res, trustProxy);
    logWhenDone(req, res, state, logger, metrics, GRAPHQL_PATH);
    // A GraphQL POST goes straight to its handler: express's routing would cost it as much as
    // Apollo's whole pipeline (docs/benchmarks.md). Everything else is express's.
    if (req.method === 'POST' && isGraphqlUrl(req.url)) graphql(req, res);
    else app(req, res);
  });
  return { express: app, httpServer, apollo, subscriptions, metrics, rateLimiter, responseStore };
}
