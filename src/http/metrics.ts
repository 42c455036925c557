import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Operation names come from clients: only this many distinct ones get their own label, the rest are "other". */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Minimal view of knex's tarn pool. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

export interface Metrics {
  registry: Registry;
  /** Records one finished HTTP request to /graphql. */
  observeRequest(operation: string | undefined, status: number, seconds: number): void;
  rateLimited(): void;
  /** One cacheable query looked up in the response cache. */
  responseCache(hit: boolean): void;
  /** The label for an operation name (bounded cardinality). */
  operationLabel(name: string | undefined): string;
  /** GET /metrics. */
  handler(): (req: Request, res: Response) => Promise<void>;
}

/**
 * Prometheus metrics of one app, in its own registry (several apps share a test process):
 * request count and latency by operation, database pool use, rate-limit rejections, and
 * prom-client's process metrics.
 */
export function createMetrics(orm: MikroORM): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'policy_kb_' });
  const requests = new Counter({
    name: 'policy_kb_graphql_requests_total',
    help: 'GraphQL HTTP requests by operation name and HTTP status',
    labelNames: ['operation', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'policy_kb_graphql_request_duration_seconds',
    help: 'GraphQL HTTP request latency by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const rejections = new Counter({
    name: 'policy_kb_rate_limit_rejections_total',
    help: 'Requests refused with RATE_LIMITED',
    registers: [registry],
  });
  const cacheLookups = new Counter({
    name: 'policy_kb_response_cache_lookups_total',
    help: 'Queries looked up in the response cache, by result (hit or miss)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const pool = (): TarnPool | undefined => {
    try {
      return (orm.em.getKnex().client as { pool?: TarnPool }).pool;
    } catch {
      return undefined;
    }
  };
  const poolGauge = (name: string, help: string, read: (p: TarnPool) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const p = pool();
        this.set(p ? read(p) : 0);
      },
    });
  poolGauge('policy_kb_db_pool_used', 'Database connections in use', (p) => p.numUsed());
  poolGauge('policy_kb_db_pool_idle', 'Idle database connections in the pool', (p) => p.numFree());
  poolGauge('policy_kb_db_pool_pending_acquires', 'Queries waiting for a database connection', (p) => p.numPendingAcquires());
  poolGauge('policy_kb_db_pool_pending_creates', 'Database connections being opened', (p) => p.numPendingCreates());

  const seen = new Set<string>();
  const operationLabel = (name: string | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_LABELS) return 'other';
    seen.add(name);
    return name;
  };
  return {
    registry,
    operationLabel,
    observeRequest(operation, status, seconds) {
      const label = operationLabel(operation);
      requests.inc({ operation: label, status: String(status) });
      duration.observe({ operation: label }, seconds);
    },
    rateLimited: () => rejections.inc(),
    responseCache: (hit) => cacheLookups.inc({ result: hit ? 'hit' : 'miss' }),
    handler: () => async (_req, res) => {
      res.setHeader('content-type', registry.contentType);
      res.send(await registry.metrics());
    },
  };
}
