import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** What the server learns about one HTTP request as it goes: logged and measured when it ends. */
export interface RequestState {
  /** The client's x-request-id when it is sane, else a fresh UUID; sent back as x-request-id. */
  id: string;
  /** The client address (req.ip: the proxy's view when TRUST_PROXY is set). */
  ip: string;
  startedAt: bigint;
  /** Operation names of the request (several when batched). */
  operations: string[];
  /** Total query cost of the request's operations (limits.ts). */
  cost: number;
  /** The API key's name when the request carried a valid key. */
  keyName?: string | null;
  /** Codes of the errors returned. */
  errorCodes: string[];
}

const storage = new AsyncLocalStorage<RequestState>();

/** The state of the HTTP request being served, if any (undefined for WebSocket operations and in-process calls). */
export function currentRequest(): RequestState | undefined {
  return storage.getStore();
}

const SANE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** Accepts the caller's x-request-id when it is short and plain, so ids can be followed across services. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SANE_ID.test(value) ? value : randomUUID();
}

/** Gives every request its id (header `x-request-id` both ways) and state. */
export function requestIdMiddleware() {
  return (req: Request, res: Response, next: NextFunction) => {
    const state: RequestState = {
      id: requestIdFrom(req.headers['x-request-id']),
      ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      startedAt: process.hrtime.bigint(),
      operations: [],
      cost: 0,
      errorCodes: [],
    };
    res.locals.request = state;
    res.setHeader('x-request-id', state.id);
    next();
  };
}

/**
 * Runs the rest of the chain inside the request's AsyncLocalStorage context, so the Apollo
 * plugins and the error formatter (which get no request) can find its id. Mounted after the
 * body parser: stream callbacks do not carry the context.
 */
export function bindRequestContext() {
  return (_req: Request, res: Response, next: NextFunction) => {
    const state = res.locals.request as RequestState | undefined;
    if (!state) return next();
    storage.run(state, next);
  };
}

export function stateOf(res: Response): RequestState | undefined {
  return res.locals.request as RequestState | undefined;
}
