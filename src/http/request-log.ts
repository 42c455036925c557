import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import type { Metrics } from './metrics';
import type { RequestState } from './request-context';

/**
 * One JSON log line per request when it ends (or the client goes away): request id, method,
 * path, status, duration, operation names, query cost, client and error codes. GraphQL requests
 * are also counted and timed in the metrics; /healthz, /readyz and /metrics log at debug.
 */
/** Called when the request arrives, before it is routed. */
export function logWhenDone(req: IncomingMessage, res: ServerResponse, state: RequestState, logger: Logger, metrics: Metrics, graphqlPath: string): void {
  // Read before routing: express rewrites req.url below its mount points.
  const path = (req.url ?? '').split('?')[0];
  let done = false;
  const finish = (aborted: boolean) => {
    if (done) return;
    done = true;
    const seconds = Number(process.hrtime.bigint() - state.startedAt) / 1e9;
    const status = aborted && !res.headersSent ? 499 : res.statusCode;
    const isGraphql = path === graphqlPath && !(req.method === 'GET' && res.getHeader('content-type')?.toString().startsWith('text/html'));
    const operation = state.operations.filter(Boolean).join(',') || undefined;
    if (isGraphql) metrics.observeRequest(state.operations.length === 1 ? state.operations[0] || undefined : operation, status, seconds);
    const quiet = path === '/healthz' || path === '/readyz' || path === '/metrics' || path.startsWith('/assets/');
    const level = status >= 500 ? 'warn' : quiet ? 'debug' : 'info';
    if (!logger.isLevelEnabled(level)) return; // LOG_LEVEL above it: the line would be dropped anyway
    const entry = {
      reqId: state.id,
      method: req.method,
      path,
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      ...(isGraphql ? { operation: operation ?? null, cost: state.cost } : {}),
      client: state.ip,
      ...(state.keyName ? { key: state.keyName } : {}),
      ...(state.errorCodes.length ? { errors: [...new Set(state.errorCodes)] } : {}),
      ...(aborted ? { aborted: true } : {}),
    };
    logger[level](entry, level === 'warn' ? 'request failed' : 'request');
  };
  res.once('finish', () => finish(false));
  res.once('close', () => finish(!res.writableFinished));
}
