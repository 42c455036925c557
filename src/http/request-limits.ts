import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';
import { stateOf } from './request-context';

export interface HttpLimits {
  maxQueryLength: number;
  maxBatchSize: number;
  requestTimeoutMs: number;
}

/**
 * Sends a GraphQL-shaped error (`{ errors: [{ message, extensions: { code, ... } }] }`) for a
 * request refused before it reaches Apollo.
 */
export function sendError(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  if (res.headersSent) return;
  const state = stateOf(res);
  state?.errorCodes.push(code);
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions, ...(state ? { requestId: state.id } : {}) } }] }));
}

function queryText(req: Request, item: unknown): unknown {
  if (item && typeof item === 'object' && 'query' in item) return (item as { query: unknown }).query;
  if (req.method === 'GET') return (req.query as Record<string, unknown>)?.query;
  return undefined;
}

/** Batch size (array bodies) and query length, checked before anything is parsed. */
export function requestShapeLimits(limits: HttpLimits) {
  return (req: Request, res: Response, next: NextFunction) => {
    const body: unknown = req.body;
    const items = Array.isArray(body) ? body : [body];
    if (Array.isArray(body) && body.length > limits.maxBatchSize) {
      return sendError(res, 400, 'BAD_REQUEST', `A batch of ${body.length} operations exceeds the limit of ${limits.maxBatchSize} operations per request`, {
        limit: limits.maxBatchSize,
        batchSize: body.length,
      });
    }
    for (const item of items) {
      const query = queryText(req, item);
      if (typeof query === 'string' && query.length > limits.maxQueryLength) {
        return sendError(res, 400, 'BAD_REQUEST', `Query of ${query.length} characters exceeds the limit of ${limits.maxQueryLength} characters`, {
          limit: limits.maxQueryLength,
          length: query.length,
        });
      }
    }
    next();
  };
}

/**
 * Answers 503 TIMEOUT when a request is not done within `requestTimeoutMs`. PostgreSQL's
 * statement_timeout (shorter by default) cancels the statement itself; this bounds everything
 * else. Whatever the late handler writes afterwards is dropped.
 */
export function requestTimeout(limits: HttpLimits, logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      logger.warn({ reqId: stateOf(res)?.id, path: req.originalUrl.split('?')[0], limitMs: limits.requestTimeoutMs }, 'request timed out');
      sendError(res, 503, 'TIMEOUT', `The request took longer than the limit of ${limits.requestTimeoutMs} ms`, { limit: limits.requestTimeoutMs });
    }, limits.requestTimeoutMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}

/** Body-parser failures (too large, bad JSON, bad charset) and late errors as JSON, never HTML or a stack. */
export function jsonErrorHandler(logger: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (res.headersSent) return; // e.g. a handler finishing after its request timed out
    const e = error as { type?: string; status?: number; statusCode?: number; message?: string };
    const status = e.status ?? e.statusCode ?? 500;
    if (e.type === 'entity.too.large') {
      // Do not read the rest of a body we refuse; close the connection once the answer is out.
      res.setHeader('connection', 'close');
      return sendError(res, 413, 'BAD_REQUEST', `Request body exceeds the limit of ${maxBodyBytes} bytes`, { limit: maxBodyBytes });
    }
    if (e.type === 'entity.parse.failed') return sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
    if (status >= 400 && status < 500) return sendError(res, status, 'BAD_REQUEST', e.message ?? 'Bad request');
    const requestId = stateOf(res)?.id;
    logger.error({ reqId: requestId, err: error }, 'unexpected error while handling a request');
    sendError(res, 500, 'INTERNAL_SERVER_ERROR', `Internal server error; quote this id when reporting it: ${requestId}`, { errorId: requestId });
  };
}
