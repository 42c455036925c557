import { GraphQLError } from 'graphql';

/** The error codes clients can rely on (in `extensions.code`). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export function domainError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** A client error about one argument or input field: the message names it. */
export function badInput(argument: string, problem: string): GraphQLError {
  return domainError('BAD_USER_INPUT', `Argument "${argument}" ${problem}`, { argument });
}
