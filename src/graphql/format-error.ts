import { randomUUID } from 'node:crypto';
import { GraphQLError, GraphQLFormattedError, Kind, parse, visit } from 'graphql';
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
]);

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
    const errorId = randomUUID();
    const cause = original?.originalError ?? error;
    logger.error({ errorId, path: formatted.path, err: cause }, 'unexpected error while resolving a request');
    return {
      message: `Internal server error; quote this id when reporting it: ${errorId}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}
