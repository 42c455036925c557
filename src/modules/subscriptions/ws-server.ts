import type http from 'node:http';
import { once } from 'node:events';
import type { Duplex } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DocumentNode,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  Kind,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  OperationDefinitionNode,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { ANONYMOUS, createContext, Viewer } from '../../graphql/context';
import { checkOperation, QueryLimits } from '../../graphql/limits';
import type { Logger } from '../../logger';
import type { KeyAuthenticator } from '../auth/api-keys.service';
import type { DomainEvents } from './events';

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  /** The path WebSocket upgrades are accepted on (the HTTP endpoint's, /graphql). */
  path: string;
  schema: GraphQLSchema;
  rootEm: EntityManager;
  authenticator: KeyAuthenticator;
  /** Given to every operation's context, as on HTTP. */
  events: DomainEvents;
  limits: QueryLimits;
  introspection: boolean;
  requireKeyForReads: boolean;
  /** The HTTP server's error formatter, so both transports show (and mask) errors alike. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
}

export interface SubscriptionServer {
  /** Refuses new connections, closes the open ones (1001), then the WebSocket server. */
  close(): Promise<void>;
}

interface ConnectionParams extends Record<string, unknown> {
  authorization?: unknown;
}

interface Extra extends Record<PropertyKey, unknown> {
  viewer?: Viewer;
}

/** WebSocket close code 1001: the server is going away. */
const GOING_AWAY = 1001;

/** How long open sockets get to answer the close handshake before they are cut. */
const CLOSE_GRACE_MS = 2000;

/** A close reason must fit in 123 bytes. */
function closeReason(message: string): string {
  return Buffer.byteLength(message) <= 123 ? message : `${message.slice(0, 110)}…`;
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

function requestError(message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** The limits of HTTP (limits.ts checkOperation), with the same messages; no HTTP status over a socket. */
function limitErrors(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: QueryLimits): GraphQLError[] {
  try {
    checkOperation(schema, document, operation, variables, limits);
    return [];
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const { http: _status, ...extensions } = error.extensions;
    return [new GraphQLError(error.message, { extensions })];
  }
}

/**
 * graphql-ws (the graphql-transport-ws protocol) on the HTTP server's port and path: a
 * WebSocket upgrade of `path` speaks GraphQL subscriptions over the same schema.
 *
 * - The API key comes from `connectionParams.authorization` ("Bearer <key>"), or the upgrade
 *   request's Authorization header, and is checked once when the connection opens (by the same
 *   KeyAuthenticator as HTTP). A bad key closes the socket with 4403 and the reason; no key is
 *   an anonymous reader unless REQUIRE_KEY_FOR_READS is on.
 * - Every operation gets its own context, built as HTTP builds a request's.
 * - Only subscriptions are served; queries and mutations belong on HTTP, where the rest of the
 *   request pipeline runs. Depth and cost limits and introspection settings apply as on HTTP.
 * - Errors go through the HTTP error formatter, so unexpected ones are logged and masked.
 */
export function attachSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const { schema, logger } = options;
  const rules = options.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));

  let closing = false;
  const wss = new WebSocketServer({ noServer: true });
  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (closing || pathname !== options.path) {
      const status = closing ? '503 Service Unavailable' : '404 Not Found';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  options.httpServer.on('upgrade', onUpgrade);

  const server = useServer<ConnectionParams, Extra>(
    {
      schema,
      // Never put internal error messages in close reasons.
      isProd: true,
      async onConnect(ctx) {
        const refuse = (message: string) => {
          ctx.extra.socket.close(CloseCode.Forbidden, closeReason(message));
          return false;
        };
        const authorization = ctx.connectionParams?.authorization ?? ctx.extra.request.headers.authorization;
        if (authorization !== undefined && authorization !== null && typeof authorization !== 'string') {
          return refuse('connectionParams.authorization must be a string: "Bearer <API key>"');
        }
        let viewer: Viewer | null;
        try {
          viewer = await options.authenticator.viewerFor(authorization ?? undefined);
        } catch (error) {
          if (error instanceof GraphQLError) return refuse(error.message);
          logger.error({ err: error }, 'could not check the API key of a WebSocket connection');
          throw error;
        }
        if (!viewer && options.requireKeyForReads) {
          return refuse('This server requires an API key: send connectionParams { authorization: "Bearer <key>" }');
        }
        ctx.extra.viewer = viewer ?? ANONYMOUS;
        return true;
      },
      onSubscribe(_ctx, _id, payload) {
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? withCode(error, 'GRAPHQL_PARSE_FAILED') : requestError('The query could not be parsed', 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) {
          const named = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.name);
          return [requestError(named && payload.operationName ? `Unknown operation named "${payload.operationName}"` : 'Could not identify the operation to run: send operationName', 'OPERATION_RESOLUTION_FAILURE')];
        }
        if (operation.operation !== 'subscription') {
          return [requestError(`Only subscriptions are served over WebSocket: send ${operation.operation} operations as HTTP POST to ${options.path}`, 'BAD_REQUEST')];
        }
        const variables = payload.variables ?? {};
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
        if (coerced.errors) return coerced.errors.map((error) => withCode(error, 'BAD_USER_INPUT'));
        const overLimit = limitErrors(schema, document, operation, variables, options.limits);
        if (overLimit.length) return overLimit;
        return { schema, document, operationName: payload.operationName, variableValues: variables };
      },
      // primary: each event re-reads the action a commit just announced; a lagging replica could miss it.
      context: (ctx) => createContext(options.rootEm, { viewer: ctx.extra.viewer ?? ANONYMOUS, events: options.events, primary: true }),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
  );

  return {
    async close() {
      closing = true;
      options.httpServer.off('upgrade', onUpgrade);
      const open = [...wss.clients];
      for (const socket of open) socket.close(GOING_AWAY, 'Server shutting down');
      const closed = Promise.all(open.map((socket) => (socket.readyState === socket.CLOSED ? undefined : once(socket, 'close'))));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
      clearTimeout(timer);
      for (const socket of wss.clients) socket.terminate();
      await server.dispose();
    },
  };
}
