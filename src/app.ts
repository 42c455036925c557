import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config';
import { GraphQLError } from 'graphql';
import { ANONYMOUS, Context, createContext } from './graphql/context';
import { domainError } from './graphql/errors';
import { KeyAuthenticator } from './modules/auth/api-keys.service';
import { createErrorFormatter } from './graphql/format-error';
import { queryLimitsPlugin } from './graphql/limits';
import { buildAppSchema } from './graphql/schema';
import { warningsPlugin } from './graphql/warnings-plugin';
import { graphiqlRouter } from './http/graphiql';
import type { Logger } from './logger';
import { createInProcessBus, EventBus } from './modules/subscriptions/event-bus';
import { attachSubscriptionServer, SubscriptionServer } from './modules/subscriptions/ws-server';

export interface App {
  express: Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** graphql-ws on the same port and path; apollo.stop() closes it before the HTTP server. */
  subscriptions: SubscriptionServer;
}

const GRAPHQL_PATH = '/graphql';

/** True when PostgreSQL answers within a second. */
async function databaseReady(orm: MikroORM): Promise<boolean> {
  try {
    await Promise.race([
      orm.em.getConnection().execute('select 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the HTTP app, the Apollo server and the graphql-ws server for a connected ORM; the
 * caller listens. `bus` carries subscription events (the caller owns and closes it); without
 * one, events stay inside this app.
 */
export async function createApp(config: Config, orm: MikroORM, logger: Logger, bus: EventBus = createInProcessBus()): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const schema = await buildAppSchema(bus.pubSub);
  const formatError = createErrorFormatter(logger);
  const limits = { maxDepth: config.maxQueryDepth, maxCost: config.maxQueryCost };
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
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      // Closes the WebSocket connections (and server): the HTTP server cannot finish closing while they are open.
      { serverWillStart: async () => ({ drainServer: () => subscriptions.close() }) },
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin<Context>(limits),
      warningsPlugin,
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

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await databaseReady(orm);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable' });
  });
  app.use(graphiqlRouter(GRAPHQL_PATH));
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const viewer = await viewerOf(req.headers.authorization);
        if (!viewer && config.requireKeyForReads) {
          throw domainError('UNAUTHENTICATED', 'This server requires an API key: send "Authorization: Bearer <key>"', { http: { status: 401 } });
        }
        return createContext(orm.em, { viewer: viewer ?? ANONYMOUS, events: bus.events });
      },
    }),
  );
  return { express: app, httpServer, apollo, subscriptions };
}
