import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';
import { stateOf } from './request-context';

export interface HttpLimits {
  maxQueryLength: number;
  maxBatchSize: number;
  requestTimeoutMs: number;
}

/** A request refused before it reaches Apollo: its HTTP status and GraphQL error. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * Sends a GraphQL-shaped error (`{ errors: [{ message, extensions: { code, ... } }] }`) for a
 * request refused before it reaches Apollo.
 */
export function sendError(res: ServerResponse, { status, code, message, extensions = {} }: Refusal): void {
  if (res.headersSent) return;
  const state = stateOf(res);
  state?.errorCodes.push(code);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions, ...(state ? { requestId: state.id } : {}) } }] }));
}

/** Batch size (array bodies) and query length, checked before anything is parsed; null when within them. */
export function shapeRefusal(body: unknown, limits: HttpLimits): Refusal | null {
  const items = Array.isArray(body) ? body : [body];
  if (Array.isArray(body) && body.length > limits.maxBatchSize) {
    return {
      status: 400,
      code: 'BAD_REQUEST',
      message: `A batch of ${body.length} operations exceeds the limit of ${limits.maxBatchSize} operations per request`,
      extensions: { limit: limits.maxBatchSize, batchSize: body.length },
    };
  }
  for (const item of items) {
    const query = item && typeof item === 'object' && 'query' in item ? (item as { query: unknown }).query : undefined;
    if (typeof query === 'string' && query.length > limits.maxQueryLength) {
      return {
        status: 400,
        code: 'BAD_REQUEST',
        message: `Query of ${query.length} characters exceeds the limit of ${limits.maxQueryLength} characters`,
        extensions: { limit: limits.maxQueryLength, length: query.length },
      };
    }
  }
  return null;
}

/**
 * Answers 503 TIMEOUT when a request is not done within `requestTimeoutMs`. PostgreSQL's
 * statement_timeout (shorter by default) cancels the statement itself; this bounds everything
 * else. Whatever the late handler writes afterwards is dropped.
 */
export function timeOutAfter(req: IncomingMessage, res: ServerResponse, limits: HttpLimits, logger: Logger): void {
  const timer = setTimeout(() => {
    if (res.headersSent) return;
    logger.warn({ reqId: stateOf(res)?.id, path: ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0], limitMs: limits.requestTimeoutMs }, 'request timed out');
    sendError(res, { status: 503, code: 'TIMEOUT', message: `The request took longer than the limit of ${limits.requestTimeoutMs} ms`, extensions: { limit: limits.requestTimeoutMs } });
  }, limits.requestTimeoutMs);
  timer.unref();
  const clear = () => clearTimeout(timer);
  res.once('finish', clear);
  res.once('close', clear);
}

/** An error that escaped a handler, as a 500 JSON error with the request id to quote; never HTML or a stack. */
export function sendInternalError(res: ServerResponse, error: unknown, logger: Logger): void {
  const requestId = stateOf(res)?.id;
  logger.error({ reqId: requestId, err: error }, 'unexpected error while handling a request');
  sendError(res, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: `Internal server error; quote this id when reporting it: ${requestId}`, extensions: { errorId: requestId } });
}

/** Errors of the express routes (static files, GraphiQL, health) as JSON, never HTML or a stack. */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (res.headersSent) return;
    const e = error as { status?: number; statusCode?: number; message?: string };
    const status = e.status ?? e.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendError(res, { status, code: 'BAD_REQUEST', message: e.message ?? 'Bad request' });
    sendInternalError(res, error, logger);
  };
}
