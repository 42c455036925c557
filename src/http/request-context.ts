import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyaddr from 'proxy-addr';

/** What the server learns about one HTTP request as it goes: logged and measured when it ends. */
export interface RequestState {
  /** The client's x-request-id when it is sane, else a fresh UUID; sent back as x-request-id. */
  id: string;
  /** The client address (the proxy's view of it when TRUST_PROXY is set). */
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

/** Which proxy hops to trust for the client address (express's compiled `trust proxy` setting). */
export type TrustProxy = (address: string, hop: number) => boolean;

const storage = new AsyncLocalStorage<RequestState>();
const states = new WeakMap<ServerResponse, RequestState>();

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

/** Gives a request its id (header `x-request-id` both ways) and state, before it is routed anywhere. */
export function beginRequest(req: IncomingMessage, res: ServerResponse, trustProxy: TrustProxy): RequestState {
  const state: RequestState = {
    id: requestIdFrom(req.headers['x-request-id']),
    ip: (req.socket.remoteAddress === undefined ? undefined : proxyaddr(req, trustProxy)) ?? 'unknown',
    startedAt: process.hrtime.bigint(),
    operations: [],
    cost: 0,
    errorCodes: [],
  };
  states.set(res, state);
  res.setHeader('x-request-id', state.id);
  return state;
}

/**
 * Runs `work` inside the request's AsyncLocalStorage context, so the Apollo plugins and the
 * error formatter (which get no request) can find its id. Entered once the body is read:
 * stream callbacks do not carry the context.
 */
export function runInRequest<T>(state: RequestState, work: () => T): T {
  return storage.run(state, work);
}

export function stateOf(res: ServerResponse): RequestState | undefined {
  return states.get(res);
}
