import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';
import type { Metrics } from './metrics';
import { stateOf } from './request-context';

/**
 * One JSON log line per request when it ends (or the client goes away): request id, method,
 * path, status, duration, operation names, query cost, client and error codes. GraphQL requests
 * are also counted and timed in the metrics; /healthz, /readyz and /metrics log at debug.
 */
export function requestLogger(logger: Logger, metrics: Metrics, graphqlPath: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    let done = false;
    const finish = (aborted: boolean) => {
      if (done) return;
      done = true;
      const state = stateOf(res);
      // req.path is relative to the mount point by now; originalUrl is what the client asked for.
      const path = (req.originalUrl || req.url).split('?')[0];
      const seconds = state ? Number(process.hrtime.bigint() - state.startedAt) / 1e9 : 0;
      const status = aborted && !res.headersSent ? 499 : res.statusCode;
      const isGraphql = path === graphqlPath && !(req.method === 'GET' && res.getHeader('content-type')?.toString().startsWith('text/html'));
      const operation = state?.operations.filter(Boolean).join(',') || undefined;
      if (isGraphql) metrics.observeRequest(state?.operations.length === 1 ? state.operations[0] || undefined : operation, status, seconds);
      const quiet = path === '/healthz' || path === '/readyz' || path === '/metrics' || path.startsWith('/assets/');
      const level = status >= 500 ? 'warn' : quiet ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return; // LOG_LEVEL above it: the line would be dropped anyway
      const entry = {
        reqId: state?.id,
        method: req.method,
        path,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        ...(isGraphql ? { operation: operation ?? null, cost: state?.cost ?? 0 } : {}),
        client: state?.ip,
        ...(state?.keyName ? { key: state.keyName } : {}),
        ...(state?.errorCodes.length ? { errors: [...new Set(state.errorCodes)] } : {}),
        ...(aborted ? { aborted: true } : {}),
      };
      logger[level](entry, level === 'warn' ? 'request failed' : 'request');
    };
    res.once('finish', () => finish(false));
    res.once('close', () => finish(!res.writableFinished));
    next();
  };
}
