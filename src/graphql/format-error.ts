import { randomUUID } from 'node:crypto';
import { GraphQLError, GraphQLFormattedError, Kind, parse, visit } from 'graphql';
import { currentRequest } from '../http/request-context';
import type { Logger } from '../logger';

/** Codes that are safe to show as they are: the client caused them or can act on them. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'TIMEOUT',
  'SERVICE_UNAVAILABLE',
]);

/** PostgreSQL and driver errors that mean "the database is not there right now", not a bug. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const UNAVAILABLE_MESSAGES = /ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|connection is closed|Client has encountered a connection error|Knex: Timeout acquiring a connection|terminating connection|the database system is (starting up|shutting down|in recovery)|Transaction query already complete/i;

/** Text PostgreSQL cannot store: NUL (U+0000) and untranslatable characters. */
const BAD_TEXT_SQLSTATES = new Set(['22021', '22P05']);

/** What kind of failure `cause` is, looking through MikroORM's wrapped driver errors. */
function classify(cause: unknown): 'timeout' | 'unavailable' | 'bad-text' | null {
  for (let e = cause as { code?: unknown; message?: unknown; cause?: unknown; previous?: unknown } | undefined, i = 0; e && i < 5; i++) {
    if (e.code === '57014') return 'timeout'; // query_canceled: statement_timeout
    if (typeof e.code === 'string' && BAD_TEXT_SQLSTATES.has(e.code)) return 'bad-text';
    if (typeof e.code === 'string' && UNAVAILABLE_SQLSTATES.has(e.code)) return 'unavailable';
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return 'unavailable';
    e = (e.previous ?? e.cause) as typeof e;
  }
  return null;
}

/**
 * graphql-js's messages for a literal value of the wrong shape (ValuesOfCorrectTypeRule): a
 * bad scalar, an unknown enum value, an unknown or missing input field. They are the
 * client's input errors, not broken documents.
 */
const BAD_VALUE = /^(Expected value of type|Value ".*" does not exist in ".*" enum|Field ".*" is not defined by type|Field ".*" of required type ".*" was not provided|Enum ".*" cannot represent)/;

/**
 * The argument (or input field) whose literal value a validation error points at, found by
 * position in the document, so "Expected value of type CountryCode" can say which argument.
 */
function argumentAt(error: GraphQLError): string | null {
  const start = error.nodes?.[0]?.loc?.start;
  const body = error.source?.body;
  if (start === undefined || !body) return null;
  let name: string | null = null;
  try {
    visit(parse(body), {
      enter(node) {
        if ((node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) && node.value.loc && node.value.loc.start <= start && start < node.value.loc.end) {
          name = node.name.value; // innermost wins: later visits are deeper
        }
      },
    });
  } catch {
    return null;
  }
  return name;
}

/**
 * Maps every error to what a client may see, in one place: domain and request errors keep
 * their message and code; a bad literal value becomes BAD_USER_INPUT naming its argument;
 * anything unexpected is logged with an id and masked, so no stack trace or SQL leaks.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error : null;
    const code = String(formatted.extensions?.code ?? '');
    if (code === 'GRAPHQL_VALIDATION_FAILED' && original && BAD_VALUE.test(original.message)) {
      const argument = argumentAt(original);
      return {
        message: argument ? `Argument "${argument}": ${original.message}` : original.message,
        locations: formatted.locations,
        extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
      };
    }
    if (CLIENT_CODES.has(code)) {
      const { stacktrace: _hidden, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // The HTTP request's id (also in the x-request-id header and every log line of the request);
    // a fresh one for WebSocket operations.
    const request = currentRequest();
    const errorId = request?.id ?? randomUUID();
    const cause = original?.originalError ?? error;
    const kind = classify(cause);
    if (kind === 'bad-text') {
      return {
        message: 'A text argument contains a character that cannot be stored or searched (such as NUL, U+0000)',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    if (kind === 'timeout') {
      logger.warn({ reqId: errorId, path: formatted.path, err: cause }, 'a database statement exceeded statement_timeout');
      request?.errorCodes.push('TIMEOUT');
      return {
        message: `A database statement took longer than the server allows (statement_timeout); simplify the query or ask for smaller pages (request id ${errorId})`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'TIMEOUT', errorId, requestId: errorId },
      };
    }
    if (kind === 'unavailable') {
      logger.error({ reqId: errorId, path: formatted.path, err: cause }, 'database unavailable while resolving a request');
      request?.errorCodes.push('SERVICE_UNAVAILABLE');
      return {
        message: `The database is unavailable; retry later (request id ${errorId})`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE', errorId, requestId: errorId },
      };
    }
    logger.error({ reqId: errorId, errorId, path: formatted.path, err: cause }, 'unexpected error while resolving a request');
    request?.errorCodes.push('INTERNAL_SERVER_ERROR');
    return {
      message: `Internal server error; quote this id when reporting it: ${errorId}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId, requestId: errorId },
    };
  };
}
